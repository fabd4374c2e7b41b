from __future__ import annotations

import datetime as dt
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


def _with_target(data: Path, year: int) -> None:
    """A target for *year* added to town.yaml (the programme then runs until its end)."""
    town = data / "town.yaml"
    text = town.read_text(encoding="utf-8")
    extra = f'  - year: {year}\n    share: "90%"\n'
    town.write_text(text.replace("\n# 方案四（三）", f"\n{extra}\n# 方案四（三）", 1), "utf-8")


def test_after_the_last_target_year_status_is_as_of_its_end() -> None:
    """Today is past 2022, the last target year: no "已逾期 1429 天", but the
    calendar as of 2022-12-31, said in one line; JSON says it too."""
    result = runner.invoke(app, ["status", "--data", str(DATA)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "赵巷镇创建日程（2022-12-31）",
        "2022 年是最后一个目标年份，已经过去：以下按计划结束日 2022-12-31 的情况显示，"
        "不按今天计算逾期（用 --as-of 指定其他日期）。",
    ]
    payload = json.loads(
        runner.invoke(app, ["status", "--data", str(DATA), "--format", "json"]).stdout
    )
    assert (payload["as_of"], payload["as_of_capped"], payload["year"]) == (
        "2022-12-31",
        True,
        2022,
    )
    english = runner.invoke(app, ["--lang", "en", "status", "--data", str(DATA)])
    assert english.stdout.splitlines()[1] == (
        "2022 is the last target year and is over: shown as of the programme's end, 2022-12-31, "
        "not today, so nothing counts overdue since (use --as-of for another day)."
    )


def test_an_asked_day_is_never_capped() -> None:
    args = ["status", "--data", str(DATA), "--as-of", "2024-06-01", "--format", "json"]
    payload = json.loads(runner.invoke(app, args).stdout)
    assert (payload["as_of"], payload["as_of_capped"], payload["year"]) == (
        "2024-06-01",
        False,
        2024,
    )
    table = runner.invoke(app, ["status", "--data", str(DATA), "--as-of", "2024-06-01"])
    assert "最后一个目标年份" not in table.stdout


def test_within_the_programme_status_is_as_of_today(data_copy: Path) -> None:
    _with_target(data_copy, 2100)
    result = runner.invoke(app, ["status", "--data", str(data_copy), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["as_of"] == dt.date.today().isoformat()
    assert payload["as_of_capped"] is False
    table = runner.invoke(app, ["status", "--data", str(data_copy)])
    assert "最后一个目标年份" not in table.stdout
