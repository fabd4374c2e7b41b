"""The workbook builder: each part of a workbook as Excel and WPS read it back,
so every workbook is written to bytes and opened again with openpyxl."""

from __future__ import annotations

import ast
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from greencommunity import xlsx


def _reopened(book: Workbook) -> Workbook:
    return load_workbook(io.BytesIO(xlsx.workbook_bytes(book)))


def _sheet(book: Workbook) -> Worksheet:
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    return sheet


def test_a_new_workbook_has_its_sheet_and_says_its_title_and_author() -> None:
    book, sheet = xlsx.new("汇总", "2022 年汇总")
    xlsx.put(sheet, 1, 1, 1)
    sheet.cell(row=1, column=2).value = "=A1+1"
    again = _reopened(book)
    assert again.sheetnames == ["汇总"]
    assert (again.properties.title, again.properties.creator) == ("2022 年汇总", "gc")
    # openpyxl stores no value for a formula: the spreadsheet computes it on opening.
    assert again.calculation.fullCalcOnLoad is True


@pytest.mark.parametrize("text", ["=1+1", "+86 21", "-5", "@SUM(A1)", '=HYPERLINK("x")'])
def test_text_that_looks_like_a_formula_stays_text(text: str) -> None:
    book, sheet = xlsx.new("表", "标题")
    xlsx.put_row(sheet, 1, [text, 3, 2.5, None])
    cells = _sheet(_reopened(book))[1]
    assert (cells[0].value, cells[0].data_type) == (text, "s")
    assert [(c.value, c.data_type) for c in cells[1:3]] == [(3, "n"), (2.5, "n")]


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("abc", 3),
        ("绿色社区", 8),
        ("得分率 87.5%（要求）", 20),  # full-width brackets are wide, the ASCII is not
        ("ｶﾀｶﾅ", 4),  # half-width katakana: narrow
        ("短\n一行更长的文字", 14),  # the widest line
        ("", 0),
    ],
)
def test_text_width_counts_a_wide_character_as_two_columns(text: str, width: int) -> None:
    assert xlsx.text_width(text) == width


def _widths(sheet: Worksheet, columns: str) -> dict[str, float | None]:
    return {c: sheet.column_dimensions[c].width for c in columns}


def test_columns_fit_their_text_within_their_bounds() -> None:
    book, sheet = xlsx.new("表", "标题")
    xlsx.put(sheet, 1, 1, "一个很长很长很长很长很长的标题，不算在列宽里")
    xlsx.put_row(sheet, 2, ["编号", "名称", "说明", "比例", "总分"])
    xlsx.put_row(sheet, 3, ["1", "佳煌居委会", "x" * 80, None, 17])
    xlsx.percent(sheet, 3, 4, 0.5882352941176471)
    sheet.cell(row=4, column=5).value = "=SUM(E1:E3)+SUM(E1:E3)+SUM(E1:E3)"
    bounds = {1: xlsx.fixed(9), 2: xlsx.Width(14, None), 3: xlsx.Width(most=36)}
    xlsx.fit_columns(sheet, 2, 4, 5, bounds)
    assert _widths(_sheet(_reopened(book)), "ABCDEF") == {
        "A": 9,  # fixed, whatever its text
        "B": 14,  # 佳煌居委会 is 10 wide, padded to 12: the least wins
        "C": 36,  # 80 characters wrap at the most
        "D": 7,  # "58.8%" as shown, not 0.5882352941176471
        "E": 6,  # 总分 and 17; the formula's text does not count
        "F": 13,  # never fitted: openpyxl's default
    }


def test_a_column_without_a_limit_grows_with_its_text() -> None:
    book, sheet = xlsx.new("表", "标题")
    xlsx.put(sheet, 1, 1, "长" * 50)
    xlsx.fit_columns(sheet, 1, 1, 1, {1: xlsx.Width(most=None)})
    assert _sheet(_reopened(book)).column_dimensions["A"].width == 102


def test_a_banner_spans_the_table_and_its_row_grows_for_its_lines() -> None:
    book, sheet = xlsx.new("表", "标题")
    xlsx.title(sheet, "赵巷镇2022年度绿色社区创建申报汇总表", 3, align="center")
    xlsx.banner(sheet, 2, "注" * 30, 3)  # 60 columns of text in 3 × 10 - 1 = 29
    xlsx.banner(sheet, 3, None, 3, bold=True)
    for letter in "ABC":
        sheet.column_dimensions[letter].width = 10
    xlsx.fit_rows(sheet, 1, 3)
    again = _sheet(_reopened(book))
    assert sorted(str(r) for r in again.merged_cells.ranges) == ["A1:C1", "A2:C2", "A3:C3"]
    title = again["A1"]
    assert (title.font.b, title.font.sz, title.alignment.horizontal) == (True, 16, "center")
    assert title.alignment.wrap_text
    note = again["A2"]
    assert (note.font.b, note.font.sz, note.alignment.horizontal) == (False, 11, None)
    # The title is 36 columns wide: two lines.
    assert [again.row_dimensions[r].height for r in (1, 2, 3)] == [2 * 15 + 3, 3 * 15 + 3, None]
    assert again["A3"].value is None


def test_headings_are_bold_on_blue_and_centred_when_asked() -> None:
    book, sheet = xlsx.new("表", "标题")
    xlsx.headings(sheet, 1, ["编号", "名称"])
    xlsx.headings(sheet, 2, ["编号", "名称"], centred=True)
    again = _sheet(_reopened(book))
    for cell in (*again[1], *again[2]):
        assert cell.font.b
        assert (cell.fill.fill_type, cell.fill.fgColor.rgb) == ("solid", "00D9E1F2")
    assert [c.alignment.horizontal for c in (*again[1], *again[2])] == [
        None,
        None,
        "center",
        "center",
    ]
    assert all(c.alignment.wrap_text for c in again[2])


