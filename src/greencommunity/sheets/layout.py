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

# Widest a column may grow before its text wraps (in characters, CJK counting two).
MAX_WIDTH = {COL_ID: 8, COL_TITLE: 50, COL_POINTS: 8, COL_EVIDENCE: 36, COL_SCORE: 10}
MIN_WIDTH = {COL_NOTE: 30, COL_SCORE: 10, COL_POINTS: 7, COL_ID: 7}
WRAPPED = (COL_TITLE, COL_EVIDENCE, COL_NOTE)

INPUT_FILL = "FFF2CC"  # light yellow: the cells to fill in
# Decimals written into a formula: a step, points or a cap exactly as given.
FORMULA_DIGITS = 9
HEADER_FILL = "D9E1F2"
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
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    bold = Font(bold=True)
    names = headings()
    if evidence is not None:
        names[COL_EVIDENCE - 1] = evidence
    xlsx.put_row(sheet, HEADER_ROW, names)
    for cell in sheet[HEADER_ROW]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    rows: dict[str, int] = {}
    subtotals: list[tuple[int, Block]] = []
    row = HEADER_ROW + 1
    for block in blocks:
        xlsx.put_row(sheet, row, [str(block.id), block.title])
        for cell in sheet[row][:COLUMNS]:
            cell.font = bold
            cell.fill = PatternFill("solid", fgColor=CATEGORY_FILL)
        first = row + 1
        for line in block.lines:
            row += 1
            rows[line.id] = row
            xlsx.put_row(
                sheet,
                row,
                [line.id, line.title, line.points, line.evidence, line.score, line.note],
            )
            if fillable:
                for column in (COL_SCORE, COL_NOTE):
                    cell = sheet.cell(row=row, column=column)
                    cell.protection = Protection(locked=False)
                    cell.fill = PatternFill("solid", fgColor=INPUT_FILL)
        row += 1
        subtotals.append((row, block))
        xlsx.put(sheet, row, COL_TITLE, tr("sheets.subtotal"))
        _figures(sheet, row, first, row - 1, block.points, block.score, fillable)
        xlsx.put(sheet, row, COL_EVIDENCE, block.remark or None)
        for cell in sheet[row][:COLUMNS]:
            cell.font = bold
        row += 1
    xlsx.put(sheet, row, COL_TITLE, tr("sheets.total"))
    if fillable:
        _total_formulas(sheet, row, subtotals)
    else:
        xlsx.put(sheet, row, COL_POINTS, total.points)
        xlsx.put(sheet, row, COL_SCORE, total.score)
    xlsx.put(sheet, row, COL_EVIDENCE, total.remark or None)
    for cell in sheet[row][:COLUMNS]:
        cell.font = bold
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


def _frame(sheet: Worksheet, first: int, last: int) -> None:
    """Borders around every cell of the table; text wraps, numbers are centred."""
    from openpyxl.styles import Alignment, Border, Side

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for row in sheet.iter_rows(min_row=first, max_row=last, max_col=COLUMNS):
        for cell in row:
            cell.border = border
            if cell.row == first:
                continue
            if cell.column in WRAPPED:
                cell.alignment = Alignment(vertical="center", wrap_text=True)
            else:
                cell.alignment = Alignment(horizontal="center", vertical="center")


def fit(sheet: Worksheet, first: int, last: int, through: int) -> None:
    """Column widths that fit the table's text (rows *first* to *last*), within
    each column's bounds, then heights for the wrapped text down to row *through*."""
    widths = {column: MIN_WIDTH.get(column, 6) for column in range(1, COLUMNS + 1)}
    for row in sheet.iter_rows(min_row=first, max_row=last, max_col=COLUMNS):
        for cell in row:
            if cell.value is None or cell.column is None or cell.data_type == "f":
                continue  # a formula shows a number, not its text
            wanted = xlsx.text_width(str(cell.value)) + 2
            widths[cell.column] = max(widths[cell.column], wanted)
    for column, width in widths.items():
        limit = MAX_WIDTH.get(column, 40)
        sheet.column_dimensions[column_letter(column)].width = min(width, limit)
    xlsx.fit_rows(sheet, 1, through)


def finish(sheet: Worksheet, total_row: int, last: int) -> None:
    """The sheet made ready to read and print: columns fitted to the table (down
    to its total row), rows to their text down to *last*, the headings frozen
    and repeated on every A4 page, the print area ending at *last*."""
    fit(sheet, HEADER_ROW, total_row, last)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    xlsx.print_a4(sheet, f"{HEADER_ROW}:{HEADER_ROW}")
    sheet.print_area = f"A1:{column_letter(COLUMNS)}{last}"


def banner(
    sheet: Worksheet,
    row: int,
    text: str | None,
    *,
    size: int = 11,
    bold: bool = False,
    centred: bool = False,
) -> None:
    """*text* across the whole width of the table, wrapped (an empty row for None)."""
    from openpyxl.styles import Alignment, Font

    xlsx.put(sheet, row, 1, text)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=COLUMNS)
    cell = sheet.cell(row=row, column=1)
    cell.font = Font(bold=bold, size=size)
    cell.alignment = Alignment(horizontal="center" if centred else "left", wrap_text=True)


def heading(sheet: Worksheet, title: str, subtitle: str, community: str) -> None:
    """The rows above the table but the instructions: the title, the subtitle,
    then at ``DATE_ROW`` the community and the label of the date cell (the
    caller writes the date into ``DATE_COLUMN``)."""
    from openpyxl.styles import Alignment

    banner(sheet, 1, title, size=16, bold=True, centred=True)
    banner(sheet, 2, subtitle, centred=True)
    xlsx.put(sheet, DATE_ROW, 1, community)
    sheet.merge_cells(start_row=DATE_ROW, start_column=1, end_row=DATE_ROW, end_column=2)
    xlsx.put(sheet, DATE_ROW, 3, tr("sheets.date_label"))
    sheet.merge_cells(start_row=DATE_ROW, start_column=3, end_row=DATE_ROW, end_column=4)
    sheet.cell(row=DATE_ROW, column=3).alignment = Alignment(horizontal="right")
