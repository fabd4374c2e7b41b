"""The names of output formats: one vocabulary for every command's ``--format``.

Every format registry (``output/*.FORMATS``, ``documents/kinds.FORMATS``) is
keyed by names from ``NAMES``, so the plain terminal view is ``text`` and
Markdown is ``markdown`` in every command, its help and the README
(``tests/test_formats.py`` checks each registry).  The spellings of earlier
versions (``table``, ``md``) are still accepted, and listed nowhere.
"""

from __future__ import annotations

TEXT = "text"
MARKDOWN = "markdown"
JSON = "json"
GITHUB = "github"
SARIF = "sarif"
GITLAB = "gitlab"
JUNIT = "junit"
HTML = "html"
PDF = "pdf"
DOCX = "docx"
XLSX = "xlsx"
SVG = "svg"

# Every format name there is, in the order help screens list them.
NAMES: tuple[str, ...] = (
    TEXT,
    JSON,
    MARKDOWN,
    GITHUB,
    SARIF,
    GITLAB,
    JUNIT,
    HTML,
    PDF,
    DOCX,
    XLSX,
    SVG,
)

# Spellings of earlier versions → today's name.
ALIASES: dict[str, str] = {"table": TEXT, "md": MARKDOWN}

# Formats a person reads on a terminal; the rest are read by programs or saved
# to files (no progress bar for them: ``cli/progressbar.py``).
FOR_PEOPLE = frozenset({TEXT})

# Formats that are bytes, not text: they need ``--output``.
BINARY = frozenset({PDF, DOCX, XLSX})


def canonical(name: str) -> str:
    """Today's name for *name* (an earlier spelling, or already today's)."""
    return ALIASES.get(name, name)
