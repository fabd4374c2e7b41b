"""The progress document's bar chart: every label inside the picture, whatever the
number of target years (with three, "目标 80%" stood beyond the right edge)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from greencommunity.documents.render import Renderer
from tests.charts.test_history_chart import outside
from tests.documents.cdp import Browser
from tests.documents.helpers import checked, plan
from tests.factories import PASS, assessment, community_data, town_data, write_data

TARGETS = {
    "one year": {2021: "100%"},
    "two years": {2021: "45%", 2022: "65%"},
    "three years": {2021: "45%", 2022: "65%", 2023: "80%"},
    "five years": {2021: "45%", 2022: "65%", 2023: "80%", 2024: "90%", 2025: "100%"},
}


def _progress_page(root: Path, targets: dict[int, str]) -> str:
    community = community_data("alpha", 2021, [assessment(2021, self_scores=PASS, district=PASS)])
    data = checked(write_data(root / "data", [community], town=town_data(targets=targets)))
    return Renderer().html(plan(data, "progress", year=2021).documents[0])


def _chart(page: str) -> str:
    match = re.search(r"<svg .*?</svg>", page, re.S)
    assert match, page[:300]
    return match.group(0)


@pytest.mark.parametrize("targets", list(TARGETS.values()), ids=list(TARGETS))
def test_every_label_lies_inside_the_chart(targets: dict[int, str], tmp_path: Path) -> None:
    chart = _chart(_progress_page(tmp_path, targets))
    assert outside(chart) == []
    assert chart.count("目标 ") == len(targets)


@pytest.mark.slow
def test_chromium_measures_every_label_inside(tmp_path: Path) -> None:
    measure = """
    (() => {
      const svg = document.querySelector("svg").getBoundingClientRect();
      return [...document.querySelectorAll("svg text")]
        .map(t => [t.textContent, t.getBoundingClientRect()])
        .filter(([, r]) => r.left < svg.left - 0.5 || r.top < svg.top - 0.5
                           || r.right > svg.right + 0.5 || r.bottom > svg.bottom + 0.5)
        .map(([text]) => text);
    })()
    """
    problems = {}
    with Browser(tmp_path / "profile") as browser:
        # Wide enough that the chart is drawn at its own size (max-width 160 mm).
        browser.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1000, "height": 1200, "deviceScaleFactor": 1, "mobile": False},
        )
        for name, targets in TARGETS.items():
            page = tmp_path / f"{name.replace(' ', '-')}.html"
            page.write_text(_progress_page(tmp_path / name, targets), encoding="utf-8")
            browser.open(page)
            if found := browser.evaluate(measure):
                problems[name] = found
    assert problems == {}
