"""`gc diff` of a change of score sheets: which sheet changed, how, and which
verdicts that alone turns (``core/sheetdiff.py``), in real git repositories."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests.git.conftest import GitData

runner = CliRunner()


def _diff(repo: GitData, *args: str) -> str:
    result = runner.invoke(app, ["diff", "--data", str(repo.data), *args])
    assert result.exit_code == 0, result.output
    return result.output


def _sheet_2022(repo: GitData, old: str, new: str) -> None:
    """criteria/2022.yaml: criteria.yaml with *old* replaced by *new*."""
    text = (repo.data / "criteria.yaml").read_text(encoding="utf-8")
    assert old in text
    (repo.data / "criteria").mkdir(exist_ok=True)
    (repo.data / "criteria" / "2022.yaml").write_text(text.replace(old, new, 1), "utf-8")


def test_a_new_years_sheet_and_the_verdicts_it_turns(repo: GitData) -> None:
    _sheet_2022(repo, "  min_total: 70 ", "  min_total: 80 ")
    out = _diff(repo, "--no-cache")
    sheets = out[out.index("评分表变化\n") : out.index("社区变化\n")]
    assert sheets == (
        "评分表变化\n"
        "  data/criteria/2022.yaml（2022 年起施行）：新增\n"
        "    达标规则: 总分不低于 70 分 → —\n"
        "    达标规则: — → 总分不低于 80 分\n"
        "  评分表变化对社区结论的影响（同样的评分，先按原评分表、再按新评分表）：\n"
        "    龙联居委会（longlian）2022 年区级初审: 达标 → 未达标\n"
        "    秀景居委会（xiujing）2022 年自评: 达标 → 未达标\n"
        "    秀景居委会（xiujing）2022 年区级初审: 达标 → 未达标\n"
        "\n"
    )
    # 2021 keeps criteria.yaml: the communities that passed then still have.
    assert "2021 年达标比例：35.3%（未变，目标 45%）" in out
    assert "2022 年达标比例：58.8% → 47.1%（目标 65%）" in out
    assert "    2022 年状态: 已达标 → 未达标\n" in out


def test_a_changed_sheet_between_commits_as_json(repo: GitData) -> None:
    _sheet_2022(repo, "  min_total: 70 ", "  min_total: 70 ")
    base = repo.commit("2022 年评分表（与 2021 年相同）")
    repo.edit(
        "criteria/2022.yaml",
        lambda t: t.replace('      - id: "5.4"\n', '      - id: "5.5"\n', 1).replace(
            "  min_total: 70 ", "  min_total: 75 ", 1
        ),
    )
    head = repo.commit("2022 年评分表：5.4 改为 5.5，达标 75 分")
    got = json.loads(_diff(repo, base, head, "--format", "json"))
    assert got["sheets"] == [
        {
            "path": "data/criteria/2022.yaml",
            "since": 2022,
            "kind": "changed",
            "values": [
                {"what": ["item", "5.4"], "before": "4", "after": None},
                {"what": ["item", "5.5"], "before": None, "after": "4"},
            ],
            "clauses_removed": ["总分不低于 70 分"],
            "clauses_added": ["总分不低于 75 分"],
        }
    ]
    # Scores of 5.4 no longer count in 2022 (GC303 says so), and the mark is 75.
    turned = {
        (e["id"], e["year"], e["stage"], e["before"], e["after"]) for e in got["sheet_effects"]
    }
    assert turned and all(year == 2022 and before == "pass" for _, year, _, before, _ in turned)


def test_no_sheet_change_no_section(repo: GitData) -> None:
    repo.pass_jiahuang()
    out = _diff(repo, "--no-cache")
    assert "评分表变化" not in out
    assert json.loads(_diff(repo, "--no-cache", "--format", "json"))["sheets"] == []
