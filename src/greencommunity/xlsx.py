"""The one builder of the workbooks gc writes: the score sheet to fill in
(``sheets/export.py``), the documents' workbooks (``documents/xlsx.py``) and the
roll-up (``output/rollup.py``).

Each of them says what goes where; this module says how a workbook is made:
creating it with its properties, writing cells, titles and column headings,
borders, column widths and row heights, frozen headings, A4 printing,
protection, and the bytes of the file.  So every workbook looks, prints and
behaves alike, and a fix to one is a fix to all.

A cell that begins with ``=``, ``+``, ``-`` or ``@`` is taken by Excel and WPS
as a formula (spreadsheet formula injection); every text this module writes is
stored as a string cell, whatever its first character.

openpyxl is imported inside the functions: a command pays for it only when it
writes a workbook.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from greencommunity.diagnostics import column_letter
from greencommunity.figures import PERCENT_DIGITS
from greencommunity.zipstamp import ZIP_EPOCH, restamp

if TYPE_CHECKING:
    from typing import TypeAlias

    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell as _Cell
    from openpyxl.cell.cell import MergedCell
    from openpyxl.worksheet.worksheet import Worksheet

    # A cell of a sheet, as openpyxl hands it out (a merged range's other cells
    # are MergedCell).
    SheetCell: TypeAlias = _Cell | MergedCell

Cell = str | int | float | None

# Who made the file, in its properties (as the SARIF output names its tool).
CREATOR = "gc"
# Points per line of wrapped 11-point text, as Excel and WPS lay it out.
LINE_HEIGHT = 15
TITLE_SIZE = 16
HEADER_FILL = "D9E1F2"  # light blue: the column headings
BORDER_COLOR = "808080"
# A share's number format: the decimals of every percentage gc shows.
PERCENT = f"0.{'0' * PERCENT_DIGITS}%" if PERCENT_DIGITS else "0%"


@dataclass(frozen=True)
class Width:
    """The bounds of a column's width, in characters (a wide character counting
    two): the column fits its widest text, padded, between *least* and *most*
    (no limit for None; the same bound twice fixes the width)."""

    least: float = 6
    most: float | None = 40


def fixed(width: float) -> Width:
    return Width(width, width)


# ------------------------------------------------------------------ the workbook


def new(
    sheet_name: str, title: str, *, stamp: dt.datetime | None = None, description: str = ""
) -> tuple[Workbook, Worksheet]:
    """A workbook of one sheet, *sheet_name*; its properties name *title* (shown
    by Excel's and WPS's file information), gc as its author, *description*
    (what it was computed from: Excel's "comments") and *stamp* as the time
    it was made and last changed (``core/years.stamp``; None: the earliest
    time a zip file can hold, for a workbook that speaks of no data revision)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_name
    props = book.properties
    props.title = title
    props.creator = CREATOR
    props.description = description or None
    # openpyxl dates the properties with the clock; a file's time is the
    # build's, never the hour it was written.
    when = stamp if stamp is not None else ZIP_EPOCH
    props.created = props.modified = when.astimezone(dt.UTC).replace(tzinfo=None)
    # openpyxl stores a formula, never its value: Excel and WPS must compute
    # every formula when the file opens (openpyxl's default, kept whatever it becomes).
    book.calculation.fullCalcOnLoad = True
    return book, sheet


def hidden_sheet(book: Workbook, name: str) -> Worksheet:
    """A sheet for gc's own use: very hidden (Excel's and WPS's menus cannot show
    it), locked, and the workbook's structure locked so that it stays."""
    from openpyxl.workbook.protection import WorkbookProtection

    sheet: Worksheet = book.create_sheet(name)
    sheet.sheet_state = "veryHidden"
    protect(sheet, resizable=False)
    book.security = WorkbookProtection(lockStructure=True)
    return sheet


def workbook_bytes(workbook: Workbook) -> bytes:
    """The .xlsx file of *workbook*, to be written atomically: the same bytes
    for the same workbook, whenever and wherever it is written (its zip
    entries dated as its properties, ``zipstamp``)."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save, which sets the "modified"
    # property to the clock.
    ExcelWriter(workbook, ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True)).save()
    modified = workbook.properties.modified  # naive UTC, as openpyxl keeps it
    when = modified.replace(tzinfo=dt.UTC) if modified is not None else ZIP_EPOCH
    return restamp(buffer.getvalue(), when)


# ------------------------------------------------------------------------ cells


def put(sheet: Worksheet, row: int, column: int, value: Cell) -> None:
    """Write *value*; text is a string cell even when it looks like a formula."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def put_row(sheet: Worksheet, row: int, values: Sequence[Cell]) -> None:
    for column, value in enumerate(values, 1):
        put(sheet, row, column, value)


def banner(
    sheet: Worksheet,
    row: int,
    text: str | None,
    columns: int,
    *,
    size: int = 11,
    bold: bool = False,
    align: Literal["left", "center"] | None = None,
) -> None:
    """*text* across the first *columns* columns (one merged cell), wrapped; an
    empty row for None."""
    from openpyxl.styles import Alignment, Font

    put(sheet, row, 1, text)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    cell = sheet.cell(row=row, column=1)
    cell.font = Font(bold=bold, size=size)
    cell.alignment = Alignment(horizontal=align, wrap_text=True)


def title(
    sheet: Worksheet, text: str, columns: int, *, align: Literal["left", "center"] | None = None
) -> None:
    """The workbook's title, large and bold, in the first row."""
    banner(sheet, 1, text, columns, size=TITLE_SIZE, bold=True, align=align)


def headings(sheet: Worksheet, row: int, names: Sequence[str], *, centred: bool = False) -> None:
    """The column headings: bold on light blue; *centred* also centres and wraps them."""
    from openpyxl.styles import Alignment, Font, PatternFill

    put_row(sheet, row, names)
    for column in range(1, len(names) + 1):
        cell = sheet.cell(row=row, column=column)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        if centred:
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def bold(cells: Iterable[SheetCell]) -> None:
    from openpyxl.styles import Font

    for cell in cells:
        cell.font = Font(bold=True)


def frame(cells: Iterable[SheetCell]) -> None:
    """A thin grey border around each cell: the table's grid, on screen and on paper."""
    from openpyxl.styles import Border, Side

    thin = Side(style="thin", color=BORDER_COLOR)
    for cell in cells:
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)


