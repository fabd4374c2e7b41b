"""The pass rule of one criteria.yaml, compiled once: integer units and a table of checks.

Scoring a sheet with ``Fraction`` on every addition made up most of
``gc progress`` for a city.  Everything the criteria decide is worked out here
once per ``Criteria`` object, exactly (``figures.exact``), as whole multiples
of one *unit*: the largest number that divides the score step, every item's
points, the pass mark and the required minimums, which is the score step
itself for sound data.  A sheet becomes a list of integers, added and compared
as integers; a minimum share such as 50 % is met by cross-multiplying the
fraction the officer wrote, never by a float product.  A mark off the unit
(rule GC322 reports it) is not rounded: that sheet is scored in a finer unit
holding it exactly.

Each rule of the pass rule is one check in ``CompiledRule.checks``: given a
tallied sheet it returns its ``Blocker``, or None when the sheet meets it.  A
new kind of rule is a new check class and a line in ``_compile``.
"""

from __future__ import annotations

import functools
import math
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal, Protocol

from greencommunity.figures import exact
from greencommunity.models import Criteria

# Marks met so far, per compiled rule, in units.  Sheets repeat the same few
# marks (0, 0.5 … 10); the bound only guards against hostile data.
_MEMO_LIMIT = 4096


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


@dataclass(frozen=True, slots=True)
class Unit:
    """The points one unit is worth, as a fraction."""

    numerator: int
    denominator: int

    def points(self, units: int, per: int = 1) -> float:
        """*units* / *per* units as points: the float nearest the exact value.

        The same float as ``float(Fraction(...))``, which also divides two
        integers, and Python rounds an integer division correctly.
        """
        return units * self.numerator / (self.denominator * per)


@dataclass(frozen=True, slots=True)
class Tally:
    """One sheet counted: each item's mark in units in criteria order (0 where
    the sheet has none), each category's sum, the total, and each mark as the
    sheet wrote it (None where it has none)."""

    items: tuple[int, ...]
    categories: tuple[int, ...]
    total: int
    written: tuple[float | None, ...]


class Check(Protocol):
    """One rule of the pass rule: the sheet's blocker, or None when it is met."""

    def __call__(self, tally: Tally) -> Blocker | None: ...


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
            self.unit.points(short),
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
            self.unit.points(gap, self.share_denominator),
            title=self.title,
            points=self.points,
            min_share=self.min_share,
        )


@dataclass(frozen=True, slots=True)
class RequiredCheck:
    """A required item reaches its minimum (full marks unless stated)."""

    position: int  # the item's place in Tally.items
    subject: str
    title: str
    points: float
    minimum: int  # units
    written: float  # the minimum as written
    unit: Unit

    def __call__(self, tally: Tally) -> Blocker | None:
        actual = tally.items[self.position]
        short = self.minimum - actual
        if short <= 0:
            return None
        return Blocker(
            "required",
            self.subject,
            self.unit.points(actual),
            self.written,
            self.unit.points(short),
            title=self.title,
            points=self.points,
        )


@dataclass(frozen=True, slots=True)
class CompiledItem:
    id: str
    title: str
    points: float


@dataclass(frozen=True, slots=True)
class CompiledCategory:
    id: int
    title: str
    points: float  # the exact sum of its items' points, as a float
    min_share: float | None  # its own, else the pass rule's
    items: tuple[CompiledItem, ...]
    start: int  # its items are Tally.items[start:end]
    end: int


