"""Which day a command speaks as of, and which year it speaks of.

Every command asks here and nowhere else, so the same data on the same day
gives the same year in ``gc progress``, ``gc status``, ``gc score``,
``gc report``, ``gc sheet``, ``gc rollup``, ``gc site`` and ``gc history``.

The day: the one asked for (``--as-of``, ``--date``), else today as the
programme counts days, in China Standard Time (``PROGRAMME_ZONE``) unless
town.yaml names another zone (``zone_of``), never the machine's zone: an
officer in Shanghai at 07:00 and a CI runner in UTC at 23:00 the evening
before speak of the same day.

The year: of the years a command can speak of (``choose``'s *candidates*: the
town's target years for progress, a community's assessment years for its
score…), the year of the day; else the last one before it; else the first
one after it.  So a command run in a target year speaks of that year, one run
after the programme speaks of its last year, and one run before it of its
first.

The time written into files (``stamp``): ``SOURCE_DATE_EPOCH`` when set (as
reproducible-builds.org defines it), else the data commit's time, else the
start of the day the run speaks as of.  So the same data, options and gc
version give the same bytes whatever the hour and the machine's zone: apart
from today (when no day is asked for), nothing reads the clock.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from greencommunity.core.deadlines import programme_end
from greencommunity.models import Community, Town
from greencommunity.models.types import zone

# China has kept one offset all year since 1991; a fixed offset needs no time
# zone database, which Windows lacks.
PROGRAMME_ZONE = dt.timezone(dt.timedelta(hours=8), "CST")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# The clock, read here only; tests replace it.
clock: Callable[[], dt.datetime] = _now


def zone_of(town: Town | None) -> dt.tzinfo:
    """The zone a town counts days in: the one its town.yaml names, else China
    Standard Time."""
    named = zone(town.time_zone) if town is not None and town.time_zone else None
    return named if named is not None else PROGRAMME_ZONE


def today(where: dt.tzinfo = PROGRAMME_ZONE) -> dt.date:
    """Today as the programme counts days: in China Standard Time, or the
    zone *where* (``zone_of`` the town)."""
    return clock().astimezone(where).date()


# reproducible-builds.org's variable: the time a build stands for, in seconds
# since 1970-01-01T00:00:00Z.
EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


class EpochError(ValueError):
    """``SOURCE_DATE_EPOCH`` is set to something that is not a time (exit 2:
    the specification asks a build to stop rather than guess)."""

    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.value = value


def source_date_epoch(environ: Mapping[str, str] | None = None) -> dt.datetime | None:
    """The time ``SOURCE_DATE_EPOCH`` names (UTC), None when it is unset or
    empty; EpochError when it is not a whole number of seconds."""
    text = (os.environ if environ is None else environ).get(EPOCH_VARIABLE, "")
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise EpochError(text)
    try:
        return dt.datetime.fromtimestamp(int(text), dt.UTC)
    except (OverflowError, OSError, ValueError):
        raise EpochError(text) from None


def stamp(
    committed: dt.datetime | None, day: dt.date, environ: Mapping[str, str] | None = None
) -> dt.datetime:
    """The time written into a file's metadata and zip entries: the one
    ``SOURCE_DATE_EPOCH`` names, else *committed* (the data commit's time),
    else the start of *day* (the day the file speaks as of) in China Standard
    Time.  Never the clock."""
    epoch = source_date_epoch(environ)
    if epoch is not None:
        return epoch
    if committed is not None:
        return committed
    return dt.datetime.combine(day, dt.time(0), PROGRAMME_ZONE)


@dataclass(frozen=True)
class Day:
    """The day a run speaks as of, and whether it was asked for."""

    date: dt.date
    asked: bool


def as_of(asked: dt.date | None, where: dt.tzinfo = PROGRAMME_ZONE) -> Day:
    """The day asked for, else today (in the zone *where*)."""
    return Day(asked, True) if asked is not None else Day(today(where), False)


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
