"""The one value type for every problem the tool reports."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem at a place in a file.

    ``path`` is shown to the user as given (relative to the folder the command
    was run from where possible); ``line`` and ``column`` are 1-based and point
    at the offending key or value.

    In a workbook (``sheet`` set, or a problem of the workbook as a whole)
    the place is a cell: ``line`` is its row and ``column`` its column
    (E12 is line 12, column 5), 0 and 0 when no cell is meant.  ``sheet`` is
    text, never None, so that diagnostics still sort.
    """

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    sheet: str = ""

    @property
    def cell(self) -> str:
        """The cell as a spreadsheet names it (E12); "" when no cell is meant."""
        if self.line < 1 or self.column < 1:
            return ""
        return column_letter(self.column) + str(self.line)

    @property
    def place(self) -> str:
        """Where the problem is, as an officer reads it: ``communities/x.yaml:7:20``
        in a text file, ``佳昱.xlsx 自测评分表!E12`` in a workbook (the
        workbook's or the sheet's name alone when no cell is meant)."""
        if not self.sheet:
            if self.line < 1:
                return self.path
            return f"{self.path}:{self.line}:{self.column}"
        cell = self.cell
        return f"{self.path} {self.sheet}!{cell}" if cell else f"{self.path} {self.sheet}"


def column_letter(column: int) -> str:
    """A spreadsheet's name of the 1-based *column*: 1 → A, 5 → E, 27 → AA."""
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def has_errors(diagnostics: list[Diagnostic], *, strict: bool = False) -> bool:
    """True when the data should be rejected: any error, or any warning if strict."""
    return any(d.severity is Severity.ERROR or strict for d in diagnostics)
