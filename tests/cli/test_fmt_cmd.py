"""`gc fmt` through CliRunner: exact output and exit codes; --check changes
nothing; a file that does not load is shown as gc validate shows it, untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests.corpus.cases import small_data

runner = CliRunner()
MESSY = "name: 测试居委会\nid: testcase\nbatch: 2022\n"
LAID_OUT = "id: testcase\nname: 测试居委会\nbatch: 2022\n"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return small_data(tmp_path / "data")


@pytest.mark.slow
def test_the_shipped_data_is_laid_out(data_copy: Path) -> None:
    result = runner.invoke(app, ["fmt", "--check", "--data", str(data_copy)])
    assert (result.exit_code, result.stdout) == (0, "14 个文件都已排好。\n")


def test_check_lists_what_would_change_and_changes_nothing(data: Path) -> None:
    messy = data / "communities" / "testcase.yaml"
    messy.write_text(MESSY, encoding="utf-8")
    result = runner.invoke(app, ["fmt", "--check"])
    assert result.exit_code == 1
    assert result.stdout == (
        "需要重新排版：data/communities/testcase.yaml\n"
        "1 个文件需要重新排版，3 个文件已排好。运行 gc fmt 排版。\n"
    )
    assert messy.read_text(encoding="utf-8") == MESSY


def test_fmt_lays_out_and_then_check_passes(data: Path) -> None:
    messy = data / "communities" / "testcase.yaml"
    messy.write_text(MESSY, encoding="utf-8")
    result = runner.invoke(app, ["fmt"])
    assert (result.exit_code, result.stdout) == (
        0,
        "已排版：data/communities/testcase.yaml\n排版了 1 个文件，3 个文件已排好。\n",
    )
    assert messy.read_text(encoding="utf-8") == LAID_OUT
    again = runner.invoke(app, ["fmt", "--check"])
    assert (again.exit_code, again.stdout) == (0, "4 个文件都已排好。\n")


def test_files_as_pre_commit_passes_them(data: Path) -> None:
    messy = data / "communities" / "testcase.yaml"
    messy.write_text(MESSY, encoding="utf-8")
    result = runner.invoke(
        app, ["--lang", "en", "fmt", "--check", "data/town.yaml", "data/communities/testcase.yaml"]
    )
    assert (result.exit_code, result.stdout) == (
        1,
        "Would lay out: data/communities/testcase.yaml\n"
        "1 file to lay out; 1 file already laid out. Run gc fmt.\n",
    )


def test_a_file_that_does_not_load_is_shown_as_validate_shows_it(data: Path) -> None:
    broken = data / "communities" / "testcase.yaml"
    broken.write_text("id: testcase\nname：测试居委会\nbatch: 2022\n", encoding="utf-8")
    result = runner.invoke(app, ["fmt"])
    assert result.exit_code == 1
    validated = runner.invoke(app, ["validate"])
    shown = validated.stdout.splitlines()[:-1]  # the problem and its line, not validate's summary
    assert shown[0].startswith("data/communities/testcase.yaml:2:5: 错误 GC102 ")
    assert result.stdout.splitlines() == [
        *shown,
        "排版了 0 个文件，3 个文件已排好。",
        "1 个文件无法读取，没有改动；请按上面的提示改正。",
    ]
    assert broken.read_text(encoding="utf-8") == "id: testcase\nname：测试居委会\nbatch: 2022\n"


def test_a_file_that_is_not_data_is_named_and_left(data: Path) -> None:
    readme = data.parent / "README.md"
    readme.write_text("# 说明\n", encoding="utf-8")
    result = runner.invoke(app, ["fmt", "README.md", "data/town.yaml"])
    assert (result.exit_code, result.stdout) == (
        0,
        "README.md:1:1: 警告 GC110 不是数据文件（town.yaml、criteria.yaml 或 communities/ 中的 "
        "YAML 文件），未排版。\n"
        "排版了 0 个文件，1 个文件已排好。\n",
    )


def test_no_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["fmt"])
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：")
