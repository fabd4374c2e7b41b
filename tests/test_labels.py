"""One wording for each fixed value, shared by the CLI and the documents."""

from __future__ import annotations

import pytest

from greencommunity import labels
from greencommunity.core.evaluations import Owed, Timing
from greencommunity.core.scoring import evaluate, pass_rule_clauses
from greencommunity.core.status import Status
from greencommunity.diagnostics import Severity
from greencommunity.i18n import set_language
from greencommunity.models import Criteria
from greencommunity.models.community import ProjectStatus, Verdict
from greencommunity.models.criteria import CategoryKind
from tests.factories import criteria_data, make_criteria


@pytest.mark.parametrize(
    ("table", "enum"),
    [
        (labels.STATUS, Status),
        (labels.PROJECT_STATUS, ProjectStatus),
        (labels.SEVERITY, Severity),
        (labels.VERDICT, Verdict),
        (labels.TIMING, Timing),
        (labels.OWED, Owed),
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


# The rule kinds a district's sheet may add (vetoes, k of n, categories with a
# score, minimums in points, bonus and deduction caps, levels).

KINDS = {
    **criteria_data(),
    "pass_rule": {
        "min_total": 60,
        "min_categories_scored": 2,
        "required_items": [{"item": "1.1", "min_share": "60%"}],
        "at_least": [
            {"count": 2, "items": ["1.1", "1.2", "2.2"]},
            {"count": 1, "items": ["2.1", "2.2"], "min_share": "80%", "title": "设施两项至少一项"},
        ],
        "vetoes": [
            {"id": "safety", "title": "重大安全事故"},
            {"id": "sorting", "title": "垃圾分类不得分", "item": "2.1"},
        ],
    },
    "levels": [{"title": "示范", "min_total": 90}],
    "categories": [
        {**criteria_data()["categories"][0], "min_points": 40},
        criteria_data()["categories"][1],
        {
            "id": 3,
            "title": "加分项",
            "kind": "bonus",
            "cap": 5,
            "items": [{"id": "3.1", "title": "示范", "points": 8}],
        },
        {
            "id": 4,
            "title": "扣分项",
            "kind": "deduction",
            "items": [{"id": "4.1", "title": "通报", "points": 5}],
        },
    ],
}
KIND_SHEET = {"1.1": 17.5, "1.2": 20}


def test_category_kind_table_covers_its_enum() -> None:
    assert set(labels.CATEGORY_KIND) == {kind.value for kind in CategoryKind}
    assert [labels.category_kind(k.value) for k in CategoryKind] == ["计分项", "加分项", "扣分项"]


def test_every_blocker_kind_in_chinese() -> None:
    criteria = Criteria.model_validate(KINDS)
    result = evaluate(criteria, KIND_SHEET, {"safety": "小区起火"})
    assert [labels.blocker(b) for b in result.blockers] == [
        "一票否决：重大安全事故（事由：小区起火）",
        "一票否决：垃圾分类不得分（条目 2.1 得 0 分）",
        "总分 37.5 分，低于达标分数 60 分，差 22.5 分",
        "第 1 类“机制”得 37.5 分，低于该类最低分 40 分，差 2.5 分",
        "必达条目 1.1“议事平台”得 17.5 分，低于要求的 18 分，差 0.5 分",
        "条目 1.1、1.2、2.2 中须至少 2 项得满分，现有 1 项，差 1 项"
        "（未达到：1.1、2.2；至少还差 12.5 分）",
        "设施两项至少一项：须至少 1 项得分不低于其分值的 80%，现有 0 项，差 1 项"
        "（未达到：2.1、2.2；至少还差 16 分）",
        "须至少 2 类有得分，现有 1 类，差 1 类（未得分：第 2 类）",
    ]


def test_every_blocker_kind_in_english() -> None:
    set_language("en")
    criteria = Criteria.model_validate(KINDS)
    result = evaluate(criteria, KIND_SHEET, {"safety": "fire"})
    assert [labels.blocker(b) for b in result.blockers][:2] == [
        "vetoed: 重大安全事故 (reason: fire)",
        "vetoed: 垃圾分类不得分 (item 2.1 scored 0)",
    ]
    assert labels.blocker(result.blockers[-1]) == (
        "at least 2 categories must have a score; 1 do: 1 short (no score: categories 2)"
    )


def test_every_clause_kind() -> None:
    criteria = Criteria.model_validate(KINDS)
    assert [labels.clause(c) for c in pass_rule_clauses(criteria)] == [
        "一票否决：重大安全事故",
        "一票否决：垃圾分类不得分（条目 2.1 得 0 分）",
        "总分不低于 60 分",
        "第 1 类“机制”得分不低于 40 分",
        "条目 1.1“议事平台”得分不低于 18 分",
        "条目 1.1、1.2、2.2 中至少 2 项得满分",
        "设施两项至少一项（2 项中至少 1 项得分不低于其分值的 80%）",
        "至少 2 类有得分",
        "加分项第 3 类“加分项”最多加 5 分",
        "扣分项第 4 类“扣分项”最多扣 5 分",
        "达标且总分不低于 90 分为示范",
    ]


def test_levels_and_caps() -> None:
    assert labels.level(None) == "达标"
    assert labels.level("示范") == "示范"
    assert labels.cap("bonus", 5, 8) == "最多加 5 分"
    assert labels.cap("deduction", None, 5) == "最多扣 5 分"
    assert labels.cap("deduction", -3, 5) == "最多扣 0 分"  # GC341


def test_evaluation_words() -> None:
    assert [labels.timing(t) for t in Timing] == ["按期完成", "逾期完成", "逾期未完成", "实施中"]
    assert [labels.owed(o) for o in Owed] == ["已报送", "待报送", "逾期未报送"]
    set_language("en")
    assert labels.owed(Owed.OVERDUE) == "overdue"
