"""One problem in one line, as every view of problems shows it: the terminal
(``output/validate.py``) and the JUnit report's output (``output/junit.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from greencommunity import labels

if TYPE_CHECKING:
    from rich.text import Text

    from greencommunity.diagnostics import Diagnostic


def severity_style(d: Diagnostic) -> str:
    return "bold red" if d.severity == "error" else "bold yellow"


def headline(d: Diagnostic) -> Text:
    """A problem in one line: place, severity, code and message (``.plain``:
    without the colours, as a test report shows it)."""
    from rich.text import Text

    head = Text()
    head.append(d.place, style="bold")
    head.append(": ")
    head.append(f"{labels.severity(d.severity)} {d.code}", style=severity_style(d))
    head.append(f" {d.message}")
    return head
