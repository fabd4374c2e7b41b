"""One wording for each fixed value, shared by the CLI and the documents."""

from __future__ import annotations

import pytest

from greencommunity import labels
from greencommunity.core.scoring import evaluate, pass_rule_clauses
from greencommunity.core.status import Status
from greencommunity.diagnostics import Severity
from greencommunity.i18n import set_language
from greencommunity.models.community import ProjectStatus, Verdict
from tests.factories import make_criteria


@pytest.mark.parametrize(
    ("table", "enum"),
    [
        (labels.STATUS, Status),
        (labels.PROJECT_STATUS, ProjectStatus),
        (labels.SEVERITY, Severity),
        (labels.VERDICT, Verdict),
    ],
)
def test_each_table_covers_its_enum(table: dict[str, str], enum: type[object]) -> None:
    assert set(table) == {member.value for member in enum}  # type: ignore[attr-defined]


def test_stage_table_covers_the_stages() -> None:
    assert set(labels.STAGE) == {"self", "district", "city"}


def test_status_words() -> None:
    assert labels.status(Status.PASSED) == "已达标"
    assert labels.status_in_year(Status.PASSED, 2021, 2022) == "已达标（2021年）"
    assert labels.status_in_year(Status.PASSED, 2022, 2022) == "已达标"
    set_language("en")
    assert labels.status_in_year(Status.PASSED, 2021, 2022) == "passed (2021)"


def test_verdicts() -> None:
    assert [labels.verdict(v) for v in (True, False, None)] == ["达标", "未达标", "无结论"]
    assert [labels.verdict(v) for v in Verdict] == ["达标", "未达标", "需整改"]
    assert labels.status(Status.RECTIFYING) == "整改中"
    set_language("en")
    assert labels.verdict(Verdict.RECTIFY) == "rectification needed"
    assert labels.status(Status.RECTIFYING) == "rectifying"


SHEET = {"1.1": 30, "1.2": 20, "2.1": 5, "2.2": 11}


def test_blockers_in_chinese() -> None:
    result = evaluate(make_criteria(), SHEET)
    assert [labels.blocker(b) for b in result.blockers] == [
        "总分 66 分，低于达标分数 70 分，差 4 分",
        "第 2 类“设施”得 16 分，占该类 50 分的 32%，低于要求的 50%（25 分），差 9 分",
        "必达条目 2.1“垃圾分类”得 5 分，低于要求的 10 分，差 5 分",
    ]


def test_blockers_in_english() -> None:
    set_language("en")
    result = evaluate(make_criteria(), SHEET)
    assert [labels.blocker(b) for b in result.blockers] == [
        "total 66 below the pass mark 70: 4 points short",
        "category 2 (设施) scored 16 of 50 points, 32%, below the required 50% (25 points): "
        "9 points short",
        "required item 2.1 (垃圾分类) scored 5, below the required 10: 5 points short",
    ]


def test_pass_rule_clauses() -> None:
    assert [labels.clause(c) for c in pass_rule_clauses(make_criteria())] == [
        "总分不低于 70 分",
        "每类得分不低于该类分值的 50%",
        "条目 2.1“垃圾分类”得分不低于 10 分",
    ]


def test_funding_channel() -> None:
    assert labels.funding_channel(None) == "无专项资金"
    assert labels.funding_channel("海绵城市建设") == "海绵城市建设"
