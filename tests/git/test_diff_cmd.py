"""`gc diff` against real temporary git repositories, through typer's CliRunner."""

from __future__ import annotations

import json
import subprocess

from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests.git.conftest import GitData

runner = CliRunner()


def _diff(repo: GitData, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["diff", *args, "--data", str(repo.data)])
    return result.exit_code, result.output


def test_raising_a_result_shows_status_and_new_share(repo: GitData) -> None:
    repo.pass_jiahuang()
    code, out = _diff(repo)
    assert code == 0, out
    base = repo.git("rev-parse", "HEAD").strip()[:8]
    assert out == (
        f"数据变更：HEAD ({base}) → 工作区\n"
        "\n"
        "2021 年达标比例：35.3 %（未变，目标 45 %）  [未达到目标]\n"
        "2022 年达标比例：58.8 % → 64.7 %（目标 65 %）"
        "  [达标社区 10 → 11 个，全镇城市社区 17 个 · 未达到目标]\n"
        "\n"
        "社区变化\n"
        "  佳煌居委会（jiahuang）\n"
        "    2022 年状态: 考评中 → 已达标\n"
        "    2022 年区级考评结论: — → 通过\n"
        "\n"
        "检查结果\n"
        "  错误：0 → 0 个\n"
    )


def test_english_summary_line(repo: GitData) -> None:
    repo.pass_jiahuang()
    result = runner.invoke(
        app, ["--lang", "en", "diff", "--data", str(repo.data), "--format", "markdown"]
    )
    assert result.exit_code == 0, result.output
    assert "- **share 2022: 58.8 % → 64.7 % (target 65 %)** — " in result.output
    assert "- share 2021: 35.3 % (unchanged, target 45 %) — target not met" in result.output
    assert "| 佳煌居委会 (jiahuang) | status 2022 | under review | passed |" in result.output


def test_between_two_commits_and_json(repo: GitData) -> None:
    before = repo.git("rev-parse", "HEAD").strip()
    repo.pass_jiahuang()
    after = repo.commit("佳煌 2022 区级考评通过")
    code, out = _diff(repo, before, after, "--format", "json")
    assert code == 0, out
    payload = json.loads(out)
    assert (payload["base"], payload["head"]) == (before, after)
    share_2022 = next(s for s in payload["shares"] if s["year"] == 2022)
    assert share_2022["before"]["passed"] == 10
    assert share_2022["after"]["passed"] == 11
    assert share_2022["after"]["share"] == 0.6471
    assert share_2022["changed"] is True
    assert payload["summary"][1] == "2022 年达标比例：58.8 % → 64.7 %（目标 65 %）"
    [community] = payload["communities"]
    assert community["id"] == "jiahuang"
    assert community["changes"][0] == {
        "what": ["status", 2022],
        "before": "under_review",
        "after": "passed",
    }
    assert payload["diagnostics"]["introduced"] == []


def test_score_change_lists_total_and_item(repo: GitData) -> None:
    # 巷佳's 2022 self-evaluation: 68 → 70 points passes the total rule.
    repo.edit(
        "communities/xiangjia.yaml",
        lambda t: t.replace('"2.4": 2\n', '"2.4": 4\n', 1),
    )
    code, out = _diff(repo)
    assert code == 0, out
    assert "    2022 年自评总分: 68 → 70\n    2022 年自评 2.4: 2 → 4\n" in out


def test_breaking_a_file_shows_the_new_diagnostic(repo: GitData) -> None:
    repo.edit("communities/songxin.yaml", lambda t: t.replace("batch: 2021", "batch: 二〇二一"))
    code, out = _diff(repo, "--format", "json")
    assert code == 0, out
    payload = json.loads(out)
    [introduced] = payload["diagnostics"]["introduced"]
    assert introduced["path"] == "data/communities/songxin.yaml"
    assert (introduced["line"], introduced["column"]) == (6, 8)
    assert introduced["code"] == "GC203"
    assert introduced["message"] == "batch 应为整数，实际是 二〇二一。"
    assert payload["diagnostics"]["errors_after"] == 1
    assert payload["problems"] == [introduced]
    [community] = payload["communities"]
    assert (community["id"], community["kind"]) == ("songxin", "broken")
    share_2022 = next(s for s in payload["shares"] if s["year"] == 2022)
    assert share_2022["after"]["complete"] is False


def test_fixing_a_file_lists_the_fixed_diagnostic(repo: GitData) -> None:
    repo.edit("communities/songxin.yaml", lambda t: t.replace("batch: 2021", "batch: 二〇二一"))
    repo.commit("break songxin")
    repo.edit("communities/songxin.yaml", lambda t: t.replace("batch: 二〇二一", "batch: 2021"))
    code, out = _diff(repo)
    assert code == 0, out
    assert "  崧鑫居委会（songxin）\n    文件已修复\n" in out
    assert (
        "  错误：1 → 0 个\n  本次变更修复的问题（1 个）\n"
        "    data/communities/songxin.yaml:6:8 GC203 batch 应为整数，实际是 二〇二一。\n"
    ) in out


