"""`gc init` through CliRunner: exact output, a repository that gc validate and
gc fmt --check accept at once, a real git init, and a folder never overwritten."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.authoring.source import Source
from greencommunity.cli.app import app
from tests import tools

runner = CliRunner()
NEXT = (
    "下一步：按 README.md 的“第一步”改正 data/town.yaml 中标“待填写”“待核对”的值，"
    "换上区里的评分表，再用 gc new 新建社区文件。\n"
)
UNPINNED = (
    "gc 不是从 git 地址安装的，不知道自己的仓库和版本：请在 .pre-commit-config.yaml 和 "
    ".github/workflows/data-checks.yml 中填写尖括号里的占位。\n"
)


@pytest.fixture(autouse=True)
def unknown_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """However the test environment installed gc, it says it does not know."""
    monkeypatch.setattr("greencommunity.authoring.source.installed_source", lambda: None)


def test_init_then_validate_and_fmt_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tools.program("git", "install git")
    monkeypatch.chdir(tmp_path)
    names = ["--town", "华新镇", "--district", "青浦区", "--city", "上海市"]
    result = runner.invoke(app, ["init", "huaxin", *names, "--urban-communities", "12"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "已在 huaxin 新建华新镇的数据仓库（11 个文件），gc validate 可以通过。\n"
        "已运行 git init，尚未提交：检查过文件后再提交。\n" + UNPINNED + NEXT
    )
    town = (tmp_path / "huaxin" / "data" / "town.yaml").read_text(encoding="utf-8")
    assert "\nurban_communities: 12\n" in town
    validated = runner.invoke(app, ["validate", "--data", "huaxin/data"])
    assert (validated.exit_code, validated.stdout) == (0, "检查了 2 个文件，没有发现问题。\n")
    laid_out = runner.invoke(app, ["fmt", "--check", "--data", "huaxin"])
    assert (laid_out.exit_code, laid_out.stdout) == (0, "2 个文件都已排好。\n")
    status = subprocess.run(
        ["git", "-C", "huaxin", "status", "--porcelain"], capture_output=True, text=True, check=True
    )
    assert status.stdout.splitlines() == [
        "?? .github/",
        "?? .gitignore",
        "?? .pre-commit-config.yaml",
        "?? README.md",
        "?? data/",
        "?? schemas/",
        "?? templates/",
    ]


def test_without_git_and_with_gc_pinned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("shutil.which", lambda name: None)
    source = Source("https://github.com/example/greencommunity.git", "d" * 40)
    monkeypatch.setattr("greencommunity.authoring.source.installed_source", lambda: source)
    result = runner.invoke(app, ["--lang", "en", "init", "new"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Created a data repository for 某某镇 in new (11 files); gc validate passes.\n"
        "git was not found, so the folder is not a git repository yet; "
        "install git and run git init there.\n"
        "In data/town.yaml, name, district, city, urban_communities are placeholders: "
        "gc validate warns about them (GC317), and gc report and gc site make nothing "
        "until they are the town's own.\n"
        "Next: follow the first step of README.md: correct the values marked 待填写 (to fill) "
        "and 待核对 (to check) in data/town.yaml, put in the district's score sheet, then "
        "create community files with gc new.\n"
    )
    assert not (tmp_path / "new" / ".git").exists()
    assert f"rev: {'d' * 40}\n" in (tmp_path / "new" / ".pre-commit-config.yaml").read_text("utf-8")


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    (tmp_path / "town.yaml").write_text("name: 别的镇\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"错误：{tmp_path} 不是空目录。gc init 只在新目录或空目录中建仓库，"
        "不覆盖已有的文件；请换一个目录。\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["town.yaml"]


def test_a_name_on_two_lines_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "new"), "--town", "华新\n镇"])
    assert (result.exit_code, result.stderr) == (2, "错误：--town 的值须是一行文字，不能为空。\n")
    assert not (tmp_path / "new").exists()


def test_a_folder_that_cannot_be_written(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path / "blocked" / "new")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"错误：无法写入 {tmp_path / 'blocked' / 'new'}：")


def test_gitlab_ci_instead_of_github(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("shutil.which", lambda name: None)
    result = runner.invoke(app, ["init", "huaxin", "--town", "华新镇", "--ci", "gitlab"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "已在 huaxin 新建华新镇的数据仓库（11 个文件），gc validate 可以通过。\n"
        "没有找到 git，所以没有初始化 git 仓库；装好 git 后在该目录运行 git init。\n"
        "data/town.yaml 中 district、city、urban_communities 是占位值："
        "gc validate 会提示（GC317），换成本镇的实际情况前 gc report、gc site 不生成材料。\n"
        "gc 不是从 git 地址安装的，不知道自己的仓库和版本：请在 .pre-commit-config.yaml 和 "
        ".gitlab-ci.yml 中填写尖括号里的占位。\n" + NEXT
    )
    assert (tmp_path / "huaxin" / ".gitlab-ci.yml").is_file()
    assert not (tmp_path / "huaxin" / ".github").exists()


def test_no_ci_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("shutil.which", lambda name: None)
    result = runner.invoke(app, ["--lang", "en", "init", "new", "--ci", "none"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "Created a data repository for 某某镇 in new (10 files); gc validate passes."
    )
    assert result.stdout.splitlines()[3] == (
        "gc was not installed from a git URL and does not know its repository and version: "
        "fill in the placeholders in angle brackets in .pre-commit-config.yaml."
    )
    assert not (tmp_path / "new" / ".github").exists()
    assert not (tmp_path / "new" / ".gitlab-ci.yml").exists()


def test_an_unknown_ci_service_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "new"), "--ci", "jenkins"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "用法：gc init [选项] {目录}",
        "错误：--ci 的值不对：jenkins 不是可选值之一，可选：github、gitlab、none。",
        "运行 gc init --help 查看用法。",
    ]


# A placeholder never becomes a figure: gc validate --strict fails on each, and
# gc report and gc site refuse, naming the file and line, until it is replaced.
PLACEHOLDER_WARNINGS = [
    ("12:7", "name", "某某镇"),
    ("13:11", "district", "某某区"),
    ("14:7", "city", "某某市"),
    ("15:13", "plan_title", "某某镇绿色社区创建行动实施方案"),
    ("20:20", "urban_communities", "9999"),
]


def _placeholder_lines(output: str) -> list[tuple[str, str, str]]:
    found = re.findall(
        r"town\.yaml:(\d+:\d+): 警告 GC317 (\w+) 还是 gc init 写入的占位值“(.*?)”", output
    )
    return [tuple(f) for f in found]


def test_placeholders_fail_strict_validation_and_block_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init", "new"]).exit_code == 0
    data = ["--data", "new/data"]
    lenient = runner.invoke(app, ["validate", *data])
    assert lenient.exit_code == 0
    assert _placeholder_lines(lenient.stdout) == PLACEHOLDER_WARNINGS
    strict = runner.invoke(app, ["validate", "--strict", *data])
    assert strict.exit_code == 1
    assert _placeholder_lines(strict.stdout) == PLACEHOLDER_WARNINGS
    refusal = (
        "错误：town.yaml 中还有 gc init 写入的占位值（见上），不生成材料："
        "请先换成本镇的实际情况。\n"
    )
    for command in (["report", "progress"], ["site", "-o", "site"]):
        refused = runner.invoke(app, [*command, *data])
        assert refused.exit_code == 1, refused.output
        assert _placeholder_lines(refused.stderr) == PLACEHOLDER_WARNINGS
        assert refused.stderr.endswith(refusal)
        assert refused.stdout == ""
    assert not (tmp_path / "site").exists()


def test_urban_communities_fills_the_denominator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    names = ["--town", "华新镇", "--district", "青浦区", "--city", "上海市"]
    assert runner.invoke(app, ["init", "new", *names]).exit_code == 0
    warned = runner.invoke(app, ["validate", "--strict", "--data", "new/data"])
    assert _placeholder_lines(warned.stdout) == [("20:20", "urban_communities", "9999")]
    assert (
        runner.invoke(app, ["init", "filled", *names, "--urban-communities", "17"]).exit_code == 0
    )
    clean = runner.invoke(app, ["validate", "--strict", "--data", "filled/data"])
    assert (clean.exit_code, clean.stdout) == (0, "检查了 2 个文件，没有发现问题。\n")


@pytest.mark.parametrize("value", ["0", "10001"])
def test_urban_communities_out_of_bounds_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "new", "--urban-communities", value])
    assert result.exit_code == 2
    assert result.stderr == "错误：--urban-communities 应是 1 到 10000 之间的整数。\n"
    assert not (tmp_path / "new").exists()
