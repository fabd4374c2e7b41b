"""The annual evaluation (创建情况和实施效果年度评估) of a community's year, and
which evaluations a passed community owes (长效管理).

Pure functions over the models.  A year's account is seen as of the year's
last day (or an earlier day asked for): what the plan achieved in the year,
how the scores moved up to it, the rectifications still open, and the
community's own account (``Community.evaluation``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from greencommunity.core.funding import Funding, by_channel
from greencommunity.core.projects import done_on_as_of, projects_of_year
from greencommunity.core.rectifications import Rectification, open_rectifications
from greencommunity.core.status import CommunityYear, community_status
from greencommunity.core.submissions import in_order
from greencommunity.models import Community, Town
from greencommunity.models.community import Project, YearEvaluation
from greencommunity.models.editions import CriteriaByYear
from greencommunity.models.types import day_in_year

# The day of the year a passed community's evaluation is due when town.yaml's
# calendar names none: the year's last day.
DEFAULT_DUE = "12-31"


class Timing(StrEnum):
    """How a plan project of the year stands at the year's end."""

    ON_TIME = "on_time"  # done by its due date (or done, without one)
    LATE = "late"  # done after its due date
    OVERDUE = "overdue"  # not done, its due date passed
    OPEN = "open"  # not done, not yet due


@dataclass(frozen=True)
class ProjectOutcome:
    project: Project
    done_on: dt.date | None  # by the day the account is seen as of
    timing: Timing


@dataclass(frozen=True)
class ScoreMove:
    """One assessment year up to the evaluated one: the self score and the
    official result."""

    year: int
    standing: CommunityYear


@dataclass(frozen=True)
class YearAccount:
    """Everything the annual evaluation of *community*'s *year* reports."""

    community: Community
    year: int
    as_of: dt.date
    projects: tuple[ProjectOutcome, ...]
    funding: Funding
    scores: tuple[ScoreMove, ...]
    rectifications: tuple[Rectification, ...]  # open on ``as_of``, any year
    evaluation: YearEvaluation | None  # the community's own account

    def count(self, timing: Timing) -> int:
        return sum(p.timing is timing for p in self.projects)


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def _timing(project: Project, day: dt.date) -> ProjectOutcome:
    done = done_on_as_of(project, day)
    if done is not None:
        late = project.due is not None and done > project.due
        return ProjectOutcome(project, done, Timing.LATE if late else Timing.ON_TIME)
    overdue = project.due is not None and project.due < day
    return ProjectOutcome(project, None, Timing.OVERDUE if overdue else Timing.OPEN)


def year_projects(community: Community, year: int) -> list[Project]:
    """The projects a year's evaluation accounts for: started by the year, not
    cancelled, and not finished before it began."""
    return [
        p for p in projects_of_year(community, year) if p.done_on is None or p.done_on.year >= year
    ]


def account(
    town: Town,
    criteria: CriteriaByYear,
    community: Community,
    year: int,
    as_of: dt.date | None = None,
) -> YearAccount:
    """*community*'s *year* as its annual evaluation reports it, as of the
    year's last day or *as_of* if earlier."""
    day = year_end(year) if as_of is None else min(as_of, year_end(year))
    projects = year_projects(community, year)
    scores = tuple(
        ScoreMove(a.year, community_status(criteria, community, a.year, day))
        for a in sorted(community.assessments, key=lambda a: a.year)
        if a.year <= year
    )
    open_ = open_rectifications(town, criteria, [community], day)
    return YearAccount(
        community=community,
        year=year,
        as_of=day,
        projects=tuple(_timing(p, day) for p in projects),
        funding=by_channel(town, projects),
        scores=scores,
        rectifications=open_.items,
        evaluation=community.evaluation_of(year),
    )


def evaluated(communities: Sequence[Community], year: int) -> list[Community]:
    """The communities with an annual evaluation of *year*, in the usual order."""
    return [c for c in in_order(communities) if c.evaluation_of(year) is not None]


def evaluation_years(communities: Sequence[Community]) -> list[int]:
    """Every year some community has an annual evaluation of, ascending."""
    return sorted({e.year for c in communities for e in c.evaluation})


# ------------------------------------------------------------- 长效管理: what is owed


class Owed(StrEnum):
    """A passed community's evaluation of a later year."""

    FILED = "filed"
    DUE = "due"  # not filed, its due date not yet passed
    OVERDUE = "overdue"  # not filed, its due date passed


@dataclass(frozen=True)
class OwedEvaluation:
    community: Community
    year: int
    due: dt.date
    state: Owed
    filed: dt.date | None  # the evaluation's date, if filed
    days_overdue: int  # on the day asked; 0 unless overdue


def due_date(town: Town, year: int) -> dt.date:
    """The day a passed community's evaluation of *year* is due (town.yaml's
    ``calendar.evaluation_due``, else the year's last day)."""
    return day_in_year(year, town.calendar.evaluation_due or DEFAULT_DUE)


def owed(
    town: Town,
    criteria: CriteriaByYear,
    community: Community,
    day: dt.date,
) -> tuple[OwedEvaluation, ...]:
    """The evaluations *community* owes for each year after its pass up to
    *day*'s year, filed or not.  A missing evaluation changes nothing of the
    pass: the year it was earned and every count stay as they are."""
    passed_in = community_status(criteria, community, day.year, day).passed_in
    if passed_in is None:
        return ()
    found = []
    for year in range(passed_in + 1, day.year + 1):
        due = due_date(town, year)
        filed = community.evaluation_of(year)
        if filed is not None and filed.date <= day:
            state = Owed.FILED
        elif due < day:
            state = Owed.OVERDUE
        else:
            state = Owed.DUE
        found.append(
            OwedEvaluation(
                community,
                year,
                due,
                state,
                filed.date if filed is not None and state is Owed.FILED else None,
                (day - due).days if state is Owed.OVERDUE else 0,
            )
        )
    return tuple(found)


def owed_by_all(
    town: Town, criteria: CriteriaByYear, communities: Sequence[Community], day: dt.date
) -> tuple[OwedEvaluation, ...]:
    """Every passed community's owed evaluations, in the usual order of communities."""
    return tuple(o for c in in_order(communities) for o in owed(town, criteria, c, day))


@dataclass(frozen=True)
class YearLine:
    """A community a year's summary names under the annual evaluations: it
    filed one of the year, or it passed before the year and owes one."""

    community: Community
    filed: dt.date | None  # None: not filed by the day
    owed: bool  # passed in an earlier year (长效管理)


def year_lines(
    criteria: CriteriaByYear, communities: Sequence[Community], year: int, day: dt.date | None
) -> tuple[YearLine, ...]:
    """Which annual evaluations of *year* are in by *day* (the year's end
    without one), and which passed communities have not filed theirs."""
    seen = year_end(year) if day is None else day
    lines = []
    for community in in_order(communities):
        filed = community.evaluation_of(year)
        passed_in = community_status(criteria, community, year, seen).passed_in
        owes = passed_in is not None and passed_in < year
        if filed is not None or owes:
            on = filed.date if filed is not None and filed.date <= seen else None
            lines.append(YearLine(community, on, owes))
    return tuple(lines)
