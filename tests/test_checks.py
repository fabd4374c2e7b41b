"""Each kind of rule a district's sheet may state (core/checks.py), at its
boundary: met exactly, missed by the least amount, with the blocker's figures."""

from __future__ import annotations

from greencommunity.core.scoring import Evaluation, evaluate, pass_rule_clauses
from greencommunity.models import Criteria
from tests.factories import criteria_data

# Each rule kind a district's sheet may state, at its boundary: met exactly,
# missed by the least amount.

KINDS: dict[str, object] = {
    **criteria_data(),
    "pass_rule": {"min_total": 0},
    "categories": [
        *criteria_data()["categories"],
        {
            "id": 3,
            "title": "加分项",
            "kind": "bonus",
            "cap": 5,
            "items": [
                {"id": "3.1", "title": "市级示范", "points": 5},
                {"id": "3.2", "title": "区级示范", "points": 3},
            ],
        },
        {
            "id": 4,
            "title": "扣分项",
            "kind": "deduction",
            "cap": 6,
            "items": [
                {"id": "4.1", "title": "违法搭建", "points": 5},
                {"id": "4.2", "title": "群租", "points": 5},
            ],
        },
    ],
}
FULL = {"1.1": 30, "1.2": 20, "2.1": 20, "2.2": 30}


def kinds(**pass_rule: object) -> Criteria:
    data = {**KINDS, "pass_rule": {"min_total": 0, **pass_rule}}
    return Criteria.model_validate(data)


def summary(result: Evaluation) -> list[tuple[object, ...]]:
    return [(b.kind, b.subject, b.actual, b.required, b.short) for b in result.blockers]


def test_bonus_counts_up_to_its_cap_and_not_in_the_points() -> None:
    criteria = kinds(min_total=100)
    result = evaluate(criteria, {**FULL, "1.1": 26, "3.1": 4})
    assert (result.total, result.points, result.passed) == (100, 100, True)
    capped = evaluate(criteria, {**FULL, "1.1": 20, "3.1": 5, "3.2": 3})
    assert capped.total == 95  # 90 + 5 of the 8 bonus points
    assert summary(capped) == [("total", "total", 95, 100, 5)]
    bonus = capped.categories[2]
    assert (bonus.kind, bonus.score, bonus.counted) == ("bonus", 8, 5)


def test_deduction_takes_off_up_to_its_cap() -> None:
    criteria = kinds(min_total=90)
    assert evaluate(criteria, {**FULL, "4.1": 5, "4.2": 5}).total == 94  # 100 - 6
    result = evaluate(criteria, {**FULL, "1.1": 25, "4.1": 5, "4.2": 0.5})
    assert summary(result) == [("total", "total", 89.5, 90, 0.5)]
    deduction = result.categories[3]
    assert (deduction.kind, deduction.score, deduction.counted) == ("deduction", 5.5, -5.5)
    assert evaluate(criteria, {**FULL, "1.1": 25, "4.1": 5}).passed


def test_a_recorded_veto_fails_full_marks() -> None:
    criteria = kinds(vetoes=[{"id": "safety", "title": "重大安全事故"}])
    assert evaluate(criteria, FULL).passed
    result = evaluate(criteria, FULL, {"safety": "充电起火"})
    assert not result.passed and result.vetoed
    assert [(b.kind, b.subject, b.title, b.reason) for b in result.blockers] == [
        ("veto", "safety", "重大安全事故", "充电起火")
    ]
    assert evaluate(criteria, FULL, {"unknown": "GC343"}).passed  # not this sheet's veto
    assert result.points_lacking() == 0


def test_a_veto_by_item_applies_at_zero_only() -> None:
    criteria = kinds(vetoes=[{"id": "sorting", "title": "垃圾分类不得分", "item": "2.1"}])
    assert evaluate(criteria, {**FULL, "2.1": 0.5}).passed
    for sheet in ({**FULL, "2.1": 0}, {k: v for k, v in FULL.items() if k != "2.1"}):
        result = evaluate(criteria, sheet)
        assert [(b.kind, b.items, b.reason) for b in result.blockers] == [("veto", ("2.1",), "")]
        assert result.missing_items() == {"2.1"}


def test_category_minimum_in_points() -> None:
    data = kinds().model_dump()
    data["categories"][1]["min_points"] = 25
    criteria = Criteria.model_validate(data)
    assert evaluate(criteria, {**FULL, "2.1": 5, "2.2": 20}).passed
    result = evaluate(criteria, {**FULL, "2.1": 4.5, "2.2": 20})
    assert summary(result) == [("category_points", "2", 24.5, 25, 0.5)]
    assert result.missing_items() == {"2.1", "2.2"}


def test_required_item_as_a_share_and_the_larger_of_two_minimums() -> None:
    criteria = kinds(required_items=[{"item": "1.1", "min_share": "60%", "min_score": 15}])
    assert evaluate(criteria, {**FULL, "1.1": 18}).passed
    result = evaluate(criteria, {**FULL, "1.1": 17.5})
    assert summary(result) == [("required", "1.1", 17.5, 18, 0.5)]
    assert result.blockers[0].min_share == 0.6
    lower = kinds(required_items=[{"item": "1.1", "min_share": "40%", "min_score": 15}])
    assert summary(evaluate(lower, {**FULL, "1.1": 14.5})) == [("required", "1.1", 14.5, 15, 0.5)]


def test_k_of_n_items_at_full_marks() -> None:
    criteria = kinds(at_least=[{"count": 2, "items": ["1.1", "1.2", "2.1"]}])
    assert evaluate(criteria, {**FULL, "2.1": 0}).passed
    result = evaluate(criteria, {**FULL, "1.2": 19.5, "2.1": 0})
    assert summary(result) == [("at_least", "1.1,1.2,2.1", 1, 2, 1)]
    blocker = result.blockers[0]
    assert blocker.items == ("1.2", "2.1")
    assert blocker.lacking == 0.5  # 1.2 is the nearer
    assert result.missing_items() == {"1.2", "2.1"}
    assert result.points_lacking() == 0.5


