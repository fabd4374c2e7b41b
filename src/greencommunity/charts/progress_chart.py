"""Geometry of the progress document's bar chart: per target year, the passing
share and the projected share as bars, the target as a dashed line.

The template (``_chart.html.j2``) draws these numbers as inline SVG; the value
labels are written by ``figures.percent``, like every share elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Protocol

from greencommunity.charts.text import text_width
from greencommunity.figures import percent

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56.0, 16.0, 24.0, 44.0
FONT_SIZE = 12  # the template's


class Standing(Protocol):
    """What the chart needs of one target year (``progress.Progress`` has it)."""

    @property
    def year(self) -> int: ...

    @property
    def target(self) -> float: ...

    @property
    def share(self) -> Fraction: ...

    @property
    def projected_share(self) -> Fraction: ...


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str  # "passed" or "projected"
    value: str


@dataclass(frozen=True)
class ChartGroup:
    year: int
    x: float  # centre of the group's label
    bars: tuple[Bar, ...]
    target_y: float
    target_x1: float
    target_x2: float
    target_label: str


@dataclass(frozen=True)
class ChartView:
    width: int
    height: int
    left: float
    top: float
    bottom: float
    right: float
    ticks: tuple[tuple[float, str], ...]  # (y, label)
    groups: tuple[ChartGroup, ...]


def _y(share: Fraction | float) -> float:
    plot_h = HEIGHT - TOP - BOTTOM
    return round(TOP + plot_h * (1 - max(0.0, min(1.0, float(share)))), 1)


def _bar(x: float, width: float, share: Fraction, css: str) -> Bar:
    y = _y(share)
    return Bar(round(x, 1), y, round(width, 1), round(HEIGHT - BOTTOM - y, 1), css, percent(share))


def _right(standings: Sequence[Standing], words: str) -> float:
    """The right margin: room for the last group's target label (*words* and the
    share, "目标 100%"), which stands right of its dashed line."""
    right = RIGHT
    if not standings:
        return right
    label = text_width(words + percent(standings[-1].target), FONT_SIZE)
    for _ in range(8):  # a narrower plot moves the last group left: settles at once
        slot = (WIDTH - LEFT - right) / len(standings)
        end = LEFT + slot * (len(standings) - 0.5) + min(56.0, slot / 3.2) + 16 + label
        if end <= WIDTH - 2:
            break
        right += end - (WIDTH - 2)
    return round(right, 1)


def progress_chart(standings: Sequence[Standing], target_words: str = "") -> ChartView:
    """The chart of *standings*; *target_words* are what the template writes
    before each target's share (measured, so that the label fits)."""
    right = _right(standings, target_words)
    plot_w = WIDTH - LEFT - right
    slot = plot_w / max(1, len(standings))
    bar_w = min(56.0, slot / 3.2)
    groups = []
    for index, s in enumerate(standings):
        centre = LEFT + slot * (index + 0.5)
        groups.append(
            ChartGroup(
                year=s.year,
                x=round(centre, 1),
                bars=(
                    _bar(centre - bar_w - 2, bar_w, s.share, "passed"),
                    _bar(centre + 2, bar_w, s.projected_share, "projected"),
                ),
                target_y=_y(s.target),
                target_x1=round(centre - bar_w - 14, 1),
                target_x2=round(centre + bar_w + 14, 1),
                target_label=percent(s.target),
            )
        )
    return ChartView(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        right=round(WIDTH - right, 1),
        ticks=tuple((_y(Fraction(v, 100)), percent(Fraction(v, 100))) for v in range(0, 101, 20)),
        groups=tuple(groups),
    )
