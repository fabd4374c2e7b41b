"""Roll-ups: known answers on small built towns; numerators over denominators,
an invalid town left out and said so, districts within a city."""

from __future__ import annotations

import io
import json
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from greencommunity.cli.io import plain
from greencommunity.core.rollup import Rollup
from greencommunity.loading.dataset import DataNotFoundError
from greencommunity.loading.towns import find_towns
from greencommunity.output.rollup import FORMATS, markdown_table
from greencommunity.output.rollup import json as rollup_json
from greencommunity.towns import check_towns, roll_up_towns
from tests.conftest import SHIPPED_DATA
from tests.factories import (
    FAIL,
    PASS,
    assessment,
    community_data,
    passed_in,
    town_data,
    write_data,
)

YEAR = 2022


def _town(
    root: Path, name: str, district: str, denominator: int, passed: int, **kw: object
) -> Path:
    """A town whose first *passed* communities passed in 2021; one more applied and failed."""
    communities = [passed_in(f"p{i}", 2021) for i in range(passed)]
    communities.append(
        community_data("f0", 2022, [assessment(YEAR, self_scores=PASS, district=FAIL)])
    )
    town = town_data(denominator, name=name, district=district, **kw)  # type: ignore[arg-type]
    return write_data(root / name, communities, town=town)


def _rollup(folders: list[Path], year: int = YEAR) -> Rollup:
    return roll_up_towns(year, check_towns(folders))


@pytest.fixture
def district(tmp_path: Path) -> Path:
    root = tmp_path / "青浦区"
    _town(root, "甲镇", "青浦区", 10, 6)
    _town(root, "乙镇", "青浦区", 30, 9)
    bad = _town(root, "丙镇", "青浦区", 5, 2)
    (bad / "communities" / "p0.yaml").write_text("id: p0\nname: x\nbatch: soon\n", "utf-8")
    return root


def test_totals_are_numerators_over_denominators(district: Path) -> None:
    rollup = _rollup([district])
    total = rollup.total
    # 甲 6/10 and 乙 9/30: (6 + 9) / (10 + 30) = 37.5 %, not the mean of 60 % and 30 %.
    assert (total.towns, total.passed, total.denominator) == (2, 15, 40)
    assert total.share == Fraction(3, 8)
    assert total.applied == 6 + 1 + 9 + 1
    assert [t.name for t in rollup.towns] == ["甲镇", "乙镇", "丙镇"]  # by share, the excluded last


def test_an_invalid_town_is_listed_and_left_out(district: Path) -> None:
    rollup = _rollup([district])
    [excluded] = rollup.excluded
    assert excluded.name == "丙镇" and excluded.errors == 1
    payload = json.loads(rollup_json(rollup))
    town = next(t for t in payload["towns"] if t["folder"].endswith("丙镇"))
    assert town["counted"] is False
    assert town["excluded_because"] == "数据有 1 个错误，未计入合计"
    assert payload["notes"][0] == "注意：1 个镇未计入合计：丙镇。请先改正其数据（gc validate）。"


def test_json_contract(district: Path) -> None:
    payload = json.loads(rollup_json(_rollup([district])))
    assert payload["year"] == YEAR
    first = payload["towns"][0]
    assert {k: first[k] for k in ("town", "district", "denominator", "applied", "passed")} == {
        "town": "甲镇",
        "district": "青浦区",
        "denominator": 10,
        "applied": 7,
        "passed": 6,
    }
    assert (first["share"], first["target"], first["met"], first["short_by"]) == (
        0.6,
        0.65,
        False,
        1,
    )
    assert payload["total"] == {
        "towns": 2,
        "denominator": 40,
        "applied": 17,
        "passed": 15,
        "share": 0.375,
    }


