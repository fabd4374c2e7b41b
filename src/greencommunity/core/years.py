"""Which day a command speaks as of, and which year it speaks of.

Every command asks here and nowhere else, so the same data on the same day
gives the same year in ``gc progress``, ``gc status``, ``gc score``,
``gc report``, ``gc sheet``, ``gc rollup``, ``gc site`` and ``gc history``.

The day: the one asked for (``--as-of``, ``--date``), else today as the
programme counts days, in China Standard Time (``PROGRAMME_ZONE``), never the
machine's zone: an officer in Shanghai at 07:00 and a CI runner in UTC at
23:00 the evening before speak of the same day.

The year: of the years a command can speak of (``choose``'s *candidates*: the
town's target years for progress, a community's assessment years for its
score…), the year of the day; else the last one before it; else the first
one after it.  So a command run in a target year speaks of that year, one run
after the programme speaks of its last year, and one run before it of its
first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from greencommunity.core.deadlines import programme_end
from greencommunity.models import Community, Town

# China has kept one offset all year since 1991; a fixed offset needs no time
# zone database, which Windows lacks.
PROGRAMME_ZONE = dt.timezone(dt.timedelta(hours=8), "CST")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# The clock, read here only; tests replace it.
clock: Callable[[], dt.datetime] = _now


def today() -> dt.date:
    """Today as the programme counts days (China Standard Time)."""
    return clock().astimezone(PROGRAMME_ZONE).date()


@dataclass(frozen=True)
class Day:
    """The day a run speaks as of, and whether it was asked for."""

    date: dt.date
    asked: bool


def as_of(asked: dt.date | None) -> Day:
    """The day asked for, else today."""
    return Day(asked, True) if asked is not None else Day(today(), False)


def choose(candidates: Iterable[int], day: dt.date, asked: int | None = None) -> int | None:
    """The year *asked* for; else, of *candidates*, the year of *day*; else the
    last before it; else the first after it; None when there is none."""
    if asked is not None:
        return asked
    years = sorted(set(candidates))
    if not years:
        return None
    before = [y for y in years if y <= day.year]
    return before[-1] if before else years[0]


def target_years(*towns: Town | None) -> list[int]:
    """Every year some town has a target for, ascending."""
    return sorted({t.year for town in towns if town is not None for t in town.targets})


def assessment_years(communities: Sequence[Community]) -> list[int]:
    """Every year some community has an assessment for, ascending."""
    return sorted({a.year for c in communities for a in c.assessments})


def self_evaluation_years(communities: Sequence[Community]) -> list[int]:
    """Every year some of *communities* evaluated itself, ascending."""
    return sorted({a.year for c in communities for a in c.assessments if a.self is not None})


def progress_year(town: Town, day: dt.date, asked: int | None = None) -> int:
    """The target year progress speaks of on *day* (every town has a target)."""
    chosen = choose(target_years(town), day, asked)
    assert chosen is not None, "town.yaml's schema requires at least one target"
    return chosen


def rollup_year(towns: Sequence[Town | None], day: dt.date, asked: int | None = None) -> int | None:
    """The year a roll-up of *towns* speaks of on *day*: among every target year
    of any of them, as ``choose`` picks (``gc rollup`` and ``gc site --rollup``
    alike); None when no town has a target."""
    return choose(target_years(*towns), day, asked)


def site_year(
    town: Town, rolled_up: Sequence[Town | None], day: dt.date, asked: int | None = None
) -> int:
    """The year ``gc site`` speaks of: with ``--rollup``, the year ``gc rollup``
    speaks of for the same towns (``rollup_year``); alone, or when none of them
    has a target, the year ``gc progress`` speaks of for *town*."""
    chosen = rollup_year(rolled_up, day, asked) if rolled_up else None
    return chosen if chosen is not None else progress_year(town, day, asked)


def status_day(town: Town, day: Day) -> tuple[dt.date, bool]:
    """The day ``gc status`` looks at, and whether gc moved it: the day asked
    for as it is; today, or the programme's end once today is past it.  Years
    after the last target have no calendar to keep, and counting from today
    would call every open project of the last year overdue."""
    end = programme_end(town)
    if not day.asked and day.date > end:
        return end, True
    return day.date, False
