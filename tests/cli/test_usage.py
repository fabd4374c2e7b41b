"""Usage errors are said through the catalog, with exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import COMMANDS, app

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["validate", "--format", "xml"],
            "错误：--format 的值不对：xml 不是可选值之一，"
            "可选：text、json、github、sarif、gitlab、junit。",
        ),
        (["validate", "--strct"], "错误：没有选项 --strct。是不是要写 --strict？"),
        (["validat"], "错误：没有命令 'validat'。是不是要写 'validate'？"),
        (["progress", "--year", "abc"], "错误：'--year' / '-y' 的值不对：应为整数。"),
        (
            ["report"],
            "错误：缺少 'application|scoresheet|summary|progress|evaluation|submission'。",
        ),
    ],
)
def test_usage_errors_in_chinese(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0].startswith("用法：gc")
    # The usage line may wrap at 80 columns (gc report lists its kinds).
    assert lines[-2] == message
    assert lines[-1].startswith("运行 gc") and lines[-1].endswith("--help 查看用法。")


def test_usage_error_in_english() -> None:
    result = runner.invoke(app, ["--lang", "en", "validate", "--strct"])
    assert result.exit_code == 2
    assert "Error: No such option: --strct. Did you mean --strict?" in result.output


def test_help_headings_are_translated() -> None:
    result = runner.invoke(app, ["validate", "--help"])
    assert result.exit_code == 0
    assert "─ 参数 ─" in result.output
    assert "─ 选项 ─" in result.output
    assert "[缺省：text]" in result.output
    assert "显示本帮助并退出。" in result.output


@pytest.mark.parametrize("command", ["", *(name for name, _, _ in COMMANDS)])
def test_english_help_has_no_chinese(command: str) -> None:
    """The language is settled before any help text is built."""
    result = runner.invoke(app, ["--lang", "en", *([command] if command else []), "--help"])
    assert result.exit_code == 0
    assert not any("\u4e00" <= c <= "\u9fff" for c in result.output), result.output
    assert "Usage: gc" in result.output


@pytest.mark.parametrize("command", ["", *(name for name, _, _ in COMMANDS)])
def test_chinese_help_has_no_english_headings(command: str) -> None:
    result = runner.invoke(app, [*([command] if command else []), "--help"])
    assert result.exit_code == 0
    for english in ("Usage", "Options", "Arguments", "Commands", "[default", "Show this"):
        assert english not in result.output, (command, english)


def test_english_help_from_the_environment() -> None:
    result = runner.invoke(app, ["report", "--help"], env={"GC_LANG": "en"})
    assert result.exit_code == 0
    assert "Render the documents" in result.output
    assert not any("\u4e00" <= c <= "\u9fff" for c in result.output)


def test_chinese_help_is_chinese() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "用法：gc [选项] 命令 [参数]..." in result.output
    for english in ("Usage", "Options", "Commands", "Show this message"):
        assert english not in result.output


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--lang", "fr", "validate"], {}), (["validate"], {"GC_LANG": "fr"})],
)
def test_unknown_language_is_a_usage_error(args: list[str], env: dict[str, str]) -> None:
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 2
    assert result.stderr == "错误：不支持的语言 fr，可用 zh 或 en。\n"


@pytest.mark.parametrize(
    "command", [["validate"], ["progress"], ["new", "xinhe", "--name", "新河", "--batch", "2022"]]
)
def test_a_deleted_current_folder_is_a_usage_error(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    result = runner.invoke(app, command)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "错误：无法使用当前目录或 --data 指定的目录：No such file or directory。"
        "请换到存在的数据目录后再运行。\n"
    )
