"""``gc explain``: the registry of codes, as a list or one code's documentation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from greencommunity import labels
from greencommunity.i18n import tr

if TYPE_CHECKING:
    from rich.console import RenderableType

    from greencommunity.codes import Code


def listing(codes: Iterable[Code]) -> RenderableType:
    """One line per code: code, severity, title."""
    from rich.console import Group
    from rich.text import Text

    lines = []
    for code in codes:
        line = Text()
        line.append(code.id, style="bold")
        line.append(f" {labels.severity(code.severity)}  {code.title}")
        lines.append(line)
    return Group(*lines)


def one(code: Code) -> RenderableType:
    """A code's title, severity and documentation."""
    from rich.console import Group
    from rich.text import Text

    head = Text()
    head.append(code.id, style="bold")
    head.append(
        " " + tr("explain.heading", title=code.title, severity=labels.severity(code.severity))
    )
    return Group(head, Text(code.doc))
