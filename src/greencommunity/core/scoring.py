"""Scoring: one score sheet evaluated against criteria.yaml's pass rule.

Pure functions over loaded models.  Sums and comparisons are exact (a score of
0.1 + 0.2 is 0.3, and a share exactly at the limit passes): ``passrule``
compiles the criteria once into whole units and a table of checks, and a sheet
is added and compared in integers.  The results hold floats, the exact values'
nearest; ``figures`` rounds them only when they are shown, and ``labels`` says
them.

A sheet is scored against one ``Criteria``: the one in force for its year,
which ``CriteriaByYear.criteria_for`` chooses (``models/editions.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from typing import Literal, Protocol

from greencommunity.core.checks import NO_VETOES, Blocker, Tally
from greencommunity.core.passrule import CompiledRule, tally
from greencommunity.figures import exact
from greencommunity.models import Criteria
from greencommunity.models.criteria import CategoryKind

__all__ = [
    "Blocker",
    "CategoryScore",
    "Clause",
    "Evaluation",
    "ItemScore",
    "Sheet",
    "evaluate",
    "evaluate_sheet",
    "pass_rule_clauses",
]

# Blockers whose shortfall is in points (the others count items or categories,
# or are a veto, which no points lift).
POINT_KINDS = frozenset({"category", "category_points", "required"})


class Sheet(Protocol):
    """What a self-evaluation and a review have in common for scoring."""

    @property
    def scores(self) -> Mapping[str, float]: ...

    @property
    def vetoes(self) -> Mapping[str, str]: ...


@dataclass(frozen=True)
class ItemScore:
    item_id: str
    title: str
    points: float
    score: float | None  # None: the sheet does not score this item (counts as 0)

    @property
    def value(self) -> float:
        return self.score if self.score is not None else 0.0

    @property
    def lost(self) -> float:
        return float(exact(self.points) - exact(self.value))


@dataclass(frozen=True)
class CategoryScore:
    id: int
    title: str
    points: float
    score: float
    min_share: float | None
    items: tuple[ItemScore, ...]
    kind: str = CategoryKind.SCORED.value  # scored, bonus, deduction
    # What the category adds to the total: its score; a bonus up to its cap;
    # minus a deduction up to its cap.
    counted: float = 0.0
    min_points: float | None = None
    cap: float | None = None  # a bonus's or deduction's: the most it counts

    @property
    def share(self) -> Fraction:
        """The category's score as a share of its points."""
        return exact(self.score) / exact(self.points) if self.points else Fraction(0)

    @property
    def scored(self) -> bool:
        return self.kind == CategoryKind.SCORED.value


@dataclass(frozen=True)
class Evaluation:
    """A sheet scored against the pass rule.

    Made by ``evaluate`` from the sheet counted in units (``passrule``): the
    total and the blockers at once, the categories and items, which only some
    outputs show, when first asked for.
    """

    total: float
    points: float
    blockers: tuple[Blocker, ...]
    rule: CompiledRule = field(repr=False)
    sheet: Tally = field(repr=False)

    @property
    def passed(self) -> bool:
        return not self.blockers

    @property
    def share(self) -> Fraction:
        """The total as a share of the sheet's points."""
        return exact(self.total) / exact(self.points) if self.points else Fraction(0)

    @property
    def vetoed(self) -> bool:
        return any(b.kind == "veto" for b in self.blockers)

    @cached_property
    def level(self) -> str | None:
        """The highest level above the pass mark the sheet reaches (criteria.yaml's
        ``levels``), None when it reaches none or does not pass."""
        if not self.passed:
            return None
        reached = self.rule.level(self.sheet)
        return reached.title if reached is not None else None

    def next_level(self) -> tuple[str, float, float] | None:
        """The lowest level above the one reached: its title, its mark and the
        points the total lacks; None when the sheet fails or has reached the top."""
        if not self.passed:
            return None
        for level in self.rule.levels:
            if self.sheet.total < level.minimum:
                short = self.rule.unit.points(level.minimum - self.sheet.total)
                return level.title, level.written, short
        return None

    @cached_property
    def categories(self) -> tuple[CategoryScore, ...]:
        rule = self.rule
        unit, marks, written = rule.unit, self.sheet.categories, self.sheet.written
        return tuple(
            CategoryScore(
                category.id,
                category.title,
                category.points,
                unit.points(marks[index]),
                category.min_share,
                tuple(
                    ItemScore(
                        item.id, item.title, item.points, None if mark is None else float(mark)
                    )
                    for item, mark in zip(
                        category.items, written[category.start : category.end], strict=True
                    )
                ),
                category.kind.value,
                unit.points(rule.counted(index, marks[index])),
                category.min_points,
                None if category.cap is None else unit.points(category.cap),
            )
            for index, category in enumerate(rule.categories)
        )

    @property
    def items(self) -> tuple[ItemScore, ...]:
        return tuple(item for category in self.categories for item in category.items)

    def missing_items(self) -> frozenset[str]:
        """Items whose lost points stand between this sheet and a pass.

        Required items below their minimum, k of n items below their mark, an
        item at 0 that is a veto; every item not at full marks in a category
        below its minimum or without a score when the pass rule counts them;
        and, when the total is short, every item not at full marks (bonus items
        too; never a deduction, whose 0 is its best).  Empty when the sheet passes.
        """
        if self.passed:
            return frozenset()
        rule, marks = self.rule, self.sheet.items
        short_total = any(b.kind == "total" for b in self.blockers)
        blocked = {b.subject for b in self.blockers if b.kind in ("category", "category_points")}
        for b in self.blockers:
            if b.kind == "categories":
                blocked.update(b.items)
        found = {b.subject for b in self.blockers if b.kind == "required"}
        for b in self.blockers:
            if b.kind in ("at_least", "veto"):
                found.update(b.items)
        for category in rule.categories:
            if category.kind is CategoryKind.DEDUCTION:
                continue
            if short_total or str(category.id) in blocked:
                found.update(
                    rule.item_ids[n]
                    for n in range(category.start, category.end)
                    if marks[n] < rule.item_points[n]
                )
        return frozenset(found)

    def points_lacking(self) -> float:
        """A lower bound on the points still to earn: the total's shortfall, or
        the other shortfalls in points together (with the fewest points that
        would bring k of n items to their mark) if larger.  A veto is lifted by
        no points."""
        total = sum((exact(b.short) for b in self.blockers if b.kind == "total"), Fraction(0))
        parts = sum(
            (exact(b.short if b.kind in POINT_KINDS else b.lacking) for b in self.blockers),
            Fraction(0),
        )
        return float(max(total, parts))


