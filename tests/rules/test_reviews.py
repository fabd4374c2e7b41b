"""The review loop's rules at their boundaries (GC330, GC331, GC332) and the
evidence a scored item needs (GC333)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from greencommunity.i18n import set_language
from greencommunity.validation import validate
from tests.factories import CRITERIA, PASS, assessment, community_data, town_data, write_data

CODES = ("GC330", "GC331", "GC332", "GC333")


@pytest.fixture(autouse=True)
def _english() -> object:
    set_language("en")
    yield
    set_language("zh")


def _found(root: Path) -> list[tuple[str, int, str]]:
    return [(d.code, d.line, d.message) for d in validate(root).diagnostics if d.code in CODES]


def _reviewed(tmp_path: Path, verdict: str, rectifications: dict[str, Any]) -> Path:
    """One community, submitted 2022-10-20, its district review of 2022-11-10."""
    data = assessment(2022, submitted="2022-10-20", district=verdict)
    if rectifications:
        data["district"]["rectifications"] = rectifications
    return write_data(tmp_path, [community_data("a", 2022, [data])], town=town_data(5))


def test_due_and_answer_on_the_review_day_are_fine_the_day_before_not(tmp_path: Path) -> None:
    same_day = {
        "comment": "台账不全",
        "due": "2022-11-10",
        "answer": {"date": "2022-11-10", "note": "已补"},
    }
    assert _found(_reviewed(tmp_path / "a", "rectify", {"1.1": same_day})) == []
    day_before = {
        "comment": "台账不全",
        "due": "2022-11-09",
        "answer": {"date": "2022-11-09", "note": "已补"},
    }
    found = _found(_reviewed(tmp_path / "b", "rectify", {"1.1": day_before}))
    assert [(code, message) for code, _, message in found] == [
        (
            "GC330",
            "The District review (2022-11-10) gives item 1.1 a rectification due date "
            "2022-11-09 before the review itself. Correct one of the dates.",
        ),
        (
            "GC330",
            "The answer to the rectification of item 1.1 is dated 2022-11-09, before the "
            "District review (2022-11-10) that asked for it. Correct the date, or move the "
            "rectification under its review.",
        ),
    ]


def test_an_answer_says_what_was_done(tmp_path: Path) -> None:
    answers = {
        "1.1": {"comment": "c", "due": "2022-12-01", "answer": {"date": "2022-11-20"}},
        "1.2": {"comment": "c", "due": "2022-12-01", "answer": {"date": "2022-11-20", "note": " "}},
        "2.1": {
            "comment": "c",
            "due": "2022-12-01",
            "answer": {"date": "2022-11-20", "note": "做了"},
        },
        "2.2": {"comment": "c", "due": "2022-12-01"},  # not answered yet: nothing to say
    }
    found = _found(_reviewed(tmp_path, "rectify", answers))
    assert [code for code, _, _ in found] == ["GC331", "GC331"]
    assert found[0][2] == (
        "The answer (2022-11-20) to the District review's rectification of item 1.1 does not "
        "say what was done. Write it under note."
    )


def test_rectify_needs_items_pass_and_fail_do_not(tmp_path: Path) -> None:
    found = _found(_reviewed(tmp_path / "a", "rectify", {}))
    assert [(code, message) for code, _, message in found] == [
        (
            "GC332",
            "The District review of 2022 states the verdict rectify but lists no "
            "rectifications. List the items with a comment and a due date, or correct the "
            "verdict.",
        )
    ]
    assert _found(_reviewed(tmp_path / "b", "pass", {})) == []
    assert _found(_reviewed(tmp_path / "c", "fail", {})) == []
    # A pass may still list what to rectify.
    asked = {"1.1": {"comment": "c", "due": "2022-12-01"}}
    assert _found(_reviewed(tmp_path / "d", "pass", asked)) == []


def _criteria_asking_evidence() -> dict[str, Any]:
    data = copy.deepcopy(CRITERIA)
    data["categories"][0]["items"][0]["evidence"] = ["议事会会议记录", "照片"]  # 1.1
    return data


def _sheet(
    tmp_path: Path,
    scores: dict[str, float],
    evidence: dict[str, list[str]] | None = None,
    **kwargs: Any,
) -> Path:
    data = assessment(2022, self_scores=scores, **kwargs)
    if evidence:
        data["self"]["evidence"] = evidence
    return write_data(
        tmp_path,
        [community_data("a", 2022, [data])],
        town=town_data(5),
        criteria=_criteria_asking_evidence(),
    )


def test_a_scored_item_without_the_evidence_asked_warns(tmp_path: Path) -> None:
    found = _found(_sheet(tmp_path / "a", {**PASS, "1.1": 0.5}))
    assert [(code, message) for code, _, message in found] == [
        (
            "GC333",
            "The 2022 self-evaluation scores item 1.1 at 0.5 but attaches no evidence (the "
            "criteria ask for: 议事会会议记录, 照片). List the files under evidence, or check "
            "the score.",
        )
    ]
    diagnostics = validate(tmp_path / "a").diagnostics
    assert [d.severity for d in diagnostics if d.code == "GC333"] == ["warning"]


def test_no_warning_at_0_for_items_asking_nothing_or_for_a_draft(tmp_path: Path) -> None:
    # 1.1 at 0; 1.2, 2.1 and 2.2 are scored but criteria.yaml asks no evidence for them.
    assert _found(_sheet(tmp_path / "a", {**PASS, "1.1": 0})) == []
    # A draft (not submitted) is not checked yet.
    assert _found(_sheet(tmp_path / "b", PASS, submitted=None)) == []


def test_a_sheet_without_evidence_is_one_warning_naming_its_items(tmp_path: Path) -> None:
    """A freshly submitted sheet with no evidence at all: one GC333 for the sheet,
    at its first such item, not one per item."""
    criteria = _criteria_asking_evidence()
    for category in criteria["categories"]:
        for item in category["items"]:
            item["evidence"] = ["台账"]
    root = write_data(
        tmp_path,
        [community_data("a", 2022, [assessment(2022, self_scores=PASS)])],
        town=town_data(5),
        criteria=criteria,
    )
    found = [d for d in validate(root).diagnostics if d.code == "GC333"]
    assert [(d.line, d.column) for d in found] == [(10, 14)]  # at 1.1, the first
    assert found[0].message == (
        "The 2022 self-evaluation scores items 1.1, 1.2, 2.1, 2.2 but attaches no evidence "
        "to any of them (4 items the criteria ask evidence for). List the files under "
        "evidence, or check the scores."
    )


def test_one_evidence_file_is_enough(tmp_path: Path) -> None:
    root = _sheet(tmp_path, PASS, {"1.1": ["会议记录.md"]})
    (root / "evidence" / "a").mkdir(parents=True)
    (root / "evidence" / "a" / "会议记录.md").write_text("#\n", encoding="utf-8")
    assert validate(root).diagnostics == []
