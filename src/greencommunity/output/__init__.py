"""Everything the CLI prints, one module per command.

The contract: a renderer takes the command's result and returns either a
``str`` (JSON, Markdown, HTML, GitHub workflow commands, SARIF), ``bytes`` (a
file such as .xlsx, which needs ``--output``) or a rich renderable (the
terminal's tables and coloured lines).  Renderers never print; the CLI writes
what they return (``cli/io.py``, which also turns a renderable into the text of
a file: only the command line makes a rich ``Console``).

Each module has one format registry, ``FORMATS``: format name → renderer.  The
command's ``--format`` option lists exactly its registry's names, so a new
output format is one function and one entry.  Modules import rich and the core
only inside functions or for type checking: the CLI imports every registry at
start-up to declare its options.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from rich.console import RenderableType

Rendered: TypeAlias = "str | bytes | RenderableType"

# Width of a terminal view written to a file: wide enough for its tables.
FILE_WIDTH = 160
# The longest list a terminal view shows (problems, communities): nobody reads
# further on a screen, and rich lays a table row out in about half a
# millisecond.  The view says how many it left out; --format json (and
# markdown where there is one) lists them all.
MAX_SHOWN = 500
