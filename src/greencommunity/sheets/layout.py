"""The 自测评分表 in a workbook: where each thing is, and the table itself.

One layout for the sheet a community fills in (``export``), the sheet read
back (``reading``) and the score sheet as a document (``documents/xlsx.py``):
the same columns in the same places, so an officer who knows one knows all.

Columns: item id, title, points, evidence, self score, notes.  Each category
is a heading row, its items, and a subtotal row; the total closes the table.
A sheet to fill in has formulas for subtotals and total; a document writes the
figures of its view model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from greencommunity import figures, xlsx
from greencommunity.diagnostics import column_letter
from greencommunity.i18n import tr

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from greencommunity.xlsx import SheetCell

# The hidden sheet holding what an import needs to know (``META_KEYS``); its
# name and keys are the file format, never translated.
META_SHEET = "gc"
FORMAT = "gc-scoresheet/1"
META_KEYS = ("format", "community", "year", "criteria", "sheet")

COL_ID, COL_TITLE, COL_POINTS, COL_EVIDENCE, COL_SCORE, COL_NOTE = range(1, 7)
COLUMNS = 6
# Rows above the table: title, subtitle, community and date, instructions.
HEADER_ROW = 5
DATE_ROW, DATE_COLUMN = 3, COL_SCORE
DATE_FORMAT = "yyyy-mm-dd"  # fits the score column; what an officer types

# Each column's width: fitted to its text, the long texts wrapping at the most.
WIDTHS = {
    COL_ID: xlsx.Width(7, 8),
    COL_TITLE: xlsx.Width(most=50),
    COL_POINTS: xlsx.Width(7, 8),
    COL_EVIDENCE: xlsx.Width(most=36),
    COL_SCORE: xlsx.fixed(10),
    COL_NOTE: xlsx.Width(30),
}
WRAPPED = (COL_TITLE, COL_EVIDENCE, COL_NOTE)

INPUT_FILL = "FFF2CC"  # light yellow: the cells to fill in
# Decimals written into a formula: a step, points or a cap exactly as given.
FORMULA_DIGITS = 9
CATEGORY_FILL = "EDEDED"


@dataclass(frozen=True)
class Line:
    """An item's row."""

    id: str
    title: str
    points: float
    evidence: str
    score: float | None
    note: str | None


@dataclass(frozen=True)
class Block:
    """A category: its heading, items and subtotal.  A document gives the
    subtotal's figures (and a remark such as the share); a sheet to fill in
    leaves them None and gets formulas."""

    id: int
    title: str
    lines: tuple[Line, ...]
    points: float | None = None
    score: float | None = None
    remark: str = ""
    # How the subtotal counts in a sheet's total formula: a scored category's
    # points and score; a bonus (+1) or deduction (-1) only its score, up to *cap*.
    sign: int = 0
    cap: float | None = None


@dataclass(frozen=True)
class Total:
    points: float | None = None
    score: float | None = None
    remark: str = ""


@dataclass(frozen=True)
class Table:
    """Where the table's rows ended up: each item's row, the total's row."""

    rows: dict[str, int]
    total: int


def sheet_name() -> str:
    return tr("sheets.sheet_name")


def headings() -> list[str]:
    return [
        tr("sheets.col.id"),
        tr("sheets.col.title"),
        tr("sheets.col.points"),
        tr("sheets.col.evidence"),
        tr("sheets.col.score"),
        tr("sheets.col.note"),
    ]


def item_rows(blocks: Sequence[Sequence[str]]) -> list[tuple[str, int]]:
    """The row of each item of *blocks* (each category's item ids, in order):
    a category's heading row, its items, its subtotal; the first heading
    below ``HEADER_ROW``.  Where ``write_table`` puts them, and where the
    import looks for a row that is missing."""
    rows: list[tuple[str, int]] = []
    row = HEADER_ROW + 1
    for ids in blocks:
        rows.extend((item_id, row + n) for n, item_id in enumerate(ids, start=1))
        row += len(ids) + 2
    return rows


