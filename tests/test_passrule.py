"""The pass rule compiled into integer units (core/passrule.py) against the
same rule computed with fractions from its wording, on random criteria of every
kind and random sheets put on each threshold and a step either side."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greencommunity.core.scoring import Evaluation, evaluate
from greencommunity.figures import exact
from greencommunity.models import Criteria

EXAMPLES = int(os.environ.get("GC_HYPOTHESIS_EXAMPLES", "150"))


# The integer path against the pass rule computed with fractions, as it was
# written before scoring counted in units: every figure, blocker and item the
# same, to the bit.

STEPS = [0.5, 0.25, 1, 0.1, 2, 0.2, 0.05]
SHARES: list[float | str | None] = [None, None, 0, 0.5, 0.45, "33.3%", 0.625, 0.8, 1]
KINDS_DRAWN = ["scored", "scored", "scored", "bonus", "deduction"]
NO_VETO: dict[str, str] = {}


def _blocker(
    kind: str,
    subject: str,
    actual: object,
    required: object,
    short: object,
    title: str = "",
    points: float = 0.0,
    min_share: float | None = None,
    reason: str = "",
    items: tuple[str, ...] = (),
    lacking: float = 0.0,
) -> tuple[object, ...]:
    return (
        kind,
        subject,
        actual,
        required,
        short,
        title,
        points,
        min_share,
        reason,
        items,
        lacking,
    )


def _to_earn(gap: F, step: F, room: F | None = None) -> F:
    """A shortfall as points to earn: whole steps, as a mark is given in steps,
    but no more than full marks leave when full marks close the gap."""
    earned = math.ceil(gap / step) * step
    return min(earned, room) if room is not None and room >= gap else earned


def reference(
    criteria: Criteria, scores: Mapping[str, float], vetoes: Mapping[str, str] = NO_VETO
) -> tuple[object, ...]:
    """The evaluation of *scores* with fractions: every figure of it, every rule
    kind written out as the sheet states it."""
    rule = criteria.pass_rule
    known = criteria.items()
    step = exact(criteria.score_step)

    def mark(item_id: str) -> F:
        return exact(scores.get(item_id, 0.0))

    categories: list[tuple[object, ...]] = []
    category_blockers: list[tuple[object, ...]] = []
    grand = F(0)
    shown_points = F(0)
    scored: list[tuple[str, F]] = []
    for category in criteria.categories:
        points = sum((exact(i.points) for i in category.items), F(0))
        score = sum((exact(scores[i.id]) for i in category.items if i.id in scores), F(0))
        share = None
        minimum = None
        if category.kind == "scored":
            counted = score
            shown_points += exact(float(points))
            scored.append((str(category.id), score))
            share = (
                category.min_share if category.min_share is not None else rule.min_category_share
            )
            minimum = category.min_points
        else:
            cap = exact(max(category.cap, 0)) if category.cap is not None else points
            counted = min(score, cap) if category.kind == "bonus" else -min(score, cap)
        grand += counted
        items = tuple(
            (i.id, i.title, i.points, float(scores[i.id]) if i.id in scores else None)
            for i in category.items
        )
        categories.append(
            (
                category.id,
                category.title,
                float(points),
                float(score),
                share,
                items,
                category.kind.value,
                float(counted),
                minimum,
            )
        )
        common = (category.title, float(points))
        if share is not None and score < exact(share) * points:
            needed = exact(share) * points
            category_blockers.append(
                _blocker(
                    "category",
                    str(category.id),
                    float(score),
                    float(needed),
                    float(_to_earn(needed - score, step, points - score)),
                    *common,
                    share,
                )
            )
        if minimum is not None and score < exact(minimum):
            category_blockers.append(
                _blocker(
                    "category_points",
                    str(category.id),
                    float(score),
                    minimum,
                    float(_to_earn(exact(minimum) - score, step)),
                    *common,
                )
            )
    blockers: list[tuple[object, ...]] = []
    for veto in rule.vetoes:
        if veto.id in vetoes:
            blockers.append(
                _blocker("veto", veto.id, 0.0, 0.0, 0.0, veto.title, reason=vetoes[veto.id])
            )
        elif veto.item in known and mark(veto.item) == 0:
            blockers.append(
                _blocker("veto", veto.id, 0.0, 0.0, 0.0, veto.title, items=(veto.item,))
            )
    if grand < exact(rule.min_total):
        short = exact(rule.min_total) - grand
        blockers.append(
            _blocker(
                "total",
                "total",
                float(grand),
                rule.min_total,
                float(_to_earn(short, step)),
                points=float(shown_points),
            )
        )
    blockers += category_blockers
    for required in rule.required_items:
        item = known.get(required.item)
        if item is None:
            continue
        item_points = exact(item.points)
        at_least_this = exact(required.min_score) if required.min_score is not None else None
        written: float = required.min_score if required.min_score is not None else item.points
        if required.min_share is not None:
            by_share = exact(required.min_share) * item_points
            if at_least_this is None or by_share > at_least_this:
                at_least_this, written = by_share, float(by_share)
        at_least_this = item_points if at_least_this is None else at_least_this
        actual = mark(item.id)
        if actual < at_least_this:
            blockers.append(
                _blocker(
                    "required",
                    item.id,
                    float(actual),
                    written,
                    float(_to_earn(at_least_this - actual, step, item_points - actual)),
                    item.title,
                    item.points,
                    required.min_share,
                )
            )
    for at_least in rule.at_least:
        ids = list(dict.fromkeys(i for i in at_least.items if i in known))
        each = exact(at_least.min_share) if at_least.min_share is not None else F(1)
        gaps = {i: each * exact(known[i].points) - mark(i) for i in ids}
        below = tuple(i for i in ids if gaps[i] > 0)
        reached = len(ids) - len(below)
        if reached < at_least.count:
            short_count = at_least.count - reached
            earn = [_to_earn(gaps[i], step, exact(known[i].points) - mark(i)) for i in below]
            lacking = sum(sorted(earn)[:short_count], F(0))
            blockers.append(
                _blocker(
                    "at_least",
                    ",".join(at_least.items),
                    float(reached),
                    float(at_least.count),
                    float(short_count),
                    at_least.title or "",
                    min_share=at_least.min_share,
                    items=below,
                    lacking=float(lacking),
                )
            )
    if rule.min_categories_scored is not None:
        empty = tuple(c for c, score in scored if not score > 0)
        count = len(scored) - len(empty)
        if count < rule.min_categories_scored:
            blockers.append(
                _blocker(
                    "categories",
                    "categories",
                    float(count),
                    float(rule.min_categories_scored),
                    float(rule.min_categories_scored - count),
                    items=empty,
                )
            )
    level = None
    if not blockers:
        for candidate in sorted(criteria.levels, key=lambda c: exact(c.min_total)):
            if grand >= exact(candidate.min_total):
                level = candidate.title
    return float(grand), float(shown_points), tuple(categories), tuple(blockers), level


def observed(result: Evaluation) -> tuple[object, ...]:
    categories = tuple(
        (
            c.id,
            c.title,
            c.points,
            c.score,
            c.min_share,
            tuple((i.item_id, i.title, i.points, i.score) for i in c.items),
            c.kind,
            c.counted,
            c.min_points,
        )
        for c in result.categories
    )
    blockers = tuple(
        (
            b.kind,
            b.subject,
            b.actual,
            b.required,
            b.short,
            b.title,
            b.points,
            b.min_share,
            b.reason,
            b.items,
            b.lacking,
        )
        for b in result.blockers
    )
    return result.total, result.points, categories, blockers, result.level


def reference_missing(result: Evaluation) -> frozenset[str]:
    """Evaluation.missing_items as written with each item's lost points."""
    if result.passed:
        return frozenset()
    kinds = {b.kind for b in result.blockers}
    blocked = {b.subject for b in result.blockers if b.kind in ("category", "category_points")}
    blocked.update(s for b in result.blockers if b.kind == "categories" for s in b.items)
    found = {
        i.item_id
        for c in result.categories
        for i in c.items
        if float(exact(i.points) - exact(i.value)) > 0
        and c.kind != "deduction"
        and ("total" in kinds or str(c.id) in blocked)
    }
    found.update(b.subject for b in result.blockers if b.kind == "required")
    found.update(i for b in result.blockers if b.kind in ("at_least", "veto") for i in b.items)
    return frozenset(found)


