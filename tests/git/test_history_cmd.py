"""`gc history` over real temporary git repositories.

Every test but the chart's rounding reads one history, made once per module
(``three_days``).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from greencommunity.figures import percent
from tests.git.conftest import GitData, make_repo, shared

runner = CliRunner()
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def three_days(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GitData]:
    """Day 1: shipped data (10/17 in 2022); day 2: 佳煌 passes (11/17), then a
    commit outside data/; day 3: 巷佳's self score edited (no share change)."""
    repo = make_repo(tmp_path_factory.mktemp("history"))
    repo.pass_jiahuang()
    repo.commit("佳煌 2022 区级考评通过", day="2022-11-10")
    (repo.top / "README").write_text("not data\n", encoding="utf-8")
    repo.commit("readme only", day="2022-11-10")
    repo.edit("communities/xiangjia.yaml", lambda t: t.replace('"2.4": 2\n', '"2.4": 3\n', 1))
    repo.commit("巷佳 自评更正", day="2022-11-12")
    yield from shared(repo)


def _history(repo: GitData, *args: str, lang: str | None = None) -> tuple[int, str]:
    """``gc history --data DATA ARGS...`` (in *lang*, else the default language)."""
    options = ["--lang", lang] if lang else []
    result = runner.invoke(app, [*options, "history", "--data", str(repo.data), *args])
    return result.exit_code, result.output


def _json(repo: GitData, *args: str) -> Any:
    code, out = _history(repo, *args, "--format", "json")
    assert code == 0, out
    return json.loads(out)


def _svg_texts(chart: Path) -> list[str]:
    root = ET.parse(chart).getroot()
    assert root.tag == f"{SVG}svg"
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def test_one_point_per_commit_touching_data(three_days: GitData) -> None:
    payload = _json(three_days)
    assert list(payload) == ["years", "targets", "points"]
    assert payload["years"] == [2021, 2022]
    assert payload["targets"] == {"2021": 0.45, "2022": 0.65}
    points = payload["points"]
    assert [p["subject"] for p in points] == [
        "shipped data",
        "佳煌 2022 区级考评通过",
        "巷佳 自评更正",
    ]
    log = three_days.git("log", "--format=%H", "--", "data").split()
    assert [p["commit"] for p in points] == log[::-1]
    assert [p["time"][:10] for p in points] == ["2022-11-01", "2022-11-10", "2022-11-12"]
    assert all(p["time"].endswith("+08:00") for p in points)
    assert points[1]["shares"] == {
        "2021": {
            "passed": 6,
            "denominator": 17,
            "share": 0.3529,
            "target": 0.45,
            "met": False,
            "complete": True,
        },
        "2022": {
            "passed": 11,
            "denominator": 17,
            "share": 0.6471,
            "target": 0.65,
            "met": False,
            "complete": True,
        },
    }
    assert [p["shares"]["2022"]["passed"] for p in points] == [10, 11, 11]
    assert [p["shares"]["2022"]["share"] for p in points] == [0.5882, 0.6471, 0.6471]


def test_by_day_and_one_year(three_days: GitData) -> None:
    payload = _json(three_days, "--by", "day", "--year", "2022")
    assert payload["years"] == [2022]
    assert payload["targets"] == {"2022": 0.65}
    assert [p["time"][:10] for p in payload["points"]] == ["2022-11-01", "2022-11-10", "2022-11-12"]
    assert [list(p["shares"]) for p in payload["points"]] == [["2022"]] * 3


def test_by_day_keeps_the_last_commit_of_each_day(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    repo.pass_jiahuang()
    repo.commit("佳煌 2022 区级考评通过")  # the same day as the shipped data
    payload = _json(repo, "--by", "day")
    [point] = payload["points"]
    assert (point["commit"], point["subject"]) == (repo.head(), "佳煌 2022 区级考评通过")
    assert point["shares"]["2022"]["passed"] == 11
    code, out = _history(repo, "--by", "day", lang="en")
    assert code == 0, out
    assert out.startswith("赵巷镇: share over time (2022-11-01 to 2022-11-01, 1 point)\n")


def test_table(three_days: GitData) -> None:
    code, out = _history(three_days)
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0] == "赵巷镇达标比例变化（2022-11-01 至 2022-11-12，3 个点）"
    assert "2021 年（目标 45%）" in lines[2]
    assert "2022 年（目标 65%）" in lines[2]
    rows = [line for line in lines if line.startswith("│")]
    assert len(rows) == 3
    for row, cell_2022, subject in zip(
        rows,
        ["58.8%（10/17）", "64.7%（11/17）", "64.7%（11/17）"],
        ["shipped data", "佳煌 2022 区级考评通过", "巷佳 自评更正"],
        strict=True,
    ):
        cells = [c.strip() for c in row.strip("│").split("│")]
        assert cells[2:] == ["35.3%（6/17）", cell_2022, subject]
    assert "已写入图表" not in out