def frame_rows(sheet: Worksheet, rows: Iterable[int], columns: int) -> None:
    """The grid of a table's *rows* (their first *columns* cells), vertically
    centred, text wrapping within its column."""
    from openpyxl.styles import Alignment

    for row in rows:
        cells = sheet[row][:columns]
        frame(cells)
        for cell in cells:
            cell.alignment = Alignment(vertical="center", wrap_text=isinstance(cell.value, str))


def percent(sheet: Worksheet, row: int, column: int, value: float | None) -> None:
    """A share shown as a percentage, rounded as ``figures.percent`` rounds; the
    cell keeps the exact share (Excel rounds only for display)."""
    put(sheet, row, column, value)
    sheet.cell(row=row, column=column).number_format = PERCENT


def unlock(cell: SheetCell) -> None:
    """*cell* stays editable in a protected sheet."""
    from openpyxl.styles import Protection

    cell.protection = Protection(locked=False)


def protect(sheet: Worksheet, *, resizable: bool = True) -> None:
    """Every cell but the unlocked ones locked, without a password: it keeps a
    slip of the mouse from breaking the layout, it is no security (any tool
    removes Excel's sheet passwords), and nobody is locked out of mending a
    sheet.  *resizable*: columns and rows may still be resized."""
    sheet.protection.sheet = True
    if resizable:
        sheet.protection.formatColumns = False
        sheet.protection.formatRows = False


# ------------------------------------------------------------ widths and heights


def text_width(text: str) -> int:
    """Columns *text* takes on its widest line; a wide character (CJK, full-width
    punctuation: Unicode's East Asian Width W or F, as charts/text.py measures
    too) is two columns wide."""
    return max(
        sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
        for line in text.split("\n")
    )


