"""`gc diff` against real temporary git repositories, through typer's CliRunner.

Tests that only read a repository share one per module (``jiahuang_passed``,
``revisions``); tests that edit or commit get their own (``repo``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from greencommunity import markdown
from greencommunity.cli.app import app
from greencommunity.figures import percent, share_value
from tests.git.conftest import GitData, make_repo, shared

runner = CliRunner()

SONGXIN_GC203 = "data/communities/songxin.yaml:6:8 GC203 batch 应为整数，实际是 “二〇二一”。"


def _diff(repo: GitData, *args: str, lang: str | None = None) -> tuple[int, str]:
    """``gc diff --data DATA ARGS...`` (in *lang*, else the default language)."""
    options = ["--lang", lang] if lang else []
    result = runner.invoke(app, [*options, "diff", "--data", str(repo.data), *args])
    return result.exit_code, result.output


def _json(repo: GitData, *args: str) -> Any:
    code, out = _diff(repo, *args, "--format", "json")
    assert code == 0, out
    return json.loads(out)


@pytest.fixture(scope="module")
def jiahuang_passed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GitData]:
    """HEAD: the shipped data; the working tree gives 佳煌 its 2022 district pass."""
    made = make_repo(tmp_path_factory.mktemp("jiahuang"))
    made.pass_jiahuang()
    yield from shared(made)


@pytest.fixture(scope="module")
def revisions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GitData]:
    """Committed states, each on a branch of its own made from main (the shipped data):

    - ``jiahuang``: 佳煌 passes its 2022 district review;
    - ``yml``: ``xiujing.yaml`` renamed ``xiujing.yml``;
    - ``xiangjia``: 巷佳's file removed (``xiangjia~1``), then added back;
    - ``empty``: an unrelated history whose only commit has no data folder.
    """
    made = make_repo(tmp_path_factory.mktemp("revisions"))
    made.git("checkout", "-q", "-b", "jiahuang", "main")
    made.pass_jiahuang()
    made.commit("佳煌 2022 区级考评通过")
    made.git("checkout", "-q", "-b", "yml", "main")
    made.git("mv", "data/communities/xiujing.yaml", "data/communities/xiujing.yml")
    made.commit("rename to .yml")
    made.git("checkout", "-q", "-b", "xiangjia", "main")
    (made.data / "communities" / "xiangjia.yaml").rename(made.top / "xiangjia.yaml")
    made.commit("without 巷佳")
    (made.top / "xiangjia.yaml").rename(made.data / "communities" / "xiangjia.yaml")
    made.commit("add 巷佳")
    made.git("checkout", "-q", "--orphan", "empty")
    made.git("rm", "-rq", "--cached", ".")
    (made.top / "README").write_text("town data\n", encoding="utf-8")
    made.git("add", "README")
    made.git("commit", "-q", "-m", "empty start")
    made.git("checkout", "-q", "-f", "main")
    yield from shared(made)


def _rev(repo: GitData, name: str) -> str:
    return repo.git("rev-parse", name).strip()


# ------------------------------------------------------------- one result raised


def test_raising_a_result_shows_status_and_new_share(jiahuang_passed: GitData) -> None:
    code, out = _diff(jiahuang_passed)
    assert code == 0, out
    base = jiahuang_passed.head()[:8]
    assert out == (
        f"数据变更：HEAD ({base}) → 工作区\n"
        "\n"
        "2021 年达标比例：35.3%（未变，目标 45%）  [未达到目标]\n"
        "2022 年达标比例：58.8% → 64.7%（目标 65%）"
        "  [达标社区 10 → 11 个，全镇城市社区 17 个 · 未达到目标]\n"
        "\n"
        "社区变化\n"
        "  佳煌居委会（jiahuang）\n"
        "    2022 年状态: 整改中 → 已达标\n"
        "    2022 年区级初审结论: 需整改 → 达标\n"
        "\n"
        "检查结果\n"
        "  错误：0 → 0 个\n"
    )


def test_markdown_job_summary(jiahuang_passed: GitData) -> None:
    code, out = _diff(jiahuang_passed, "--format", "markdown")
    assert code == 0, out
    base = jiahuang_passed.head()[:8]
    assert out == (
        f"### 数据变更：HEAD ({base}) → 工作区\n"
        "\n"
        "- 2021 年达标比例：35.3%（未变，目标 45%） — 未达到目标\n"
        "- **2022 年达标比例：58.8% → 64.7%（目标 65%）** — "
        "达标社区 10 → 11 个，全镇城市社区 17 个 · 未达到目标\n"
        "\n"
        "#### 社区变化\n"
        "\n"
        "| 社区 | 变化 | 之前 | 之后 |\n"
        "| --- | --- | --- | --- |\n"
        "| 佳煌居委会（jiahuang） | 2022 年状态 | 整改中 | 已达标 |\n"
        "|  | 2022 年区级初审结论 | 需整改 | 达标 |\n"
        "\n"
        "#### 检查结果\n"
        "\n"
        "错误：0 → 0 个\n"
        "\n"
        "变更后没有发现问题。\n"
    )


def test_english_summary(jiahuang_passed: GitData) -> None:
    code, out = _diff(jiahuang_passed, "--format", "markdown", lang="en")
    assert code == 0, out
    base = jiahuang_passed.head()[:8]
    assert out == (
        f"### Data change: HEAD ({base}) → working tree\n"
        "\n"
        "- share 2021: 35.3% (unchanged, target 45%) — target not met\n"
        "- **share 2022: 58.8% → 64.7% (target 65%)** — "
        "passing communities 10 → 11, of 17 urban communities · target not met\n"
        "\n"
        "#### Communities\n"
        "\n"
        "| Community | Change | Before | After |\n"
        "| --- | --- | --- | --- |\n"
        "| 佳煌居委会 (jiahuang) | status 2022 | rectifying | passed |\n"
        "|  | District review verdict 2022 | rectification needed | pass |\n"
        "\n"
        "#### Checks\n"
        "\n"
        "errors: 0 → 0\n"
        "\n"
        "No problems after the change.\n"
    )


def test_same_revision_twice_changes_nothing(jiahuang_passed: GitData) -> None:
    code, out = _diff(jiahuang_passed, "HEAD", "HEAD")
    assert code == 0, out
    base = jiahuang_passed.head()[:8]
    assert out == (
        f"数据变更：HEAD ({base}) → HEAD ({base})\n"
        "\n"
        "2021 年达标比例：35.3%（未变，目标 45%）  [未达到目标]\n"
        "2022 年达标比例：58.8%（未变，目标 65%）  [未达到目标]\n"
        "\n"
        "社区变化\n"
        "  没有社区的评分、状态或计划发生变化。\n"
        "\n"
        "检查结果\n"
        "  错误：0 → 0 个\n"
    )


def test_the_working_tree_is_never_touched(jiahuang_passed: GitData) -> None:
    repo = jiahuang_passed
    status_before = repo.git("status", "--porcelain")
    head_before = repo.head()
    assert status_before == " M data/communities/jiahuang.yaml\n"
    for args in (("HEAD",), ("HEAD", "HEAD")):
        code, out = _diff(repo, *args)
        assert code == 0, out
    assert repo.git("status", "--porcelain") == status_before
    assert repo.head() == head_before
    assert repo.git("stash", "list") == ""


# -------------------------------------------------------- between two revisions


def test_between_two_commits_and_json(revisions: GitData) -> None:
    before, after = _rev(revisions, "main"), _rev(revisions, "jiahuang")
    payload = _json(revisions, before, after)
    # The keys are a contract (checks outside the repository read them).
    assert list(payload) == [
        "base",
        "head",
        "communities",
        "shares",
        "diagnostics",
        "summary",
        "problems",
        "sheets",
        "sheet_effects",
    ]
    assert (payload["base"], payload["head"]) == (before, after)
    assert payload["communities"] == [
        {
            "id": "jiahuang",
            "name": "佳煌居委会",
            "kind": "changed",
            "path_before": "data/communities/jiahuang.yaml",
            "path_after": "data/communities/jiahuang.yaml",
            "renamed": False,
            "changes": [
                {"what": ["status", 2022], "before": "rectifying", "after": "passed"},
                {"what": ["verdict", 2022, "district"], "before": "rectify", "after": "pass"},
            ],
        }
    ]

    def share(passed: int, target: float) -> dict[str, object]:
        return {
            "passed": passed,
            "denominator": 17,
            "share": share_value(Fraction(passed, 17)),
            "target": target,
            "met": False,
            "complete": True,
        }

    def projected(passed: int) -> dict[str, object]:
        return {"passed": passed, "share": share_value(Fraction(passed, 17)), "met": False}

    # 佳煌 was already forecast to pass on its self score: the forecast stays 11.
    forecast_2022 = {"before": projected(11), "after": projected(11), "changed": False}
    assert payload["shares"] == [
        {
            "year": 2021,
            "before": share(6, 0.45),
            "after": share(6, 0.45),
            "changed": False,
            "forecast": {"before": projected(6), "after": projected(6), "changed": False},
        },
        {
            "year": 2022,
            "before": share(10, 0.65),
            "after": share(11, 0.65),
            "changed": True,
            "forecast": forecast_2022,
        },
    ]
    # Four decimals, rounded half up: 6/17, 10/17, 11/17.
    assert [s["after"]["share"] for s in payload["shares"]] == [0.3529, 0.6471]
    assert payload["shares"][1]["before"]["share"] == 0.5882
    assert payload["summary"] == [
        "2021 年达标比例：35.3%（未变，目标 45%）",
        "2022 年达标比例：58.8% → 64.7%（目标 65%）",
    ]
    assert payload["diagnostics"] == {
        "introduced": [],
        "fixed": [],
        "errors_before": 0,
        "errors_after": 0,
    }
    assert payload["problems"] == []


def test_abbreviated_revision_is_named_with_its_commit(revisions: GitData) -> None:
    payload = _json(revisions, "main", "jiahuang~0")
    main, jiahuang = _rev(revisions, "main")[:8], _rev(revisions, "jiahuang")[:8]
    assert (payload["base"], payload["head"]) == (f"main ({main})", f"jiahuang~0 ({jiahuang})")


def test_renamed_file(revisions: GitData) -> None:
    payload = _json(revisions, "yml~1", "yml")
    assert payload["communities"] == [
        {
            "id": "xiujing",
            "name": "秀景居委会",
            "kind": "changed",
            "path_before": "data/communities/xiujing.yaml",
            "path_after": "data/communities/xiujing.yml",
            "renamed": True,
            "changes": [],
        }
    ]
    assert [s["changed"] for s in payload["shares"]] == [False, False]
    assert payload["diagnostics"] == {
        "introduced": [],
        "fixed": [],
        "errors_before": 0,
        "errors_after": 0,
    }


def test_file_that_did_not_exist_yet(revisions: GitData) -> None:
    [community] = _json(revisions, "xiangjia~1", "xiangjia")["communities"]
    assert (community["id"], community["kind"], community["path_before"]) == (
        "xiangjia",
        "added",
        None,
    )
    assert community["changes"][:3] == [
        {"what": ["status", 2021], "before": None, "after": "not_scheduled"},
        {"what": ["status", 2022], "before": None, "after": "creating"},
        {"what": ["total", 2022, "self"], "before": None, "after": "68"},
    ]
    # A sheet that exists on one side only shows its total, not each item.
    assert not any(c["what"][0] == "item" for c in community["changes"])


def test_revision_before_the_data_folder_existed(revisions: GitData) -> None:
    empty = _rev(revisions, "empty")
    main = _rev(revisions, "main")[:8]
    code, out = _diff(revisions, empty, "main")
    assert code == 0, out
    assert out.startswith(
        f"数据变更：{empty} → main ({main})\n"
        "\n"
        "2021 年达标比例：— → 35.3%（目标 45%）  [未达到目标]\n"
        "2022 年达标比例：— → 58.8%（目标 65%）  [未达到目标]\n"
        "\n"
        "社区变化\n"
        "  华沁居委会（huaqin）\n"
        "    新增\n"
        "    2021 年状态: — → 已达标\n"
    )
    assert (
        "  佳煌居委会（jiahuang）\n"
        "    新增\n"
        "    2021 年状态: — → 未达标\n"
        "    2022 年状态: — → 整改中\n"
        "    2021 年自评总分: — → 76\n"
        "    2021 年自评结论: — → 达标\n"
        "    2021 年区级初审总分: — → 73\n"
        "    2021 年区级初审结论: — → 达标\n"
        "    2021 年市级抽样考评总分: — → 64\n"
        "    2021 年市级抽样考评结论: — → 未达标\n"
        "    2022 年自评总分: — → 80\n"
        "    2022 年自评结论: — → 达标\n"
        "    2022 年区级初审总分: — → 72.5\n"
        "    2022 年区级初审结论: — → 需整改\n"
    ) in out
    assert out.endswith("\n检查结果\n  错误：0 → 0 个\n")
    payload = _json(revisions, "main", empty)
    assert payload["summary"] == [
        "2021 年达标比例：35.3% → —（目标 45%）",
        "2022 年达标比例：58.8% → —（目标 65%）",
    ]
    assert [(s["after"], s["changed"]) for s in payload["shares"]] == [(None, True), (None, True)]
    assert {c["kind"] for c in payload["communities"]} == {"removed"}
    assert len(payload["communities"]) == 12


def test_base_that_is_not_a_revision_is_a_clear_error(revisions: GitData) -> None:
    code, out = _diff(revisions, "no-such-branch")
    assert code == 2
    assert out == (
        "错误：no-such-branch 不是有效的 git 版本（分支、标签或提交）。"
        "用 git log --oneline 查看可用的提交。\n"
    )
    code, out = _diff(revisions, "--", "--output=x")
    assert code == 2
    assert out == (
        "错误：--output=x 不是有效的 git 版本（分支、标签或提交）。"
        "用 git log --oneline 查看可用的提交。\n"
    )
    code, out = _diff(revisions, "main", "no-such-branch", lang="en")
    assert code == 2
    assert out == (
        "Error: no-such-branch is not a git revision (branch, tag or commit). "
        "Run git log --oneline to see the commits.\n"
    )


def test_not_a_repository(data_copy: Path) -> None:
    result = runner.invoke(app, ["--lang", "en", "diff", "--data", str(data_copy)])
    assert result.exit_code == 2
    assert result.output == (
        f"Error: {data_copy} is not inside a git repository. "
        "gc diff and gc history work in a data repository kept in git.\n"
    )


# --------------------------------------------------------- edits of one's own


def test_score_change_lists_total_and_item(repo: GitData) -> None:
    # 巷佳's 2022 self-evaluation: 68 → 70 points passes the total rule.
    repo.edit("communities/xiangjia.yaml", lambda t: t.replace('"2.4": 2\n', '"2.4": 4\n', 1))
    code, out = _diff(repo)
    assert code == 0, out
    assert (
        "社区变化\n"
        "  巷佳居委会（xiangjia）\n"
        "    2022 年自评总分: 68 → 70\n"
        "    2022 年自评结论: 未达标 → 达标\n"
        "    2022 年自评 2.4: 2 → 4\n"
        "\n"
    ) in out


def _raise_xiangjia(text: str) -> str:
    """巷佳's 2022 self-evaluation, a draft not yet submitted: 2.4 from 2 to 5, 68 → 71."""
    return text.replace('"2.4": 2\n', '"2.4": 5\n', 1)


