"""How the terminal views fit the width they are shown at.

A person's terminal has its own width; piped, a view is as wide as ``COLUMNS``
says, else 80 columns (``cli/io.console``).  The views of ``gc progress``,
``gc status`` and ``gc rollup`` stay within it, in display cells (a Chinese
character takes two): their tables have no vertical rules, names and statuses
are never cut, and a line of prose wraps instead of running past the edge.
Rich is imported inside the functions, as everywhere in ``output/``: the CLI
imports the registries at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text


def line(text: str, style: str = "") -> Text:
    """A line of prose that wraps at the width instead of running past it."""
    from rich.text import Text

    return Text(text, style=style, no_wrap=False, overflow="fold")


def table(**options: Any) -> Table:
    """A table of the terminal views: a rule under the heading and no vertical
    rules, so that seven columns of Chinese fit in 80."""
    from rich.box import SIMPLE_HEAD
    from rich.table import Table

    return Table(box=SIMPLE_HEAD, **options)
