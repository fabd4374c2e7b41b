from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from greencommunity.cli.app import app

DATA = Path(__file__).resolve().parents[2] / "data"
runner = CliRunner()


def test_late_submissions_on_shipped_data() -> None:
    result = runner.invoke(
        app, ["--lang", "en", "status", "--data", str(DATA), "--as-of", "2022-11-01"]
    )
    assert result.exit_code == 0
    out = result.stdout
    assert "Not submitted, deadline 2022-10-30 passed:" in out
    assert "  - 巷佳居委会 (xiangjia) (batch 2022)\n" in out
    assert "No overdue reviews." in out


def test_json_after_district_deadline() -> None:
    result = runner.invoke(
        app, ["status", "--data", str(DATA), "--as-of", "2022-12-15", "--format", "json"]
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [s["id"] for s in data["not_submitted"]] == ["xiangjia"]
    assert data["district_review_overdue"] == ["jiahuang"]
    assert data["budget_total"] == 3937.5
    assert data["spent_total"] == 3429.5