def test_raising_a_self_score_shows_the_verdict_and_the_forecast(repo: GitData) -> None:
    """Not only the total: the sheet's verdict, and the town's forecast, which now
    reaches the 2022 target (every pending community passing on its self score:
    佳煌's 80 and now 巷佳's 71)."""
    repo.edit("communities/xiangjia.yaml", _raise_xiangjia)
    base = repo.head()[:8]
    code, out = _diff(repo)
    assert code == 0, out
    assert out == (
        f"数据变更：HEAD ({base}) → 工作区\n"
        "\n"
        "2021 年达标比例：35.3%（未变，目标 45%）  [未达到目标]\n"
        "2022 年达标比例：58.8%（未变，目标 65%）  [未达到目标]\n"
        "  2022 年预测（若待定社区都按自评分通过）：达标 11 → 12 个，64.7% → 70.6%，可以达到目标\n"
        "\n"
        "社区变化\n"
        "  巷佳居委会（xiangjia）\n"
        "    2022 年自评总分: 68 → 71\n"
        "    2022 年自评结论: 未达标 → 达标\n"
        "    2022 年自评 2.4: 2 → 5\n"
        "\n"
        "检查结果\n"
        "  错误：0 → 0 个\n"
    )
    code, out = _diff(repo, "--format", "markdown")
    assert code == 0, out
    assert out == (
        f"### 数据变更：HEAD ({base}) → 工作区\n"
        "\n"
        "- 2021 年达标比例：35.3%（未变，目标 45%） — 未达到目标\n"
        "- 2022 年达标比例：58.8%（未变，目标 65%） — 未达到目标\n"
        "  - **2022 年预测（若待定社区都按自评分通过）：达标 11 → 12 个，64.7% → 70.6%，"
        "可以达到目标**\n"
        "\n"
        "#### 社区变化\n"
        "\n"
        "| 社区 | 变化 | 之前 | 之后 |\n"
        "| --- | --- | --- | --- |\n"
        "| 巷佳居委会（xiangjia） | 2022 年自评总分 | 68 | 71 |\n"
        "|  | 2022 年自评结论 | 未达标 | 达标 |\n"
        "|  | 2022 年自评 2.4 | 2 | 5 |\n"
        "\n"
        "#### 检查结果\n"
        "\n"
        "错误：0 → 0 个\n"
        "\n"
        "变更后没有发现问题。\n"
    )
    # The forecast is a list item inside the year's item, bold as a change is.
    rendered = MarkdownIt("commonmark").render(out)
    assert (
        "<li>2022 年达标比例：58.8%（未变，目标 65%） — 未达到目标\n<ul>\n<li><strong>2022 年预测"
    ) in rendered
    code, out = _diff(repo, lang="en")
    assert code == 0, out
    assert (
        "share 2022: 58.8% (unchanged, target 65%)  [target not met]\n"
        "  forecast 2022 (if every pending community passes on its self score): "
        "11 → 12 passing, 64.7% → 70.6%, the target is met\n"
        "\n"
        "Communities\n"
        "  巷佳居委会 (xiangjia)\n"
        "    Self-evaluation total 2022: 68 → 71\n"
        "    Self-evaluation verdict 2022: fail → pass\n"
        "    Self-evaluation 2022 item 2.4: 2 → 5\n"
    ) in out
    payload = _json(repo)
    assert payload["communities"][0]["changes"] == [
        {"what": ["total", 2022, "self"], "before": "68", "after": "71"},
        {"what": ["verdict", 2022, "self"], "before": "fail", "after": "pass"},
        {"what": ["item", 2022, "self", "2.4"], "before": "2", "after": "5"},
    ]
    [_, shares_2022] = payload["shares"]
    assert (shares_2022["changed"], shares_2022["forecast"]) == (
        False,
        {
            "before": {"passed": 11, "share": 0.6471, "met": False},
            "after": {"passed": 12, "share": 0.7059, "met": True},
            "changed": True,
        },
    )
    assert payload["summary"] == [
        "2021 年达标比例：35.3%（未变，目标 45%）",
        "2022 年达标比例：58.8%（未变，目标 65%）",
        "2022 年预测（若待定社区都按自评分通过）：达标 11 → 12 个，64.7% → 70.6%，可以达到目标",
    ]