def write_table(
    sheet: Worksheet,
    blocks: Sequence[Block],
    total: Total,
    *,
    fillable: bool,
    evidence: str | None = None,
) -> Table:
    """The heading row at ``HEADER_ROW``, then each block and the total.
    *evidence* heads the evidence column when it lists more than what is asked."""
    from openpyxl.styles import PatternFill

    names = headings()
    if evidence is not None:
        names[COL_EVIDENCE - 1] = evidence
    xlsx.headings(sheet, HEADER_ROW, names, centred=True)
    rows: dict[str, int] = {}
    subtotals: list[tuple[int, Block]] = []
    placed = iter(item_rows([[line.id for line in block.lines] for block in blocks]))
    row = HEADER_ROW + 1
    for block in blocks:
        xlsx.put_row(sheet, row, [str(block.id), block.title])
        xlsx.bold(sheet[row][:COLUMNS])
        for cell in sheet[row][:COLUMNS]:
            cell.fill = PatternFill("solid", fgColor=CATEGORY_FILL)
        first = row + 1
        for line in block.lines:
            _, row = next(placed)
            rows[line.id] = row
            xlsx.put_row(
                sheet,
                row,
                [line.id, line.title, line.points, line.evidence, line.score, line.note],
            )
            if fillable:
                for column in (COL_SCORE, COL_NOTE):
                    fill_in(sheet.cell(row=row, column=column))
        row += 1
        subtotals.append((row, block))
        xlsx.put(sheet, row, COL_TITLE, tr("sheets.subtotal"))
        _figures(sheet, row, first, row - 1, block.points, block.score, fillable)
        xlsx.put(sheet, row, COL_EVIDENCE, block.remark or None)
        xlsx.bold(sheet[row][:COLUMNS])
        row += 1
    xlsx.put(sheet, row, COL_TITLE, tr("sheets.total"))
    if fillable:
        _total_formulas(sheet, row, subtotals)
    else:
        xlsx.put(sheet, row, COL_POINTS, total.points)
        xlsx.put(sheet, row, COL_SCORE, total.score)
    xlsx.put(sheet, row, COL_EVIDENCE, total.remark or None)
    xlsx.bold(sheet[row][:COLUMNS])
    _frame(sheet, HEADER_ROW, row)
    return Table(rows=rows, total=row)


def _total_formulas(sheet: Worksheet, row: int, subtotals: list[tuple[int, Block]]) -> None:
    """The total's points (the scored categories') and score: the scored
    categories' subtotals, plus each bonus and minus each deduction up to its cap."""
    for column in (COL_POINTS, COL_SCORE):
        letter = column_letter(column)
        scored = ",".join(f"{letter}{r}" for r, block in subtotals if block.sign == 0)
        formula = f"SUM({scored})" if scored else "0"
        if column == COL_SCORE:
            for r, block in subtotals:
                if block.sign != 0:
                    cap = figures.number(block.cap or 0, FORMULA_DIGITS)
                    formula += f"{'+' if block.sign > 0 else '-'}MIN({letter}{r},{cap})"
        sheet.cell(row=row, column=column).value = f"={formula}"


def _figures(
    sheet: Worksheet,
    row: int,
    first: int,
    last: int,
    points: float | None,
    score: float | None,
    fillable: bool,
) -> None:
    """A subtotal: formulas over the items in a sheet to fill in, else the figures."""
    if fillable:
        for column in (COL_POINTS, COL_SCORE):
            letter = column_letter(column)
            sheet.cell(row=row, column=column).value = f"=SUM({letter}{first}:{letter}{last})"
    else:
        xlsx.put(sheet, row, COL_POINTS, points)
        xlsx.put(sheet, row, COL_SCORE, score)


def fill_in(cell: SheetCell) -> None:
    """*cell* is one to fill in: yellow, and left unlocked in the protected sheet."""
    from openpyxl.styles import PatternFill

    xlsx.unlock(cell)
    cell.fill = PatternFill("solid", fgColor=INPUT_FILL)


def _frame(sheet: Worksheet, first: int, last: int) -> None:
    """The table's grid; below its headings, text wraps and numbers are centred."""
    from openpyxl.styles import Alignment

    for row in sheet.iter_rows(min_row=first, max_row=last, max_col=COLUMNS):
        xlsx.frame(row)
        for cell in row:
            if cell.row == first:
                continue
            if cell.column in WRAPPED:
                cell.alignment = Alignment(vertical="center", wrap_text=True)
            else:
                cell.alignment = Alignment(horizontal="center", vertical="center")


def finish(sheet: Worksheet, total_row: int, last: int) -> None:
    """The sheet made ready to read and print (``xlsx.finish``): columns fitted
    to the table (its headings down to its total row), the headings frozen and
    repeated on every page, the print area the table's columns down to *last*."""
    grid = xlsx.Grid(HEADER_ROW, COLUMNS, (HEADER_ROW, total_row), WIDTHS)
    xlsx.finish(sheet, grid, last)


def banner(sheet: Worksheet, row: int, text: str | None, *, centred: bool = False) -> None:
    """*text* across the whole width of the table, wrapped (an empty row for None)."""
    xlsx.banner(sheet, row, text, COLUMNS, align="center" if centred else "left")


def heading(sheet: Worksheet, title: str, subtitle: str, community: str) -> None:
    """The rows above the table but the instructions: the title, the subtitle,
    then at ``DATE_ROW`` the community and the label of the date cell (the
    caller writes the date into ``DATE_COLUMN``)."""
    from openpyxl.styles import Alignment

    xlsx.title(sheet, title, COLUMNS, align="center")
    banner(sheet, 2, subtitle, centred=True)
    xlsx.put(sheet, DATE_ROW, 1, community)
    sheet.merge_cells(start_row=DATE_ROW, start_column=1, end_row=DATE_ROW, end_column=2)
    xlsx.put(sheet, DATE_ROW, 3, tr("sheets.date_label"))
    sheet.merge_cells(start_row=DATE_ROW, start_column=3, end_row=DATE_ROW, end_column=4)
    sheet.cell(row=DATE_ROW, column=3).alignment = Alignment(horizontal="right")
