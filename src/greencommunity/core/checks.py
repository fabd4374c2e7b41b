"""The kinds of rule a pass rule states, one check class each, and what they
work on: a sheet counted in integer units (``Tally``) and the ``Blocker`` a
check returns when the sheet does not meet its rule.

``core/passrule.py`` compiles a criteria file into a table of these checks;
the order of the classes here is the order blockers are listed in: a veto
(一票否决), the total, a category's minimum share and points, a required
item, k of n items, a number of categories with any score.  A new kind of
rule is a new class here and a few lines in ``passrule._Compiler``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

NO_VETOES: Mapping[str, str] = {}

BlockerKind = Literal[
    "veto", "total", "category", "category_points", "required", "at_least", "categories"
]


@dataclass(frozen=True)
class Blocker:
    """One rule of the pass rule that a sheet does not meet, and by how much.

    ``actual``, ``required`` and ``short`` are points: for a category the
    category's score, the points its minimum asks for, and the points to
    earn: the difference rounded up to the score step, since marks come in
    steps (4.5 of a 4.8 minimum is 0.5 short, never 0.3), yet no more than
    the points left to earn.
    For k of n (``at_least``) and a number of categories with a score
    (``categories``) they are counts: items or categories that reach the
    mark, how many must, and how many more.  A veto has none (0): ``reason``
    says why it applies.
    """

    kind: BlockerKind
    # "total", the category id, the item id, the veto id, the items of a k of n
    # rule joined by commas, or "categories".
    subject: str
    actual: float
    required: float
    short: float
    title: str = ""
    points: float = 0.0  # the category's or item's points
    min_share: float | None = None  # for a category, a required item, k of n
    reason: str = ""  # a veto: the reason recorded on the sheet ("" for an item at 0)
    items: tuple[str, ...] = ()  # k of n: those below the mark; a veto: its item at 0
    # k of n: the fewest points that would bring enough items to their mark,
    # each item's rounded up to the score step.
    lacking: float = 0.0


@dataclass(frozen=True, slots=True)
class Unit:
    """The points one unit is worth, as a fraction, and the score step in units
    (a whole number: the unit divides the step)."""

    numerator: int
    denominator: int
    step: int = 1

    def to_earn(self, gap: int, per: int = 1, room: int | None = None) -> int:
        """The units to earn to close a gap of *gap* / *per* units: whole
        steps, since a mark the step forbids cannot be given, but never more
        than the *room* left below full marks (an item's points off the step)."""
        earned = -(-gap // (per * self.step)) * self.step
        if room is not None and room * per >= gap:
            return min(earned, room)
        return earned

    def points(self, units: int, per: int = 1) -> float:
        """*units* / *per* units as points: the float nearest the exact value.

        The same float as ``float(Fraction(...))``, which also divides two
        integers, and Python rounds an integer division correctly.
        """
        return units * self.numerator / (self.denominator * per)


@dataclass(frozen=True, slots=True)
class Tally:
    """One sheet counted: each item's mark in units in criteria order (0 where
    the sheet has none), each category's sum, the total (bonus and deduction
    categories counted with their caps), each mark as the sheet wrote it (None
    where it has none), and the vetoes the sheet records (id → reason)."""

    items: tuple[int, ...]
    categories: tuple[int, ...]
    total: int
    written: tuple[float | None, ...]
    vetoes: Mapping[str, str] = field(default_factory=lambda: NO_VETOES)


class Check(Protocol):
    """One rule of the pass rule: the sheet's blocker, or None when it is met."""

    def __call__(self, tally: Tally) -> Blocker | None: ...


@dataclass(frozen=True, slots=True)
class VetoCheck:
    """A veto (一票否决): recorded on the sheet, or its item at 0."""

    subject: str
    title: str
    position: int | None  # the item whose 0 is a veto, in Tally.items
    item: str | None

    def __call__(self, tally: Tally) -> Blocker | None:
        reason = tally.vetoes.get(self.subject)
        if reason is not None:
            return Blocker("veto", self.subject, 0.0, 0.0, 0.0, title=self.title, reason=reason)
        if self.position is not None and tally.items[self.position] == 0:
            assert self.item is not None
            return Blocker("veto", self.subject, 0.0, 0.0, 0.0, self.title, items=(self.item,))
        return None


@dataclass(frozen=True, slots=True)
class TotalCheck:
    """The total reaches the pass mark (``pass_rule.min_total``)."""

    minimum: int  # units
    written: float  # min_total as written
    points: float  # the sheet's points
    unit: Unit

    def __call__(self, tally: Tally) -> Blocker | None:
        short = self.minimum - tally.total
        if short <= 0:
            return None
        return Blocker(
            "total",
            "total",
            self.unit.points(tally.total),
            self.written,
            self.unit.points(self.unit.to_earn(short)),
            points=self.points,
        )


@dataclass(frozen=True, slots=True)
class CategoryCheck:
    """A category's score reaches its minimum share of the category's points:
    score × share's denominator ≥ share's numerator × points, in integers."""

    index: int
    subject: str
    title: str
    points: float
    min_share: float  # as written
    share_numerator: int
    share_denominator: int
    points_units: int
    needed: float  # the points the share asks for
    unit: Unit

    def __call__(self, tally: Tally) -> Blocker | None:
        score = tally.categories[self.index]
        # The shortfall times the share's denominator, kept whole.
        gap = self.share_numerator * self.points_units - self.share_denominator * score
        if gap <= 0:
            return None
        return Blocker(
            "category",
            self.subject,
            self.unit.points(score),
            self.needed,
            self.unit.points(
                self.unit.to_earn(gap, self.share_denominator, self.points_units - score)
            ),
            title=self.title,
            points=self.points,
            min_share=self.min_share,
        )


@dataclass(frozen=True, slots=True)
class CategoryPointsCheck:
    """A category's score reaches its minimum in points (``min_points``)."""

    index: int
    subject: str
    title: str
    points: float
    minimum: int  # units
    written: float
    unit: Unit

    def __call__(self, tally: Tally) -> Blocker | None:
        score = tally.categories[self.index]
        short = self.minimum - score
        if short <= 0:
            return None
        return Blocker(
            "category_points",
            self.subject,
            self.unit.points(score),
            self.written,
            self.unit.points(self.unit.to_earn(short)),
            title=self.title,
            points=self.points,
        )


@dataclass(frozen=True, slots=True)
class RequiredCheck:
    """A required item reaches its minimum: full marks unless stated, else its
    minimum score and its minimum share of its points, whichever is more.

    ``needed`` is that minimum in units times ``per`` (the share's
    denominator, 1 without a share), so mark × per ≥ needed, in integers."""

    position: int  # the item's place in Tally.items
    subject: str
    title: str
    points: float
    needed: int
    per: int
    written: float  # the minimum as written (min_score), or its points
    min_share: float | None
    unit: Unit
    points_units: int

    def __call__(self, tally: Tally) -> Blocker | None:
        actual = tally.items[self.position]
        gap = self.needed - actual * self.per
        if gap <= 0:
            return None
        return Blocker(
            "required",
            self.subject,
            self.unit.points(actual),
            self.written,
            self.unit.points(self.unit.to_earn(gap, self.per, self.points_units - actual)),
            title=self.title,
            points=self.points,
            min_share=self.min_share,
        )


@dataclass(frozen=True, slots=True)
class AtLeastCheck:
    """At least ``count`` of the items reach their mark (k of n): each its
    points times the share (full marks by default), compared cross-multiplied."""

    subject: str
    title: str
    count: int
    positions: tuple[int, ...]
    ids: tuple[str, ...]
    marks: tuple[int, ...]  # each item's mark in units times share_denominator
    share_denominator: int
    min_share: float | None
    unit: Unit
    points_units: tuple[int, ...]  # each item's points in units

    def __call__(self, tally: Tally) -> Blocker | None:
        per, items, unit = self.share_denominator, tally.items, self.unit
        below: list[str] = []
        gaps: list[int] = []  # the units to earn, each in whole steps
        for item_id, n, mark, most in zip(
            self.ids, self.positions, self.marks, self.points_units, strict=True
        ):
            if items[n] * per < mark:
                below.append(item_id)
                gaps.append(unit.to_earn(mark - items[n] * per, per, most - items[n]))
        reached = len(self.ids) - len(below)
        if reached >= self.count:
            return None
        short = self.count - reached
        return Blocker(
            "at_least",
            self.subject,
            float(reached),
            float(self.count),
            float(short),
            title=self.title,
            min_share=self.min_share,
            items=tuple(below),
            lacking=unit.points(sum(sorted(gaps)[:short])),
        )


@dataclass(frozen=True, slots=True)
class CategoriesScoredCheck:
    """At least ``minimum`` scored categories have a score above 0."""

    minimum: int
    indexes: tuple[int, ...]  # the scored categories, in Tally.categories
    subjects: tuple[str, ...]

    def __call__(self, tally: Tally) -> Blocker | None:
        empty = tuple(
            s
            for n, s in zip(self.indexes, self.subjects, strict=True)
            if not tally.categories[n] > 0
        )
        scored = len(self.indexes) - len(empty)
        if scored >= self.minimum:
            return None
        return Blocker(
            "categories",
            "categories",
            float(scored),
            float(self.minimum),
            float(self.minimum - scored),
            items=empty,
        )
