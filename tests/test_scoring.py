"""Scoring a sheet against the pass rule: exact sums, every blocking rule listed."""

from __future__ import annotations

from greencommunity.core.checks import Unit
from greencommunity.core.passrule import compiled
from greencommunity.core.scoring import evaluate, pass_rule_clauses
from greencommunity.models import Criteria
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


# Integer units: the criteria compiled once, a sheet counted in whole units.


def test_criteria_are_compiled_once_per_object() -> None:
    criteria = make_criteria()
    assert compiled(criteria) is compiled(criteria)
    assert compiled(criteria).unit == Unit(1, 2, 1)  # the score step
    assert compiled(make_criteria()) is not compiled(criteria)


def test_unit_divides_points_and_thresholds_off_the_step() -> None:
    # An item of 2.25 points (GC323) and a pass mark of 69.9 make the unit finer
    # than the step, so every threshold stays whole.
    data = make_criteria().model_dump()
    data["categories"][0]["items"][0]["points"] = 27.75
    data["categories"][0]["items"][1]["points"] = 22.25
    data["pass_rule"] = {**data["pass_rule"], "min_total": 69.9}
    criteria = Criteria.model_validate(data)
    assert compiled(criteria).unit == Unit(1, 20, 10)  # the step is ten units
    result = evaluate(criteria, {"1.1": 27.75, "1.2": 12.25, "2.1": 15, "2.2": 14.9})
    assert (result.total, result.passed) == (69.9, True)


def test_off_step_marks_are_scored_exactly_not_rounded() -> None:
    # 4.3 is off the 0.5 step (GC322 reports it); the sheet is counted in tenths.
    scores = {"1.1": 20.3, "1.2": 14.2, "2.1": 10, "2.2": 25.4}
    result = evaluate(make_criteria(), scores)
    assert result.total == 69.9
    # 0.1 below the pass mark; what is to earn is counted in steps of 0.5.
    assert [(b.kind, b.short) for b in result.blockers] == [("total", 0.5)]
    scores["2.2"] = 25.5
    assert evaluate(make_criteria(), scores).passed


def test_share_met_by_cross_multiplying_what_was_written() -> None:
    # 33.3 % of category 2's 50 points is 16.65 exactly; as floats, 0.333 * 50 is
    # 16.650000000000002, which 16.65 would miss.
    criteria = make_criteria(pass_rule={"min_total": 0, "min_category_share": "33.3%"})
    category_1 = {"1.1": 30, "1.2": 20}
    assert evaluate(criteria, {**category_1, "2.1": 6.65, "2.2": 10}).passed
    blockers = evaluate(criteria, {**category_1, "2.1": 6.5, "2.2": 10}).blockers
    # 0.15 short, but marks come in steps of 0.5: 0.5 to earn.
    assert [(b.subject, b.actual, b.required, b.short) for b in blockers] == [
        ("2", 16.5, 16.65, 0.5)
    ]


def test_item_scores_keep_the_mark_as_written() -> None:
    result = evaluate(make_criteria(), {"1.1": 30, "1.2": -0.0, "2.2": 12.5})
    assert [repr(i.score) for i in result.items] == ["30.0", "-0.0", "None", "12.5"]
    assert [i.lost for i in result.items] == [0, 20, 20, 17.5]
    assert result.categories[0].score == 30
