from __future__ import annotations

import datetime as dt
from typing import Any

from greencommunity.core.status import Status, community_status
from tests.factories import FAIL, PASS, assessment, make_community, make_sheets

CRITERIA = make_sheets()


def status(community_kwargs: dict[str, object], year: int, as_of: dt.date | None = None) -> Status:
    community = make_community(**community_kwargs)  # type: ignore[arg-type]
    return community_status(CRITERIA, community, year, as_of).status


def test_district_pass_is_passed() -> None:
    c = make_community("a", 2021, [assessment(2021, self_scores=PASS, district=PASS)])
    row = community_status(CRITERIA, c, 2021)
    assert row.status is Status.PASSED
    assert row.passed_in == 2021
    assert row.official is not None and row.official.stage == "district"
    assert row.blockers == ()


def test_pass_in_2021_still_counts_in_2022() -> None:
    c = make_community("a", 2021, [assessment(2021, self_scores=PASS, district=PASS)])
    row = community_status(CRITERIA, c, 2022)
    assert row.status is Status.PASSED
    assert row.passed_in == 2021


def test_failed_2021_passed_2022_counts_only_from_2022() -> None:
    c = make_community(
        "a",
        2021,
        [
            assessment(2021, self_scores=PASS, district=FAIL),
            assessment(2022, self_scores=PASS, district=PASS),
        ],
    )
    first = community_status(CRITERIA, c, 2021)
    assert first.status is Status.FAILED
    assert [(b.kind, b.short) for b in first.blockers] == [("total", 10)]
    second = community_status(CRITERIA, c, 2022)
    assert second.status is Status.PASSED
    assert second.passed_in == 2022


def test_city_sample_failing_a_district_pass_is_a_fail() -> None:
    c = make_community("a", 2021, [assessment(2021, self_scores=PASS, district=PASS, city=FAIL)])
    row = community_status(CRITERIA, c, 2021)
    assert row.status is Status.FAILED
    assert row.official is not None and row.official.stage == "city"
    assert row.passed_in is None


def test_city_pass_overrides_district_fail() -> None:
    c = make_community("a", 2021, [assessment(2021, self_scores=PASS, district=FAIL, city=PASS)])
    assert community_status(CRITERIA, c, 2021).status is Status.PASSED


def test_stated_verdict_wins_over_scores() -> None:
    c = make_community(
        "a",
        2021,
        [assessment(2021, self_scores=PASS, district=PASS, city=PASS, city_verdict="fail")],
    )
    row = community_status(CRITERIA, c, 2021)
    assert row.status is Status.FAILED
    assert row.city_result is not None and row.city_result.contradicts


def test_bare_verdict_without_scores() -> None:
    c = make_community("a", 2021, [assessment(2021, self_scores=PASS, district="pass")])
    row = community_status(CRITERIA, c, 2021)
    assert row.status is Status.PASSED
    assert row.district_result is not None and row.district_result.evaluation is None


def test_submitted_without_result_is_under_review_with_self_projection() -> None:
    c = make_community("a", 2022, [assessment(2022, self_scores=FAIL)])
    row = community_status(CRITERIA, c, 2022)
    assert row.status is Status.UNDER_REVIEW
    assert not row.projected_pass
    assert [b.kind for b in row.blockers] == ["total"]


def test_creating_and_not_scheduled() -> None:
    assert status({"cid": "a", "batch": 2021}, 2021) is Status.CREATING
    assert status({"cid": "a", "batch": 2022}, 2021) is Status.NOT_SCHEDULED
    # A self sheet without a submission date is still creating.
    assert (
        status(
            {
                "cid": "a",
                "batch": 2022,
                "assessments": [assessment(2022, self_scores=PASS, submitted=None)],
            },
            2022,
        )
        is Status.CREATING
    )


def test_failed_earlier_without_new_application_is_creating() -> None:
    c = {
        "cid": "a",
        "batch": 2021,
        "assessments": [assessment(2021, self_scores=PASS, district=FAIL)],
    }
    assert status(c, 2022) is Status.CREATING


def test_as_of_hides_later_events() -> None:
    c = {
        "cid": "a",
        "batch": 2021,
        "assessments": [assessment(2021, self_scores=PASS, district=PASS)],
    }
    assert status(c, 2021, dt.date(2021, 10, 1)) is Status.CREATING
    assert status(c, 2021, dt.date(2021, 10, 25)) is Status.UNDER_REVIEW
    assert status(c, 2021, dt.date(2021, 11, 10)) is Status.PASSED


