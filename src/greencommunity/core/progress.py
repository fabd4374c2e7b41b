"""Progress for a year: passing urban communities against the town's target.

Pure functions over loaded models.  Shares are compared as exact
fractions: 9 of 20 against 45 % is met, never 0.44999….
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from greencommunity.core.status import PENDING, CommunityYear, Status, community_status
from greencommunity.core.submissions import applied_by, in_order
from greencommunity.diagnostics import Diagnostic
from greencommunity.figures import exact
from greencommunity.models import Community, Town
from greencommunity.models.editions import CriteriaByYear


class ProgressError(Exception):
    """Progress cannot be computed; the attributes say why (the CLI words it)."""


class NoTargetError(ProgressError):
    """town.yaml has no target for the year asked (a usage error: exit 2)."""

    def __init__(self, year: int, years: Sequence[int]) -> None:
        super().__init__(year)
        self.year = year
        self.years = tuple(years)


class DenominatorTooSmallError(ProgressError):
    """More community files than urban communities (rule GC314: the data is wrong)."""

    def __init__(self, count: int, denominator: int) -> None:
        super().__init__(count)
        self.count = count
        self.denominator = denominator


@dataclass(frozen=True)
class PathStep:
    """A pending community on the way to the target, and what it still lacks."""

    community: CommunityYear
    points_lacking: float | None  # None: no self-evaluation yet

    @property
    def projected_pass(self) -> bool:
        return self.community.projected_pass


@dataclass(frozen=True)
class Progress:
    """The town's standing for one target year.

    Only the inputs are stored; every figure is derived from them, so the
    table, the JSON and the reports can never disagree.
    """

    year: int
    target: float
    deadline: dt.date
    denominator: int
    communities: tuple[CommunityYear, ...]
    path_to_target: tuple[PathStep, ...]
    as_of: dt.date | None = None
    # Community files left out because they have errors, each by its first
    # error: the figures are provisional while there is one.
    excluded: tuple[Diagnostic, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.excluded)

    @property
    def passed(self) -> int:
        return self.count(Status.PASSED)

    @property
    def applied(self) -> int:
        """Communities that took part: applied in this year or before (participation)."""
        return sum(applied_by(c.community, self.year, self.as_of) for c in self.communities)

    @property
    def applied_share(self) -> Fraction:
        return Fraction(self.applied, self.denominator)

    @property
    def share(self) -> Fraction:
        return Fraction(self.passed, self.denominator)

    @property
    def met(self) -> bool:
        return is_met(self.passed, self.denominator, self.target)

    @property
    def short_by(self) -> int:
        """Communities still needed, 0 when met."""
        return max(0, self.needed - self.passed)

    @property
    def projected_passed(self) -> int:
        """Passed, plus every pending community whose self score passes."""
        return self.passed + sum(c.projected_pass for c in self.communities)

    @property
    def projected_share(self) -> Fraction:
        return Fraction(self.projected_passed, self.denominator)

    @property
    def projected_met(self) -> bool:
        return is_met(self.projected_passed, self.denominator, self.target)

    @property
    def needed(self) -> int:
        """Passing communities the target asks for."""
        return needed_for(self.target, self.denominator)

    @property
    def not_on_file(self) -> int:
        """Urban communities of the town without a file (not in the plan)."""
        return self.denominator - len(self.communities) - len(self.excluded)

    def count(self, status: Status) -> int:
        return sum(c.status is status for c in self.communities)


def needed_for(target: float, denominator: int) -> int:
    """The smallest n with n / denominator ≥ target."""
    return math.ceil(exact(target) * denominator)


def is_met(passed: int, denominator: int, target: float) -> bool:
    return Fraction(passed, denominator) >= exact(target)


def compute_progress(
    town: Town,
    criteria: CriteriaByYear,
    communities: Sequence[Community],
    year: int,
    as_of: dt.date | None = None,
    excluded: Sequence[Diagnostic] = (),
) -> Progress:
    """Progress for *year*.

    Raises ``NoTargetError`` when town.yaml has no target for *year*, and
    ``DenominatorTooSmallError`` when there are more community files than urban
    communities (the share would be inflated; rule GC314).
    """
    target = town.target_for(year)
    if target is None:
        raise NoTargetError(year, sorted(t.year for t in town.targets))
    denominator = town.urban_communities
    if len(communities) + len(excluded) > denominator:
        raise DenominatorTooSmallError(len(communities) + len(excluded), denominator)
    rows = tuple(community_status(criteria, c, year, as_of) for c in in_order(communities))
    pending = [r for r in rows if r.status in PENDING]
    steps = []
    for row in pending:
        lacking = None
        if row.self_result is not None and row.self_result.evaluation is not None:
            lacking = row.self_result.evaluation.points_lacking()
        steps.append(PathStep(row, lacking))
    steps.sort(
        key=lambda s: (
            s.points_lacking is None,
            s.points_lacking or 0.0,
            s.community.community.batch,
            s.community.id,
        )
    )
    return Progress(
        year=year,
        target=target.share,
        deadline=target.deadline or dt.date(year, 12, 31),
        denominator=denominator,
        communities=rows,
        path_to_target=tuple(steps),
        as_of=as_of,
        excluded=tuple(excluded),
    )
