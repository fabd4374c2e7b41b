"""gc sheet import: export → fill in with openpyxl → import; the community
file changes only where the sheet changed, comments kept; all or nothing."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

from greencommunity.sheets.importing import Change, plan_import, write_import
from greencommunity.validation import validate
from tests.sheets.helpers import checked, community, exported, fill


def _changed(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def _import(data: Path, *workbooks: Path) -> list[Path]:
    plan = plan_import(data, list(workbooks), base=data.parent)
    assert plan.problems == [] and plan.added_errors == []
    return write_import(plan)


def test_only_the_changed_values_change(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "communities" / "jiafudong.yaml"
    before = path.read_text(encoding="utf-8")
    sheet = fill(
        exported(data_copy, "jiafudong", 2022),
        {"E3": dt.date(2022, 10, 21), "E7": 5, "E9": None, "F8": "议事会每月召开一次"},
        tmp_path / "佳福东.xlsx",
    )
    plan = plan_import(data_copy, [sheet], base=tmp_path)
    assert [u.changes for u in plan.updates] == [
        [
            Change("date", None, "2022-10-20", "2022-10-21"),
            Change("score", "1.1", "4.5", "5"),
            Change("score", "1.3", "3", None),
            Change("note", "1.2", None, "议事会每月召开一次"),
        ]
    ]
    assert write_import(plan) == [path]
    assert _changed(before, path.read_text(encoding="utf-8")) == [
        "-      date: 2022-10-20",
        "+      date: 2022-10-21",
        '-        "1.1": 4.5',
        '+        "1.1": 5',
        '-        "1.3": 3',
        "+      notes:",
        '+        "1.2": 议事会每月召开一次',
    ]
    assert not list(path.parent.glob(".*.tmp"))


def test_comments_and_other_notes_are_kept(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "communities" / "jiahuang.yaml"
    before = path.read_text(encoding="utf-8")
    note = "适老化改造 2022 年 4 月完工（p4），已验收。\n另见照片。"
    sheet = fill(
        exported(data_copy, "jiahuang", 2022),
        {"F20": note, "E21": 5.5},
        tmp_path / "佳煌.xlsx",
    )
    _import(data_copy, sheet)
    after = path.read_text(encoding="utf-8")
    assert _changed(before, after) == [
        '-        "3.2": 5',
        '+        "3.2": 5.5',
        '-        "3.1": 适老化改造 2022 年 4 月完工（p4）。',
        '+        "3.1": "适老化改造 2022 年 4 月完工（p4），已验收。\\n另见照片。"',
    ]
    assert "  # 2021 年：区初审通过，但市级抽样考评结论为不达标（以市级结果为准）。\n" in after
    own = community(checked(data_copy), "jiahuang").assessment(2022)
    assert own is not None and own.self is not None
    assert own.self.notes["3.1"] == note


def test_an_unchanged_sheet_changes_nothing(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "communities" / "jiafudong.yaml"
    before = path.read_bytes()
    sheet = tmp_path / "佳福东.xlsx"
    sheet.write_bytes(exported(data_copy, "jiafudong", 2022))
    plan = plan_import(data_copy, [sheet], base=tmp_path)
    assert plan.ok and plan.texts == {} and [u.changes for u in plan.updates] == [[]]
    assert write_import(plan) == []
    assert path.read_bytes() == before


def test_clearing_every_note_removes_the_notes(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "communities" / "jiahuang.yaml"
    before = path.read_text(encoding="utf-8")
    sheet = fill(
        exported(data_copy, "jiahuang", 2022), {"F20": None, "F22": None}, tmp_path / "a.xlsx"
    )
    _import(data_copy, sheet)
    assert _changed(before, path.read_text(encoding="utf-8")) == [
        "-      notes:",
        '-        "3.1": 适老化改造 2022 年 4 月完工（p4）。',
        '-        "3.3": 充电棚 2022 年 5 月完工（p3）。',
    ]


def test_a_blank_sheet_filled_in_adds_the_year(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "communities" / "jiahuang.yaml"
    before = path.read_text(encoding="utf-8")
    rows = {"1.1": 7, "1.2": 8, "2.1": 13, "5.4": 36}
    cells: dict[str, object] = {f"E{row}": 3 for row in rows.values()}
    cells |= {"E3": dt.date(2023, 10, 18), "F8": "=议事会"}
    sheet = fill(exported(data_copy, "jiahuang", 2023), cells, tmp_path / "佳煌2023.xlsx")
    # A note typed with a leading = is a formula to Excel: refused, named.
    plan = plan_import(data_copy, [sheet], base=tmp_path)
    assert [(d.code, d.place) for d in plan.problems] == [("GC408", "佳煌2023.xlsx 自测评分表!F8")]
    fill(exported(data_copy, "jiahuang", 2023), cells | {"F8": "'=议事会"}, sheet)
    _import(data_copy, sheet)
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before) :] == (
        "  - year: 2023\n"
        "    self:\n"
        "      date: 2023-10-18\n"
        "      scores:\n"
        '        "1.1": 3\n'
        '        "1.2": 3\n'
        '        "2.1": 3\n'
        '        "5.4": 3\n'
        "      notes:\n"
        '        "1.2": "\'=议事会"\n'
    )
    assert validate(data_copy).errors == 0


def test_two_years_of_one_community_in_one_import(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "communities" / "jiahuang.yaml"
    this_year = fill(exported(data_copy, "jiahuang", 2022), {"E7": 3.5}, tmp_path / "a.xlsx")
    next_year = fill(
        exported(data_copy, "jiahuang", 2023),
        {"E3": dt.date(2023, 10, 18), "E7": 4},
        tmp_path / "b.xlsx",
    )
    before = path.read_text(encoding="utf-8")
    _import(data_copy, this_year, next_year)
    changed = _changed(before, path.read_text(encoding="utf-8"))
    assert changed[:2] == ['-        "1.1": 4', '+        "1.1": 3.5']
    assert changed[2:] == [
        "+  - year: 2023",
        "+    self:",
        "+      date: 2023-10-18",
        "+      scores:",
        '+        "1.1": 4',
    ]


def test_an_import_that_would_add_an_error_writes_nothing(data_copy: Path, tmp_path: Path) -> None:
    """A self-evaluation dated after the submission breaks a date rule (GC309,
    reported at the submission date, 2022-10-25, which now comes too early)."""
    path = data_copy / "communities" / "jiafudong.yaml"
    before = path.read_bytes()
    sheet = fill(
        exported(data_copy, "jiafudong", 2022), {"E3": dt.date(2022, 10, 30)}, tmp_path / "a.xlsx"
    )
    plan = plan_import(data_copy, [sheet], base=tmp_path)
    assert plan.problems == []
    assert [(d.code, d.place) for d in plan.added_errors] == [
        ("GC309", "data/communities/jiafudong.yaml:85:16")
    ]
    assert not plan.ok
    assert path.read_bytes() == before


def test_one_bad_workbook_and_nothing_is_written(data_copy: Path, tmp_path: Path) -> None:
    good = fill(exported(data_copy, "jiafudong", 2022), {"E7": 5}, tmp_path / "good.xlsx")
    bad = fill(exported(data_copy, "jiahuang", 2022), {"E7": "四"}, tmp_path / "bad.xlsx")
    before = {p.name: p.read_bytes() for p in (data_copy / "communities").iterdir()}
    plan = plan_import(data_copy, [good, bad], base=tmp_path)
    assert [(d.code, d.place) for d in plan.problems] == [("GC409", "bad.xlsx 自测评分表!E7")]
    assert plan.texts == {}
    assert {p.name: p.read_bytes() for p in (data_copy / "communities").iterdir()} == before


def test_a_file_with_errors_is_not_written_into(data_copy: Path, tmp_path: Path) -> None:
    """jiafudong.yaml has a full-width colon: it is read on past it for checking,
    but an import does not edit it (GC407, as for a file that does not load)."""
    sheet = fill(exported(data_copy, "jiafudong", 2022), {"E7": 5}, tmp_path / "佳福东.xlsx")
    path = data_copy / "communities" / "jiafudong.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nname: ", "\nname： ", 1), encoding="utf-8")
    plan = plan_import(data_copy, [sheet], base=tmp_path)
    assert [d.code for d in plan.problems] == ["GC407"]
    assert plan.texts == {}