def test_lowering_it_again_says_the_forecast_no_longer_reaches_the_target(
    repo: GitData,
) -> None:
    repo.edit("communities/xiangjia.yaml", _raise_xiangjia)
    repo.commit("巷佳自评 71 分")
    repo.edit("communities/xiangjia.yaml", lambda t: t.replace('"2.4": 5\n', '"2.4": 2\n', 1))
    code, out = _diff(repo)
    assert code == 0, out
    assert (
        "2022 年达标比例：58.8%（未变，目标 65%）  [未达到目标]\n"
        "  2022 年预测（若待定社区都按自评分通过）：达标 12 → 11 个，70.6% → 64.7%，"
        "不再能达到目标\n"
        "\n"
        "社区变化\n"
        "  巷佳居委会（xiangjia）\n"
        "    2022 年自评总分: 71 → 68\n"
        "    2022 年自评结论: 达标 → 未达标\n"
    ) in out


def test_a_failed_review_of_a_pending_community_lowers_the_forecast(repo: GitData) -> None:
    """佳煌, rectifying, was forecast to pass on its self score (80); its district
    review now fails it."""
    repo.jiahuang_verdict("fail")
    code, out = _diff(repo)
    assert code == 0, out
    assert (
        "2022 年达标比例：58.8%（未变，目标 65%）  [未达到目标]\n"
        "  2022 年预测（若待定社区都按自评分通过）：达标 11 → 10 个，64.7% → 58.8%，仍达不到目标\n"
        "\n"
        "社区变化\n"
        "  佳煌居委会（jiahuang）\n"
        "    2022 年状态: 整改中 → 未达标\n"
        "    2022 年区级初审结论: 需整改 → 未达标\n"
    ) in out