def test_a_city_rolls_up_districts(tmp_path: Path, district: Path) -> None:
    city = tmp_path / "city"
    shutil.move(district, city / "青浦区")
    _town(city / "松江区", "丁镇", "松江区", 20, 18)
    rollup = _rollup([city])
    assert [g.district for g in rollup.groups] == ["松江区", "青浦区"]  # 90 % before 37.5 %
    assert (rollup.total.passed, rollup.total.denominator) == (33, 60)
    text = plain(FORMATS["text"](rollup))
    assert "青浦区合计" in text and "松江区合计" in text
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(FORMATS["xlsx"](rollup))).active  # type: ignore[arg-type]
    assert sheet is not None
    labels = [row[0].value for row in sheet.iter_rows(min_row=4)]
    assert "青浦区合计" in labels and "松江区合计" in labels and "合计" in labels


def test_different_targets_are_stated(tmp_path: Path) -> None:
    _town(tmp_path / "d", "甲镇", "青浦区", 10, 6)
    _town(tmp_path / "d", "乙镇", "青浦区", 10, 6, targets={2021: "45%", 2022: "60%"})
    rollup = _rollup([tmp_path / "d"])
    assert rollup.target is None and rollup.met is None
    assert "注意：各镇的目标不同（60%、65%），合计不与单一目标比较。" in markdown_table(rollup)


def test_the_shipped_town_alone(tmp_path: Path) -> None:
    town = tmp_path / "赵巷镇"
    shutil.copytree(SHIPPED_DATA, town)
    rollup = _rollup([town])
    assert (rollup.total.passed, rollup.total.denominator, rollup.total.applied) == (10, 17, 11)
    assert rollup.met is False and rollup.short_by == 2


def test_a_folder_without_towns(tmp_path: Path) -> None:
    with pytest.raises(DataNotFoundError):
        find_towns([tmp_path])


