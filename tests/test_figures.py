"""The one rounding: half up from exact values, the same on screen and paper."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from greencommunity import figures


@pytest.mark.parametrize(
    ("share", "shown"),
    [
        (Fraction(10, 32), "31.3%"),  # a tie: Python's round() would give 31.2
        (10 / 32, "31.3%"),
        (Fraction(8, 17), "47.1%"),
        (Fraction(10, 17), "58.8%"),
        (0.45, "45%"),
        (Fraction(0), "0%"),
        (Fraction(1), "100%"),
        (Fraction(1, 2000), "0.1%"),  # 0.05 % rounds up
        (Fraction(1, 2001), "0%"),
    ],
)
def test_percent(share: Fraction | float, shown: str) -> None:
    assert figures.percent(share) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (70.0, "70"),
        (66.5, "66.5"),
        (2.675, "2.68"),  # the decimal written, not its binary neighbour 2.67499…
        (0.1 + 0.2, "0.3"),
        (2.25, "2.25"),
        (1e6, "1000000"),  # never exponent notation
        (-0.004, "0"),
        (Fraction(2, 3), "0.67"),
    ],
)
def test_points(value: float | Fraction, shown: str) -> None:
    assert figures.points(value) == shown


def test_half_up_is_away_from_zero() -> None:
    assert figures.half_up(Fraction(-5, 2), 0) == Decimal(-3)
    assert figures.half_up(Fraction(5, 2), 0) == Decimal(3)
    assert figures.half_up(0.125, 2) == Decimal("0.13")


def test_json_values_round_like_the_text() -> None:
    assert figures.share_value(Fraction(10, 32)) == 0.3125
    assert figures.share_value(Fraction(10, 17)) == 0.5882
    assert figures.points_value(2.675) == 2.68
    assert figures.money_value(Fraction(31, 2)) == 15.5


def test_exact_refuses_non_finite() -> None:
    with pytest.raises(ValueError, match="finite"):
        figures.exact(float("inf"))
