"""Scoring a sheet against the pass rule: exact sums, every blocking rule listed."""

from __future__ import annotations

from greencommunity.core.scoring import evaluate, pass_rule_clauses
from tests.factories import make_criteria


def test_full_marks_pass() -> None:
    result = evaluate(make_criteria(), {"1.1": 30, "1.2": 20, "2.1": 20, "2.2": 30})
    assert result.passed
    assert result.total == 100
    assert result.points == 100
    assert [c.score for c in result.categories] == [50, 50]
    assert result.blockers == ()


def test_total_exactly_at_minimum_passes() -> None:
    result = evaluate(make_criteria(), {"1.1": 20, "1.2": 15, "2.1": 15, "2.2": 20})
    assert result.total == 70
    assert result.passed


def test_decimal_scores_sum_exactly() -> None:
    # 0.1 + 0.2 style sums must not fall just short of the limit.
    scores = {"1.1": 20.1, "1.2": 14.2, "2.1": 15.3, "2.2": 20.4}
    result = evaluate(make_criteria(), scores)
    assert result.total == 70
    assert result.passed


def test_every_blocker_is_listed_with_its_shortfall() -> None:
    result = evaluate(make_criteria(), {"1.1": 30, "1.2": 20, "2.1": 5, "2.2": 11})
    assert not result.passed
    assert [(b.kind, b.subject, b.actual, b.required, b.short) for b in result.blockers] == [
        ("total", "total", 66, 70, 4),
        ("category", "2", 16, 25, 9),
        ("required", "2.1", 5, 10, 5),
    ]


def test_category_share_exactly_at_minimum_passes() -> None:
    result = evaluate(make_criteria(), {"1.1": 30, "1.2": 20, "2.1": 10, "2.2": 15})
    assert result.categories[1].share == 0.5
    assert result.passed


def test_missing_item_counts_as_zero_and_is_marked() -> None:
    result = evaluate(make_criteria(), {"1.1": 30, "1.2": 20, "2.2": 30})
    item = result.categories[1].items[0]
    assert item.item_id == "2.1"
    assert item.score is None
    assert [(b.kind, b.subject, b.actual) for b in result.blockers] == [("required", "2.1", 0)]
    assert result.missing_items() == {"2.1"}


def test_required_item_defaults_to_full_points() -> None:
    criteria = make_criteria(pass_rule={"min_total": 10, "required_items": [{"item": "1.2"}]})
    result = evaluate(criteria, {"1.1": 30, "1.2": 19.5, "2.1": 20, "2.2": 30})
    assert [(b.subject, b.required, b.short) for b in result.blockers] == [("1.2", 20, 0.5)]


def test_category_min_share_overrides_rule() -> None:
    data = make_criteria().model_dump()
    data["categories"][0]["min_share"] = 0.9
    from greencommunity.models import Criteria

    result = evaluate(Criteria.model_validate(data), {"1.1": 30, "1.2": 14, "2.1": 20, "2.2": 30})
    assert [(b.kind, b.subject, b.required, b.short) for b in result.blockers] == [
        ("category", "1", 45, 1)
    ]


def test_total_short_marks_every_item_below_full() -> None:
    result = evaluate(make_criteria(), {"1.1": 20, "1.2": 20, "2.1": 15, "2.2": 4})
    assert [(b.kind, b.short) for b in result.blockers] == [("total", 11), ("category", 6)]
    assert result.missing_items() == {"1.1", "2.1", "2.2"}
    assert result.points_lacking() == 11


def test_pass_rule_clauses() -> None:
    clauses = pass_rule_clauses(make_criteria())
    assert [(c.kind, c.subject, c.value) for c in clauses] == [
        ("total", "total", 70),
        ("category", "*", 0.5),
        ("required", "2.1", 10),
    ]