def test_gc_rollup(district: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from greencommunity.cli.app import app

    runner = CliRunner()
    result = runner.invoke(app, ["rollup", str(district), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"]["passed"] == 15
    result = runner.invoke(app, ["--lang", "en", "rollup", str(district)])
    assert result.exit_code == 0
    assert "Green-community attainment 2022 (3 towns)" in result.stdout
    assert "Note: 1 town is left out of the totals: 丙镇." in result.stdout
    out = tmp_path / "rollup.md"
    result = runner.invoke(app, ["rollup", str(district), "-f", "markdown", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == f"已写入 {out}。\n"
    assert out.read_text(encoding="utf-8").startswith(
        "## 2022 年绿色社区创建达标情况汇总（3 个镇）"
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["rollup", str(empty)])
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：")


def test_html_and_xlsx(district: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from greencommunity.cli.app import app

    runner = CliRunner()
    page = runner.invoke(app, ["rollup", str(district), "-f", "html"])
    assert page.exit_code == 0
    assert page.stdout.startswith("<!DOCTYPE html>") and "37.5%" in page.stdout
    refused = runner.invoke(app, ["rollup", str(district), "-f", "xlsx"])
    assert refused.exit_code == 2
    book = tmp_path / "rollup.xlsx"
    written = runner.invoke(app, ["rollup", str(district), "-f", "xlsx", "-o", str(book)])
    assert written.exit_code == 0, written.output
    sheet = load_workbook(book).active
    assert sheet is not None
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3, max_row=7)]
    assert rows[0][:3] == ["镇", "区", "城市社区"]
    assert rows[1][:6] == ["甲镇", "青浦区", 10, 7, 6, 0.6]
    assert rows[3][0] == "丙镇" and rows[3][7] == "数据有 1 个错误，未计入合计"
    assert rows[4][:6] == ["合计", None, 40, 17, 15, 0.375]
    # The total says how it stands, as the terminal table's last row does.
    terminal = runner.invoke(app, ["rollup", str(district)]).stdout
    [total] = [line for line in terminal.splitlines() if line.strip().startswith("合计")]
    assert rows[4][6:] == [0.65, "尚差 11 个"] and total.rstrip().endswith("尚差 11 个")


def test_the_workbook_is_laid_out_and_printed_as_the_others(district: Path) -> None:
    """The title across the table, widths fitted to the table (a share as it is
    shown), the notes wrapped below, A4 one page wide with the headings repeated."""
    from openpyxl import load_workbook

    from greencommunity.output.rollup import xlsx

    book = load_workbook(io.BytesIO(xlsx(_rollup([district]))))
    sheet = book.active
    assert sheet is not None
    assert book.properties.title == sheet["A1"].value == "2022 年绿色社区创建达标情况汇总（3 个镇）"
    assert sheet["A1"].font.sz == 16
    assert sorted(str(r) for r in sheet.merged_cells.ranges) == ["A1:H1", "A9:H9"]
    assert sheet["A9"].value == "注意：1 个镇未计入合计：丙镇。请先改正其数据（gc validate）。"
    assert sheet["A9"].alignment.wrap_text
    assert [sheet.cell(row=4, column=c).number_format for c in (5, 6, 7)] == [
        "General",
        "0.0%",
        "0.0%",
    ]
    # Shares measured as shown (60.0%); the reason 丙镇 is left out fits on one line.
    widths = {c: sheet.column_dimensions[c].width for c in "ABCDEFGH"}
    assert widths == {"A": 6, "B": 8, "C": 10, "D": 10, "E": 10, "F": 10, "G": 7, "H": 29}
    assert sheet["C3"].fill.fgColor.rgb == "00D9E1F2" and sheet["C3"].font.b
    assert sheet["C3"].border.top.style == "thin"
    assert sheet["A7"].font.b and sheet["H7"].border.bottom.style == "thin"
    assert sheet.freeze_panes == "A4"
    assert (sheet.page_setup.paperSize, sheet.page_setup.orientation) == (9, "landscape")
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.print_area == "'汇总'!$A$1:$H$9"


def test_a_town_named_like_a_formula_stays_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from greencommunity.output.rollup import xlsx

    _town(tmp_path / "d", "=HYPERLINK(1)", "青浦区", 10, 6)
    book = tmp_path / "x.xlsx"
    book.write_bytes(xlsx(_rollup([tmp_path / "d"])))
    sheet = load_workbook(book).active
    assert sheet is not None
    assert (sheet["A4"].value, sheet["A4"].data_type) == ("=HYPERLINK(1)", "s")


def test_one_town_through_two_folders_counts_once(tmp_path: Path) -> None:
    """The same town (name and district) given twice with the same data is
    counted once, with a note; with different data nothing is summed and both
    folders are named (exit 1)."""
    from typer.testing import CliRunner

    from greencommunity.cli.app import app

    runner = CliRunner()
    _town(tmp_path / "a", "甲镇", "青浦区", 10, 6)
    _town(tmp_path / "a", "乙镇", "青浦区", 10, 3)
    shutil.copytree(tmp_path / "a" / "甲镇", tmp_path / "copy" / "甲镇")
    once = runner.invoke(app, ["rollup", str(tmp_path / "a"), str(tmp_path / "copy"), "-f", "json"])
    assert once.exit_code == 0, once.output
    payload = json.loads(once.stdout)
    assert (payload["total"]["denominator"], payload["total"]["passed"]) == (20, 9)
    assert [t["town"] for t in payload["towns"]] == ["甲镇", "乙镇"]
    counted, left = tmp_path / "a" / "甲镇", tmp_path / "copy" / "甲镇"
    assert payload["repeated"] == [{"town": "甲镇", "counted": str(counted), "left": str(left)}]
    assert payload["notes"][0] == (
        f"注意：甲镇 由 {counted} 和 {left} 两个目录给出，数据完全相同，只计一次（按 {counted}）。"
    )
    # The copy drifts: one more passing community there.
    _town(tmp_path / "copy", "甲镇", "青浦区", 10, 7)
    differ = runner.invoke(app, ["rollup", str(tmp_path / "a"), str(tmp_path / "copy")])
    assert (differ.exit_code, differ.stdout) == (1, "")
    assert differ.stderr == (
        f"错误：甲镇 由 {counted} 和 {left} 两个目录给出，但两处的数据不同："
        "不知道应汇总哪一份，没有计算合计。请只给出其中一个目录，或先核对两处数据。\n"
    )
