"""Values and places in a file, said the way an officer reads the file.

Never a Python repr (``None``, ``True``, ``{'a': 1}``), a type name or a
0-based index: ``null`` is 空值, a list is 一个列表（3 项）, and the second
assessment is ``assessments 第 2 项``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence

from greencommunity.i18n import tr, trn

_MAX_TEXT = 60
_PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def describe(value: object) -> str:
    """A value from a YAML file in words: 空值, true, 12.5, “崧鑫”, 一个列表（2 项）."""
    if value is None:
        return tr("value.null")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return _shorten(repr(value))
    if isinstance(value, int):
        return _shorten(str(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        if any(quote in value for quote in "“”"):
            # “崧鑫” in quotes would read ““崧鑫””.
            return tr("value.text_with_quotes", text=_shorten(value))
        return tr("value.text", text=_shorten(value))
    if isinstance(value, dict):
        return trn("value.mapping", len(value))
    if isinstance(value, list | tuple):
        return trn("value.list", len(value))
    return tr("value.other")


def impossible_date(year: int, month: int, day: int) -> str:
    """Why a written date does not exist: 没有 13 月, or 2021 年 2 月没有 30 日."""
    if not 1 <= month <= 12:
        return tr("date.no_month", month=month)
    return tr("date.no_day", year=year, month=month, day=day)


def _shorten(text: str) -> str:
    """A long value cut to a readable length: a 1000-digit number is not read."""
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


def describe_kind(value: object) -> str:
    """What kind of value: 一个列表, 一段文字 … (for "the file is a …")."""
    if isinstance(value, list | tuple):
        return tr("value.kind.list")
    if isinstance(value, str):
        return tr("value.kind.text")
    if isinstance(value, bool | int | float):
        return tr("value.kind.number")
    return tr("value.kind.other")


def place(loc: Sequence[object]) -> str:
    """A place in a file: ``assessments 第 1 项 › self › scores › "1.1"``.

    Field names are shown as written in the file, list positions counted from
    one, and keys that are data (item ids) in quotes.
    """
    text = ""
    for part in loc:
        if isinstance(part, int) and not isinstance(part, bool):
            position = tr("value.position", number=part + 1)
            text = f"{text} {position}" if text else position
            continue
        name = part if isinstance(part, str) and _PLAIN_NAME.match(part) else f'"{part}"'
        text = f"{text} › {name}" if text else name
    return text or tr("schema.top_level")
