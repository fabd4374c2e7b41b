"""Markdown: the one escaper and the one table, for the CLI's Markdown output
and the Markdown documents alike."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Characters with a meaning in Markdown or HTML.  Escaping them with a backslash
# makes a CommonMark renderer show them as text; "&" becomes an entity so that
# "&lt;" in the data stays the four characters it is.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
_LIST_START = re.compile(r"^(\d+)([.)])(?=\s|$)")


def escape(value: object) -> str:
    """A value as Markdown text that renders as exactly that text.

    ``<script>`` becomes ``\\<script\\>``, which every CommonMark renderer shows
    literally; a backslash stays a backslash; a line break becomes a space, so a
    value never breaks a table row or starts a heading or a list.
    """
    text = "" if value is None else str(value)
    text = text.replace("&", "&amp;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = " ".join(text.split())
    if text.startswith(("-", "+", "=")):
        text = "\\" + text
    return _LIST_START.sub(r"\1\\\2", text)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A GitHub-flavoured table; cells are Markdown already (escape data first)."""
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out