def test_table_and_svg_chart(three_days: GitData, tmp_path: Path) -> None:
    code, out = _history(three_days, lang="en")
    assert code == 0, out
    assert out.startswith("赵巷镇: share over time (2022-11-01 to 2022-11-12, 3 points)\n")
    assert "2022 (target 65%)" in out
    assert "58.8% (10/17)" in out
    assert "64.7% (11/17)" in out
    chart = tmp_path / "out" / "history.svg"
    code, out = _history(three_days, "--format", "svg", "--output", str(chart), lang="en")
    assert (code, out) == (0, f"Wrote {chart}.\n")
    root = ET.parse(chart).getroot()
    assert len(root.findall(f"{SVG}path")) == 2  # one line per target year
    assert _svg_texts(chart) == [
        "赵巷镇: share of urban communities passing",
        *(f"{p}%" for p in range(0, 101, 20)),
        "2022-11-01",
        "2022-11-10",
        "2022-11-12",
        "target 2021: 45%",
        "2021: 35.3%",  # the legend: the latest share
        "target 2022: 65%",
        "2022: 64.7%",
    ]


def test_chart_words_its_shares_like_the_json(repo: GitData, tmp_path: Path) -> None:
    """The legend and the target labels are the JSON's shares written by
    figures.percent: 10 of 32 is 31.25%, which half up is 31.3% (Python's round()
    and format() give 31.2%), and so is the target "31.25%"."""
    repo.edit(
        "town.yaml",
        lambda t: t.replace("urban_communities: 17", "urban_communities: 32").replace(
            'share: "65%"', 'share: "31.25%"'
        ),
    )
    repo.commit("32 urban communities")
    chart = tmp_path / "chart.svg"
    payload = _json(repo)
    assert _history(repo, "--format", "svg", "--output", str(chart))[0] == 0
    texts = _svg_texts(chart)
    latest = payload["points"][-1]["shares"]
    expected = []
    for year in payload["years"]:
        share = latest[str(year)]
        expected += [
            f"{year} 年目标 {percent(payload['targets'][str(year)])}",
            f"{year} 年：{percent(Fraction(share['passed'], share['denominator']))}",
        ]
        # The JSON's rounded share writes the same percentage.
        assert percent(share["share"]) == percent(Fraction(share["passed"], share["denominator"]))
    assert expected == ["2021 年目标 45%", "2021 年：18.8%", "2022 年目标 31.3%", "2022 年：31.3%"]
    assert texts[-4:] == expected
    assert latest["2022"]["share"] == 0.3125
    assert payload["targets"]["2022"] == 0.3125
    # And so does the table.
    code, out = _history(repo)
    assert code == 0, out
    assert "2022 年（目标 31.3%）" in out
    assert "31.3%（10/32）" in out


def test_output_is_the_chosen_format_in_a_file(three_days: GitData, tmp_path: Path) -> None:
    """-o names one file and holds what --format chose; the terminal gets one line."""
    shown = _json(three_days)
    saved = tmp_path / "history.json"
    code, out = _history(three_days, "--format", "json", "--output", str(saved))
    assert (code, out) == (0, f"已写入 {saved}。\n")
    assert json.loads(saved.read_text(encoding="utf-8")) == shown
    chart = tmp_path / "history.svg"
    code, out = _history(three_days, "--format", "svg", "-o", str(chart))
    assert (code, out) == (0, f"已写入 {chart}。\n")
    assert _svg_texts(chart)[0] == "赵巷镇城市社区创建达标比例"


def test_unknown_year_is_a_usage_error(three_days: GitData) -> None:
    code, out = _history(three_days, "--year", "2030")
    assert code == 2
    assert out == "错误：没有 2030 年的目标；town.yaml 中的目标年度：2021、2022。\n"
    code, out = _history(three_days, "--year", "2030", lang="en")
    assert code == 2
    assert out == "Error: No target for 2030; target years in town.yaml: 2021, 2022.\n"


def test_bad_revision(three_days: GitData) -> None:
    code, out = _history(three_days, "--rev", "nope")
    assert code == 2
    assert out == (
        "错误：nope 不是有效的 git 版本（分支、标签或提交）。"
        "用 git log --oneline 查看可用的提交。\n"
    )


def test_cannot_write_the_chart(three_days: GitData, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    code, out = _history(three_days, "-f", "svg", "--output", str(blocker / "chart.svg"))
    assert code == 2
    assert out.startswith(f"错误：无法写入 {blocker / 'chart.svg'}：")
