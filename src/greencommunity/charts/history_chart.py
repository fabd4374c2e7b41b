"""A small line chart as standalone SVG text (pure; the caller writes the file).

Used by ``gc history`` and the site (``history_view.py`` words the labels).  Points are
spaced evenly (one step per commit or day) so that a burst of commits on one
afternoon stays readable; the x labels say when each point is.  Each series is
drawn as steps: a share holds until the next commit changes it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from xml.sax.saxutils import escape

from greencommunity.charts.text import ASCENT_EM, DESCENT_EM, text_width

PALETTE = ("#2e7d32", "#1565c0", "#ef6c00", "#6a1b9a", "#c62828")


@dataclass(frozen=True)
class Series:
    label: str  # the legend, with the latest value already written in
    values: Sequence[Fraction | float | None]  # one per x position, 0..1; None: no value
    target: float | None = None
    target_label: str = ""


# Every label lies inside the picture: the margins are made from the labels'
# estimated widths (charts/text.py), the slanted x labels included.
FONT_SIZE, TITLE_SIZE = 12, 15
# The x labels are turned by this angle (degrees, anticlockwise) to fit.
SLANT = 35
PAD = 6.0


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def line_chart_svg(
    title: str,
    x_labels: Sequence[str],
    series: Sequence[Series],
    *,
    width: int = 760,
    height: int = 360,
) -> str:
    count = max(1, len(x_labels))
    step = max(1, -(-count // 8))  # at most ~8 labels
    shown = [
        (index, label)
        for index, label in enumerate(x_labels)
        if not index % step or index == count - 1
    ]
    cos, sin = math.cos(math.radians(SLANT)), math.sin(math.radians(SLANT))
    ascent, descent = ASCENT_EM * FONT_SIZE, DESCENT_EM * FONT_SIZE
    longest = max((text_width(label, FONT_SIZE) for _, label in shown), default=0.0)
    # A slanted label ends at its tick and reaches left by its length (and its
    # height), and down by its length: the margins make room for the longest.
    left = float(
        math.ceil(
            max(56, text_width("100%", FONT_SIZE) + 6 + PAD, longest * cos + ascent * sin + PAD)
        )
    )
    bottom = float(math.ceil(max(70, 14 + longest * sin + descent * cos + PAD)))
    # The legend and the target labels stand right of the plot.
    legend = [text_width(line.label, FONT_SIZE) + 22 for line in series]
    legend += [
        text_width(line.target_label, FONT_SIZE) + 8 for line in series if line.target is not None
    ]
    right = float(math.ceil(max(150, max(legend, default=0.0) + PAD)))
    top = 40.0
    width = max(width, math.ceil(left + right + 240))
    height = max(height, math.ceil(top + bottom + 160))
    plot_w = width - left - right
    plot_h = height - top - bottom

    def x_of(index: int) -> float:
        return round(left + (plot_w * index / (count - 1) if count > 1 else plot_w / 2), 1)

    def y_of(share: Fraction | float) -> float:
        return round(top + plot_h * (1 - max(0.0, min(1.0, float(share)))), 1)

    title_x = max(PAD, min(left, width - PAD - text_width(title, TITLE_SIZE)))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="{FONT_SIZE}" '
        f'role="img" aria-label="{_attr(title)}">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{round(title_x, 1)}" y="22" font-size="{TITLE_SIZE}" font-weight="bold">'
        f"{escape(title)}</text>",
    ]
    for percent in range(0, 101, 20):
        y = y_of(percent / 100)
        out.append(
            f'<line x1="{left}" y1="{y}" x2="{left + plot_w}" y2="{y}" stroke="#e0e0e0"/>'
            f'<text x="{left - 6}" y="{y + 4}" text-anchor="end" fill="#555">{percent}%</text>'
        )
    for index, label in shown:
        x, y = x_of(index), round(top + plot_h + 14, 1)
        out.append(
            f'<text x="{x}" y="{y}" text-anchor="end" fill="#555" '
            f'transform="rotate(-{SLANT} {x} {y})">{escape(label)}</text>'
        )
    for number, line in enumerate(series):
        colour = PALETTE[number % len(PALETTE)]
        if line.target is not None:
            y = y_of(line.target)
            out.append(
                f'<line x1="{left}" y1="{y}" x2="{left + plot_w}" y2="{y}" stroke="{colour}" '
                f'stroke-dasharray="6 4" stroke-width="1.5"/>'
                f'<text x="{left + plot_w + 8}" y="{y + 4}" fill="{colour}">'
                f"{escape(line.target_label)}</text>"
            )
        path: list[str] = []
        previous: Fraction | float | None = None
        for index, value in enumerate(line.values):
            if value is None:
                previous = None
                continue
            x, y = x_of(index), y_of(value)
            if previous is None:
                path.append(f"M{x},{y}")
            else:
                path.append(f"H{x}V{y}")
            previous = value
            out.append(f'<circle cx="{x}" cy="{y}" r="3" fill="{colour}"/>')
        if path:
            out.append(
                f'<path d="{" ".join(path)}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        legend_y = top + 16 * number
        out.append(
            f'<rect x="{left + plot_w + 8}" y="{legend_y - 9}" width="10" height="10" '
            f'fill="{colour}"/><text x="{left + plot_w + 22}" y="{legend_y}">'
            f"{escape(line.label)}</text>"
        )
    out.append(
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" '
        f'stroke="#9e9e9e"/>'
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"
