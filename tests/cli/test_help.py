"""Help screens at 80 columns, in both languages: nothing cut, no Python types,
shell completion offered in the officer's language; an unknown command's hint
said once."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from greencommunity.cli.app import COMMANDS, app
from greencommunity.cli.wrapping import break_offsets

runner = CliRunner()
# What a non-tty run gets (a pipe, a CI log), and a narrow terminal.
NARROW = {"COLUMNS": "80", "GC_LANG": ""}
SCREENS = ["", *(name for name, _, _ in COMMANDS)]


def _help(language: str, command: str) -> str:
    args = ["--lang", language, *([command] if command else []), "--help"]
    result = runner.invoke(app, args, env=NARROW)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("command", SCREENS)
def test_help_fits_80_columns_uncut(language: str, command: str) -> None:
    output = _help(language, command)
    lines = output.splitlines()
    # Rendered at 80 columns (not wider), and nothing cut short.
    assert max(cell_len(line) for line in lines) == 80, output
    assert "…" not in output, output
    for python in ("<bool>", "<list[", "<str>", "<int>", "<path>", "<Path>"):
        assert python not in output, (python, output)


@pytest.mark.parametrize("command", SCREENS)
def test_every_help_text_is_shown_whole(command: str) -> None:
    """Each help text of the screen is there, word for word, once the lines
    and the table's borders are taken away (a fold never loses a character)."""
    output = _help("zh", command)
    flat = "".join(line.strip(" │╭╮╰╯─") for line in output.splitlines()).replace(" ", "")
    from greencommunity.i18n import set_language, tr

    set_language("zh")
    keys = ["help.app"] if not command else []
    if not command:
        keys += [key for _, _, key in COMMANDS] + ["help.install_completion", "help.lang"]
    for key in keys:
        assert tr(key).replace(" ", "") in flat, key


def test_completion_options_in_both_languages() -> None:
    chinese = _help("zh", "")
    assert "--install-completion" in chinese and "--show-completion" in chinese
    assert "安装命令补全" in chinese
    assert "Install completion" not in chinese and "Show completion" not in chinese
    english = _help("en", "")
    flat = " ".join(line.strip(" │") for line in english.splitlines())
    assert "Install command completion for the current shell" in " ".join(flat.split())
    assert not any("\u4e00" <= c <= "\u9fff" for c in english)


def test_show_completion_prints_the_script() -> None:
    result = runner.invoke(app, ["--show-completion", "bash"], env={"SHELL": "/bin/bash"})
    assert result.exit_code == 0
    assert "_GC_COMPLETE" in result.output


def test_install_completion_says_what_it_did(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "SHELL": "/bin/bash", "GC_LANG": ""}
    result = runner.invoke(app, ["--install-completion", "bash"], env=env)
    assert result.exit_code == 0, result.output
    script = tmp_path / ".bash_completions" / "gc.sh"
    assert result.output == f"已为 bash 安装命令补全：{script}。新开的终端里生效。\n"
    assert script.is_file()
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validat"], "错误：没有命令 'validat'。是不是要写 'validate'？"),
        (["xyz"], "错误：没有命令 'xyz'。"),
        (["sc"], "错误：没有命令 'sc'。"),
    ],
)
def test_unknown_command_hint_is_said_once(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "用法：gc [选项] 命令 [参数]...",
        message,
        "运行 gc --help 查看用法。",
    ]


def test_several_close_commands_are_listed_in_the_language() -> None:
    result = runner.invoke(app, ["histor"])
    assert "是不是要写 'history'？" in result.output
    result = runner.invoke(app, ["s"])
    assert result.output.count("gc --help") == 1


def _pieces(text: str, width: int) -> list[str]:
    """*text* cut into the lines break_offsets gives."""
    offsets = [0, *break_offsets(text, width), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(offsets)]


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # Between Chinese characters, never before closing punctuation.
        (
            "日程视图：逾期的计划项目（按牵头部门）和预算。",
            16,
            ["日程视图：逾期的", "计划项目（按牵头", "部门）和预算。"],
        ),
        (
            "日程视图：逾期的计划项目（按牵头部门）和预算。",
            18,
            ["日程视图：逾期的计", "划项目（按牵头部", "门）和预算。"],
        ),
        # Never inside an ASCII word; after "|" in a list of choices.
        ("application|scoresheet|summary", 24, ["application|scoresheet|", "summary"]),
        ("比较两个 git 版本的数据", 12, ["比较两个 git ", "版本的数据"]),
    ],
)
def test_line_breaking(text: str, width: int, lines: list[str]) -> None:
    pieces = _pieces(text, width)
    assert pieces == lines
    assert all(cell_len(p.rstrip()) <= width for p in pieces)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_help_text_breaks_by_the_rules(language: str) -> None:
    """At every width: nothing lost, no line longer than the width (but a unit
    wider than the width, folded), none starting with closing punctuation or
    ending with opening punctuation."""
    from greencommunity.cli.wrapping import NO_BREAK_AFTER, NO_BREAK_BEFORE, units
    from greencommunity.locales import CATALOGS

    texts = [
        t for k, t in CATALOGS[language].items() if k.startswith("help.") and isinstance(t, str)
    ]
    for text in texts:
        for width in range(12, 72, 3):
            pieces = _pieces(text, width)
            assert "".join(pieces) == text
            for index, piece in enumerate(pieces):
                assert cell_len(piece.rstrip()) <= width, (text, width, piece)
                folded = max(cell_len(u.rstrip()) for u in units(text)) > width
                if index and not folded:
                    assert piece[0] not in NO_BREAK_BEFORE, (text, width, pieces)
                    assert pieces[index - 1].rstrip()[-1] not in NO_BREAK_AFTER, (text, width)
