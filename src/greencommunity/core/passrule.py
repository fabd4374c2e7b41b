"""The pass rule of one criteria.yaml, compiled once: integer units and a table of checks.

Scoring a sheet with ``Fraction`` on every addition made up most of
``gc progress`` for a city.  Everything the criteria decide is worked out here
once per ``Criteria`` object, exactly (``figures.exact``), as whole multiples
of one *unit*: the largest number that divides the score step, every item's
points, the pass mark, the levels, the caps and the minimums in points, which
is the score step itself for sound data.  A sheet becomes a list of integers,
added and compared as integers; a minimum share such as 50 % is met by
cross-multiplying the fraction the officer wrote, never by a float product.  A
mark off the unit (rule GC322 reports it) is not rounded: that sheet is
scored in a finer unit holding it exactly.

Each rule of the pass rule is one check in ``CompiledRule.checks``: given a
tallied sheet it returns its ``Blocker``, or None when the sheet meets it.
The kinds of rule are the check classes of ``core/checks.py``.  Bonus and
deduction categories (加分项、扣分项) count into the total with their caps
(``CompiledRule.tally``); levels above the pass mark are read off the total
of a sheet that passes (``CompiledRule.level``).  A new kind of rule is a new
check class and a few lines in ``_compile``.
"""

from __future__ import annotations

import functools
import math
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from greencommunity.core.checks import (
    NO_VETOES,
    AtLeastCheck,
    Blocker,
    CategoriesScoredCheck,
    CategoryCheck,
    CategoryPointsCheck,
    Check,
    RequiredCheck,
    Tally,
    TotalCheck,
    Unit,
    VetoCheck,
)
from greencommunity.figures import exact
from greencommunity.models import Criteria
from greencommunity.models.criteria import Category, CategoryKind

# Marks met so far, per compiled rule, in units.  Sheets repeat the same few
# marks (0, 0.5 … 10); the bound only guards against hostile data.
_MEMO_LIMIT = 4096


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
    min_share: float | None  # its own, else the pass rule's (scored categories only)
    items: tuple[CompiledItem, ...]
    start: int  # its items are Tally.items[start:end]
    end: int
    kind: CategoryKind = CategoryKind.SCORED
    cap: int | None = None  # bonus, deduction: the most it counts, in units
    min_points: float | None = None


@dataclass(frozen=True, slots=True)
class CompiledLevel:
    title: str
    minimum: int  # units
    written: float  # min_total as written


