"""GC340, GC341, GC342 and GC344: score sheets that contradict themselves,
each at its boundary (the value that is still fine, and one past it), at the
line and column of the value to correct."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from greencommunity.diagnostics import Diagnostic
from greencommunity.validation import validate
from tests.factories import CRITERIA, criteria_data, write_data

BONUS = {
    "id": 3,
    "title": "加分项",
    "kind": "bonus",
    "cap": 10,
    "items": [{"id": "3.1", "title": "示范", "points": 15}],
}
DEDUCTION = {
    "id": 4,
    "title": "扣分项",
    "kind": "deduction",
    "cap": 5,
    "items": [{"id": "4.1", "title": "通报", "points": 10}],
}


def _criteria(**pass_rule: Any) -> dict[str, Any]:
    """The test sheet with a bonus and a deduction category and *pass_rule* added."""
    data = copy.deepcopy(criteria_data())
    data["categories"] += [copy.deepcopy(BONUS), copy.deepcopy(DEDUCTION)]
    data["pass_rule"].update(pass_rule)
    return data


def _found(tmp_path: Path, criteria: dict[str, Any], code: str) -> list[Diagnostic]:
    root = write_data(tmp_path, [], criteria=criteria)
    return [d for d in validate(root).diagnostics if d.code == code]


def _at(tmp_path: Path, diagnostic: Diagnostic, key: str, value: str) -> None:
    """The diagnostic points at *value* on the first line of criteria.yaml that
    says ``key: value``."""
    lines = (tmp_path / "criteria.yaml").read_text(encoding="utf-8").splitlines()
    needle = f"{key}: {value}"
    line = next(n for n, text in enumerate(lines, 1) if needle in text)
    column = lines[line - 1].index(needle) + len(key) + 3
    assert Path(diagnostic.path).name == "criteria.yaml"
    assert (diagnostic.line, diagnostic.column) == (line, column)


ITEMS = ["1.1", "1.2", "2.1", "2.2"]


@pytest.mark.parametrize(("count", "codes"), [(4, 0), (5, 1)])
def test_gc340_k_may_equal_n_but_not_exceed_it(tmp_path: Path, count: int, codes: int) -> None:
    found = _found(tmp_path, _criteria(at_least=[{"count": count, "items": ITEMS}]), "GC340")
    assert len(found) == codes
    if found:
        assert found[0].message == (
            "要求 4 个条目中至少 5 项达到，但只列了 4 个条目，没有社区能达标。"
            "请更正 count 或补上条目。"
        )
        _at(tmp_path, found[0], "count", "5")


def test_gc340_counts_an_item_listed_twice_once(tmp_path: Path) -> None:
    rule = {"count": 4, "items": ["1.1", "1.2", "2.1", "2.1"]}
    [found] = _found(tmp_path, _criteria(at_least=[rule]), "GC340")
    assert "只列了 3 个条目" in found.message


@pytest.mark.parametrize(("count", "codes"), [(2, 0), (3, 1)])
def test_gc340_categories_with_a_score_count_scored_categories_only(
    tmp_path: Path, count: int, codes: int
) -> None:
    # Four categories, of which two are scored: the bonus and deduction do not count.
    found = _found(tmp_path, _criteria(min_categories_scored=count), "GC340")
    assert len(found) == codes
    if found:
        assert found[0].message == (
            "要求至少 3 类有得分，但计分项只有 2 类，没有社区能达标。请更正 min_categories_scored。"
        )
        _at(tmp_path, found[0], "min_categories_scored", "3")


@pytest.mark.parametrize(("cap", "codes"), [(0, 0), (-1, 1)])
def test_gc341_a_cap_of_zero_is_fine_a_negative_one_is_not(
    tmp_path: Path, cap: int, codes: int
) -> None:
    data = _criteria()
    data["categories"][3]["cap"] = cap
    found = _found(tmp_path, data, "GC341")
    assert len(found) == codes
    if found:
        assert found[0].message == "第 4 类的上限 cap 写成了 -1，负数的上限不加也不扣。请写正数 1。"
        _at(tmp_path, found[0], "cap", "-1")


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (70, None),  # at the pass mark
        (110, None),  # at the total plus the bonus cap: reachable
        (69.5, "below"),
        (110.5, "above"),
    ],
)
def test_gc342_levels_between_the_pass_mark_and_the_highest_total(
    tmp_path: Path, level: float, expected: str | None
) -> None:
    data = _criteria()
    data["levels"] = [{"title": "优秀", "min_total": level}]
    found = _found(tmp_path, data, "GC342")
    if expected is None:
        assert found == []
        return
    [diagnostic] = found
    assert ("低于达标分数 70 分" in diagnostic.message) is (expected == "below")
    assert ("高于最多能得的 110 分" in diagnostic.message) is (expected == "above")
    _at(tmp_path, diagnostic, "min_total", f"{level:g}")


def test_gc342_a_bonus_without_a_cap_counts_all_its_points(tmp_path: Path) -> None:
    data = _criteria()
    del data["categories"][2]["cap"]
    data["levels"] = [{"title": "优秀", "min_total": 115}]
    assert _found(tmp_path, data, "GC342") == []


@pytest.mark.parametrize(
    ("category", "key", "codes"),
    [(0, "min_points", 0), (0, "cap", 1), (2, "cap", 0), (2, "min_points", 1), (3, "min_share", 1)],
)
def test_gc344_keys_fit_the_kind_of_their_category(
    tmp_path: Path, category: int, key: str, codes: int
) -> None:
    data = _criteria()
    data["categories"][category][key] = "50%" if key == "min_share" else 5
    found = _found(tmp_path, data, "GC344")
    assert len(found) == codes
    if found:
        assert f"请删除 {key}，或更正 kind" in found[0].message


@pytest.mark.parametrize(
    "pass_rule",
    [
        {"required_items": [{"item": "4.1"}]},
        {"at_least": [{"count": 1, "items": ["1.1", "4.1"]}]},
        {"vetoes": [{"id": "v", "title": "通报", "item": "4.1"}]},
    ],
    ids=["required", "at_least", "veto"],
)
def test_gc344_no_rule_names_a_deduction_item(tmp_path: Path, pass_rule: dict[str, Any]) -> None:
    [found] = _found(tmp_path, _criteria(**pass_rule), "GC344")
    assert found.message.startswith("条目 4.1 属于扣分项")


def test_gc344_a_bonus_item_may_be_named(tmp_path: Path) -> None:
    assert _found(tmp_path, _criteria(required_items=[{"item": "3.1"}]), "GC344") == []


def test_the_test_sheet_itself_is_consistent(tmp_path: Path) -> None:
    root = write_data(tmp_path, [], criteria=_criteria())
    assert [d.code for d in validate(root).diagnostics] == []
    assert CRITERIA["total"] == 100
