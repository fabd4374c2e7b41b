"""`gc new` through CliRunner: exact output, a file that validates, and each
refusal with its reason (exit 2, nothing written)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests.corpus.cases import small_data

runner = CliRunner()


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return small_data(tmp_path / "data")


def test_a_new_community_validates(data: Path) -> None:
    result = runner.invoke(app, ["new", "huaxin", "--name", "华新居委会", "--batch", "2022"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "已新建 data/communities/huaxin.yaml：华新居委会（huaxin），批次 2022。"
        "按文件中的注释填写，再运行 gc validate 检查。\n"
    )
    validated = runner.invoke(app, ["validate"])
    assert (validated.exit_code, validated.stdout) == (0, "检查了 4 个文件，没有发现问题。\n")
    laid_out = runner.invoke(app, ["fmt", "--check", "data/communities/huaxin.yaml"])
    assert (laid_out.exit_code, laid_out.stdout) == (0, "1 个文件都已排好。\n")


def test_in_english_with_a_data_folder_named(tmp_path: Path, data: Path) -> None:
    result = runner.invoke(
        app,
        [
            "--lang",
            "en",
            "new",
            "huaxin",
            "--name",
            "华新居委会",
            "--batch",
            "2021",
            "--data",
            "data",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Created data/communities/huaxin.yaml: 华新居委会 (huaxin), batch 2021. "
        "Fill it in following its comments, then run gc validate.\n"
    )


def test_an_existing_file_is_not_overwritten(data: Path) -> None:
    before = (data / "communities" / "longlian.yaml").read_bytes()
    result = runner.invoke(app, ["new", "longlian", "--name", "龙联", "--batch", "2022"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "错误：data/communities/longlian.yaml 已存在，gc new 不会覆盖它。"
        "要修改这个社区，请直接编辑该文件。\n"
    )
    assert (data / "communities" / "longlian.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "zh",
            "错误：gc new 的社区编号 “Hua Xin” 不合法：只能用小写字母、数字和连字符，以字母开头，"
            "如 songxin、jiafu-dong。（GC206）\n",
        ),
        (
            "en",
            'Error: gc new: community id "Hua Xin" is invalid: lower-case letters, digits and '
            "hyphens, starting with a letter, e.g. songxin. (GC206)\n",
        ),
    ],
)
def test_an_invalid_id_names_the_rule(data: Path, lang: str, message: str) -> None:
    result = runner.invoke(
        app, ["--lang", lang, "new", "Hua Xin", "--name", "华新", "--batch", "2022"]
    )
    assert (result.exit_code, result.stderr) == (2, message)
    assert sorted(p.name for p in (data / "communities").iterdir()) == ["longlian.yaml"]


def test_an_invalid_id_is_named_even_without_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "Hua", "--name", "华新", "--batch", "2022"])
    assert result.exit_code == 2
    assert "（GC206）" in result.stderr


def test_a_batch_that_is_no_target_year(data: Path) -> None:
    result = runner.invoke(app, ["new", "huaxin", "--name", "华新居委会", "--batch", "2023"])
    assert (result.exit_code, result.stderr) == (
        2,
        "错误：批次 2023 不是 town.yaml 中任何目标的年份（2021、2022），这样的社区文件通不过检查"
        "（GC313）。请用其中一个年份，或先在 town.yaml 中加上该年的目标。\n",
    )


def test_a_name_in_use(data: Path) -> None:
    result = runner.invoke(app, ["new", "huaxin", "--name", "龙联居委会", "--batch", "2022"])
    assert (result.exit_code, result.stderr) == (
        2,
        "错误：名称 龙联居委会 已被社区 longlian 使用，社区名称不能重复（GC302）。\n",
    )


def test_no_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "huaxin", "--name", "华新居委会", "--batch", "2022"])
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：")
