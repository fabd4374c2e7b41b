"""How wide a label is, estimated: the charts are written as SVG without fonts at hand.

A wide character (CJK) is 1 em, any other 0.7 em, more than the digits and
Latin letters of the usual fonts (DejaVu Sans: digits 0.64 em); glyphs reach
0.95 em above the baseline and 0.25 em below.  The charts make their margins
from these, so that every label lies inside the picture (tests/charts/ check
with Chromium's own measure).
"""

from __future__ import annotations

import unicodedata

WIDE_EM, NARROW_EM, ASCENT_EM, DESCENT_EM = 1.0, 0.7, 0.95, 0.25


def text_width(text: str, size: float) -> float:
    """The estimated advance of *text* at font size *size*."""
    return size * sum(
        WIDE_EM if unicodedata.east_asian_width(c) in "WF" else NARROW_EM for c in text
    )