def test_k_of_n_items_at_a_share() -> None:
    criteria = kinds(at_least=[{"count": 1, "items": ["1.1", "2.2"], "min_share": "80%"}])
    assert evaluate(criteria, {**FULL, "1.1": 24, "2.2": 0}).passed
    result = evaluate(criteria, {**FULL, "1.1": 23.5, "2.2": 23.5})
    assert summary(result) == [("at_least", "1.1,2.2", 0, 1, 1)]
    assert result.blockers[0].lacking == 0.5


def test_points_to_earn_are_whole_steps() -> None:
    """Two 6-point items must reach 80 % (4.8) and have 4.5 each: 0.3 short each,
    but a mark comes in steps of 0.5, so each needs 0.5 more (5 points)."""
    data = kinds().model_dump()
    data["categories"][0]["items"] = [
        {"id": "1.1", "title": "绿色宣传", "points": 6},
        {"id": "1.2", "title": "节能改造", "points": 6},
        {"id": "1.3", "title": "其他", "points": 38},
    ]
    data["pass_rule"] = {
        "min_total": 0,
        "at_least": [{"count": 2, "items": ["1.1", "1.2"], "min_share": "80%"}],
    }
    criteria = Criteria.model_validate(data)
    result = evaluate(criteria, {**FULL, "1.1": 4.5, "1.2": 4.5, "1.3": 0})
    assert summary(result) == [("at_least", "1.1,1.2", 0, 2, 2)]
    assert result.blockers[0].lacking == 1.0
    assert result.points_lacking() == 1.0
    assert evaluate(criteria, {**FULL, "1.1": 5, "1.2": 5, "1.3": 0}).passed
    data["pass_rule"] = {"min_total": 0, "required_items": [{"item": "1.1", "min_share": "80%"}]}
    required = evaluate(Criteria.model_validate(data), {**FULL, "1.1": 4.5, "1.3": 0})
    assert summary(required) == [("required", "1.1", 4.5, 4.8, 0.5)]


def test_points_to_earn_stop_at_full_marks() -> None:
    """An item of 2.25 points (off the step: GC323) at full marks: 0.25 to earn, not 0.5."""
    data = kinds().model_dump()
    data["categories"][0]["items"][0]["points"] = 2.25
    data["pass_rule"] = {"min_total": 0, "required_items": [{"item": "1.1"}]}
    criteria = Criteria.model_validate(data)
    result = evaluate(criteria, {**FULL, "1.1": 2})
    assert summary(result) == [("required", "1.1", 2, 2.25, 0.25)]


def test_a_pass_mark_off_the_step_is_short_by_whole_steps() -> None:
    criteria = kinds(min_total=90.2)
    assert summary(evaluate(criteria, {**FULL, "1.1": 20})) == [("total", "total", 90, 90.2, 0.5)]


def test_categories_with_a_score() -> None:
    criteria = kinds(min_categories_scored=2)
    assert evaluate(criteria, {"1.1": 0.5, "2.2": 0.5}).passed
    result = evaluate(criteria, {"1.1": 3, "3.1": 5})  # a bonus is not a category scored
    assert summary(result) == [("categories", "categories", 1, 2, 1)]
    assert result.blockers[0].items == ("2",)
    assert result.missing_items() == {"2.1", "2.2"}


def test_levels_above_the_pass_mark() -> None:
    data = {**KINDS, "pass_rule": {"min_total": 70, "min_category_share": "50%"}}
    data["levels"] = [{"title": "示范", "min_total": 90}, {"title": "良好", "min_total": 80}]
    criteria = Criteria.model_validate(data)
    assert evaluate(criteria, {**FULL, "1.1": 9, "2.2": 10}).level is None  # 69: no pass
    assert evaluate(criteria, {**FULL, "1.1": 9.5}).level is None  # 79.5: a pass, no level
    assert evaluate(criteria, {**FULL, "1.1": 10}).level == "良好"  # 80
    assert evaluate(criteria, {**FULL, "1.1": 19.5}).level == "良好"  # 89.5
    assert evaluate(criteria, {**FULL, "1.1": 15, "3.1": 5}).level == "示范"  # 85 + 5
    # A level asks for a pass, whatever the total.
    required = Criteria.model_validate(
        {**data, "pass_rule": {"min_total": 70, "required_items": [{"item": "3.2"}]}}
    )
    assert evaluate(required, FULL).level is None


def test_clauses_of_every_kind() -> None:
    data = {**KINDS}
    data["pass_rule"] = {
        "min_total": 60,
        "min_categories_scored": 2,
        "required_items": [{"item": "1.1", "min_share": "60%"}],
        "at_least": [{"count": 1, "items": ["2.1", "2.2"]}],
        "vetoes": [
            {"id": "safety", "title": "重大安全事故"},
            {"id": "s", "title": "分类", "item": "2.1"},
        ],
    }
    data["levels"] = [{"title": "示范", "min_total": 90}]
    clauses = pass_rule_clauses(Criteria.model_validate(data))
    assert [(c.kind, c.subject, c.value, c.count) for c in clauses] == [
        ("veto", "safety", 0, 0),
        ("veto", "s", 0, 0),
        ("total", "total", 60, 0),
        ("required", "1.1", 18, 0),
        ("at_least", "2.1,2.2", 1, 1),
        ("categories", "categories", 0, 2),
        ("bonus", "3", 5, 0),
        ("deduction", "4", 6, 0),
        ("level", "示范", 90, 0),
    ]