def _on_step(draw: st.DrawFn, step: F, most: int) -> F:
    """A multiple of *step*, now and then a quarter of a step off it."""
    value: F = step * draw(st.integers(0, most))
    if draw(st.integers(0, 4)) == 0:
        value += step / 4
    return value


@st.composite
def criteria_models(draw: st.DrawFn) -> Criteria:
    """A score sheet: steps from 2 to 0.05, items on and off the step (GC323),
    a duplicate id now and then (GC316), shares as fractions and percentages,
    a pass mark on or off the step, required items known or not (GC303), bonus
    and deduction categories with caps (negative now and then, GC341), category
    minimums in points, k of n, categories with a score, vetoes recorded or by
    item, levels (below the pass mark now and then, GC342)."""
    step = F(str(draw(st.sampled_from(STEPS))))
    # Half of the sheets state few rules besides the pass mark, so that sheets
    # pass often enough to meet the levels' boundaries too.
    few = draw(st.booleans())
    categories: list[dict[str, object]] = []
    ids: list[str] = []
    total = F(0)
    for c in range(1, draw(st.integers(1, 5)) + 1):
        kind = draw(st.sampled_from(KINDS_DRAWN))
        items = []
        points_of_category = F(0)
        for i in range(1, draw(st.integers(1, 4)) + 1):
            points: F = step * draw(st.integers(1, 12))
            if draw(st.integers(0, 9)) == 0:
                points += step / 2
            points_of_category += points
            item_id = f"{c}.{i}"
            if ids and draw(st.integers(0, 14)) == 0:
                item_id = draw(st.sampled_from(ids))
            ids.append(item_id)
            items.append({"id": item_id, "title": f"条目{c}.{i}", "points": float(points)})
        category: dict[str, object] = {"id": c, "title": f"类别{c}", "items": items}
        if kind == "scored":
            total += points_of_category
            share = draw(st.sampled_from(SHARES))
            if share is not None and not few:
                category["min_share"] = share
            if not few and draw(st.integers(0, 3)) == 0:
                category["min_points"] = float(_on_step(draw, step, int(points_of_category / step)))
        else:
            category["kind"] = kind
            if draw(st.booleans()):
                cap = _on_step(draw, step, int(points_of_category / step) + 2)
                category["cap"] = float(-cap if draw(st.integers(0, 9)) == 0 else cap)
        categories.append(category)
    min_total = _on_step(draw, step, int(total / step) + 2)
    required: list[dict[str, object]] = []
    for item_id in draw(st.lists(st.sampled_from([*ids, "9.9"]), max_size=1 if few else 3)):
        entry: dict[str, object] = {"item": item_id}
        if draw(st.booleans()):
            entry["min_score"] = float(step * draw(st.integers(0, 8)))
        share = draw(st.sampled_from(SHARES))
        if share is not None:
            entry["min_share"] = share
        required.append(entry)
    at_least = [
        {
            "count": draw(st.integers(1, 4)),
            "items": draw(st.lists(st.sampled_from([*ids, "9.9"]), min_size=1, max_size=5)),
            **({} if (share := draw(st.sampled_from(SHARES))) is None else {"min_share": share}),
        }
        for _ in range(draw(st.integers(0, 0 if few else 2)))
    ]
    vetoes = [
        {
            "id": f"v{n}",
            "title": f"否决{n}",
            **({"item": draw(st.sampled_from([*ids, "9.9"]))} if draw(st.booleans()) else {}),
        }
        for n in range(draw(st.integers(0, 2)))
    ]
    pass_rule: dict[str, object] = {
        "min_total": float(min_total),
        "required_items": required,
        "at_least": at_least,
        "vetoes": vetoes,
    }
    share = draw(st.sampled_from(SHARES))
    if share is not None and not few:
        pass_rule["min_category_share"] = share
    if draw(st.integers(0, 3)) == 0:
        pass_rule["min_categories_scored"] = draw(st.integers(1, 4))
    levels = [
        {"title": f"等级{n}", "min_total": float(_on_step(draw, step, int(total / step) + 4))}
        for n in range(draw(st.integers(0, 3)))
    ]
    # float() of a short decimal is the float YAML reads for it: exact() gives it back.
    return Criteria.model_validate(
        {
            "title": "生成的评分表",
            "total": float(total) or 1.0,
            "score_step": float(step),
            "pass_rule": pass_rule,
            "levels": levels,
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


TARGETS = [
    *("none", "total", "category", "points", "required", "at_least", "veto", "cap"),
    *("level", "level"),
]


@st.composite
def sheets(draw: st.DrawFn, criteria: Criteria) -> tuple[dict[str, float], dict[str, str]]:
    """A sheet for *criteria* and the vetoes it records: marks on the step,
    full, 0, left out or off the step (GC322); often put exactly on a
    threshold (the total, a category's share or points, a required item, the
    k-th item of k of n, a veto's item at 0, a level, a bonus or deduction at
    its cap), then maybe a step or a thousandth either side."""
    step = exact(criteria.score_step)
    items = [i for c in criteria.categories for i in c.items]
    known = criteria.items()
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
    target = draw(st.sampled_from(TARGETS))
    on: list[tuple[str, F]] = []  # the marks that put the sheet on the threshold
    if target == "total":
        scored = [i for c in criteria.categories if c.scored for i in c.items]
        filled = fill([exact(i.points) for i in scored], exact(rule.min_total))
        on = [(item.id, mark) for item, mark in zip(scored, filled, strict=True)]
    elif target == "level" and criteria.levels:
        # Full marks but for what takes the total down to the level (from the
        # last items), no bonus and no deduction: such sheets often pass.
        lost = sum(
            (exact(i.points) for c in criteria.categories if c.scored for i in c.items), F(0)
        )
        lost -= exact(draw(st.sampled_from(criteria.levels)).min_total)
        for category in reversed(criteria.categories):
            for item in reversed(category.items):
                if not category.scored:
                    on.append((item.id, F(0)))
                    continue
                taken = min(max(lost, F(0)), exact(item.points))
                on.append((item.id, exact(item.points) - taken))
                lost -= taken
    elif target in ("category", "points", "cap"):
        category = draw(st.sampled_from(criteria.categories))
        points_each = [exact(i.points) for i in category.items]
        minimum_share = (
            category.min_share if category.min_share is not None else rule.min_category_share
        )
        goal: F | None = None
        if target == "category" and minimum_share is not None:
            goal = exact(minimum_share) * sum(points_each, F(0))
        elif target == "points" and category.min_points is not None:
            goal = exact(category.min_points)
        elif target == "cap" and category.cap is not None:
            goal = exact(category.cap)
        if goal is not None and goal >= 0:
            filled = fill(points_each, goal)
            on = [(item.id, mark) for item, mark in zip(category.items, filled, strict=True)]
    elif target == "required" and rule.required_items:
        required = draw(st.sampled_from(rule.required_items))
        found = known.get(required.item)
        if found is not None:
            minimum = exact(required.min_score) if required.min_score is not None else F(0)
            if required.min_share is not None:
                minimum = max(minimum, exact(required.min_share) * exact(found.points))
            if required.min_score is None and required.min_share is None:
                minimum = exact(found.points)
            on = [(found.id, minimum)]
    elif target == "at_least" and rule.at_least:
        group = draw(st.sampled_from(rule.at_least))
        each = exact(group.min_share) if group.min_share is not None else F(1)
        present = [i for i in dict.fromkeys(group.items) if i in known]
        reaching = present[: group.count]
        on = [(i, each * exact(known[i].points)) for i in reaching]
        on += [(i, F(0)) for i in present[group.count :]]
    elif target == "veto" and rule.vetoes:
        veto = draw(st.sampled_from(rule.vetoes))
        if veto.item is not None and veto.item in marks:
            on = [(veto.item, F(0))]
    marks.update(on)
    nudged = draw(st.sampled_from(items)).id
    mark = marks[nudged]
    if mark is not None:
        nudge = draw(st.sampled_from([F(0), F(0), step, -step, F(1, 1000), F(-1, 1000)]))
        marks[nudged] = max(F(0), mark + nudge)
    scores = {item_id: float(m) for item_id, m in marks.items() if m is not None}
    if draw(st.booleans()):
        scores["9.9"] = 3.0  # an unknown item: ignored
    recorded = {
        veto.id: f"事由{n}"
        for n, veto in enumerate(rule.vetoes)
        if target != "level" and draw(st.integers(0, 3)) == 0
    }
    if draw(st.integers(0, 5)) == 0:
        recorded["unknown"] = "不在评分表中"  # GC343: ignored
    return scores, recorded


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None)
@given(data=st.data())
def test_units_agree_with_fractions_to_the_bit(data: st.DataObject) -> None:
    criteria = data.draw(criteria_models())
    for _ in range(8):
        scores, vetoes = data.draw(sheets(criteria))
        result = evaluate(criteria, scores, vetoes)
        assert repr(observed(result)) == repr(reference(criteria, scores, vetoes))
        assert result.passed == (not result.blockers)
        assert result.missing_items() == reference_missing(result)
        assert [c.share for c in result.categories] == [
            exact(c.score) / exact(c.points) for c in result.categories
        ]
