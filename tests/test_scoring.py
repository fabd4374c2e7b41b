"""Scoring a sheet against the pass rule: exact sums, every blocking rule listed."""

from __future__ import annotations

import os
from collections.abc import Mapping
from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greencommunity.core.passrule import Unit, compiled
from greencommunity.core.scoring import Evaluation, evaluate, pass_rule_clauses
from greencommunity.figures import exact
from greencommunity.models import Criteria
from tests.factories import make_criteria

EXAMPLES = int(os.environ.get("GC_HYPOTHESIS_EXAMPLES", "150"))


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
    assert compiled(criteria).unit == Unit(1, 2)  # the score step
    assert compiled(make_criteria()) is not compiled(criteria)


def test_unit_divides_points_and_thresholds_off_the_step() -> None:
    # An item of 2.25 points (GC323) and a pass mark of 69.9 make the unit finer
    # than the step, so every threshold stays whole.
    data = make_criteria().model_dump()
    data["categories"][0]["items"][0]["points"] = 27.75
    data["categories"][0]["items"][1]["points"] = 22.25
    data["pass_rule"] = {**data["pass_rule"], "min_total": 69.9}
    criteria = Criteria.model_validate(data)
    assert compiled(criteria).unit == Unit(1, 20)
    result = evaluate(criteria, {"1.1": 27.75, "1.2": 12.25, "2.1": 15, "2.2": 14.9})
    assert (result.total, result.passed) == (69.9, True)


def test_off_step_marks_are_scored_exactly_not_rounded() -> None:
    # 4.3 is off the 0.5 step (GC322 reports it); the sheet is counted in tenths.
    scores = {"1.1": 20.3, "1.2": 14.2, "2.1": 10, "2.2": 25.4}
    result = evaluate(make_criteria(), scores)
    assert result.total == 69.9
    assert [(b.kind, b.short) for b in result.blockers] == [("total", 0.1)]
    scores["2.2"] = 25.5
    assert evaluate(make_criteria(), scores).passed


def test_share_met_by_cross_multiplying_what_was_written() -> None:
    # 33.3 % of category 2's 50 points is 16.65 exactly; as floats, 0.333 * 50 is
    # 16.650000000000002, which 16.65 would miss.
    criteria = make_criteria(pass_rule={"min_total": 0, "min_category_share": "33.3%"})
    category_1 = {"1.1": 30, "1.2": 20}
    assert evaluate(criteria, {**category_1, "2.1": 6.65, "2.2": 10}).passed
    blockers = evaluate(criteria, {**category_1, "2.1": 6.5, "2.2": 10}).blockers
    assert [(b.subject, b.actual, b.required, b.short) for b in blockers] == [
        ("2", 16.5, 16.65, 0.15)
    ]


def test_item_scores_keep_the_mark_as_written() -> None:
    result = evaluate(make_criteria(), {"1.1": 30, "1.2": -0.0, "2.2": 12.5})
    assert [repr(i.score) for i in result.items] == ["30.0", "-0.0", "None", "12.5"]
    assert [i.lost for i in result.items] == [0, 20, 20, 17.5]
    assert result.categories[0].score == 30


# The integer path against the pass rule computed with fractions, as it was
# written before scoring counted in units: every figure, blocker and item the
# same, to the bit.

STEPS = [0.5, 0.25, 1, 0.1, 2, 0.2, 0.05]
SHARES: list[float | str | None] = [None, None, 0, 0.5, 0.45, "33.3%", 0.625, 0.8, 1]


