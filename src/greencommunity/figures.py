"""Every number an officer sees: exact values, rounded once, half up, written once.

Scores, shares and amounts are computed exactly (``fractions.Fraction``: 0.1 +
0.2 is 0.3, and 9 of 20 against 45 % is met).  They are rounded only to be
shown, here, the way official figures are rounded: half away from zero, never
Python's ``round`` (which makes 31.25 % into 31.2 % and 2.675 into 2.67).  The
screen, the JSON and the printed documents all call these functions, so one
share can never read 31.2 % on screen and 31.3 % on paper.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

Number = int | float | Fraction | Decimal

# Points and amounts keep two decimals (half points are common, 0.25 exists);
# shares are shown as percentages with one decimal.
POINT_DIGITS = 2
MONEY_DIGITS = 2
PERCENT_DIGITS = 1
# Shares in JSON: four decimals of the fraction, i.e. the percentage's two.
SHARE_DIGITS = 4


def exact(value: Number) -> Fraction:
    """The decimal a person wrote (0.45, 2.5), not its binary approximation."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value}")
        return Fraction(repr(value))
    return Fraction(value)


def half_up(value: Number, digits: int) -> Decimal:
    """*value* rounded to *digits* decimals, half away from zero, from its exact value."""
    fraction = exact(value)
    # Integer arithmetic on the exact fraction: a tie is a tie, not 0.30000000004.
    scaled = abs(fraction) * 10**digits
    whole, remainder = divmod(scaled.numerator, scaled.denominator)
    if remainder * 2 >= scaled.denominator:
        whole += 1
    return Decimal(-whole if fraction < 0 else whole).scaleb(-digits)


def _plain(value: Decimal) -> str:
    """A Decimal without trailing zeros or exponent: 70.00 → "70", 66.50 → "66.5"."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number(value: Number, digits: int) -> str:
    """*value* with at most *digits* decimals and no trailing zeros."""
    return _plain(half_up(value, digits))


def points(value: Number) -> str:
    """A score or a number of points: 70, 66.5, 2.25; never 66.50000000001."""
    return number(value, POINT_DIGITS)


def signed_points(value: Number) -> str:
    """Points added or taken off: +5, -2.5, 0."""
    shown = points(value)
    return f"+{shown}" if exact(value) > 0 and shown != "0" else shown


def money(value: Number) -> str:
    """An amount in 万元: 310, 17.6, 0.35."""
    return number(value, MONEY_DIGITS)


def percent_value(share: Number) -> str:
    """A share as a percentage number without its sign: 0.3125 → "31.3"."""
    return number(exact(share) * 100, PERCENT_DIGITS)


def percent(share: Number) -> str:
    """A share as a percentage: 0.3125 → "31.3%", 0.45 → "45%".

    No space before the sign, as in Chinese official documents (GB/T 15835).
    """
    return f"{percent_value(share)}%"


def share_value(share: Number) -> float:
    """A share for machines (JSON): 10/32 → 0.3125, 10/17 → 0.5882."""
    return float(half_up(share, SHARE_DIGITS))


def points_value(value: Number) -> float:
    """Points for machines (JSON), rounded like the points people see."""
    return float(half_up(value, POINT_DIGITS))


def money_value(value: Number) -> float:
    """An amount for machines (JSON), rounded like the amounts people see."""
    return float(half_up(value, MONEY_DIGITS))