def test_breaking_a_file_shows_the_new_diagnostic(repo: GitData) -> None:
    repo.edit("communities/songxin.yaml", lambda t: t.replace("batch: 2021", "batch: 二〇二一"))
    payload = _json(repo)
    introduced = {
        "path": "data/communities/songxin.yaml",
        "line": 6,
        "column": 8,
        "code": "GC203",
        "severity": "error",
        "message": "batch 应为整数，实际是 “二〇二一”。",
    }
    assert payload["diagnostics"] == {
        "introduced": [introduced],
        "fixed": [],
        "errors_before": 0,
        "errors_after": 1,
    }
    assert payload["problems"] == [introduced]
    assert payload["communities"] == [
        {
            "id": "songxin",
            "name": "崧鑫居委会",
            "kind": "broken",
            "path_before": "data/communities/songxin.yaml",
            "path_after": "data/communities/songxin.yaml",
            "renamed": False,
            "changes": [],
        }
    ]
    assert [s["after"]["complete"] for s in payload["shares"]] == [False, False]
    assert payload["summary"] == [
        "2021 年达标比例：35.3% → 29.4%（目标 45%）",
        "2022 年达标比例：58.8% → 52.9%（目标 65%）",
    ]
    code, out = _diff(repo)
    assert code == 0, out
    assert out.endswith(
        "社区变化\n"
        "  崧鑫居委会（songxin）\n"
        "    文件无法读取\n"
        "\n"
        "检查结果\n"
        "  错误：0 → 1 个\n"
        "  本次变更新增的问题（1 个）\n"
        f"    {SONGXIN_GC203}\n"
    )
    # One problem: the English words are singular.
    code, out = _diff(repo, "--format", "markdown", lang="en")
    assert code == 0, out
    row = (
        "| data/communities/songxin.yaml:6:8 | GC203 "
        '| batch should be a whole number, not "二〇二一". |'
    )
    assert out.endswith(
        "errors: 0 → 1\n"
        "\n"
        "**Problem this change introduces (1)**\n"
        "\n"
        "| Place | Code | Problem |\n"
        "| --- | --- | --- |\n"
        f"{row}\n"
        "\n"
        "<details open>\n"
        "<summary>The problem after the change (1)</summary>\n"
        "\n"
        "| Place | Code | Problem |\n"
        "| --- | --- | --- |\n"
        f"{row}\n"
        "\n"
        "</details>\n"
    )


