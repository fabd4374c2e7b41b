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
    """

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str


def has_errors(diagnostics: list[Diagnostic], *, strict: bool = False) -> bool:
    """True when the data should be rejected: any error, or any warning if strict."""
    return any(d.severity is Severity.ERROR or strict for d in diagnostics)
