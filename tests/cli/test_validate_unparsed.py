"""A file that does not load is shown on its line like every other problem:
the source line and a caret under the slip, in the text output of validate and
of every command that stops on the data's errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app

runner = CliRunner()


def _songxin(data: Path, text: str) -> None:
    (data / "communities" / "songxin.yaml").write_bytes(text.encode())


def test_a_syntax_slip_shows_its_line_and_caret(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _songxin(data_copy, "id: songxin\nname: 崧鑫居委会\nbatch： 2021\n")
    monkeypatch.chdir(data_copy.parent)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "data/communities/songxin.yaml:3:6: 错误 GC102 这里的冒号 ： 是中文全角冒号，YAML 不认它，"
        "键和值就分不开了。请改成英文半角冒号加一个空格：batch: 2021",
        "    3 | batch： 2021",
        "      |      ^",
        "检查了 14 个文件：1 个错误，0 个警告。",
    ]


def test_the_caret_counts_cells_after_chinese_text(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full-width character takes two cells: the caret stands under the slip."""
    _songxin(
        data_copy,
        "id: songxin\nname: 崧鑫居委会\nbatch: 2021\nprofile:\n  summary: “时间: 10 点”\n",
    )
    monkeypatch.chdir(data_copy.parent)
    lines = runner.invoke(app, ["validate"]).output.splitlines()
    assert lines[1:3] == ["    5 |   summary: “时间: 10 点”", "      |            ^"]


@pytest.mark.parametrize(
    ("raw", "shown", "caret"),
    [
        # A tab is shown as a space, so that the caret keeps its column.
        (b"id: songxin\n\tname: x\n", "    2 |  name: x", "      | ^"),
        # A control character is shown as U+FFFD, one character for one.
        (b"id: songxin\nname: a\x07b\n", "    2 | name: a\ufffdb", "      |        ^"),
        # Bytes that are not UTF-8 (GBK) are shown as U+FFFD where they are.
        (
            "id: songxin\nname: 崧鑫\n".encode("gbk"),
            "    2 | name: \ufffd\ufffd\ufffd\ufffd",
            "      |       ^",
        ),
    ],
)
def test_other_files_that_do_not_load_show_their_line(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, raw: bytes, shown: str, caret: str
) -> None:
    (data_copy / "communities" / "songxin.yaml").write_bytes(raw)
    monkeypatch.chdir(data_copy.parent)
    lines = runner.invoke(app, ["validate"]).output.splitlines()
    assert lines[1:3] == [shown, caret]


def test_commands_that_stop_on_errors_show_the_line(data_copy: Path) -> None:
    _songxin(data_copy, "id: songxin\nname: 崧鑫居委会\nbatch： 2021\n")
    result = runner.invoke(app, ["progress", "--data", str(data_copy), "--year", "2021"])
    assert result.exit_code == 1
    assert "    3 | batch： 2021\n      |      ^\n" in result.stderr