@dataclass(frozen=True)
class CompiledRule:
    """The criteria in units of ``unit``: the layout of a sheet and the checks."""

    unit: Unit
    categories: tuple[CompiledCategory, ...]
    points: float  # the sheet's points, as Evaluation states them
    checks: tuple[Check, ...]
    item_ids: tuple[str, ...]  # every item in criteria order, as Tally.items
    item_points: tuple[int, ...]  # their points in units
    _memo: dict[float, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def unit_value(self) -> Fraction:
        return Fraction(self.unit.numerator, self.unit.denominator)

    def tally(self, scores: Mapping[str, float]) -> Tally | None:
        """*scores* counted in units; None when a mark is not a whole number of units."""
        written = tuple(map(scores.get, self.item_ids))
        try:
            marks = tuple([0 if mark is None else self._memo[mark] for mark in written])
        except KeyError:
            counted = self._count(written)
            if counted is None:
                return None
            marks = counted
        sums = tuple(sum(marks[c.start : c.end]) for c in self.categories)
        return Tally(marks, sums, sum(sums), written)

    def _count(self, written: tuple[float | None, ...]) -> tuple[int, ...] | None:
        """The marks in units, learning the new ones; None if one is off the unit."""
        marks: list[int] = []
        for mark in written:
            if mark is None:
                marks.append(0)  # a mark left out counts as 0
                continue
            units = self._memo.get(mark)
            if units is None:
                quotient = exact(mark) / self.unit_value
                if quotient.denominator != 1:
                    return None
                units = quotient.numerator
                if len(self._memo) < _MEMO_LIMIT:
                    self._memo[mark] = units
            marks.append(units)
        return tuple(marks)

    def finer_unit(self, scores: Mapping[str, float]) -> Fraction:
        """The largest unit in which every mark of *scores* is whole."""
        unit = self.unit_value
        factor = math.lcm(
            *((exact(scores[i]) / unit).denominator for i in self.item_ids if i in scores)
        )
        return unit / factor

    def blockers(self, tally: Tally) -> tuple[Blocker, ...]:
        """Every rule the sheet does not meet, in the order of ``checks``."""
        return tuple(b for check in self.checks if (b := check(tally)) is not None)


def common_unit(values: list[Fraction]) -> Fraction:
    """The largest fraction of which every one of *values* is a whole multiple."""
    denominator = math.lcm(*(v.denominator for v in values))
    numerator = math.gcd(*(v.numerator * (denominator // v.denominator) for v in values))
    return Fraction(numerator or 1, denominator)


def base_unit(criteria: Criteria) -> Fraction:
    """The unit of *criteria*: the score step, or a divisor of it where an item's
    points (GC323), the pass mark or a required minimum are off the step."""
    rule = criteria.pass_rule
    values = [criteria.score_step, rule.min_total]
    values.extend(item.points for category in criteria.categories for item in category.items)
    values.extend(r.min_score for r in rule.required_items if r.min_score is not None)
    return common_unit([exact(v) for v in values])


def _compile(criteria: Criteria, unit_value: Fraction) -> CompiledRule:
    unit = Unit(unit_value.numerator, unit_value.denominator)

    def units(points: Fraction) -> int:
        quotient = points / unit_value
        assert quotient.denominator == 1, (points, unit_value)
        return quotient.numerator

    rule = criteria.pass_rule
    categories: list[CompiledCategory] = []
    checks: list[Check] = []
    start = 0
    for index, category in enumerate(criteria.categories):
        items = tuple(CompiledItem(i.id, i.title, i.points) for i in category.items)
        points = sum((exact(i.points) for i in category.items), Fraction(0))
        min_share = (
            category.min_share if category.min_share is not None else rule.min_category_share
        )
        categories.append(
            CompiledCategory(
                category.id,
                category.title,
                float(points),
                min_share,
                items,
                start,
                start + len(items),
            )
        )
        start += len(items)
        if min_share is not None:
            share = exact(min_share)
            checks.append(
                CategoryCheck(
                    index,
                    str(category.id),
                    category.title,
                    float(points),
                    min_share,
                    share.numerator,
                    share.denominator,
                    units(points),
                    float(share * points),
                    unit,
                )
            )
    # The sheet's points as shown so far: the sum of the categories' points as floats.
    total_points = float(sum((exact(c.points) for c in categories), Fraction(0)))
    checks.insert(0, TotalCheck(units(exact(rule.min_total)), rule.min_total, total_points, unit))
    item_ids = tuple(item.id for category in categories for item in category.items)
    positions = {item_id: n for n, item_id in enumerate(item_ids)}
    known = criteria.items()
    for required in rule.required_items:
        item = known.get(required.item)
        if item is None:
            continue  # an unknown required item is a criteria error, reported elsewhere
        minimum = required.min_score if required.min_score is not None else item.points
        checks.append(
            RequiredCheck(
                positions[item.id],
                item.id,
                item.title,
                item.points,
                units(exact(minimum)),
                minimum,
                unit,
            )
        )
    item_points = tuple(
        units(exact(item.points)) for category in categories for item in category.items
    )
    return CompiledRule(unit, tuple(categories), total_points, tuple(checks), item_ids, item_points)


@dataclass
class _Entry:
    criteria: weakref.ref[Criteria]
    rules: dict[Fraction | None, CompiledRule]  # None: the base unit


# Compiled rules by id() of a live Criteria.  Criteria is a frozen model but not
# hashable (it holds lists), so it cannot be a key itself; the weak reference
# tells a live object from a dead one whose id was reused, and drops the entry
# when the criteria go.  Models are never changed after loading.
_COMPILED: dict[int, _Entry] = {}
# Finer units kept per criteria: each stands for a different off-step denominator.
_FINER_LIMIT = 16


def _forget(key: int, ref: weakref.ref[Criteria]) -> None:
    entry = _COMPILED.get(key)
    if entry is not None and entry.criteria is ref:
        del _COMPILED[key]


def compiled(criteria: Criteria, unit: Fraction | None = None) -> CompiledRule:
    """*criteria* compiled in *unit* (by default its base unit), once per object."""
    key = id(criteria)
    entry = _COMPILED.get(key)
    if entry is None or entry.criteria() is not criteria:
        ref = weakref.ref(criteria, functools.partial(_forget, key))
        entry = _COMPILED[key] = _Entry(ref, {})
    rule = entry.rules.get(unit)
    if rule is None:
        rule = _compile(criteria, base_unit(criteria) if unit is None else unit)
        if unit is None or len(entry.rules) <= _FINER_LIMIT:
            entry.rules[unit] = rule
    return rule


def tally(criteria: Criteria, scores: Mapping[str, float]) -> tuple[CompiledRule, Tally]:
    """*scores* in units of *criteria*'s rule, or of a finer one if a mark needs it."""
    rule = compiled(criteria)
    sheet = rule.tally(scores)
    if sheet is None:
        rule = compiled(criteria, rule.finer_unit(scores))
        sheet = rule.tally(scores)
        assert sheet is not None, "every mark is whole in the finer unit"
    return rule, sheet
