"""One format vocabulary and one meaning of -o/--output for every command
(cli/options.py, cli/io.deliver, formats.py), through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests.conftest import SHIPPED_DATA

runner = CliRunner()
DATA = ["--data", str(SHIPPED_DATA)]


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["validate", *DATA],
        ["progress", "--year", "2022", *DATA],
        ["status", "--as-of", "2022-11-01", *DATA],
        ["score", "songxin", "--year", "2021", *DATA],
        ["rollup", str(SHIPPED_DATA), "--year", "2022"],
    ],
    ids=lambda c: c[0],
)
def test_text_is_the_plain_view_and_table_its_old_name(command: list[str]) -> None:
    plain = _run(*command)
    assert plain == _run(*command, "--format", "text")
    assert plain == _run(*command, "-f", "table")
    assert plain[0] == 0


def test_markdown_is_one_name_for_commands_and_documents() -> None:
    progress = ["progress", "--year", "2022", *DATA]
    assert _run(*progress, "-f", "markdown") == _run(*progress, "-f", "md")
    report = ["report", "summary", "--year", "2022", "--date", "2022-11-30", *DATA]
    code, out, _ = _run(*report, "-f", "markdown")
    assert code == 0 and out.startswith("# ")
    assert _run(*report, "-f", "md") == (code, out, "")
    # The default of gc report is the same Markdown.
    assert _run(*report) == (code, out, "")


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["progress"],
        ["status"],
        ["score", "songxin"],
        ["rollup", "data"],
        ["diff"],
        ["history"],
        ["report", "summary"],
    ],
    ids=lambda c: c[0],
)
def test_help_lists_todays_names_only(command: list[str]) -> None:
    code, out, _ = _run("--lang", "en", *command, "--help")
    assert code == 0
    assert "text" in out or "markdown" in out
    assert "table|" not in out and "|table" not in out
    assert "md|" not in out and "|md" not in out


def test_output_is_one_file_for_a_printed_format(tmp_path: Path) -> None:
    """validate's SARIF, written with -o, is what it prints, byte for byte."""
    saved = tmp_path / "gc.sarif"
    code, out, _ = _run("validate", *DATA, "-f", "sarif", "-o", str(saved))
    assert (code, out) == (0, f"已写入 {saved}。\n")
    printed = _run("validate", *DATA, "-f", "sarif")[1]
    assert saved.read_text(encoding="utf-8") == printed
    assert json.loads(printed)["version"] == "2.1.0"


def test_the_plain_view_in_a_file_has_no_colours(tmp_path: Path) -> None:
    saved = tmp_path / "progress.txt"
    code, _, _ = _run("progress", "--year", "2022", *DATA, "-o", str(saved))
    assert code == 0
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("赵巷镇 2022 年绿色社区创建达标进度\n")
    assert "\x1b[" not in text


def test_a_file_format_needs_output() -> None:
    code, out, err = _run("rollup", str(SHIPPED_DATA), "-f", "xlsx")
    assert (code, out) == (2, "")
    assert err == "错误：xlsx 是文件格式，请用 --output 指定要写入的文件。\n"


def test_an_unwritable_output_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    code, out, err = _run("progress", *DATA, "-f", "json", "-o", str(blocker / "p.json"))
    assert (code, out) == (2, "")
    assert err.startswith(f"错误：无法写入 {blocker / 'p.json'}：")
    assert list(tmp_path.iterdir()) == [blocker]


def test_unknown_format_lists_todays_names() -> None:
    code, _, err = _run("status", *DATA, "-f", "yaml")
    assert code == 2
    assert "yaml 不是可选值之一，可选：text、json。" in err