def test_fixing_a_file_lists_the_fixed_diagnostic(repo: GitData) -> None:
    repo.edit("communities/songxin.yaml", lambda t: t.replace("batch: 2021", "batch: 二〇二一"))
    repo.commit("break songxin")
    repo.edit("communities/songxin.yaml", lambda t: t.replace("batch: 二〇二一", "batch: 2021"))
    code, out = _diff(repo)
    assert code == 0, out
    assert out.endswith(
        "社区变化\n"
        "  崧鑫居委会（songxin）\n"
        "    文件已修复\n"
        "\n"
        "检查结果\n"
        "  错误：1 → 0 个\n"
        "  本次变更修复的问题（1 个）\n"
        f"    {SONGXIN_GC203}\n"
    )
    code, out = _diff(repo, lang="en")
    assert code == 0, out
    assert out.endswith(
        "Checks\n"
        "  errors: 1 → 0\n"
        "  Problem this change fixes (1)\n"
        "    data/communities/songxin.yaml:6:8 GC203 "
        'batch should be a whole number, not "二〇二一".\n'
    )


def test_two_problems_are_counted_in_the_plural(repo: GitData) -> None:
    for name in ("songxin", "songhan"):
        repo.edit(f"communities/{name}.yaml", lambda t: t.replace("batch: 2021", "batch: 二〇二一"))
    code, out = _diff(repo, "--format", "markdown", lang="en")
    assert code == 0, out
    assert "errors: 0 → 2\n\n**Problems this change introduces (2)**\n" in out
    assert "<summary>All problems after the change (2)</summary>\n" in out


