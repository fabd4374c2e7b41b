"""core/years.py: the one place that decides the day and the year a command speaks of."""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from greencommunity.core import years
from tests.factories import make_community, make_town

SRC = Path(__file__).resolve().parents[1] / "src" / "greencommunity"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dt.datetime]]:
    """The clock core/years reads, set by the test (an aware datetime)."""
    now: list[dt.datetime] = [dt.datetime(2022, 6, 1, 12, tzinfo=dt.UTC)]
    monkeypatch.setattr(years, "clock", lambda: now[0])
    yield now


@pytest.mark.parametrize(
    ("candidates", "day", "asked", "chosen"),
    [
        ([2021, 2022], dt.date(2021, 6, 1), None, 2021),  # the year of the day
        ([2021, 2022], dt.date(2022, 6, 1), None, 2022),
        ([2021, 2022], dt.date(2026, 12, 7), None, 2022),  # after: the last before it
        ([2021, 2023], dt.date(2022, 6, 1), None, 2021),  # between: the last before it
        ([2021, 2022], dt.date(2020, 6, 1), None, 2021),  # before: the first after it
        ([2022, 2021, 2022], dt.date(2022, 1, 1), None, 2022),  # repeated, unordered
        ([2021, 2022], dt.date(2026, 12, 7), 2019, 2019),  # asked: as it is
        ([], dt.date(2022, 6, 1), None, None),
        ([], dt.date(2022, 6, 1), 2021, 2021),
    ],
)
def test_choose(candidates: list[int], day: dt.date, asked: int | None, chosen: int | None) -> None:
    assert years.choose(candidates, day, asked) == chosen


@pytest.mark.parametrize(
    ("utc", "day"),
    [
        # 23:30 UTC on 31 December is already 1 January in China.
        (dt.datetime(2021, 12, 31, 23, 30, tzinfo=dt.UTC), dt.date(2022, 1, 1)),
        (dt.datetime(2021, 12, 31, 15, 59, tzinfo=dt.UTC), dt.date(2021, 12, 31)),
        (dt.datetime(2021, 12, 31, 16, 0, tzinfo=dt.UTC), dt.date(2022, 1, 1)),
    ],
)
def test_today_is_counted_in_china_standard_time(
    clock: list[dt.datetime], utc: dt.datetime, day: dt.date
) -> None:
    clock[0] = utc
    assert years.today() == day
    # The same instant seen from UTC+14 and UTC-12 is the same day for gc.
    for hours in (14, -12):
        clock[0] = utc.astimezone(dt.timezone(dt.timedelta(hours=hours)))
        assert years.today() == day


def test_as_of_is_the_day_asked_else_today(clock: list[dt.datetime]) -> None:
    assert years.as_of(dt.date(2021, 10, 30)) == years.Day(dt.date(2021, 10, 30), asked=True)
    assert years.as_of(None) == years.Day(dt.date(2022, 6, 1), asked=False)


def test_progress_year_on_the_shipped_calendar() -> None:
    town = make_town(20, {2021: "45%", 2022: "65%"})
    assert years.progress_year(town, dt.date(2021, 6, 1)) == 2021
    assert years.progress_year(town, dt.date(2022, 6, 1)) == 2022
    assert years.progress_year(town, dt.date(2025, 6, 1)) == 2022
    assert years.progress_year(town, dt.date(2020, 6, 1)) == 2021
    assert years.progress_year(town, dt.date(2025, 6, 1), 2021) == 2021


def test_target_years_of_several_towns() -> None:
    one = make_town(20, {2021: "45%", 2022: "65%"})
    other = make_town(20, {2023: "80%"})
    assert years.target_years(one, None, other) == [2021, 2022, 2023]


def test_assessment_and_self_evaluation_years() -> None:
    first = make_community("a", 2021)
    second = make_community("b", 2022)
    assert years.assessment_years([first, second]) == sorted(
        {a.year for c in (first, second) for a in c.assessments}
    )
    assert years.self_evaluation_years([first]) == sorted(
        {a.year for a in first.assessments if a.self is not None}
    )


