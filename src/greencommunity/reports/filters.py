"""Template filters: Chinese dates, percentages, points, money and Markdown escaping.

Every filter accepts ``None`` and renders it as an em dash, so a missing value in
the data shows as "—" in the document instead of the word "None".  Filters never
produce markup: their output is escaped like any other value.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

MISSING = "—"

# Labels of statuses as they appear in the submitted documents (always Chinese).
STATUS_LABELS: dict[str, str] = {
    "passed": "创建达标",
    "failed": "未达标",
    "under_review": "考评中",
    "creating": "创建中",
    "not_scheduled": "未列入计划",
}

PROJECT_STATUS_LABELS: dict[str, str] = {
    "planned": "计划中",
    "in_progress": "实施中",
    "done": "已完成",
    "cancelled": "已取消",
}

_CN_DIGITS = "〇一二三四五六七八九"
_CN_ORDINALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def number(value: float | int | None, digits: int = 1) -> str:
    """72.0 → "72", 72.5 → "72.5", 2.25 → "2.3" (half away from zero)."""
    if value is None:
        return MISSING
    if isinstance(value, float) and not math.isfinite(value):
        return MISSING
    quant = 10**digits
    rounded = math.floor(abs(float(value)) * quant + 0.5) / quant
    if value < 0:
        rounded = -rounded
    text = f"{rounded:.{digits}f}".rstrip("0").rstrip(".") if digits > 0 else f"{rounded:.0f}"
    return "0" if text in ("-0", "") else text


def points(value: float | int | None) -> str:
    """A score or a number of points: at most two decimals, no trailing zeros."""
    return number(value, 2)


def pct(value: float | None, digits: int = 1) -> str:
    """A share as a percentage: 0.4706 → "47.1%", 0.45 → "45%"."""
    if value is None:
        return MISSING
    return f"{number(value * 100, digits)}%"


def money(value: float | None) -> str:
    """An amount in 万元 with at most two decimals."""
    return number(value, 2)


def cn_date(value: dt.date | None, blank: str = MISSING) -> str:
    """2022-10-28 → "2022年10月28日" (the style of official documents)."""
    if value is None:
        return blank
    return f"{value.year}年{value.month}月{value.day}日"


def cn_month_day(value: str | None) -> str:
    """ "10-30" → "10月30日"."""
    if not value:
        return MISSING
    month, _, day = value.partition("-")
    return f"{int(month)}月{int(day)}日"


def cn_year(value: int) -> str:
    """2022 → "二〇二二年" (used in document headings)."""
    return "".join(_CN_DIGITS[int(d)] for d in str(value)) + "年"


def cn_ordinal(value: int) -> str:
    """1 → "一" … 10 → "十", beyond that the Arabic number."""
    if 1 <= value <= len(_CN_ORDINALS):
        return _CN_ORDINALS[value - 1]
    return str(value)


def pct_bar(value: float | None, width: int = 20) -> str:
    """A share as a text bar for plain-text charts: 0.5 → "██████████░░░░░░░░░░"."""
    share = 0.0 if value is None else max(0.0, min(1.0, float(value)))
    full = math.floor(share * width + 0.5)
    return "█" * full + "░" * (width - full)


def status_label(value: str | None) -> str:
    if value is None:
        return MISSING
    return STATUS_LABELS.get(str(value), str(value))


def project_status_label(value: str | None) -> str:
    if value is None:
        return MISSING
    return PROJECT_STATUS_LABELS.get(str(value), str(value))


def or_dash(value: Any) -> Any:
    """The value itself, or "—" when it is missing or empty."""
    if value is None or value == "" or value == []:
        return MISSING
    return value


# Characters with a meaning in Markdown or HTML.  Escaping them with a backslash
# makes a Markdown renderer show them as text; "&" becomes an entity so that
# "&lt;" in the data stays the four characters it is.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
_LIST_START = re.compile(r"^(\d+)([.)])(?=\s|$)")


def md_escape(value: Any) -> str:
    """Escape a data value for Markdown so it renders as the text it is.

    ``<script>`` becomes ``\\<script\\>``, which every CommonMark renderer
    shows literally; a line break becomes a space so that a value never breaks a
    table row or starts a heading.
    """
    if isinstance(value, Markup):
        return str(value)
    text = "" if value is None else str(value)
    text = text.replace("&", "&amp;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = " ".join(text.split())
    if text.startswith(("-", "+", "=")):
        text = "\\" + text
    return _LIST_START.sub(r"\1\\\2", text)


FILTERS: dict[str, Callable[..., Any]] = {
    "number": number,
    "points": points,
    "pct": pct,
    "pct_bar": pct_bar,
    "money": money,
    "cn_date": cn_date,
    "cn_month_day": cn_month_day,
    "cn_year": cn_year,
    "cn_ordinal": cn_ordinal,
    "status_label": status_label,
    "project_status_label": project_status_label,
    "or_dash": or_dash,
    "md": md_escape,
}
