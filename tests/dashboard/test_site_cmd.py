"""gc site through the command line: exit codes and what it says."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from greencommunity.core import years
from greencommunity.i18n import tr
from tests.factories import passed_in, town_data, write_data

runner = CliRunner()


def test_builds_and_says_where(tmp_path: Path, shipped_copy: Path) -> None:
    out = tmp_path / "site"
    result = runner.invoke(app, ["site", "--data", str(shipped_copy), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("已生成网站：")
    assert (out / "index.html").is_file()
    again = runner.invoke(app, ["site", "--data", str(shipped_copy), "-o", str(out)])
    assert again.exit_code == 0


def test_refuses_a_folder_it_did_not_make(tmp_path: Path, shipped_copy: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>the town's own page</p>", encoding="utf-8")
    result = runner.invoke(app, ["site", "--data", str(shipped_copy), "-o", str(out)])
    assert result.exit_code == 2
    assert "不是空目录" in result.stderr
    assert (out / "index.html").read_text(encoding="utf-8") == "<p>the town's own page</p>"


def test_invalid_data_builds_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "town.yaml").write_text("name: 甲镇\n", encoding="utf-8")
    out = tmp_path / "site"
    result = runner.invoke(app, ["site", "--data", str(data), "-o", str(out)])
    assert result.exit_code == 1
    assert not out.exists()


@pytest.mark.parametrize(
    ("now", "year"),
    [
        (dt.datetime(2021, 6, 1, tzinfo=dt.UTC), 2021),
        (dt.datetime(2022, 6, 1, tzinfo=dt.UTC), 2022),
        (dt.datetime(2026, 12, 7, tzinfo=dt.UTC), 2023),  # the other town's last target
    ],
)
def test_the_site_and_the_rollup_speak_of_one_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, now: dt.datetime, year: int
) -> None:
    """Two towns whose target years differ: on any day, gc site --rollup and
    gc rollup over the same folders choose the same year (core/years.rollup_year)."""
    monkeypatch.setattr(years, "clock", lambda: now)
    district = tmp_path / "青浦区"
    targets = town_data(4, {2021: "25%", 2022: "50%"}, name="甲镇")
    one = write_data(district / "甲镇", [passed_in("a", 2021)], town=targets)
    other = town_data(4, {2023: "50%"}, name="乙镇")
    write_data(district / "乙镇", [passed_in("b", 2021)], town=other)
    rolled = runner.invoke(app, ["rollup", str(district), "--format", "json"])
    assert rolled.exit_code == 0, rolled.output
    assert json.loads(rolled.stdout)["year"] == year
    out = tmp_path / "site"
    built = runner.invoke(
        app, ["site", "--data", str(one), "-o", str(out), "--rollup", str(district)]
    )
    assert built.exit_code == 0, built.output
    page = (out / "district.html").read_text(encoding="utf-8")
    assert f"<h1>{tr('site.district.title', year=year)}</h1>" in page
