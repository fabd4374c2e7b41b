"""Scoring: one score sheet evaluated against criteria.yaml's pass rule.

Pure functions over loaded models.  Sums and comparisons are done with exact
fractions (a score of 0.1 + 0.2 is 0.3, and a share exactly at the limit
passes); ``figures`` rounds them only when they are shown, and ``labels``
says them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from greencommunity.figures import exact
from greencommunity.models import Criteria


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
class Blocker:
    """One rule of the pass rule that a sheet does not meet, and by how much.

    ``actual``, ``required`` and ``short`` are points: for a category the
    category's score, the points its minimum share asks for, and the difference.
    """

    kind: Literal["total", "category", "required"]
    subject: str  # "total", the category id, or the item id
    actual: float
    required: float
    short: float
    title: str = ""
    points: float = 0.0  # the category's or item's points
    min_share: float | None = None  # for a category


@dataclass(frozen=True)
class Evaluation:
    total: float
    points: float
    categories: tuple[CategoryScore, ...]
    blockers: tuple[Blocker, ...]

    @property
    def passed(self) -> bool:
        return not self.blockers

    @property
    def share(self) -> Fraction:
        """The total as a share of the sheet's points."""
        return exact(self.total) / exact(self.points) if self.points else Fraction(0)

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
        found: set[str] = set()
        kinds = {b.kind for b in self.blockers}
        blocked_categories = {b.subject for b in self.blockers if b.kind == "category"}
        for category in self.categories:
            for item in category.items:
                if item.lost <= 0:
                    continue
                if "total" in kinds or str(category.id) in blocked_categories:
                    found.add(item.item_id)
        found.update(b.subject for b in self.blockers if b.kind == "required")
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
    rule = criteria.pass_rule
    categories: list[CategoryScore] = []
    blockers: list[Blocker] = []
    grand = Fraction(0)
    for category in criteria.categories:
        items = tuple(
            ItemScore(
                item.id,
                item.title,
                item.points,
                float(scores[item.id]) if item.id in scores else None,
            )
            for item in category.items
        )
        score = sum((exact(i.value) for i in items), Fraction(0))
        points = sum((exact(i.points) for i in items), Fraction(0))
        grand += score
        min_share = (
            category.min_share if category.min_share is not None else rule.min_category_share
        )
        categories.append(
            CategoryScore(
                category.id, category.title, float(points), float(score), min_share, items
            )
        )
        if min_share is not None:
            needed = exact(min_share) * points
            if score < needed:
                blockers.append(
                    Blocker(
                        "category",
                        str(category.id),
                        float(score),
                        float(needed),
                        float(needed - score),
                        title=category.title,
                        points=float(points),
                        min_share=min_share,
                    )
                )
    total_points = sum((exact(c.points) for c in categories), Fraction(0))
    if grand < exact(rule.min_total):
        short = exact(rule.min_total) - grand
        blockers.insert(
            0,
            Blocker(
                "total",
                "total",
                float(grand),
                rule.min_total,
                float(short),
                points=float(total_points),
            ),
        )
    known = criteria.items()
    for required in rule.required_items:
        item = known.get(required.item)
        if item is None:
            continue  # an unknown required item is a criteria error, reported elsewhere
        minimum = required.min_score if required.min_score is not None else item.points
        actual = exact(scores.get(item.id, 0.0))
        if actual < exact(minimum):
            blockers.append(
                Blocker(
                    "required",
                    item.id,
                    float(actual),
                    minimum,
                    float(exact(minimum) - actual),
                    title=item.title,
                    points=item.points,
                )
            )
    return Evaluation(float(grand), float(total_points), tuple(categories), tuple(blockers))


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
