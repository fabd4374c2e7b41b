"""Criteria by year: criteria.yaml and criteria/<year>.yaml, and the one
function that chooses the sheet in force (``CriteriaByYear.criteria_for``)."""

from __future__ import annotations

from pathlib import Path

from greencommunity.core.progress import compute_progress
from greencommunity.core.status import Status, community_status
from greencommunity.loading.dataset import load_dataset
from greencommunity.models.editions import CriteriaByYear, Edition, in_force
from greencommunity.validation import validate
from tests.factories import (
    FAIL,
    PASS,
    assessment,
    community_data,
    criteria_data,
    make_community,
    make_criteria,
    make_town,
    write_data,
    write_yaml,
)

SHEET_2021 = make_criteria(title="2021 年评分表")
# From 2022 the pass mark is 90: what passed at 80 in 2021 would fail now.
SHEET_2022 = make_criteria(
    title="2022 年评分表", pass_rule={"min_total": 90, "min_category_share": "50%"}
)
BY_YEAR = CriteriaByYear((Edition(None, SHEET_2021), Edition(2022, SHEET_2022)))


def test_the_sheet_in_force_is_the_latest_year_file_not_after_the_year() -> None:
    assert in_force([None], 1999) == 0
    assert in_force([None, 2022, 2024], 2021) == 0
    assert in_force([None, 2022, 2024], 2022) == 1
    assert in_force([None, 2022, 2024], 2023) == 1
    assert in_force([None, 2022, 2024], 2030) == 2
    assert in_force([2022, 2024], 2021) is None  # GC346 when an assessment needs it


def test_criteria_for() -> None:
    assert BY_YEAR.criteria_for(2021) is SHEET_2021
    assert BY_YEAR.criteria_for(2022) is SHEET_2022
    assert BY_YEAR.criteria_for(2030) is SHEET_2022
    assert BY_YEAR.latest() is SHEET_2022
    only_files = CriteriaByYear((Edition(2022, SHEET_2022),))
    assert only_files.edition_for(2021) is None
    assert only_files.criteria_for(2021) is SHEET_2022  # the earliest, never nothing


def test_a_pass_of_2021_keeps_its_2021_sheet() -> None:
    c = make_community(
        "a", 2021, [assessment(2021, self_scores=PASS, district=PASS), assessment(2022)]
    )
    for year in (2021, 2022):
        row = community_status(BY_YEAR, c, year)
        assert (row.status, row.passed_in) == (Status.PASSED, 2021)
    # Under the 2022 sheet alone the same scores (80) would not pass.
    alone = community_status(CriteriaByYear.single(SHEET_2022), c, 2021)
    assert alone.status is Status.FAILED


def test_each_year_is_scored_by_its_own_sheet() -> None:
    c = make_community(
        "b", 2021, [assessment(2021, self_scores=FAIL), assessment(2022, self_scores=PASS)]
    )
    first, second = community_status(BY_YEAR, c, 2021), community_status(BY_YEAR, c, 2022)
    assert first.self_result is not None and second.self_result is not None
    assert first.self_result.evaluation is not None
    assert [b.required for b in first.self_result.evaluation.blockers if b.kind == "total"] == [70]
    assert second.self_result.passed is False  # 80 under the pass mark of 90
    progress = compute_progress(make_town(20), BY_YEAR, [c], 2022)
    assert progress.projected_passed == 0


def _folder(tmp_path: Path) -> Path:
    root = write_data(
        tmp_path / "data",
        [community_data("a", 2021, [assessment(2021, self_scores=PASS, district=PASS)])],
        town=None,
    )
    write_yaml(root / "criteria" / "2022.yaml", criteria_data(title="2022 年评分表"))
    return root


def test_loading_reads_each_year_file_in_year_order(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    write_yaml(root / "criteria" / "2021.yaml", criteria_data(title="2021 年评分表"))
    dataset = load_dataset(root)
    assert [year for year, _ in dataset.criteria_years] == [2021, 2022]
    assert [f.doc.path.relative_to(root).as_posix() for f in dataset.criteria_files()] == [
        "criteria.yaml",
        "criteria/2021.yaml",
        "criteria/2022.yaml",
    ]
    by_year = dataset.criteria_by_year()
    assert by_year is not None
    assert [by_year.criteria_for(y).title for y in (2020, 2021, 2023)] == [
        "测试评分表",
        "2021 年评分表",
        "2022 年评分表",
    ]


def test_a_file_not_named_for_a_year_or_a_year_twice_is_not_read(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    (root / "criteria" / "2022.yml").write_text("title: 又一份\n", encoding="utf-8")
    (root / "criteria" / "new.yaml").write_text("title: 新\n", encoding="utf-8")
    result = validate(root, base=tmp_path)
    assert [(d.path, d.code, d.line, d.column) for d in result.diagnostics] == [
        ("data/criteria/2022.yml", "GC111", 1, 1),
        ("data/criteria/new.yaml", "GC111", 1, 1),
    ]
    assert "2022.yaml" in result.diagnostics[0].message
    assert result.checked() is None  # an error: no year is scored by a sheet gc cannot place


def test_a_year_file_that_does_not_load_stands_for_its_year(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    (root / "criteria" / "2022.yaml").write_text("title: [坏\n", encoding="utf-8")
    dataset = load_dataset(root)
    assert dataset.criteria_file_for(2022) is None  # not 2021's sheet in its place
    assert dataset.criteria_for(2022) is None
    assert dataset.criteria_for(2021) is not None
    assert dataset.criteria_by_year() is None


def test_criteria_folder_without_criteria_yaml(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    (root / "criteria.yaml").rename(root / "criteria" / "2021.yaml")
    result = validate(root)
    assert result.diagnostics == []
    checked = result.checked()
    assert checked is not None
    assert checked.criteria.criteria_for(2021).title == "测试评分表"
