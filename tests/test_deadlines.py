"""Deadlines as of a date: late and missing submissions, overdue reviews and projects."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from greencommunity.core.deadlines import deadlines, programme_end
from greencommunity.core.years import Day, status_day
from greencommunity.loading.dataset import load_dataset
from greencommunity.models.types import day_in_year
from tests.factories import PASS, assessment, make_community, make_sheets, make_town

CRITERIA = make_sheets()
TOWN = make_town(10)
DATA = Path(__file__).resolve().parents[1] / "data"


def _plan(**changes: object) -> dict[str, object]:
    project: dict[str, object] = {
        "id": "p1",
        "title": "垃圾分类点",
        "items": ["2.1"],
        "lead": "镇三大整治办",
        "status": "in_progress",
        "due": "2022-09-30",
        "budget": 10,
        "spent": 4,
        "funding": "海绵城市建设",
    }
    project.update(changes)
    return project


COMMUNITIES = [
    make_community("silent", 2022),
    make_community("late", 2022, [assessment(2022, self_scores=PASS, submitted="2022-11-02")]),
    make_community(
        "ontime",
        2022,
        [assessment(2022, self_scores=PASS)],
        plan=[
            _plan(),
            _plan(id="p2", lead="镇规保办", due="2022-12-31", budget=5.5, spent=0, funding=None),
        ],
    ),
    make_community("reviewed", 2022, [assessment(2022, self_scores=PASS, district=PASS)]),
    make_community("next", 2023),
]


def test_before_the_deadline_nothing_is_late() -> None:
    view = deadlines(TOWN, CRITERIA, COMMUNITIES, dt.date(2022, 10, 1))
    assert view.missing == ()
    assert [c.id for c in view.not_yet_submitted] == ["late", "ontime", "reviewed", "silent"]


def test_after_the_deadline() -> None:
    view = deadlines(TOWN, CRITERIA, COMMUNITIES, dt.date(2022, 11, 1))
    assert [(s.community.id, s.days_late) for s in view.missing] == [("late", 2), ("silent", 2)]
    assert view.late == ()
    assert view.district_overdue == ()
    # the district result of "reviewed" is dated 11-10: not yet known on 11-01
    assert [(lead, [o.project.id for o in items]) for lead, items in view.overdue_projects] == [
        ("镇三大整治办", ["p1"])
    ]
    assert view.overdue_projects[0][1][0].days_overdue == 32


def test_after_the_district_deadline() -> None:
    view = deadlines(TOWN, CRITERIA, COMMUNITIES, dt.date(2022, 11, 20))
    assert [s.community.id for s in view.missing] == ["silent"]
    assert [(s.community.id, s.days_late) for s in view.late] == [("late", 3)]
    assert [r.id for r in view.district_overdue] == ["late", "ontime"]
    assert [r.id for r in view.city_pending] == ["reviewed"]
    assert view.city_overdue == ()


def test_after_the_city_window_without_any_sample() -> None:
    view = deadlines(TOWN, CRITERIA, COMMUNITIES, dt.date(2022, 12, 5))
    assert view.city_pending == ()
    assert [r.id for r in view.city_overdue] == ["reviewed"]


def test_day_in_year() -> None:
    assert day_in_year(2022, "10-30") == dt.date(2022, 10, 30)
    assert day_in_year(2022, "02-29") == dt.date(2022, 2, 28)


def test_shipped_data_late_submission_2022() -> None:
    dataset = load_dataset(DATA)
    criteria = dataset.criteria_by_year()
    assert dataset.town_model and criteria
    view = deadlines(dataset.town_model, criteria, dataset.community_models(), dt.date(2022, 11, 1))
    assert [s.community.id for s in view.missing] == ["xiangjia"]
    assert view.late == ()


def test_status_day_is_today_until_the_programme_ends() -> None:
    """The programme ends on its last target's deadline, 31 December by default;
    a day asked for is kept as it is."""
    town = make_town(10, {2021: "45%", 2022: "65%"})
    assert programme_end(town) == dt.date(2022, 12, 31)
    today = {d: Day(d, asked=False) for d in (dt.date(2022, 11, 1), dt.date(2022, 12, 31))}
    assert status_day(town, today[dt.date(2022, 11, 1)]) == (dt.date(2022, 11, 1), False)
    assert status_day(town, today[dt.date(2022, 12, 31)]) == (dt.date(2022, 12, 31), False)
    assert status_day(town, Day(dt.date(2023, 1, 1), False)) == (dt.date(2022, 12, 31), True)
    assert status_day(town, Day(dt.date(2026, 11, 29), False)) == (dt.date(2022, 12, 31), True)
    assert status_day(town, Day(dt.date(2026, 11, 29), True)) == (dt.date(2026, 11, 29), False)


def test_programme_end_is_the_last_targets_deadline() -> None:
    town = make_town(10, {2021: "45%", 2022: "65%"})
    data = town.model_dump()
    data["targets"][-1]["deadline"] = dt.date(2022, 11, 30)
    from greencommunity.models import Town

    early = Town.model_validate(data)
    assert programme_end(early) == dt.date(2022, 11, 30)
    assert status_day(early, Day(dt.date(2022, 12, 15), False)) == (dt.date(2022, 11, 30), True)


def test_capped_day_counts_overdue_projects_up_to_the_end() -> None:
    """Counted from the programme's end, a project due 2022-09-30 is 92 days
    overdue, not the days until today."""
    town = make_town(10, {2021: "45%", 2022: "65%"})
    day, capped = status_day(town, Day(dt.date(2026, 11, 29), False))
    assert capped
    community = make_community("open", 2022, plan=[_plan()])
    view = deadlines(town, CRITERIA, [community], day)
    [(_, [overdue])] = view.overdue_projects
    assert overdue.days_overdue == 92