def evaluate(
    criteria: Criteria, scores: Mapping[str, float], vetoes: Mapping[str, str] = NO_VETOES
) -> Evaluation:
    """Score *scores* (item id → mark) against *criteria*, with the *vetoes*
    the sheet records (veto id → reason).

    An item the sheet leaves out counts as 0 (its ``ItemScore.score`` is None);
    marks for unknown items and unknown vetoes are ignored (rules GC303 and
    GC343 report them).  Every rule that blocks is listed, not only the first.
    """
    rule, sheet = tally(criteria, scores, vetoes)
    return Evaluation(rule.unit.points(sheet.total), rule.points, rule.blockers(sheet), rule, sheet)


def evaluate_sheet(criteria: Criteria, sheet: Sheet) -> Evaluation:
    """A self-evaluation or a review scored: its marks and the vetoes it records."""
    return evaluate(criteria, sheet.scores, sheet.vetoes)


ClauseKind = Literal[
    "total",
    "category",
    "category_points",
    "required",
    "at_least",
    "categories",
    "bonus",
    "deduction",
    "veto",
    "level",
]


@dataclass(frozen=True)
class Clause:
    """One clause of the pass rule, e.g. a total of at least 70.

    ``value`` is points for the total, a category's minimum points, a
    required item, a cap and a level; a share for a category (``subject`` "*"
    for every category) and for k of n (the mark each item must reach, 1 for
    full marks); ``count`` is k of k of n and the number of categories.
    """

    kind: ClauseKind
    subject: str
    title: str
    value: float
    count: int = 0
    items: tuple[str, ...] = ()


def _required_clause(criteria: Criteria) -> list[Clause]:
    items = criteria.items()
    clauses = []
    for required in criteria.pass_rule.required_items:
        item = items.get(required.item)
        if item is None:
            continue  # an unknown required item is a criteria error (GC303)
        minimum = exact(required.min_score) if required.min_score is not None else None
        if required.min_share is not None:
            by_share = exact(required.min_share) * exact(item.points)
            minimum = by_share if minimum is None else max(minimum, by_share)
        value = item.points if minimum is None else float(minimum)
        clauses.append(Clause("required", item.id, item.title, value))
    return clauses


def pass_rule_clauses(criteria: Criteria) -> tuple[Clause, ...]:
    """The pass rule of *criteria*, clause by clause, as documents state it."""
    rule = criteria.pass_rule
    clauses = [
        Clause("veto", v.id, v.title, 0.0, items=(v.item,) if v.item else ()) for v in rule.vetoes
    ]
    clauses.append(Clause("total", "total", "", rule.min_total))
    if rule.min_category_share is not None:
        clauses.append(Clause("category", "*", "", rule.min_category_share))
    for category in criteria.categories:
        if not category.scored:
            continue
        if category.min_share is not None:
            clauses.append(Clause("category", str(category.id), category.title, category.min_share))
        if category.min_points is not None:
            clauses.append(
                Clause("category_points", str(category.id), category.title, category.min_points)
            )
    clauses += _required_clause(criteria)
    for at_least in rule.at_least:
        share = at_least.min_share if at_least.min_share is not None else 1.0
        clauses.append(
            Clause(
                "at_least",
                ",".join(at_least.items),
                at_least.title or "",
                share,
                at_least.count,
                tuple(at_least.items),
            )
        )
    if rule.min_categories_scored is not None:
        clauses.append(Clause("categories", "categories", "", 0.0, rule.min_categories_scored))
    for category in criteria.categories:
        if category.scored:
            continue
        cap = category.cap if category.cap is not None else category.points
        kind: ClauseKind = "bonus" if category.kind is CategoryKind.BONUS else "deduction"
        clauses.append(Clause(kind, str(category.id), category.title, max(cap, 0.0)))
    for level in sorted(criteria.levels, key=lambda level: exact(level.min_total)):
        clauses.append(Clause("level", level.title, level.title, level.min_total))
    return tuple(clauses)