def test_moving_a_problem_down_is_neither_new_nor_fixed(repo: GitData) -> None:
    repo.edit("communities/songxin.yaml", lambda t: t.replace("batch: 2021", "batch: 二〇二一"))
    repo.commit("break songxin")
    repo.edit("communities/songxin.yaml", lambda t: "# 注释\n# 注释\n" + t)
    payload = _json(repo)
    assert payload["diagnostics"] == {
        "introduced": [],
        "fixed": [],
        "errors_before": 1,
        "errors_after": 1,
    }
    assert [(p["line"], p["column"]) for p in payload["problems"]] == [(8, 8)]


def test_renamed_community_id_is_paired_by_name(repo: GitData) -> None:
    repo.git("mv", "data/communities/xiujing.yaml", "data/communities/xiujing2.yaml")
    repo.edit("communities/xiujing2.yaml", lambda t: t.replace("id: xiujing", "id: xiujing2"))
    code, out = _diff(repo)
    assert code == 0, out
    assert (
        "社区变化\n"
        "  秀景居委会（xiujing2）\n"
        "    文件改名：data/communities/xiujing.yaml → data/communities/xiujing2.yaml\n"
        "    社区编号: xiujing → xiujing2\n"
        "\n"
    ) in out


def test_shares_are_rounded_half_up_alike_in_text_and_json(repo: GitData) -> None:
    # 10 of 64 is 0.15625: half up 0.1563 (Python's round() gives 0.1562);
    # 11 of 64 is 0.171875 → 0.1719, 17.2%; 6 of 64 is 0.09375 → 0.0938, 9.4%.
    repo.edit("town.yaml", lambda t: t.replace("urban_communities: 17", "urban_communities: 64"))
    repo.commit("64 urban communities")
    repo.pass_jiahuang()
    payload = _json(repo)
    assert [(s["before"]["share"], s["after"]["share"]) for s in payload["shares"]] == [
        (0.0938, 0.0938),
        (0.1563, 0.1719),
    ]
    assert payload["summary"] == [
        "2021 年达标比例：9.4%（未变，目标 45%）",
        "2022 年达标比例：15.6% → 17.2%（目标 65%）",
    ]
    assert payload["summary"][1] == (
        f"2022 年达标比例：{percent(Fraction(10, 64))} → {percent(Fraction(11, 64))}"
        f"（目标 {percent(0.65)}）"
    )
    code, out = _diff(repo)
    assert code == 0, out
    assert (
        "2021 年达标比例：9.4%（未变，目标 45%）  [未达到目标]\n"
        "2022 年达标比例：15.6% → 17.2%（目标 65%）"
        "  [达标社区 10 → 11 个，全镇城市社区 64 个 · 未达到目标]\n"
    ) in out