def reference(criteria: Criteria, scores: Mapping[str, float]) -> tuple[object, ...]:
    """The evaluation of *scores* with fractions: every figure of it."""
    rule = criteria.pass_rule
    categories: list[tuple[object, ...]] = []
    blockers: list[tuple[object, ...]] = []
    grand = F(0)
    shown_points = F(0)
    for category in criteria.categories:
        points = sum((exact(i.points) for i in category.items), F(0))
        score = sum((exact(scores[i.id]) for i in category.items if i.id in scores), F(0))
        grand += score
        shown_points += exact(float(points))
        share = category.min_share if category.min_share is not None else rule.min_category_share
        items = tuple(
            (i.id, i.title, i.points, float(scores[i.id]) if i.id in scores else None)
            for i in category.items
        )
        categories.append((category.id, category.title, float(points), float(score), share, items))
        if share is not None and score < exact(share) * points:
            needed = exact(share) * points
            blockers.append(
                (
                    "category",
                    str(category.id),
                    float(score),
                    float(needed),
                    float(needed - score),
                    category.title,
                    float(points),
                    share,
                )
            )
    if grand < exact(rule.min_total):
        short = exact(rule.min_total) - grand
        blockers.insert(
            0,
            (
                "total",
                "total",
                float(grand),
                rule.min_total,
                float(short),
                "",
                float(shown_points),
                None,
            ),
        )
    known = criteria.items()
    for required in rule.required_items:
        item = known.get(required.item)
        if item is None:
            continue
        minimum = required.min_score if required.min_score is not None else item.points
        actual = exact(scores.get(item.id, 0.0))
        if actual < exact(minimum):
            blockers.append(
                (
                    "required",
                    item.id,
                    float(actual),
                    minimum,
                    float(exact(minimum) - actual),
                    item.title,
                    item.points,
                    None,
                )
            )
    return float(grand), float(shown_points), tuple(categories), tuple(blockers)


def observed(result: Evaluation) -> tuple[object, ...]:
    categories = tuple(
        (
            c.id,
            c.title,
            c.points,
            c.score,
            c.min_share,
            tuple((i.item_id, i.title, i.points, i.score) for i in c.items),
        )
        for c in result.categories
    )
    blockers = tuple(
        (b.kind, b.subject, b.actual, b.required, b.short, b.title, b.points, b.min_share)
        for b in result.blockers
    )
    return result.total, result.points, categories, blockers


def reference_missing(result: Evaluation) -> frozenset[str]:
    """Evaluation.missing_items as written with each item's lost points."""
    if result.passed:
        return frozenset()
    kinds = {b.kind for b in result.blockers}
    blocked = {b.subject for b in result.blockers if b.kind == "category"}
    found = {
        i.item_id
        for c in result.categories
        for i in c.items
        if float(exact(i.points) - exact(i.value)) > 0
        and ("total" in kinds or str(c.id) in blocked)
    }
    found.update(b.subject for b in result.blockers if b.kind == "required")
    return frozenset(found)


@st.composite
def criteria_models(draw: st.DrawFn) -> Criteria:
    """A score sheet: steps from 2 to 0.05, items on and off the step (GC323),
    a duplicate id now and then (GC316), shares as fractions and percentages,
    a pass mark on or off the step, required items known or not (GC303)."""
    step = F(str(draw(st.sampled_from(STEPS))))
    categories: list[dict[str, object]] = []
    ids: list[str] = []
    total = F(0)
    for c in range(1, draw(st.integers(1, 4)) + 1):
        items = []
        for i in range(1, draw(st.integers(1, 4)) + 1):
            points: F = step * draw(st.integers(1, 12))
            if draw(st.integers(0, 9)) == 0:
                points += step / 2
            total += points
            item_id = f"{c}.{i}"
            if ids and draw(st.integers(0, 14)) == 0:
                item_id = draw(st.sampled_from(ids))
            ids.append(item_id)
            items.append({"id": item_id, "title": f"条目{c}.{i}", "points": float(points)})
        category: dict[str, object] = {"id": c, "title": f"类别{c}", "items": items}
        share = draw(st.sampled_from(SHARES))
        if share is not None:
            category["min_share"] = share
        categories.append(category)
    min_total: F = step * draw(st.integers(0, int(total / step) + 2))
    if draw(st.integers(0, 4)) == 0:
        min_total += step / 4
    required: list[dict[str, object]] = []
    for item_id in draw(st.lists(st.sampled_from([*ids, "9.9"]), max_size=3)):
        entry: dict[str, object] = {"item": item_id}
        if draw(st.booleans()):
            minimum: F = step * draw(st.integers(0, 8))
            entry["min_score"] = float(minimum)
        required.append(entry)
    pass_rule: dict[str, object] = {"min_total": float(min_total), "required_items": required}
    share = draw(st.sampled_from(SHARES))
    if share is not None:
        pass_rule["min_category_share"] = share
    # float() of a short decimal is the float YAML reads for it: exact() gives it back.
    return Criteria.model_validate(
        {
            "title": "生成的评分表",
            "total": float(total),
            "score_step": float(step),
            "pass_rule": pass_rule,
            "categories": categories,
        }
    )


