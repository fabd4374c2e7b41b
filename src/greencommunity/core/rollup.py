"""Towns → district → city: the programme's pyramid, counted honestly.

A district's share is the sum of its towns' passing communities over the sum
of their urban communities (never an average of shares); a city's, likewise
over its districts.  A town whose data has errors is listed as such and left
out of every total.  Towns whose score sheets or targets differ are still
rolled up, and the difference is stated.

Pure functions over already-checked data; ``towns.py`` finds and checks the
folders and calls them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from greencommunity.core.progress import (
    DenominatorTooSmallError,
    NoTargetError,
    Progress,
    compute_progress,
    is_met,
    needed_for,
)
from greencommunity.models import Criteria, Town
from greencommunity.models.criteria import FINGERPRINT_PREFIX
from greencommunity.models.criteria import fingerprint as sheet_fingerprint
from greencommunity.models.folder import CheckedData


@dataclass(frozen=True)
class TownResult:
    """One town's standing for the year (``progress``), or why it has none."""

    folder: Path
    name: str  # the town's name, or the folder's when town.yaml cannot be read
    district: str
    city: str
    progress: Progress | None
    criteria: str  # a fingerprint of the year's score sheet ("" when unknown)
    errors: int  # errors found by validation (the town is left out when > 0)
    no_target: bool = False  # town.yaml has no target for the year
    too_many_files: bool = False  # more community files than urban communities (GC314)

    @property
    def counted(self) -> bool:
        return self.progress is not None


@dataclass(frozen=True)
class Totals:
    """Sums over the counted towns: numerators over denominators."""

    towns: int
    denominator: int
    applied: int
    passed: int

    @property
    def share(self) -> Fraction:
        return Fraction(self.passed, self.denominator) if self.denominator else Fraction(0)

    @property
    def applied_share(self) -> Fraction:
        return Fraction(self.applied, self.denominator) if self.denominator else Fraction(0)


@dataclass(frozen=True)
class Group:
    """The towns of one district (or of one roll-up when the district is not known)."""

    district: str
    towns: tuple[TownResult, ...]  # counted first, by share (highest first), then the rest

    @property
    def total(self) -> Totals:
        return totals(self.towns)


@dataclass(frozen=True)
class Rollup:
    year: int
    groups: tuple[Group, ...]  # one per district, by share
    # Towns reached through two folders with the same data, counted once:
    # (the town's name, the folder counted, the folder left out).
    repeated: tuple[tuple[str, Path, Path], ...] = ()

    @property
    def towns(self) -> tuple[TownResult, ...]:
        return tuple(t for g in self.groups for t in g.towns)

    @property
    def total(self) -> Totals:
        return totals(self.towns)

    @property
    def excluded(self) -> tuple[TownResult, ...]:
        return tuple(t for t in self.towns if not t.counted)

    @property
    def targets(self) -> tuple[float, ...]:
        """The different targets of the counted towns for the year, ascending."""
        return tuple(sorted({t.progress.target for t in self.towns if t.progress is not None}))

    @property
    def criteria_kinds(self) -> int:
        """How many different score sheets the counted towns use."""
        return len({t.criteria for t in self.towns if t.counted and t.criteria})

    @property
    def target(self) -> float | None:
        """The common target, when every counted town has the same one."""
        return self.targets[0] if len(self.targets) == 1 else None

    @property
    def met(self) -> bool | None:
        """Whether the total meets the common target (None without one)."""
        target, total = self.target, self.total
        if target is None or not total.denominator:
            return None
        return is_met(total.passed, total.denominator, target)

    @property
    def short_by(self) -> int | None:
        target, total = self.target, self.total
        if target is None or not total.denominator:
            return None
        return max(0, needed_for(target, total.denominator) - total.passed)


def totals(towns: Sequence[TownResult]) -> Totals:
    counted = [t.progress for t in towns if t.progress is not None]
    return Totals(
        towns=len(counted),
        denominator=sum(p.denominator for p in counted),
        applied=sum(p.applied for p in counted),
        passed=sum(p.passed for p in counted),
    )


def fingerprint(criteria: Criteria) -> str:
    """A short hash of the score sheet, to tell towns with different sheets apart."""
    return sheet_fingerprint(criteria).removeprefix(FINGERPRINT_PREFIX)[:12]


def town_result(
    folder: Path, data: CheckedData | None, year: int, *, town: Town | None, errors: int
) -> TownResult:
    """One town's standing for *year*, from its checked data; None when its data
    has *errors*: then its *town* (None when town.yaml does not load) names it."""
    if data is None:
        # Named and placed as far as its town.yaml can tell, and left out.
        name = town.name if town is not None else folder.name
        district = town.district if town is not None else ""
        city = town.city if town is not None else ""
        return TownResult(folder, name, district, city, None, "", max(errors, 1))
    town = data.town
    common = (folder, town.name, town.district, town.city)
    sheet = fingerprint(data.criteria.criteria_for(year))
    try:
        progress = compute_progress(town, data.criteria, data.communities, year)
    except NoTargetError:
        return TownResult(*common, None, sheet, errors, no_target=True)
    except DenominatorTooSmallError:
        return TownResult(*common, None, sheet, errors, too_many_files=True)
    return TownResult(*common, progress, sheet, errors)


def _by_share(towns: Sequence[TownResult]) -> tuple[TownResult, ...]:
    counted = [t for t in towns if t.progress is not None]
    counted.sort(key=lambda t: (-t.progress.share if t.progress else 0, t.name))
    rest = sorted((t for t in towns if t.progress is None), key=lambda t: t.name)
    return (*counted, *rest)


def roll_up(
    year: int,
    towns: Sequence[TownResult],
    repeated: Sequence[tuple[str, Path, Path]] = (),
) -> Rollup:
    """Group *towns* by district; districts and towns by share, highest first.
    *repeated* names the towns given twice and counted once."""
    by_district: dict[str, list[TownResult]] = {}
    for town in towns:
        by_district.setdefault(town.district, []).append(town)
    groups = [Group(district, _by_share(members)) for district, members in by_district.items()]
    groups.sort(key=lambda g: (-g.total.share, g.district))
    return Rollup(year, tuple(groups), tuple(repeated))
