"""`gc history` over real temporary git repositories."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests.git.conftest import GitData

runner = CliRunner()


def _three_days(repo: GitData) -> None:
    """Day 1: shipped data (10/17 in 2022); day 2: 佳煌 passes (11/17), then a
    commit outside data/; day 3: 巷佳's self score edited (no share change)."""
    repo.pass_jiahuang()
    repo.commit("佳煌 2022 区级考评通过", day="2022-11-10")
    (repo.top / "README").write_text("not data\n", encoding="utf-8")
    repo.commit("readme only", day="2022-11-10")
    repo.edit("communities/xiangjia.yaml", lambda t: t.replace('"2.4": 2\n', '"2.4": 3\n', 1))
    repo.commit("巷佳 自评更正", day="2022-11-12")


def test_one_point_per_commit_touching_data(repo: GitData) -> None:
    _three_days(repo)
    result = runner.invoke(app, ["history", "--data", str(repo.data), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["years"] == [2021, 2022]
    assert payload["targets"] == {"2021": 0.45, "2022": 0.65}
    points = payload["points"]
    assert [p["subject"] for p in points] == [
        "shipped data",
        "佳煌 2022 区级考评通过",
        "巷佳 自评更正",
    ]
    assert [p["shares"]["2022"]["passed"] for p in points] == [10, 11, 11]
    assert [p["shares"]["2022"]["share"] for p in points] == [0.5882, 0.6471, 0.6471]
    assert points[1]["time"].startswith("2022-11-10T10:")


def test_by_day_and_one_year(repo: GitData) -> None:
    _three_days(repo)
    result = runner.invoke(
        app, ["history", "--data", str(repo.data), "--by", "day", "--year", "2022", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["years"] == [2022]
    assert [p["time"][:10] for p in payload["points"]] == ["2022-11-01", "2022-11-10", "2022-11-12"]
    assert list(payload["points"][0]["shares"]) == ["2022"]


def test_table_and_svg_chart(repo: GitData, tmp_path: Path) -> None:
    _three_days(repo)
    chart = tmp_path / "out" / "history.svg"
    result = runner.invoke(
        app, ["--lang", "en", "history", "--data", str(repo.data), "--output", str(chart)]
    )
    assert result.exit_code == 0, result.output
    assert "58.8 % (10/17)" in result.output
    assert "64.7 % (11/17)" in result.output
    assert f"Wrote the chart to {chart}." in result.output
    svg = ET.parse(chart).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.tag == f"{ns}svg"
    assert len(svg.findall(f"{ns}path")) == 2  # one line per target year
    texts = [t.text for t in svg.iter(f"{ns}text")]
    assert "赵巷镇: share of urban communities passing" in texts
    assert "target 2022: 65 %" in texts
    assert "2022: 64.7%" in texts


def test_unknown_year_is_a_usage_error(repo: GitData) -> None:
    result = runner.invoke(app, ["history", "--data", str(repo.data), "--year", "2030"])
    assert result.exit_code == 2
    assert result.output == "错误： 没有 2030 年的目标；town.yaml 中的目标年度：2021、2022。\n"


def test_bad_revision(repo: GitData) -> None:
    result = runner.invoke(app, ["history", "--data", str(repo.data), "--rev", "nope"])
    assert result.exit_code == 2
    assert "nope 不是有效的 git 版本" in result.output