@dataclass(frozen=True)
class CompiledRule:
    """The criteria in units of ``unit``: the layout of a sheet and the checks."""

    unit: Unit
    categories: tuple[CompiledCategory, ...]
    points: float  # the sheet's points (its scored categories'), as Evaluation states them
    checks: tuple[Check, ...]
    item_ids: tuple[str, ...]  # every item in criteria order, as Tally.items
    item_points: tuple[int, ...]  # their points in units
    levels: tuple[CompiledLevel, ...] = ()  # lowest first
    # Bonus and deduction categories: (index, cap in units, +1 or -1); none
    # for most sheets, whose total is then the plain sum.
    adjustments: tuple[tuple[int, int, int], ...] = ()
    _memo: dict[float, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def unit_value(self) -> Fraction:
        return Fraction(self.unit.numerator, self.unit.denominator)

    def tally(
        self, scores: Mapping[str, float], vetoes: Mapping[str, str] = NO_VETOES
    ) -> Tally | None:
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
        return Tally(marks, sums, self._total(sums), written, vetoes)

    def _total(self, sums: tuple[int, ...]) -> int:
        """The scored categories' sum, plus each bonus and minus each deduction
        up to its cap."""
        if not self.adjustments:
            return sum(sums)
        total = sum(sums)
        for index, cap, sign in self.adjustments:
            total += sign * min(sums[index], cap) - sums[index]
        return total

    def counted(self, index: int, score: int) -> int:
        """What category *index* with *score* adds to the total, in units
        (negative for a deduction)."""
        for adjusted, cap, sign in self.adjustments:
            if adjusted == index:
                return sign * min(score, cap)
        return score

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

    def level(self, tally: Tally) -> CompiledLevel | None:
        """The highest level whose mark the total reaches (the sheet must pass too)."""
        reached = None
        for level in self.levels:
            if tally.total >= level.minimum:
                reached = level
        return reached


def common_unit(values: list[Fraction]) -> Fraction:
    """The largest fraction of which every one of *values* is a whole multiple."""
    denominator = math.lcm(*(v.denominator for v in values))
    numerator = math.gcd(*(v.numerator * (denominator // v.denominator) for v in values))
    return Fraction(numerator or 1, denominator)


def _cap(category: Category) -> float | None:
    """A bonus or deduction category's cap; a negative one (GC341) counts as 0."""
    if category.scored or category.cap is None:
        return None
    return max(category.cap, 0.0)


def base_unit(criteria: Criteria) -> Fraction:
    """The unit of *criteria*: the score step, or a divisor of it where an item's
    points (GC323), the pass mark, a level, a cap or a minimum in points are
    off the step."""
    rule = criteria.pass_rule
    values = [criteria.score_step, rule.min_total]
    values.extend(item.points for category in criteria.categories for item in category.items)
    values.extend(r.min_score for r in rule.required_items if r.min_score is not None)
    values.extend(level.min_total for level in criteria.levels)
    for category in criteria.categories:
        cap = _cap(category)
        values.extend(v for v in (cap, category.min_points) if v is not None)
    return common_unit([exact(v) for v in values])


class _Compiler:
    """What ``_compile`` needs at every step: the unit and where each item sits."""

    def __init__(self, criteria: Criteria, unit_value: Fraction) -> None:
        self.criteria = criteria
        self.unit_value = unit_value
        # The unit divides the step: base_unit holds the step, a finer unit divides it.
        step = exact(criteria.score_step) / unit_value
        assert step.denominator == 1, (criteria.score_step, unit_value)
        self.unit = Unit(unit_value.numerator, unit_value.denominator, step.numerator)
        self.known = criteria.items()
        ids = [item.id for category in criteria.categories for item in category.items]
        # A repeated id (GC316) is scored at its first place, as criteria.items() keeps the last.
        self.positions: dict[str, int] = {}
        for n, item_id in enumerate(ids):
            self.positions.setdefault(item_id, n)

    def units(self, points: Fraction) -> int:
        quotient = points / self.unit_value
        assert quotient.denominator == 1, (points, self.unit_value)
        return quotient.numerator

    def category(self, category: Category, start: int) -> CompiledCategory:
        rule = self.criteria.pass_rule
        items = tuple(CompiledItem(i.id, i.title, i.points) for i in category.items)
        points = sum((exact(i.points) for i in category.items), Fraction(0))
        min_share = None
        if category.scored:
            min_share = (
                category.min_share if category.min_share is not None else rule.min_category_share
            )
        cap = _cap(category)
        if cap is None and not category.scored:
            cap_units: int | None = self.units(points)  # no cap: every item's points
        else:
            cap_units = None if cap is None else self.units(exact(cap))
        return CompiledCategory(
            category.id,
            category.title,
            float(points),
            min_share,
            items,
            start,
            start + len(items),
            category.kind,
            cap_units,
            category.min_points if category.scored else None,
        )

    def category_checks(self, index: int, compiled: CompiledCategory) -> list[Check]:
        checks: list[Check] = []
        points = sum((exact(i.points) for i in compiled.items), Fraction(0))
        if compiled.min_share is not None:
            share = exact(compiled.min_share)
            checks.append(
                CategoryCheck(
                    index,
                    str(compiled.id),
                    compiled.title,
                    compiled.points,
                    compiled.min_share,
                    share.numerator,
                    share.denominator,
                    self.units(points),
                    float(share * points),
                    self.unit,
                )
            )
        if compiled.min_points is not None:
            checks.append(
                CategoryPointsCheck(
                    index,
                    str(compiled.id),
                    compiled.title,
                    compiled.points,
                    self.units(exact(compiled.min_points)),
                    compiled.min_points,
                    self.unit,
                )
            )
        return checks

    def vetoes(self) -> list[Check]:
        checks: list[Check] = []
        for veto in self.criteria.pass_rule.vetoes:
            position = self.positions.get(veto.item) if veto.item is not None else None
            item = veto.item if position is not None else None
            checks.append(VetoCheck(veto.id, veto.title, position, item))
        return checks

    def required(self) -> list[Check]:
        checks: list[Check] = []
        for required in self.criteria.pass_rule.required_items:
            item = self.known.get(required.item)
            if item is None:
                continue  # an unknown required item is a criteria error (GC303)
            points = exact(item.points)
            share = exact(required.min_share) if required.min_share is not None else None
            minimum = exact(required.min_score) if required.min_score is not None else None
            if minimum is None and share is None:
                minimum = points
            per = share.denominator if share is not None else 1
            needed = max(
                self.units(minimum) * per if minimum is not None else 0,
                share.numerator * self.units(points) if share is not None else 0,
            )
            written = required.min_score if required.min_score is not None else item.points
            if share is not None and (minimum is None or share * points > minimum):
                written = float(share * points)
            checks.append(
                RequiredCheck(
                    self.positions[item.id],
                    item.id,
                    item.title,
                    item.points,
                    needed,
                    per,
                    written,
                    required.min_share,
                    self.unit,
                    self.units(points),
                )
            )
        return checks

    def at_least(self) -> list[Check]:
        checks: list[Check] = []
        for rule in self.criteria.pass_rule.at_least:
            # Unknown items are a criteria error (GC303); a repeated one counts once.
            ids = tuple(dict.fromkeys(i for i in rule.items if i in self.known))
            share = exact(rule.min_share) if rule.min_share is not None else Fraction(1)
            checks.append(
                AtLeastCheck(
                    ",".join(rule.items),
                    rule.title or "",
                    rule.count,
                    tuple(self.positions[i] for i in ids),
                    ids,
                    tuple(share.numerator * self.units(exact(self.known[i].points)) for i in ids),
                    share.denominator,
                    rule.min_share,
                    self.unit,
                    tuple(self.units(exact(self.known[i].points)) for i in ids),
                )
            )
        return checks


def _compile(criteria: Criteria, unit_value: Fraction) -> CompiledRule:
    compiler = _Compiler(criteria, unit_value)
    rule = criteria.pass_rule
    categories: list[CompiledCategory] = []
    category_checks: list[Check] = []
    adjustments: list[tuple[int, int, int]] = []
    start = 0
    for index, category in enumerate(criteria.categories):
        compiled = compiler.category(category, start)
        categories.append(compiled)
        start = compiled.end
        if category.scored:
            category_checks.extend(compiler.category_checks(index, compiled))
        else:
            assert compiled.cap is not None
            sign = 1 if category.kind is CategoryKind.BONUS else -1
            adjustments.append((index, compiled.cap, sign))
    # The sheet's points as shown so far: the sum of the scored categories' points as floats.
    total_points = float(
        sum((exact(c.points) for c in categories if c.kind is CategoryKind.SCORED), Fraction(0))
    )
    unit = compiler.unit
    checks: list[Check] = compiler.vetoes()
    checks.append(
        TotalCheck(compiler.units(exact(rule.min_total)), rule.min_total, total_points, unit)
    )
    checks += category_checks
    checks += compiler.required()
    checks += compiler.at_least()
    if rule.min_categories_scored is not None:
        scored = [(n, str(c.id)) for n, c in enumerate(categories) if c.kind is CategoryKind.SCORED]
        checks.append(
            CategoriesScoredCheck(
                rule.min_categories_scored,
                tuple(n for n, _ in scored),
                tuple(s for _, s in scored),
            )
        )
    levels = sorted(
        (
            CompiledLevel(level.title, compiler.units(exact(level.min_total)), level.min_total)
            for level in criteria.levels
        ),
        key=lambda level: level.minimum,
    )
    item_ids = tuple(item.id for category in categories for item in category.items)
    item_points = tuple(
        compiler.units(exact(item.points)) for category in categories for item in category.items
    )
    return CompiledRule(
        unit,
        tuple(categories),
        total_points,
        tuple(checks),
        item_ids,
        item_points,
        tuple(levels),
        tuple(adjustments),
    )


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


def tally(
    criteria: Criteria, scores: Mapping[str, float], vetoes: Mapping[str, str] = NO_VETOES
) -> tuple[CompiledRule, Tally]:
    """*scores* in units of *criteria*'s rule, or of a finer one if a mark needs it."""
    rule = compiled(criteria)
    sheet = rule.tally(scores, vetoes)
    if sheet is None:
        rule = compiled(criteria, rule.finer_unit(scores))
        sheet = rule.tally(scores, vetoes)
        assert sheet is not None, "every mark is whole in the finer unit"
    return rule, sheet
