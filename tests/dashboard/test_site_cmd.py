"""gc site through the command line: exit codes and what it says."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from greencommunity.cli.app import app

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
