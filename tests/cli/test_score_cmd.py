from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from greencommunity.cli.app import app

DATA = Path(__file__).resolve().parents[2] / "data"
runner = CliRunner()


def test_longlian_2021_blockers() -> None:
    result = runner.invoke(
        app, ["--lang", "en", "score", "longlian", "--data", str(DATA), "--year", "2021"]
    )
    assert result.exit_code == 0
    out = result.stdout
    assert "District review: 66 points, fail" in out
    assert "total 66 < 70: 4 points short" in out
    assert "category 4 (提升社区信息化智能化水平) 6/15 points, 40% < 50%: 1.5 points short" in out
    assert "required item 5.2 scored 0 < 2: 2 points short" in out


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
    result = runner.invoke(app, ["score", "songxin", "--data", str(DATA), "--year", "2022"])
    assert result.exit_code == 2
