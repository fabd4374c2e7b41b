from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app

DATA = Path(__file__).resolve().parents[2] / "data"
runner = CliRunner()


def test_longlian_2021_blockers() -> None:
    result = runner.invoke(
        app, ["--lang", "en", "score", "longlian", "--data", str(DATA), "--year", "2021"]
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    tail = lines[lines.index("Self-evaluation: 74 points, pass") :]
    assert tail == [
        "Self-evaluation: 74 points, pass",
        "District review: 66 points, fail",
        "Official result (District review): fail",
        "Status 2021: failed",
        "Why it does not pass:",
        "  - total 66 below the pass mark 70: 4 points short",
        "  - category 4 (提升社区信息化智能化水平) scored 6 of 15 points, 40%, below the required "
        "50% (7.5 points): 1.5 points short",
        "  - required item 5.2 (贯彻共建共治共享理念，编制发布社区绿色生活行为公约) scored 0, "
        "below the required 2: 2 points short",
    ]


def test_json_city_overrides_district() -> None:
    result = runner.invoke(
        app, ["score", "佳煌居委会", "--data", str(DATA), "--year", "2021", "--format", "json"]
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["status"] == "failed"
    assert data["official_stage"] == "city"
    assert data["stages"]["district"]["passed"] is True
    assert data["stages"]["city"]["evaluation"]["total"] == 64
    assert [b["kind"] for b in data["blockers"]] == ["total", "category"]


def test_default_year_is_latest() -> None:
    result = runner.invoke(app, ["score", "longlian", "--data", str(DATA), "--format", "json"])
    assert json.loads(result.stdout)["year"] == 2022


def test_unknown_community_and_year() -> None:
    result = runner.invoke(app, ["score", "nowhere", "--data", str(DATA)])
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：没有社区 nowhere。已有的社区：huaqin（华沁居委会）、")
    result = runner.invoke(app, ["score", "songxin", "--data", str(DATA), "--year", "2022"])
    assert result.exit_code == 2
    assert result.stderr == "错误：崧鑫居委会 没有 2022 年的申报和评分。有记录的年度：2021。\n"


KNOWN = (
    "huaqin（华沁居委会）、huaxiu（华秀居委会）、jiafudong（佳福东居委会）、jiahuang（佳煌居委会）、"
    "jiahui（佳辉居委会）、jiayu（佳昱居委会）、longlian（龙联居委会）、songhan（崧涵居委会）、"
    "songhu（崧湖居委会）、songxin（崧鑫居委会）、xiangjia（巷佳居委会）、xiujing（秀景居委会）"
)


@pytest.mark.parametrize(
    ("token", "close"),
    [
        ("songxn", "songxin"),
        ("longlain", "longlian"),
        ("崧鑫居委", "崧鑫居委会"),
        ("佳福", "佳福东"),
    ],
)
def test_a_mistyped_community_suggests_the_closest(token: str, close: str) -> None:
    """As validate suggests a key: ids, full names and short names are compared."""
    result = runner.invoke(app, ["score", token, "--data", str(DATA)])
    assert result.exit_code == 2
    assert result.stderr == f"错误：没有社区 {token}。是不是要写 {close}？已有的社区：{KNOWN}。\n"


def test_the_suggestion_in_english() -> None:
    result = runner.invoke(app, ["--lang", "en", "score", "songxn", "--data", str(DATA)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "Error: No community songxn. Did you mean songxin? Known communities: huaqin (华沁居委会), "
    )


def test_report_suggests_too() -> None:
    args = ["report", "application", "songxn", "--year", "2021", "--data", str(DATA)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：没有社区 songxn。是不是要写 songxin？已有的社区：")
