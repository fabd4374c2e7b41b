"""Writing spreadsheets safely: text from the data stays text, never a formula.

A cell that begins with ``=``, ``+``, ``-`` or ``@`` is taken by Excel and WPS
as a formula (spreadsheet formula injection); every text this tool writes is
stored as a string cell, whatever its first character.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

Cell = str | int | float | None


def put(sheet: Worksheet, row: int, column: int, value: Cell) -> None:
    """Write *value*; text is a string cell even when it looks like a formula."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def put_row(sheet: Worksheet, row: int, values: Sequence[Cell]) -> None:
    for column, value in enumerate(values, 1):
        put(sheet, row, column, value)


def fit_columns(sheet: Worksheet, minimum: int = 6, maximum: int = 60) -> None:
    """Column widths that fit their text; a CJK character is two columns wide."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.column is None:
                continue
            text = "" if cell.value is None else str(cell.value)
            width = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
            widths[cell.column] = max(widths.get(cell.column, 0), width)
    for column, width in widths.items():
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = max(minimum, min(maximum, width + 2))


def workbook_bytes(workbook: Workbook) -> bytes:
    """The .xlsx file of *workbook*, to be written atomically."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
