"""--format xlsx of gc report: the town's summary and a score sheet as
workbooks, every figure and word the same as in the view and on paper."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from greencommunity.cli.app import app
from greencommunity.documents.planning import Request, plan_documents
from greencommunity.documents.render import Renderer
from greencommunity.documents.views.scoresheet import ScoresheetView
from greencommunity.documents.views.summary import SummaryView
from greencommunity.validation import validate

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
EXAMPLE = REPO / "examples" / "criteria" / "hundred-points" / "data"
runner = CliRunner()
# Self verdict, district, city, status of two rows of the 2022 summary.
# 佳煌's 2022 district review asks it to rectify: its score and 需整改, 整改中.
RECTIFYING = ("达标", "72.5 分，需整改（2022年11月10日）", "—", "整改中")
PASSED = ("达标", "78 分，达标（2022年11月9日）", "—", "已达标")


def _document(kind: str, *communities: str) -> tuple[Any, Worksheet]:
    checked = validate(DATA).checked()
    assert checked is not None
    plan = plan_documents(Request(kind, communities, year=2022, format="xlsx"), checked)
    doc = plan.documents[0]
    book = load_workbook(io.BytesIO(Renderer(checked.root).render(doc, "xlsx")))
    sheet = book.active
    assert sheet is not None
    return doc.view, sheet


@pytest.mark.parametrize(
    ("kind", "communities", "title"),
    [
        ("summary", (), "赵巷镇2022年度绿色社区创建申报汇总表"),
        ("scoresheet", ("jiafudong",), "佳福东居委会自测评分表"),
    ],
)
def test_the_file_properties_carry_the_documents_title(
    kind: str, communities: tuple[str, ...], title: str
) -> None:
    checked = validate(DATA).checked()
    assert checked is not None
    doc = plan_documents(Request(kind, communities, year=2022, format="xlsx"), checked).documents[0]
    book = load_workbook(io.BytesIO(Renderer(checked.root).render(doc, "xlsx")))
    assert doc.view.meta.title == title
    assert (book.properties.title, book.properties.creator) == (title, "gc")


def _rows(sheet: Worksheet, first: int, last: int) -> list[tuple[object, ...]]:
    return [tuple(r) for r in sheet.iter_rows(min_row=first, max_row=last, values_only=True)]


def test_the_summary_has_a_row_per_community_with_its_subtotals() -> None:
    view, sheet = _document("summary")
    assert isinstance(view, SummaryView)
    assert sheet.title == "申报汇总表"
    assert sheet["A1"].value == "赵巷镇2022年度绿色社区创建申报汇总表"
    assert _rows(sheet, 4, 6) == [
        (
            "序号",
            "社区（居委会）",
            "创建批次",
            "报送日期",
            "一、社区人居环境建设和整治机制（20 分）",
            "二、推进社区基础设施绿色化（25 分）",
            "三、营造社区宜居环境（25 分）",
            "四、提升社区信息化智能化水平（15 分）",
            "五、培育社区绿色文化（15 分）",
            "自评总分",
            "自评结论",
            "区级初审",
            "市级抽样考评",
            "状态",
        ),
        (
            1,
            "佳煌居委会",
            "2021年",
            dt.datetime(2022, 10, 28),
            17,
            18.5,
            21.5,
            11,
            12,
            80,
            *RECTIFYING,
        ),
        (2, "龙联居委会", "2021年", dt.datetime(2022, 10, 24), 18, 18.5, 21, 12.5, 12, 82, *PASSED),
    ]
    assert sheet["D5"].number_format == 'yyyy"年"m"月"d"日"'
    assert sheet["A10"].value == "合计：报送 5 个，自评达标 5 个（达标分数 70 分）"
    assert sheet["A12"].value == "另有 1 个社区本年度已开展创建但尚未报送申报材料："
    assert _rows(sheet, 13, 13) == [
        (6, "巷佳居委会", "2022年", None, 17, 15.5, 18, 8, 9.5, 68, "未达标", "—", "—", "创建中")
    ]
    # The figures are the view's, never computed again.
    for row, community in enumerate(view.rows, 5):
        assert community.self is not None
        subtotals = [sheet.cell(row=row, column=c).value for c in range(5, 10)]
        assert subtotals == list(community.self.categories)
        assert sheet.cell(row=row, column=10).value == community.self.score


def test_the_score_sheet_has_the_layout_of_the_sheet_to_fill_in() -> None:
    view, sheet = _document("scoresheet", "jiafudong")
    assert isinstance(view, ScoresheetView)
    assert sheet.title == "自测评分表"
    assert _rows(sheet, 5, 7) == [
        ("编号", "评分内容", "分值", "佐证材料", "自评得分", "说明"),
        ("1", "社区人居环境建设和整治机制", None, None, None, None),
        (
            "1.1",
            "绿色社区创建与基层党组织建设、居民自治机制建设、社区服务体系建设有机结合"
            "（党建引领与居民自治机制）",
            5,
            "应附：创建工作领导小组名单、党组织会议记录、居民公约或自治章程。"
            "已附：创建工作台账（2022年）。",
            4.5,
            None,
        ),
    ]
    assert _rows(sheet, 11, 11) == [
        (None, "小计", 20, "得分率 87.5%（要求不低于 50%）", 17.5, None)
    ]
    assert _rows(sheet, 38, 38) == [(None, "合计", 100, "达标", 84, None)]
    assert [sheet.cell(row=r, column=1).value for r in range(41, 46)] == [
        "自评结论：总分 84 分（满分 100 分），达标。",
        "自评单位（盖章）：佳福东居委会",
        "填表人（签字）：＿＿＿＿＿＿＿＿",
        "社区负责人（签字）：＿＿＿＿＿＿＿＿",
        "日期：2022年10月25日",
    ]
    assert sheet["F3"].value == "报送日期：2022年10月25日"
    assert view.score.score == 84
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


# The lines under a score sheet's table: its verdict and what is signed.
SIGNED = ("自评结论：", "自评单位", "填表人", "社区负责人")


def _said(data: Path, community: str, note: str = "") -> tuple[list[str], list[str]]:
    """The subtotal remarks and the lines under the table of a score sheet, as its
    Markdown says them (markup removed) and as its workbook does; *note* is
    given to its first category (a minimum in points, which the data lack)."""
    checked = validate(data).checked()
    assert checked is not None
    doc = plan_documents(Request("scoresheet", (community,)), checked).documents[0]
    if note:
        first = dataclasses.replace(doc.view.categories[0], note=note)
        view = dataclasses.replace(doc.view, categories=(first, *doc.view.categories[1:]))
        doc = dataclasses.replace(doc, view=view)
    renderer = Renderer(checked.root)
    lines = renderer.markdown(doc).replace("**", "").splitlines()
    paper = [ln.split(" | ")[4] for ln in lines if ln.startswith("| | 小计 |")]
    paper += [ln for ln in lines if ln.startswith(SIGNED)]
    sheet = load_workbook(io.BytesIO(renderer.render(doc, "xlsx"))).active
    assert sheet is not None
    cells = [str(sheet.cell(row=r, column=1).value) for r in range(1, sheet.max_row + 1)]
    book = [str(r[3]) for r in sheet.iter_rows(values_only=True) if r[1] == "小计"]
    book += [c for c in cells if c.startswith(SIGNED)]
    return paper, book


def test_the_score_sheet_workbook_says_what_the_document_says() -> None:
    """The same catalog sentences: a level reached and a category's note too."""
    paper, book = _said(EXAMPLE, "dongyuan")
    assert book == paper
    assert "自评结论：总分 91 分（满分 100 分），达标（优秀）。" in book
    paper, book = _said(DATA, "jiafudong", note="要求不低于 12 分")
    assert book == paper
    assert book[0] == "得分率 87.5%（要求不低于 50%）；要求不低于 12 分"


def test_report_writes_a_workbook_into_the_output_folder(tmp_path: Path) -> None:
    args = ["report", "summary", "--year", "2022", "--format", "xlsx", "--data", str(DATA)]
    result = runner.invoke(app, [*args, "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2022-summary.xlsx"]
    assert result.stdout == f"已写入 1 个文件到 {tmp_path}：\n  2022-summary.xlsx\n"


def test_a_workbook_is_never_printed_to_the_terminal() -> None:
    args = ["report", "summary", "--year", "2022", "--format", "xlsx", "--data", str(DATA)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    need = "错误：多份材料，或 pdf、xlsx、docx 文件，需要用 --output 指定输出目录。\n"
    assert result.stderr == need


def test_a_kind_that_is_not_a_table_has_no_workbook(tmp_path: Path) -> None:
    args = ["report", "application", "jiafudong", "--format", "xlsx", "--data", str(DATA)]
    result = runner.invoke(app, [*args, "--output", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == "错误：application 没有 xlsx 格式。可用：markdown、html、pdf、docx。\n"
    assert list(tmp_path.iterdir()) == []