def fit_columns(
    sheet: Worksheet,
    first: int,
    last: int,
    columns: int,
    widths: Mapping[int, Width] | None = None,
) -> None:
    """The widths of the first *columns* columns, fitted to their text in rows
    *first* to *last* (two characters of padding) within each column's bounds
    (*widths*, ``Width()`` for the others).  A formula shows a number, not its
    text, so it does not count; a title above the table is left out by *first*."""
    bounds = widths or {}
    wanted = dict.fromkeys(range(1, columns + 1), 0)
    for row in sheet.iter_rows(min_row=first, max_row=last, max_col=columns):
        for cell in row:
            if cell.value is None or cell.column is None or cell.data_type == "f":
                continue
            wanted[cell.column] = max(wanted[cell.column], text_width(_shown(cell)) + 2)
    for column, width in wanted.items():
        bound = bounds.get(column, Width())
        chosen = max(bound.least, width)
        if bound.most is not None:
            chosen = min(chosen, bound.most)
        sheet.column_dimensions[column_letter(column)].width = chosen


def _shown(cell: SheetCell) -> str:
    """The text of *cell* as a spreadsheet shows it, near enough to measure it."""
    if cell.number_format == PERCENT and isinstance(cell.value, int | float):
        return f"{cell.value:.{PERCENT_DIGITS}%}"
    return str(cell.value)


def fit_rows(sheet: Worksheet, first: int, last: int) -> None:
    """Row heights that show wrapped text whole: Excel and WPS grow a row for
    text typed in, not for text a program wrote, so long titles would be cut."""

    def width(column: int) -> float:
        return sheet.column_dimensions[column_letter(column)].width or 10

    # A merged cell's text has the width of all its columns.
    spans = {
        (r.min_row, r.min_col): sum(width(c) for c in range(r.min_col, r.max_col + 1))
        for r in sheet.merged_cells.ranges
    }
    for row in range(first, last + 1):
        lines = 1
        for cell in sheet[row]:
            if cell.value is None or cell.column is None or not cell.alignment.wrap_text:
                continue
            room = max(1, int(spans.get((row, cell.column), width(cell.column))) - 1)
            needed = sum(
                max(1, math.ceil(text_width(part) / room)) for part in str(cell.value).split("\n")
            )
            lines = max(lines, needed)
        if lines > 1:
            sheet.row_dimensions[row].height = lines * LINE_HEIGHT + 3


# ------------------------------------------------------------ screen and paper


def freeze(sheet: Worksheet, row: int, column: int = 1) -> None:
    """The rows above *row* and the columns left of *column* stay in view when scrolling."""
    sheet.freeze_panes = f"{column_letter(column)}{row}"


def print_a4(sheet: Worksheet, heading: int, *, landscape: bool = True) -> None:
    """A4, one page wide, the *heading* row repeated on every page, and the
    page number in the footer."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{heading}:{heading}"
    sheet.print_options.horizontalCentered = True
    footer = sheet.oddFooter
    if footer is not None and footer.center is not None:
        footer.center.text = "&P / &N"


def print_area(sheet: Worksheet, columns: int, last: int) -> None:
    """Print the first *columns* columns down to row *last*, nothing beside them."""
    sheet.print_area = f"A1:{column_letter(columns)}{last}"


@dataclass(frozen=True)
class Grid:
    """Where a sheet's table is, for ``finish``: its column headings' row, its
    width in columns, the rows its column widths fit and their bounds."""

    heading: int
    columns: int
    fitted: tuple[int, int]
    widths: Mapping[int, Width] = field(default_factory=dict)
    # Columns left of this one stay in view when scrolling sideways.
    frozen_column: int = 1


def finish(sheet: Worksheet, grid: Grid, last: int, *, area: bool = True) -> None:
    """The sheet made ready to read and print: the table's columns fitted to
    their text, every row down to *last* high enough for its wrapped text, the
    headings frozen and repeated on every A4 page (landscape, one page wide),
    and the print area the table's columns down to *last* (without *area*,
    Excel's and WPS's own: every cell written)."""
    fit_columns(sheet, *grid.fitted, grid.columns, grid.widths)
    fit_rows(sheet, 1, last)
    freeze(sheet, grid.heading + 1, grid.frozen_column)
    print_a4(sheet, grid.heading)
    if area:
        print_area(sheet, grid.columns, last)
