"""The review loop's rectifications as of a day: open until answered, overdue
after the due date, grouped by community and by the items' lead department."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from greencommunity.core.rectifications import of_year, open_rectifications
from greencommunity.models.editions import CriteriaByYear
from tests.factories import CRITERIA, PASS, assessment, make_community, make_sheets, make_town

TOWN = make_town()  # departments: 镇三大整治办, 镇规保办, 社区办


def _criteria_with_leads() -> CriteriaByYear:
    data = copy.deepcopy(CRITERIA)
    leads = {"1.1": "社区办", "1.2": "镇三大整治办", "2.1": "房管所"}  # 2.2: none
    for category in data["categories"]:
        for item in category["items"]:
            if item["id"] in leads:
                item["lead"] = leads[item["id"]]
    return make_sheets(**data)


CRITERIA_LEADS = _criteria_with_leads()


def _asked(due: str, answered: str | None = None) -> dict[str, Any]:
    asked: dict[str, Any] = {"comment": "需整改", "due": due}
    if answered is not None:
        asked["answer"] = {"date": answered, "note": "已整改"}
    return asked


def _year(year: int, district: dict[str, Any], city: dict[str, Any] | None = None) -> Any:
    data = assessment(year, self_scores=PASS, district="rectify")
    data["district"]["rectifications"] = district
    if city is not None:
        data["city"] = {"date": f"{year}-11-25", "verdict": "rectify", "rectifications": city}
    return data


def test_the_reviews_rectifications_in_order_district_first_items_in_criteria_order() -> None:
    c = make_community(
        "a",
        2022,
        [
            _year(
                2022,
                {"2.2": _asked("2022-12-01"), "1.1": _asked("2022-12-20")},
                {"1.2": _asked("2022-12-31")},
            )
        ],
    )
    found = of_year(CRITERIA_LEADS, c, 2022)
    assert [(r.stage, r.item, r.title, r.lead) for r in found] == [
        ("district", "1.1", "议事平台", "社区办"),
        ("district", "2.2", "光伏", None),
        ("city", "1.2", "精细化管理", "镇三大整治办"),
    ]
    # Without a day nothing is overdue; a year without an assessment has none.
    assert [r.days_overdue for r in found] == [0, 0, 0]
    assert of_year(CRITERIA_LEADS, c, 2021) == ()


def test_as_of_a_day_later_reviews_and_answers_have_not_happened() -> None:
    c = make_community("a", 2022, [_year(2022, {"1.1": _asked("2022-12-15", "2022-12-10")})])
    assert of_year(CRITERIA_LEADS, c, 2022, dt.date(2022, 11, 9)) == ()  # reviewed 11-10
    [asked] = of_year(CRITERIA_LEADS, c, 2022, dt.date(2022, 11, 10))
    assert asked.open and asked.answer is None
    [answered] = of_year(CRITERIA_LEADS, c, 2022, dt.date(2022, 12, 10))
    assert not answered.open and answered.answer is not None
    assert answered.answer.note == "已整改"


def test_overdue_from_the_day_after_the_due_date_unless_answered() -> None:
    c = make_community("a", 2022, [_year(2022, {"1.1": _asked("2022-12-15")})])

    def late(day: dt.date) -> int:
        return of_year(CRITERIA_LEADS, c, 2022, day)[0].days_overdue

    assert [late(dt.date(2022, 12, d)) for d in (14, 15, 16, 31)] == [0, 0, 1, 16]
    answered_late = make_community(
        "b", 2022, [_year(2022, {"1.1": _asked("2022-12-15", "2022-12-20")})]
    )
    [r] = of_year(CRITERIA_LEADS, answered_late, 2022, dt.date(2022, 12, 31))
    assert (r.open, r.overdue) == (False, False)


def test_open_rectifications_overdue_first_grouped_by_community_and_lead() -> None:
    a = make_community(
        "a",
        2021,
        [
            # Open since 2021: a rectification stays open until it is answered.
            _year(2021, {"2.2": _asked("2022-01-31")}),
            _year(2022, {"1.1": _asked("2022-12-20"), "1.2": _asked("2022-12-01", "2022-11-30")}),
        ],
    )
    b = make_community(
        "b", 2022, [_year(2022, {"1.2": _asked("2022-12-31"), "2.1": _asked("2022-12-05")})]
    )
    view = open_rectifications(TOWN, CRITERIA_LEADS, [b, a], dt.date(2022, 12, 10))
    assert [(r.community.id, r.item, r.days_overdue) for r in view.items] == [
        ("a", "2.2", 313),
        ("b", "2.1", 5),
        ("a", "1.1", 0),
        ("b", "1.2", 0),
    ]
    assert view.overdue == 2
    assert [(c.id, [r.item for r in rows]) for c, rows in view.by_community()] == [
        ("a", ["2.2", "1.1"]),
        ("b", ["2.1", "1.2"]),
    ]
    # town.yaml's order (镇三大整治办 before 社区办), then a name it lacks, then none.
    assert [(lead, [r.item for r in rows]) for lead, rows in view.by_lead()] == [
        ("镇三大整治办", ["1.2"]),
        ("社区办", ["1.1"]),
        ("房管所", ["2.1"]),
        (None, ["2.2"]),
    ]


def test_nothing_open() -> None:
    answered = make_community("a", 2022, [_year(2022, {"1.1": _asked("2022-12-15", "2022-12-01")})])
    view = open_rectifications(TOWN, CRITERIA_LEADS, [answered], dt.date(2022, 12, 31))
    assert (view.items, view.overdue, view.by_community(), view.by_lead()) == ((), 0, (), ())
