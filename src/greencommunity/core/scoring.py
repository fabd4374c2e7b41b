"""Scoring: one score sheet evaluated against criteria.yaml's pass rule.

Pure functions over loaded models.  Sums and comparisons are exact (a score of
0.1 + 0.2 is 0.3, and a share exactly at the limit passes): ``passrule``
compiles the criteria once into whole units and a table of checks, and a sheet
is added and compared in integers.  The results hold floats, the exact values'
nearest; ``figures`` rounds them only when they are shown, and ``labels`` says
them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from typing import Literal

from greencommunity.core.passrule import Blocker, CompiledRule, Tally, tally
from greencommunity.figures import exact
from greencommunity.models import Criteria

__all__ = [
    "Blocker",
    "CategoryScore",
    "Clause",
    "Evaluation",
    "ItemScore",
    "evaluate",
    "pass_rule_clauses",
]


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

    @property
    def share(self) -> Fraction:
        """The category's score as a share of its points."""
        return exact(self.score) / exact(self.points) if self.points else Fraction(0)


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

    @cached_property
    def categories(self) -> tuple[CategoryScore, ...]:
        unit, marks, written = self.rule.unit, self.sheet.categories, self.sheet.written
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
            )
            for index, category in enumerate(self.rule.categories)
        )

    @property
    def items(self) -> tuple[ItemScore, ...]:
        return tuple(item for category in self.categories for item in category.items)

    def missing_items(self) -> frozenset[str]:
        """Items whose lost points stand between this sheet and a pass.

        Required items below their minimum; every item not at full marks in a
        category below its share; and, when the total is short, every item not
        at full marks.  Empty when the sheet passes.
        """
        if self.passed:
            return frozenset()
        rule, marks = self.rule, self.sheet.items
        short_total = any(b.kind == "total" for b in self.blockers)
        blocked_categories = {b.subject for b in self.blockers if b.kind == "category"}
        found = {b.subject for b in self.blockers if b.kind == "required"}
        for category in rule.categories:
            if short_total or str(category.id) in blocked_categories:
                found.update(
                    rule.item_ids[n]
                    for n in range(category.start, category.end)
                    if marks[n] < rule.item_points[n]
                )
        return frozenset(found)

    def points_lacking(self) -> float:
        """A lower bound on the points still to earn: the largest single shortfall,
        or the category and required shortfalls together if larger."""
        total = sum((exact(b.short) for b in self.blockers if b.kind == "total"), Fraction(0))
        parts = sum((exact(b.short) for b in self.blockers if b.kind != "total"), Fraction(0))
        return float(max(total, parts))


def evaluate(criteria: Criteria, scores: Mapping[str, float]) -> Evaluation:
    """Score *scores* (item id → mark) against *criteria*.

    An item the sheet leaves out counts as 0 (its ``ItemScore.score`` is None);
    marks for unknown items are ignored (rule GC303 reports them).  Every rule
    that blocks is listed, not only the first.
    """
    rule, sheet = tally(criteria, scores)
    return Evaluation(rule.unit.points(sheet.total), rule.points, rule.blockers(sheet), rule, sheet)


@dataclass(frozen=True)
class Clause:
    """One clause of the pass rule, e.g. a total of at least 70.

    ``value`` is points for the total and a required item, a share for a
    category (``subject`` "*" for every category).
    """

    kind: Literal["total", "category", "required"]
    subject: str
    title: str
    value: float


def pass_rule_clauses(criteria: Criteria) -> tuple[Clause, ...]:
    """The pass rule of *criteria*, clause by clause, as documents state it."""
    rule = criteria.pass_rule
    clauses = [Clause("total", "total", "", rule.min_total)]
    if rule.min_category_share is not None:
        clauses.append(Clause("category", "*", "", rule.min_category_share))
    for category in criteria.categories:
        if category.min_share is not None:
            clauses.append(Clause("category", str(category.id), category.title, category.min_share))
    items = criteria.items()
    for required in rule.required_items:
        item = items.get(required.item)
        if item is None:
            continue  # an unknown required item is a criteria error (GC303)
        minimum = required.min_score if required.min_score is not None else item.points
        clauses.append(Clause("required", item.id, item.title, minimum))
    return tuple(clauses)
