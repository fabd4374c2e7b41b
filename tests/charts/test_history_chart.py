"""The history chart (``gc history --output chart.svg``): every label inside the picture.

The first x-axis label was cut: a slanted label ends at its tick and reaches
left by its length, and the left margin had no room for it.  The SVG is
parsed and each text's box computed from its position, anchor and rotation,
with a generous estimate of glyph widths (a CJK character 1 em, any other
0.7 em; 0.95 em above the baseline, 0.25 em below); Chromium then measures
the same texts with real fonts.
"""

from __future__ import annotations

import math
import re
import unicodedata
import xml.etree.ElementTree as ET
from fractions import Fraction
from pathlib import Path

import pytest

from greencommunity.charts.history_chart import Series, line_chart_svg
from tests.documents.cdp import Browser

SVG = "{http://www.w3.org/2000/svg}"
Box = tuple[float, float, float, float]  # left, top, right, bottom


def _width(text: str, size: float) -> float:
    return size * sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.7 for c in text)


def _box(element: ET.Element, size: float) -> Box:
    """The box *element* (a <text>) covers, in the SVG's coordinates."""
    x, y = float(element.get("x", 0)), float(element.get("y", 0))
    size = float(element.get("font-size", size))
    width = _width(element.text or "", size)
    start = {"start": 0.0, "middle": -width / 2, "end": -width}[element.get("text-anchor", "start")]
    corners = [
        (x + dx, y + dy) for dx in (start, start + width) for dy in (-0.95 * size, 0.25 * size)
    ]
    rotation = re.fullmatch(r"rotate\((-?[\d.]+) ([\d.]+) ([\d.]+)\)", element.get("transform", ""))
    if rotation:
        angle = math.radians(float(rotation.group(1)))
        cx, cy = float(rotation.group(2)), float(rotation.group(3))
        cos, sin = math.cos(angle), math.sin(angle)
        corners = [
            (cx + (px - cx) * cos - (py - cy) * sin, cy + (px - cx) * sin + (py - cy) * cos)
            for px, py in corners
        ]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return min(xs), min(ys), max(xs), max(ys)


def outside(svg: str) -> list[str]:
    """The texts of *svg* whose box leaves the picture."""
    root = ET.fromstring(svg)
    width, height = float(root.get("width", 0)), float(root.get("height", 0))
    size = float(root.get("font-size", 16))
    found = []
    for text in root.iter(f"{SVG}text"):
        left, top, right, bottom = _box(text, size)
        if left < 0 or top < 0 or right > width or bottom > height:
            found.append(f"{text.text!r} at ({left:.1f}, {top:.1f}, {right:.1f}, {bottom:.1f})")
    return found


def _series(count: int, years: tuple[int, ...] = (2021, 2022)) -> list[Series]:
    return [
        Series(
            label=f"{year} 年：{35 + n}.3%",
            values=[Fraction(i % 7, 10) if i % 5 else None for i in range(count)],
            target=0.45 + 0.2 * n,
            target_label=f"{year} 年目标 {45 + 20 * n}%",
        )
        for n, year in enumerate(years)
    ]


# What gc history writes (history_view.py): dates; and longer labels a
# caller could pass (a date and a time, Chinese dates), many points or one.
CASES = {
    "dates": [f"2022-{m:02d}-{d:02d}" for m in (9, 10) for d in (1, 8, 15, 22)],
    "one point": ["2022-10-30"],
    "two points": ["2021-10-30", "2022-10-30"],
    "many points": [f"2022-10-{d:02d}" for d in range(1, 31)] * 4,
    "date and time": [f"2022-10-{d:02d} 10:{d:02d}" for d in range(1, 12)],
    "chinese dates": [f"2022年10月{d}日" for d in range(1, 12)],
}


@pytest.mark.parametrize("labels", list(CASES.values()), ids=list(CASES))
def test_every_label_lies_inside_the_picture(labels: list[str]) -> None:
    svg = line_chart_svg("赵巷镇城市社区创建达标比例", labels, _series(len(labels)))
    assert outside(svg) == []
    root = ET.fromstring(svg)
    # The first and the last x label are drawn (the axis says where it starts and ends).
    slanted = [t.text for t in root.iter(f"{SVG}text") if "rotate" in t.get("transform", "")]
    assert slanted[0] == labels[0] and slanted[-1] == labels[-1]


def test_long_legends_widen_the_right_margin() -> None:
    series = _series(3, years=(2021, 2022, 2025))
    series[0] = Series(
        "2021 年：35.3%（17 个城市社区中 6 个）", [0.3, 0.35, 0.4], 0.45, "2021 年目标 45%"
    )
    svg = line_chart_svg(
        "赵巷镇城市社区创建达标比例", ["2022-10-01", "2022-10-02", "2022-10-03"], series
    )
    assert outside(svg) == []


def test_the_check_sees_a_cut_label() -> None:
    """The geometry this replaces: the first label at x = 56, slanted, reaches x < 0."""
    cut = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="760" height="360" font-size="12">'
        '<text x="56.0" y="304.0" text-anchor="end" transform="rotate(-35 56.0 304.0)">'
        "2022-10-30</text></svg>"
    )
    assert len(outside(cut)) == 1


@pytest.mark.slow
def test_chromium_measures_every_label_inside(tmp_path: Path) -> None:
    """The estimate is generous enough for the fonts a browser really uses."""
    measure = """
    (() => {
      const svg = document.querySelector("svg").getBoundingClientRect();
      return [...document.querySelectorAll("text")].map(t => {
        const r = t.getBoundingClientRect();
        return [t.textContent, r.left - svg.left, r.top - svg.top,
                r.right - svg.left, r.bottom - svg.top, svg.width, svg.height];
      });
    })()
    """
    problems = []
    with Browser(tmp_path / "profile") as browser:
        for name, labels in CASES.items():
            path = tmp_path / f"{name.replace(' ', '-')}.svg"
            path.write_text(
                line_chart_svg("赵巷镇城市社区创建达标比例", labels, _series(len(labels))),
                encoding="utf-8",
            )
            browser.open(path)
            for text, left, top, right, bottom, width, height in browser.evaluate(measure):
                if left < 0 or top < 0 or right > width or bottom > height:
                    problems.append(
                        f"{name}: {text} ({left:.1f}, {top:.1f}, {right:.1f}, {bottom:.1f})"
                    )
    assert problems == []
