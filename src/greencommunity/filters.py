"""Template filters: the typography of the documents (``documents/``) and the
site (``dashboard/``) over the project's one home for each fact.

Numbers are written by ``figures`` (the same rounding as on screen), the words
for statuses, stages and verdicts come from ``labels`` (the same words as on
screen), Markdown is escaped by ``markdown.escape``.  What only templates need
is here: Chinese dates and ordinals, text bars, the em dash for a missing
value, Chinese quotation marks.  Every filter accepts ``None`` and renders it
as "—", so a missing value never shows as the word "None".  Here, below both
packages, so that a share reads the same on paper and on the site without one
of them importing the other.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from greencommunity import figures, labels, markdown

MISSING = "—"

_CN_DIGITS = "〇一二三四五六七八九"
_CN_ORDINALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")

Number = int | float | Fraction


def _finite(value: Number | None) -> bool:
    return value is not None and not (isinstance(value, float) and not math.isfinite(value))


def number(value: Number | None, digits: int = 1) -> str:
    """72.0 → "72", 72.5 → "72.5", 2.25 → "2.3" (half up)."""
    return figures.number(value, digits) if value is not None and _finite(value) else MISSING


def points(value: Number | None) -> str:
    return figures.points(value) if value is not None and _finite(value) else MISSING


def pct(value: Number | None) -> str:
    """A share as a percentage: 0.4706 → "47.1%", 0.45 → "45%"."""
    return figures.percent(value) if value is not None and _finite(value) else MISSING


def money(value: Number | None) -> str:
    return figures.money(value) if value is not None and _finite(value) else MISSING


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


def cn_year(value: int | None) -> str:
    """2022 → "二〇二二年" (used in document headings)."""
    if value is None:
        return MISSING
    digits = str(value)
    if not digits.isdigit():
        return digits
    return "".join(_CN_DIGITS[int(d)] for d in digits) + "年"


def cn_ordinal(value: int | None) -> str:
    """1 → "一" … 10 → "十", beyond that the Arabic number."""
    if value is None:
        return MISSING
    if isinstance(value, int) and 1 <= value <= len(_CN_ORDINALS):
        return _CN_ORDINALS[value - 1]
    return str(value)


def pct_bar(value: Number | None, width: int = 20) -> str:
    """A share as a text bar: 0.5 → "██████████░░░░░░░░░░"."""
    share = (
        Fraction(0) if value is None else min(Fraction(1), max(Fraction(0), figures.exact(value)))
    )
    full = int(figures.half_up(share * width, 0))
    return "█" * full + "░" * (width - full)


def _label(value: str | None, table: dict[str, str], words: Callable[[str], str]) -> str:
    """The words for *value*; a value the table does not know (an override
    template passing something else) is shown as it is."""
    if value is None:
        return MISSING
    return words(value) if str(value) in table else str(value)


def status_label(value: str | None) -> str:
    return _label(value, labels.STATUS, labels.status)


def project_status_label(value: str | None) -> str:
    return _label(value, labels.PROJECT_STATUS, labels.project_status)


def stage_label(value: str | None) -> str:
    return _label(value, labels.STAGE, labels.stage)


def verdict_label(value: bool | str | None) -> str:
    """A sheet's pass or fail, or a review's verdict (pass, fail, rectify)."""
    if isinstance(value, str) and value not in labels.VERDICT:
        return value  # an override template passing something else, as _label does
    return labels.verdict(value)


def timing_label(value: str | None) -> str:
    return _label(value, labels.TIMING, labels.timing)


def owed_label(value: str | None) -> str:
    return _label(value, labels.OWED, labels.owed)


def funding_label(channel: str | None) -> str:
    return labels.funding_channel(channel)


_STRAIGHT_QUOTES = re.compile(r'"([^"\n]*)"')


def chinese_quotes(value: Any) -> Any:
    """ASCII double quotes around a phrase as Chinese quotation marks:
    '"美丽家园"创建' → '“美丽家园”创建'.

    Data files are typed on keyboards that give '"'; Chinese text quotes with
    “”.  Only pairs are turned (a lone '"' stays as typed); single quotes stay,
    as they are apostrophes as often as quotes.  Applied to every value the
    documents print (``environment``), never to the data.  Anything but a
    plain string (None, a number, markup already made) is returned unchanged.
    """
    if type(value) is not str:
        return value
    return _STRAIGHT_QUOTES.sub("“\\1”", value)


def cn_quotes(value: Any) -> Any:
    """The filter: ``chinese_quotes``, and "—" for a missing value."""
    return MISSING if value is None else chinese_quotes(value)


def or_dash(value: Any) -> Any:
    """The value itself, or "—" when it is missing or empty."""
    if value is None or value == "" or value == [] or value == ():
        return MISSING
    return value


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
    "stage_label": stage_label,
    "verdict_label": verdict_label,
    "funding_label": funding_label,
    "timing_label": timing_label,
    "owed_label": owed_label,
    "or_dash": or_dash,
    "cn_quotes": cn_quotes,
    "md": markdown.escape,
}
