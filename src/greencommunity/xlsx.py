"""Writing spreadsheets safely: text from the data stays text, never a formula.

A cell that begins with ``=``, ``+``, ``-`` or ``@`` is taken by Excel and WPS
as a formula (spreadsheet formula injection); every text this tool writes is
stored as a string cell, whatever its first character.  The layout helpers
(widths, heights, A4 printing) are shared by every workbook gc writes.
"""

from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from greencommunity.diagnostics import column_letter

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

Cell = str | int | float | None

# Points per line of wrapped 11-point text, as Excel and WPS lay it out.
LINE_HEIGHT = 15


def put(sheet: Worksheet, row: int, column: int, value: Cell) -> None:
    """Write *value*; text is a string cell even when it looks like a formula."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def put_row(sheet: Worksheet, row: int, values: Sequence[Cell]) -> None:
    for column, value in enumerate(values, 1):
        put(sheet, row, column, value)


def text_width(text: str) -> int:
    """Columns *text* takes on its widest line; a wide character (CJK, full-width
    punctuation: Unicode's East Asian Width W or F, as charts/text.py measures
    too) is two columns wide."""
    return max(
        sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
        for line in text.split("\n")
    )


def fit_columns(sheet: Worksheet, minimum: int = 6, maximum: int = 60) -> None:
    """Column widths that fit their text."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.column is None:
                continue
            text = "" if cell.value is None else str(cell.value)
            widths[cell.column] = max(widths.get(cell.column, 0), text_width(text))
    for column, width in widths.items():
        letter = column_letter(column)
        sheet.column_dimensions[letter].width = max(minimum, min(maximum, width + 2))


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


def print_a4(sheet: Worksheet, title_rows: str, *, landscape: bool = True) -> None:
    """A4, one page wide, *title_rows* (``"5:5"``) repeated on every page, and
    the page number in the footer."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = title_rows
    sheet.print_options.horizontalCentered = True
    footer = sheet.oddFooter
    if footer is not None and footer.center is not None:
        footer.center.text = "&P / &N"


def workbook_bytes(workbook: Workbook) -> bytes:
    """The .xlsx file of *workbook*, to be written atomically."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