def test_framed_rows_have_the_grid_and_their_text_wraps() -> None:
    book, sheet = xlsx.new("表", "标题")
    xlsx.put_row(sheet, 1, ["佳煌居委会", 80, None])
    xlsx.put(sheet, 2, 1, "不在表内")
    xlsx.frame_rows(sheet, [1], 3)
    again = _sheet(_reopened(book))
    for cell in again[1]:
        sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
        assert {(s.style, s.color.rgb) for s in sides} == {("thin", "00808080")}
        assert cell.alignment.vertical == "center"
    assert [c.alignment.wrap_text for c in again[1]] == [True, None, None]
    assert again["A2"].border.left.style is None


def test_a_share_is_a_percentage_cell_holding_the_exact_share() -> None:
    book, sheet = xlsx.new("表", "标题")
    xlsx.percent(sheet, 1, 1, 10 / 17)
    xlsx.percent(sheet, 1, 2, None)
    again = _sheet(_reopened(book))
    assert (again["A1"].value, again["A1"].number_format) == (10 / 17, "0.0%")
    assert (again["B1"].value, again["B1"].number_format) == (None, "0.0%")


def _table(rows: int) -> tuple[Workbook, Worksheet]:
    """A title, a blank row, the headings in row 3 and *rows* rows below."""
    book, sheet = xlsx.new("表", "标题")
    xlsx.title(sheet, "标题", 3)
    xlsx.headings(sheet, 3, ["社区", "得分", "说明"])
    for row in range(4, 4 + rows):
        xlsx.put_row(sheet, row, [f"社区{row}", row, "—"])
    return book, sheet


def test_finish_freezes_the_headings_and_prints_on_a4_one_page_wide() -> None:
    book, sheet = _table(40)
    xlsx.finish(sheet, xlsx.Grid(3, 3, (3, 43), frozen_column=2), 45)
    again = _sheet(_reopened(book))
    assert again.freeze_panes == "B4"
    setup = again.page_setup
    assert (setup.paperSize, setup.orientation) == (9, "landscape")  # 9: A4 in OOXML
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert again.sheet_properties.pageSetUpPr is not None
    assert again.sheet_properties.pageSetUpPr.fitToPage
    assert again.print_title_rows == "$3:$3"
    assert again.print_area == "'表'!$A$1:$C$45"
    assert again.print_options.horizontalCentered
    footer = again.oddFooter
    assert footer is not None and footer.center is not None
    assert footer.center.text == "&P / &N"
    # Fitted from the headings down: 社区43 is 6 wide, padded to 8.
    assert _widths(again, "ABC") == {"A": 8, "B": 6, "C": 6}


def test_finish_can_leave_the_print_area_to_the_spreadsheet() -> None:
    book, sheet = _table(2)
    xlsx.finish(sheet, xlsx.Grid(3, 3, (4, 5)), 5, area=False)
    with zipfile.ZipFile(io.BytesIO(xlsx.workbook_bytes(book))) as parts:
        names = parts.read("xl/workbook.xml").decode()
    assert "_xlnm.Print_Titles" in names and "_xlnm.Print_Area" not in names
    again = _sheet(_reopened(book))
    assert again.print_title_rows == "$3:$3"
    assert again.freeze_panes == "A4"


def test_a_sheet_may_print_upright() -> None:
    book, sheet = _table(1)
    xlsx.print_a4(sheet, 3, landscape=False)
    assert _sheet(_reopened(book)).page_setup.orientation == "portrait"


def test_a_protected_sheet_keeps_its_unlocked_cells_editable() -> None:
    book, sheet = xlsx.new("表", "标题")
    xlsx.put_row(sheet, 1, ["编号", None])
    xlsx.unlock(sheet.cell(row=1, column=2))
    xlsx.protect(sheet)
    again = _sheet(_reopened(book))
    assert again.protection.sheet
    assert again["A1"].protection.locked is True
    assert again["B1"].protection.locked is False
    # No password: it prevents slips, not attacks.
    assert again.protection.password is None
    # Columns and rows may still be resized (False: not protected).
    assert (again.protection.formatColumns, again.protection.formatRows) == (False, False)


def test_a_sheet_protected_without_resizing() -> None:
    book, sheet = xlsx.new("表", "标题")
    xlsx.protect(sheet, resizable=False)
    again = _sheet(_reopened(book))
    assert again.protection.sheet
    assert (again.protection.formatColumns, again.protection.formatRows) == (True, True)


def test_a_hidden_sheet_cannot_be_shown_or_removed_from_the_menus() -> None:
    book, _ = xlsx.new("表", "标题")
    meta = xlsx.hidden_sheet(book, "gc")
    xlsx.put_row(meta, 1, ["format", "gc-scoresheet/1"])
    again = _reopened(book)
    assert again.sheetnames == ["表", "gc"]
    assert again["gc"].sheet_state == "veryHidden"
    assert again["gc"].protection.sheet
    assert again["gc"]["B1"].value == "gc-scoresheet/1"
    assert again.security is not None and again.security.lockStructure


def test_the_builder_stays_in_the_foundation() -> None:
    """It imports nothing of the layers that use it, and openpyxl only when a
    workbook is made (a command that writes none does not pay for it)."""
    tree = ast.parse(Path(xlsx.__file__).read_text(encoding="utf-8"))
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    ours = sorted(m for m in modules if m.startswith("greencommunity"))
    assert ours == [
        "greencommunity.diagnostics",
        "greencommunity.figures",
        "greencommunity.zipstamp",
    ]
    probe = "import sys, greencommunity.xlsx; print('openpyxl' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout == "False\n"