def test_open_projects_serve_missing_items() -> None:
    plan = [
        {
            "id": "p1",
            "title": "垃圾分类点",
            "items": ["2.1"],
            "lead": "镇三大整治办",
            "status": "in_progress",
        },
        {"id": "p2", "title": "议事会", "items": ["1.1"], "lead": "社区办", "status": "planned"},
        {
            "id": "p3",
            "title": "光伏",
            "items": ["2.1"],
            "lead": "镇规保办",
            "status": "done",
            "done_on": "2021-09-01",
        },
    ]
    scores = {"1.1": 30, "1.2": 20, "2.1": 5, "2.2": 30}
    c = make_community("a", 2021, [assessment(2021, self_scores=scores)], plan=plan)
    row = community_status(CRITERIA, c, 2021)
    assert [b.kind for b in row.blockers] == ["required"]
    assert [p.id for p in row.open_projects] == ["p1"]


def _rectify(year: int, stage: str = "district", **review: object) -> dict[str, Any]:
    """A year submitted with a passing self sheet, whose *stage* review says rectify."""
    data = assessment(year, self_scores=PASS, district=PASS, district_verdict="rectify")
    if stage == "city":
        data["district"]["verdict"] = "pass"
        data["city"] = {"date": f"{year}-11-25", "verdict": "rectify"}
    data[stage].update(
        {"rectifications": {"2.1": {"comment": "分类点标识不全", "due": f"{year}-12-15"}}},
        **review,
    )
    return data


def test_rectify_is_rectifying_not_passed_even_with_passing_scores() -> None:
    c = make_community("a", 2022, [_rectify(2022)])
    row = community_status(CRITERIA, c, 2022)
    assert row.status is Status.RECTIFYING
    assert row.passed_in is None
    assert row.official is not None and row.official.rectifying
    assert row.official.outcome == "rectify"
    assert row.official.passed is False
    # 需整改 may come with any scores: it contradicts nothing (GC315).
    assert not row.official.contradicts
    # Still on its way: its passing self score counts in the projection.
    assert row.projected_pass


def test_rectify_turns_into_a_pass_when_the_same_review_says_pass() -> None:
    data = _rectify(2022)
    data["district"]["verdict"] = "pass"
    row = community_status(CRITERIA, make_community("a", 2022, [data]), 2022)
    assert row.status is Status.PASSED
    assert row.passed_in == 2022


def test_a_later_review_decides_after_a_rectify() -> None:
    passed = _rectify(2022)
    passed["city"] = {"date": "2022-11-25", "verdict": "pass"}
    failed = _rectify(2022)
    failed["city"] = {"date": "2022-11-25", "verdict": "fail"}
    assert community_status(CRITERIA, make_community("a", 2022, [passed]), 2022).status is (
        Status.PASSED
    )
    assert community_status(CRITERIA, make_community("a", 2022, [failed]), 2022).status is (
        Status.FAILED
    )
    # Before the city's day, the district's rectify stands.
    row = community_status(
        CRITERIA, make_community("a", 2022, [passed]), 2022, dt.date(2022, 11, 20)
    )
    assert row.status is Status.RECTIFYING


def test_a_city_rectify_overrides_a_district_pass() -> None:
    row = community_status(CRITERIA, make_community("a", 2022, [_rectify(2022, "city")]), 2022)
    assert row.status is Status.RECTIFYING
    assert row.official is not None and row.official.stage == "city"


def test_a_rectify_in_2021_is_no_pass_in_2022() -> None:
    c = make_community("a", 2021, [_rectify(2021)])
    assert community_status(CRITERIA, c, 2022).status is Status.CREATING


def test_outcome_of_every_result() -> None:
    c = make_community("a", 2021, [assessment(2021, self_scores=FAIL, district=PASS, city="fail")])
    row = community_status(CRITERIA, c, 2021)
    assert row.self_result is not None and row.self_result.outcome == "fail"
    assert row.district_result is not None and row.district_result.outcome == "pass"
    assert row.city_result is not None and row.city_result.outcome == "fail"
    bare = make_community("b", 2021, [assessment(2021, district={})])
    result = community_status(CRITERIA, bare, 2021).district_result
    assert result is not None and result.outcome is None
