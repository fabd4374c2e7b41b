from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from greencommunity.core.progress import (
    DenominatorTooSmallError,
    NoTargetError,
    compute_progress,
)
from greencommunity.core.status import Status
from greencommunity.figures import percent
from greencommunity.loading.dataset import load_dataset
from greencommunity.models import Community
from tests.factories import (
    FAIL,
    PASS,
    assessment,
    make_community,
    make_sheets,
    make_town,
    passed_in,
)

DATA = Path(__file__).resolve().parents[1] / "data"
CRITERIA = make_sheets()


def passing(n: int, year: int = 2021) -> list[Community]:
    return [Community.model_validate(passed_in(f"c{i}", year)) for i in range(n)]


def test_share_exactly_at_target_is_met() -> None:
    progress = compute_progress(make_town(20), CRITERIA, passing(9), 2021)
    assert (progress.passed, progress.denominator, progress.share) == (9, 20, Fraction(9, 20))
    assert progress.met
    assert progress.short_by == 0


def test_one_short_of_target() -> None:
    progress = compute_progress(make_town(20), CRITERIA, passing(8), 2021)
    assert not progress.met
    assert progress.short_by == 1
    assert progress.needed == 9


def test_short_by_rounds_up() -> None:
    # 65 % of 17 is 11.05: 12 are needed.
    progress = compute_progress(make_town(17), CRITERIA, passing(10), 2022)
    assert progress.needed == 12
    assert progress.short_by == 2
    assert not progress.met


def test_2021_pass_counts_in_2022_and_later_pass_only_from_its_year() -> None:
    late = make_community(
        "late",
        2021,
        [
            assessment(2021, self_scores=PASS, district=FAIL),
            assessment(2022, self_scores=PASS, district=PASS),
        ],
    )
    communities = [*passing(2), late]
    assert compute_progress(make_town(4), CRITERIA, communities, 2021).passed == 2
    assert compute_progress(make_town(4), CRITERIA, communities, 2022).passed == 3


def test_city_sample_fail_does_not_count() -> None:
    c = make_community("a", 2021, [assessment(2021, self_scores=PASS, district=PASS, city=FAIL)])
    progress = compute_progress(make_town(2), CRITERIA, [c], 2021)
    assert progress.passed == 0
    assert progress.communities[0].status is Status.FAILED


def test_no_target_for_year_is_an_error() -> None:
    with pytest.raises(NoTargetError) as info:
        compute_progress(make_town(), CRITERIA, [], 2023)
    assert info.value.year == 2023
    assert info.value.years == (2021, 2022)


def test_denominator_smaller_than_files_is_reported_not_divided() -> None:
    with pytest.raises(DenominatorTooSmallError) as info:
        compute_progress(make_town(2), CRITERIA, passing(3), 2021)
    assert (info.value.count, info.value.denominator) == (3, 2)


def test_projection_and_path_to_target() -> None:
    near = make_community(
        "near", 2022, [assessment(2022, self_scores={"1.1": 30, "1.2": 20, "2.1": 5, "2.2": 30})]
    )  # fails only required 2.1 by 5
    far = make_community("far", 2022, [assessment(2022, self_scores=FAIL)])  # 10 short
    good = make_community("good", 2022, [assessment(2022, self_scores=PASS)])
    none = make_community("none", 2022)
    progress = compute_progress(make_town(4), CRITERIA, [far, none, near, good], 2022)
    assert progress.passed == 0
    assert progress.projected_passed == 1
    assert not progress.projected_met
    assert [(s.community.id, s.points_lacking) for s in progress.path_to_target] == [
        ("good", 0),
        ("near", 5),
        ("far", 10),
        ("none", None),
    ]


def _shipped(year: int) -> tuple[int, int, str, bool, int, dict[str, str]]:
    dataset = load_dataset(DATA)
    criteria = dataset.criteria_by_year()
    assert dataset.town_model and criteria
    p = compute_progress(dataset.town_model, criteria, dataset.community_models(), year)
    statuses = {r.id: r.status.value for r in p.communities}
    return p.passed, p.denominator, percent(p.share), p.met, p.short_by, statuses


def test_shipped_data_2021() -> None:
    passed, denominator, share, met, short_by, statuses = _shipped(2021)
    assert (passed, denominator, share, met, short_by) == (6, 17, "35.3%", False, 2)
    assert statuses == {
        "huaqin": "passed",
        "huaxiu": "passed",
        "jiahuang": "failed",
        "jiahui": "passed",
        "longlian": "failed",
        "songhan": "passed",
        "songhu": "passed",
        "songxin": "passed",
        "jiafudong": "not_scheduled",
        "jiayu": "not_scheduled",
        "xiangjia": "not_scheduled",
        "xiujing": "not_scheduled",
    }


def test_shipped_data_2022() -> None:
    passed, denominator, share, met, short_by, statuses = _shipped(2022)
    assert (passed, denominator, share, met, short_by) == (10, 17, "58.8%", False, 2)
    # The district's 2022 review asks 佳煌 to rectify: not passed, still pending.
    assert statuses["jiahuang"] == "rectifying"
    assert statuses["xiangjia"] == "creating"
    assert statuses["longlian"] == "passed"
    assert sum(s == "passed" for s in statuses.values()) == 10


def test_a_rectifying_community_counts_only_once_it_passes() -> None:
    """需整改 is not a pass: not in the count, but pending (projection, path)."""
    rectify = assessment(2021, self_scores=PASS, district=PASS, district_verdict="rectify")
    rectify["district"]["rectifications"] = {"2.1": {"comment": "台账不全", "due": "2021-12-15"}}
    communities = [*passing(8), make_community("r", 2021, [rectify])]
    progress = compute_progress(make_town(20), CRITERIA, communities, 2021)
    assert (progress.passed, progress.count(Status.RECTIFYING)) == (8, 1)
    assert not progress.met
    assert (progress.projected_passed, progress.projected_met) == (9, True)
    assert [s.community.id for s in progress.path_to_target] == ["r"]
    # The district changes its verdict once the rectification is checked.
    rectify["district"]["verdict"] = "pass"
    communities[-1] = make_community("r", 2021, [rectify])
    progress = compute_progress(make_town(20), CRITERIA, communities, 2021)
    assert (progress.passed, progress.count(Status.RECTIFYING), progress.met) == (9, 0, True)
