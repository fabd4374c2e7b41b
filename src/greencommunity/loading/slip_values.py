"""Chinese keyboard slips in values that parsed (the characters are
``loading/slips.py``'s):

- ``value_hint``: the sentence added to a format error about a value holding a
  slip (``batch: ２０２１`` is text, not a number).
- ``suspicious_values``: text values that are valid but probably hold a slip
  (a whole value in Chinese quotes, ``，`` inside ``[...]``); GC207 warns of them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from greencommunity.i18n import tr
from greencommunity.loading.slips import (
    BRACKETS,
    CLOSE_QUOTES,
    CLOSING,
    COMMAS,
    FULL_WIDTH,
    OPEN_QUOTES,
    SPACE,
)


def wrapped_in_quotes(value: str) -> bool:
    """The whole value is in Chinese quotes: “崧鑫”, ‘崧鑫’."""
    return (
        len(value) >= 2
        and value[0] in OPEN_QUOTES
        and value[-1] == CLOSING.get(value[0], "")
        and not any(c in OPEN_QUOTES + CLOSE_QUOTES for c in value[1:-1])
    )


def value_hint(value: object) -> str:
    """A sentence naming the slip in a value that failed its format check, or ""."""
    if not isinstance(value, str):
        return ""
    if wrapped_in_quotes(value.strip()):
        return tr("slip.hint.quotes", fixed=value.strip()[1:-1])
    hints = []
    found = (m.group(0) for m in FULL_WIDTH.finditer(value))
    wide = "".join(dict.fromkeys(c for c in found if c not in COMMAS))
    if wide:
        fixed = unicodedata.normalize("NFKC", value).replace(SPACE, " ").strip()
        hints.append(tr("slip.hint.full_width", fixed=fixed))
    if SPACE in value:
        hints.append(tr("slip.hint.space"))
    commas = sorted(set(value) & set(COMMAS))
    if commas:
        hints.append(tr("slip.hint.comma", char="".join(commas)))
    brackets = [c for c in BRACKETS if c in value]
    if brackets:
        hints.append(tr("slip.hint.bracket", chars="".join(brackets)))
    return "".join(hints)


def suspicious_values(data: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Text values that may hold a slip, with the catalog key of why: a whole
    value in Chinese quotes, or a list entry holding ``，`` or ``、``.  Whether
    they are written plain (or in a flow list) is for the caller to check on the
    node tree, which only these few values need."""
    stack: list[tuple[tuple[str | int, ...], Any, bool]] = [((), data, False)]
    while stack:
        loc, node, in_list = stack.pop()
        if isinstance(node, dict):
            stack.extend(((*loc, k), v, False) for k, v in node.items() if isinstance(k, str))
        elif isinstance(node, list):
            stack.extend(((*loc, i), v, True) for i, v in enumerate(node))
        elif isinstance(node, str):
            if wrapped_in_quotes(node):
                yield loc, "quotes"
            elif in_list and any(c in COMMAS for c in node):
                yield loc, "comma"