def fill(points: list[F], target: F) -> list[F]:
    """Marks for items of *points* adding up to exactly *target* (the last item
    takes any excess, above its points if need be)."""
    marks = []
    for p in points:
        mark = min(p, max(target, F(0)))
        marks.append(mark)
        target -= mark
    if marks:
        marks[-1] += target
    return marks


@st.composite
def sheets(draw: st.DrawFn, criteria: Criteria) -> dict[str, float]:
    """A sheet for *criteria*: marks on the step, full, 0, left out or off the
    step (GC322); often put exactly on a threshold, then maybe a step or a
    thousandth either side."""
    step = exact(criteria.score_step)
    items = [i for c in criteria.categories for i in c.items]
    marks: dict[str, F | None] = {}
    for item in items:
        points = exact(item.points)
        kind = draw(st.sampled_from(["step", "step", "step", "full", "none", "zero", "off"]))
        if kind == "step":
            marks[item.id] = step * draw(st.integers(0, int(points / step) + 1))
        elif kind == "full":
            marks[item.id] = points
        elif kind == "zero":
            marks[item.id] = F(0)
        elif kind == "off":
            marks[item.id] = F(draw(st.integers(0, int(points * 1000))), 1000)
        else:
            marks[item.id] = None
    rule = criteria.pass_rule
    target = draw(st.sampled_from(["none", "total", "category", "required"]))
    on: list[tuple[str, F]] = []  # the marks that put the sheet on the threshold
    if target == "total":
        filled = fill([exact(i.points) for i in items], exact(rule.min_total))
        on = [(item.id, mark) for item, mark in zip(items, filled, strict=True)]
    elif target == "category":
        category = draw(st.sampled_from(criteria.categories))
        share = category.min_share if category.min_share is not None else rule.min_category_share
        if share is not None:
            points_each = [exact(i.points) for i in category.items]
            filled = fill(points_each, exact(share) * sum(points_each, F(0)))
            on = [(item.id, mark) for item, mark in zip(category.items, filled, strict=True)]
    elif target == "required" and rule.required_items:
        required = draw(st.sampled_from(rule.required_items))
        found = criteria.items().get(required.item)
        if found is not None:
            minimum = required.min_score if required.min_score is not None else found.points
            on = [(found.id, exact(minimum))]
    marks.update(on)
    nudged = draw(st.sampled_from(items)).id
    mark = marks[nudged]
    if mark is not None:
        nudge = draw(st.sampled_from([F(0), step, -step, F(1, 1000), F(-1, 1000)]))
        marks[nudged] = max(F(0), mark + nudge)
    scores = {item_id: float(m) for item_id, m in marks.items() if m is not None}
    if draw(st.booleans()):
        scores["9.9"] = 3.0  # an unknown item: ignored
    return scores


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None)
@given(data=st.data())
def test_units_agree_with_fractions_to_the_bit(data: st.DataObject) -> None:
    criteria = data.draw(criteria_models())
    for _ in range(8):
        scores = data.draw(sheets(criteria))
        result = evaluate(criteria, scores)
        assert repr(observed(result)) == repr(reference(criteria, scores))
        assert result.passed == (not result.blockers)
        assert result.missing_items() == reference_missing(result)
        assert [c.share for c in result.categories] == [
            exact(c.score) / exact(c.points) for c in result.categories
        ]