def _calls(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node.func.attr


def test_only_core_years_reads_the_clock() -> None:
    """No other module asks for today: the same data on the same day gives the
    same year and day in every command."""
    readers = {
        source.relative_to(SRC).as_posix()
        for source in SRC.rglob("*.py")
        if {"today", "now", "utcnow"} & set(_calls(ast.parse(source.read_text("utf-8"))))
    }
    # planning asks core/years.today(), the one clock (a call named "today").
    assert readers - {"documents/planning.py"} == {"core/years.py"}


def test_no_module_keeps_a_global_switch() -> None:
    """Options reach the core through the request and parameters, never through
    a module-level variable rebound with ``global``."""
    rebinders = [
        source.relative_to(SRC).as_posix()
        for source in SRC.rglob("*.py")
        for node in ast.walk(ast.parse(source.read_text("utf-8")))
        if isinstance(node, ast.Global | ast.Nonlocal)
    ]
    assert rebinders == []


# ------------------------------------------------------- the time written into files

CST = years.PROGRAMME_ZONE


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),  # set but empty: as unset
        ("0", dt.datetime(1970, 1, 1, tzinfo=dt.UTC)),
        ("1667088000", dt.datetime(2022, 10, 30, tzinfo=dt.UTC)),
    ],
)
def test_source_date_epoch(value: str | None, expected: dt.datetime | None) -> None:
    environ = {} if value is None else {years.EPOCH_VARIABLE: value}
    assert years.source_date_epoch(environ) == expected


@pytest.mark.parametrize("value", ["abc", "-1", "1.5", " 12", "１２", "9" * 30])
def test_a_source_date_epoch_that_is_not_a_time_is_refused(value: str) -> None:
    with pytest.raises(years.EpochError) as raised:
        years.source_date_epoch({years.EPOCH_VARIABLE: value})
    assert raised.value.value == value


def test_the_stamp_is_the_epoch_else_the_commit_else_the_day(clock: list[dt.datetime]) -> None:
    committed = dt.datetime(2022, 10, 29, 18, 5, tzinfo=CST)
    day = dt.date(2022, 10, 30)
    epoch = {years.EPOCH_VARIABLE: "1667088000"}
    assert years.stamp(committed, day, epoch) == dt.datetime(2022, 10, 30, tzinfo=dt.UTC)
    assert years.stamp(committed, day, {}) == committed
    assert years.stamp(None, day, {}) == dt.datetime(2022, 10, 30, tzinfo=CST)
    # Whatever the clock says.
    clock[0] = dt.datetime(2031, 1, 1, tzinfo=dt.UTC)
    assert years.stamp(None, day, {}) == dt.datetime(2022, 10, 30, tzinfo=CST)


@pytest.mark.parametrize(
    ("named", "day"),
    [
        (None, dt.date(2022, 10, 31)),  # China Standard Time
        ("Asia/Shanghai", dt.date(2022, 10, 31)),
        ("Pacific/Honolulu", dt.date(2022, 10, 30)),
        ("UTC-10:00", dt.date(2022, 10, 30)),
        ("UTC+14:00", dt.date(2022, 10, 31)),
    ],
)
def test_today_in_the_zone_town_yaml_names(
    clock: list[dt.datetime], named: str | None, day: dt.date
) -> None:
    clock[0] = dt.datetime(2022, 10, 31, 1, tzinfo=dt.UTC)
    town = make_town(time_zone=named) if named else make_town()
    assert years.today(years.zone_of(town)) == day
    assert years.as_of(None, years.zone_of(town)) == years.Day(day, asked=False)


@pytest.mark.parametrize("name", ["Asia/Beijing", "CST", "UTC+15:00", "UTC+8", "../etc/passwd", ""])
def test_names_that_are_no_zone(name: str) -> None:
    from pydantic import ValidationError

    from greencommunity.models.types import zone

    assert zone(name) is None
    with pytest.raises(ValidationError, match=r"gc_time_zone|time zone"):
        make_town(time_zone=name)
