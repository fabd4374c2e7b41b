"""``gc validate --staged``: the data as the git index holds it, against real
temporary git repositories, through typer's CliRunner."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests.git.conftest import GitData

runner = CliRunner()
EVIDENCE = "data/evidence/songxin/绿色生活行为公约-2021.md"


def _validate(repo: GitData, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["validate", "--data", str(repo.data), *args])
    return result.exit_code, result.stdout, result.stderr


def test_evidence_left_on_disk_but_not_staged_is_missing(repo: GitData) -> None:
    repo.git("rm", "-q", "--cached", EVIDENCE)
    assert (repo.top / EVIDENCE).is_file()
    assert _validate(repo)[0] == 0  # the working tree still has it
    code, out, _ = _validate(repo, "--staged")
    assert code == 1
    assert (
        "data/communities/songxin.yaml:177:13: 错误 GC307 佐证材料 绿色生活行为公约-2021.md" in out
    )


def test_the_index_not_the_working_tree(repo: GitData) -> None:
    """A broken file staged, then mended on disk only: the commit would hold the
    broken one.  And the other way round."""
    path = repo.jiahuang_verdict("maybe")
    repo.git("add", "-A")
    path.write_text(path.read_text("utf-8").replace("verdict: maybe", "verdict: rectify"), "utf-8")
    assert _validate(repo)[0] == 0
    code, out, _ = _validate(repo, "--staged")
    assert code == 1
    assert "data/communities/jiahuang.yaml:" in out and "maybe" in out
    repo.git("add", "-A")
    path.write_text("not: [yaml\n", "utf-8")
    assert _validate(repo)[0] == 1
    assert _validate(repo, "--staged")[:2] == (0, "检查了 14 个文件，没有发现问题。\n")


def test_named_files_are_read_from_the_index(repo: GitData) -> None:
    songxin = repo.data / "communities" / "songxin.yaml"
    songxin.write_text("not: [yaml\n", "utf-8")
    code, out, _ = _validate(repo, "--staged", str(songxin))
    assert (code, out) == (0, "检查了 1 个文件，没有发现问题。\n")


def test_outside_git_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "town.yaml").write_text("name: x\n", "utf-8")
    result = runner.invoke(app, ["validate", "--staged", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：")
    assert "git" in result.stderr


def test_nothing_staged_is_a_usage_error(repo: GitData) -> None:
    repo.git("rm", "-r", "-q", "--cached", "data")
    result = runner.invoke(app, ["validate", "--staged", "--data", str(repo.data)])
    assert result.exit_code == 2
    assert result.stderr == "错误：git 暂存区（index）中没有 data 下的数据文件：先 git add。\n"


def test_a_deleted_communitys_evidence_folder_is_flagged(repo: GitData) -> None:
    """git rm of a community file leaves its evidence folder behind: a warning
    (GC334) for the working tree and for the commit, which --strict fails."""
    repo.git("rm", "-q", "data/communities/songxin.yaml")
    for staged in ([], ["--staged"]):
        code, out, _ = _validate(repo, *staged)
        assert code == 0
        assert (
            "data/evidence/songxin:1:1: 警告 GC334 evidence/songxin/ 不属于任何社区："
            "没有编号为 songxin 的社区文件。请删除这个目录，或改成社区的新编号。"
        ) in out
        assert _validate(repo, *staged, "--strict")[0] == 1
    repo.git("rm", "-r", "-q", "data/evidence/songxin")
    assert "GC334" not in _validate(repo, "--staged")[1]
    assert "GC334" not in _validate(repo)[1]


def test_a_community_that_does_not_load_keeps_its_evidence_folder(repo: GitData) -> None:
    (repo.data / "communities" / "songxin.yaml").write_text("id: [\n", "utf-8")
    code, out, _ = _validate(repo)
    assert code == 1
    assert "GC334" not in out