# Special in Markdown: a pipe would split the table cell, a star start emphasis,
# and a backslash escape the character after it.
ODD_NAME = "佳煌|新村*居委会\\一"


def test_markdown_escapes_a_community_name(repo: GitData) -> None:
    repo.edit(
        "communities/jiahuang.yaml",
        lambda t: t.replace("name: 佳煌居委会\n", f"name: '{ODD_NAME}'\n", 1),
    )
    repo.pass_jiahuang()
    code, out = _diff(repo, "--format", "markdown")
    assert code == 0, out
    escaped = "佳煌\\|新村\\*居委会\\\\一"
    assert markdown.escape(ODD_NAME) == escaped
    assert (
        "| 社区 | 变化 | 之前 | 之后 |\n"
        "| --- | --- | --- | --- |\n"
        f"| {escaped}（jiahuang） | 名称 | 佳煌居委会 | {escaped} |\n"
        "|  | 2022 年状态 | 整改中 | 已达标 |\n"
        "|  | 2022 年区级初审结论 | 需整改 | 达标 |\n"
    ) in out
    # Rendered, each cell reads exactly as the data: four cells, nothing emphasised.
    rendered = MarkdownIt("commonmark").enable("table").render(out)
    assert (
        f"<tr>\n<td>{ODD_NAME}（jiahuang）</td>\n<td>名称</td>\n<td>佳煌居委会</td>\n"
        f"<td>{ODD_NAME}</td>\n</tr>"
    ) in rendered
    assert "<em>" not in rendered
    # The text output is not Markdown: the name as it is.
    code, out = _diff(repo)
    assert code == 0, out
    assert f"  {ODD_NAME}（jiahuang）\n    名称: 佳煌居委会 → {ODD_NAME}\n" in out