def test_moving_a_problem_down_is_neither_new_nor_fixed(repo: GitData) -> None:
    repo.edit("communities/songxin.yaml", lambda t: t.replace("batch: 2021", "batch: 二〇二一"))
    repo.commit("break songxin")
    repo.edit("communities/songxin.yaml", lambda t: "# 注释\n# 注释\n" + t)
    _, out = _diff(repo, "--format", "json")
    payload = json.loads(out)
    assert payload["diagnostics"]["introduced"] == []
    assert payload["diagnostics"]["fixed"] == []
    assert payload["problems"][0]["line"] == 8


def test_renamed_file(repo: GitData) -> None:
    repo.git("mv", "data/communities/xiujing.yaml", "data/communities/xiujing.yml")
    after = repo.commit("rename to .yml")
    code, out = _diff(repo, "HEAD~1", after, "--format", "json")
    assert code == 0, out
    payload = json.loads(out)
    [community] = payload["communities"]
    assert community == {
        "id": "xiujing",
        "name": "秀景居委会",
        "kind": "changed",
        "path_before": "data/communities/xiujing.yaml",
        "path_after": "data/communities/xiujing.yml",
        "renamed": True,
        "changes": [],
    }
    assert all(not s["changed"] for s in payload["shares"])
    assert payload["diagnostics"] == {
        "introduced": [],
        "fixed": [],
        "errors_before": 0,
        "errors_after": 0,
    }


def test_renamed_community_id_is_paired_by_name(repo: GitData) -> None:
    repo.git("mv", "data/communities/xiujing.yaml", "data/communities/xiujing2.yaml")
    repo.edit("communities/xiujing2.yaml", lambda t: t.replace("id: xiujing", "id: xiujing2"))
    code, out = _diff(repo)
    assert code == 0, out
    assert "  秀景居委会（xiujing2）\n    文件改名：data/communities/xiujing.yaml → " in out
    assert "    社区编号: xiujing → xiujing2\n" in out


def test_file_that_did_not_exist_yet(repo: GitData) -> None:
    (repo.data / "communities" / "xiangjia.yaml").rename(repo.top / "xiangjia.yaml")
    first = repo.commit("without 巷佳")
    (repo.top / "xiangjia.yaml").rename(repo.data / "communities" / "xiangjia.yaml")
    second = repo.commit("add 巷佳")
    code, out = _diff(repo, first, second, "--format", "json")
    assert code == 0, out
    [community] = json.loads(out)["communities"]
    assert (community["id"], community["kind"], community["path_before"]) == (
        "xiangjia",
        "added",
        None,
    )
    assert community["changes"][0] == {
        "what": ["status", 2021],
        "before": None,
        "after": "not_scheduled",
    }


def test_revision_before_the_data_folder_existed(repo: GitData) -> None:
    repo.git("checkout", "-q", "--orphan", "empty")
    repo.git("rm", "-rq", "--cached", ".")
    (repo.top / "README").write_text("town data\n", encoding="utf-8")
    repo.git("add", "README")
    repo.git("commit", "-q", "-m", "empty start")
    empty = repo.git("rev-parse", "HEAD").strip()
    repo.git("checkout", "-q", "-f", "main")
    code, out = _diff(repo, empty, "main")
    assert code == 0, out
    assert "2022 年达标比例：— → 58.8 %（目标 65 %）" in out
    assert "  佳煌居委会（jiahuang）\n    新增\n" in out


def test_base_that_is_not_a_revision_is_a_clear_error(repo: GitData) -> None:
    result = runner.invoke(app, ["diff", "no-such-branch", "--data", str(repo.data)])
    assert result.exit_code == 2
    assert result.output == (
        "错误： no-such-branch 不是有效的 git 版本（分支、标签或提交）。"
        "用 git log --oneline 查看可用的提交。\n"
    )
    result = runner.invoke(app, ["diff", "--data", str(repo.data), "--", "--output=x"])
    assert result.exit_code == 2
    assert "不是有效的 git 版本" in result.output


def test_not_a_repository(data_copy: object) -> None:
    result = runner.invoke(app, ["--lang", "en", "diff", "--data", str(data_copy)])
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.output


def test_the_working_tree_is_never_touched(repo: GitData) -> None:
    repo.pass_jiahuang()
    status_before = repo.git("status", "--porcelain")
    head_before = repo.git("rev-parse", "HEAD")
    _diff(repo, "HEAD")
    _diff(repo, "HEAD", "HEAD")
    assert repo.git("status", "--porcelain") == status_before
    assert repo.git("rev-parse", "HEAD") == head_before
    assert (
        subprocess.run(
            ["git", "-C", str(repo.top), "stash", "list"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        == ""
    )