def test_a_share_that_cannot_be_computed_after_the_change_says_why(repo: GitData) -> None:
    town = repo.data / "town.yaml"
    town.write_text(
        town.read_text("utf-8").replace("urban_communities: 17", "urban_communities: x")
    )
    code, out = _diff(repo)
    assert code == 0
    assert (
        "2022 年达标比例：58.8% → —（目标 65%）  "
        "[变更后无法计算：town.yaml 或 criteria.yaml 有错误，或没有该年度的目标]"
    ) in out.splitlines()


def test_no_cache_leaves_the_cache_folder_untouched(
    jiahuang_passed: GitData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The working folder is read through the cache as gc validate reads it,
    and --no-cache neither reads nor writes it; gc history reads committed
    revisions only, which the cache never holds."""
    where = tmp_path / "cache"
    monkeypatch.setenv("GC_CACHE_DIR", str(where))
    assert _diff(jiahuang_passed, "--no-cache")[0] == 0
    history = ["history", "--data", str(jiahuang_passed.data)]
    assert runner.invoke(app, [*history, "--no-cache"]).exit_code == 0
    assert runner.invoke(app, history).exit_code == 0
    assert not where.exists()
    assert _diff(jiahuang_passed)[0] == 0
    assert [p.suffix for p in where.iterdir()] == [".json"]
