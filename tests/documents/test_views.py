"""What the view models say, as the documents print it: each project once, evidence
by name."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from greencommunity.core.projects import projects_of_year
from greencommunity.documents.render import Renderer
from greencommunity.documents.views.application import ApplicationView
from greencommunity.documents.views.common import ReviewRectifications, evidence_label
from greencommunity.documents.views.scoresheet import ScoresheetView
from tests.documents.helpers import page_text, plan, shipped

# ------------------------------------------------------------- projects listed once


def _application(community: str, year: int) -> ApplicationView:
    view = plan(shipped(), "application", (community,), year).documents[0].view
    assert isinstance(view, ApplicationView)
    return view


# Every application of the shipped data with a project serving items of two
# categories (垃圾分类投放点 serves 2.3 and the mechanism item 1.4 …).
TWO_CATEGORIES = [("songxin", 2021), ("xiangjia", 2022), ("jiafudong", 2022), ("xiujing", 2022)]


@pytest.mark.parametrize(("community", "year"), TWO_CATEGORIES)
def test_each_project_is_listed_once_under_its_first_item(community: str, year: int) -> None:
    view = _application(community, year)
    data = shipped()
    projects = projects_of_year(next(c for c in data.communities if c.id == community), year)
    listed = Counter(p.title for e in view.elements for p in e.projects)
    assert listed == Counter(p.title for p in projects)
    category_of = {i.id: c.id for c in data.criteria.criteria_for(year).categories for i in c.items}
    positions = {e.id: n for n, e in enumerate(view.elements, 1)}
    for element in view.elements:
        for project in element.projects:
            assert category_of[project.items[0]] == element.id, project.title
        for other in element.elsewhere:
            # Said where it is listed, and which of this element's items it serves.
            home = view.elements[other.element - 1]
            assert other.title in [p.title for p in home.projects]
            assert other.element_title == home.title and positions[home.id] == other.element
            assert other.items and all(category_of[i] == element.id for i in other.items)
    # Every other category a project serves refers to it.
    for p in projects:
        others = {category_of[i] for i in p.items} - {category_of[p.items[0]]}
        for category in others:
            element = next(e for e in view.elements if e.id == category)
            assert p.title in [o.title for o in element.elsewhere], (p.title, category)
    assert any(e.elsewhere for e in view.elements)


def test_the_application_says_where_a_project_is_listed() -> None:
    doc = plan(shipped(), "application", ("songxin",), 2021).documents[0]
    text = Renderer().markdown(doc)
    assert text.count("| 生活垃圾分类投放点改造（8 处） |") == 1
    assert (
        "“生活垃圾分类投放点改造（8 处）”列于（二）推进社区基础设施绿色化，同时对应本类条目 1.4。"
        in text
    )
    html = Renderer().html(doc)
    assert html.count("<td>生活垃圾分类投放点改造（8 处）") == 1
    assert "“生活垃圾分类投放点改造（8 处）”列于（二）推进社区基础设施绿色化" in html


# ------------------------------------------------------------------------ evidence


def test_evidence_is_named_as_a_reader_names_it() -> None:
    assert evidence_label("议事会会议记录-2021.md") == "议事会会议记录（2021年）"
    assert evidence_label("公约_2022.pdf") == "公约（2022年）"
    assert evidence_label("照片/议事会现场.jpg") == "照片／议事会现场"
    assert evidence_label("验收说明") == "验收说明"
    assert evidence_label("台账 2019.xlsx") == "台账（2019年）"
    assert evidence_label("版本2.1说明.docx") == "版本2.1说明"


FILE_NAME = re.compile(r"\.(md|txt|pdf|docx?|xlsx?|jpe?g|png)\b", re.IGNORECASE)


@pytest.mark.slow
def test_no_document_prints_an_evidence_file_name(every_output: Path) -> None:
    """Evidence printed as 议事会会议记录-2021.md: every evidence cell of every
    application and score sheet names the material, not the file."""
    data = shipped()
    referenced = {
        f
        for c in data.communities
        for a in c.assessments
        if a.self is not None
        for files in a.self.evidence.values()
        for f in files
    }
    assert any(f.endswith(".md") for f in referenced)
    checked = 0
    for path in sorted(every_output.rglob("*.*")):
        if path.suffix in (".md", ".html") and path.stem.endswith(("application", "scoresheet")):
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".html":
                text = page_text(text)  # what the page shows, not its style sheet
            for reference in referenced:
                assert reference not in text, (path.name, reference)
            assert not FILE_NAME.search(text), path.name
            checked += 1
    assert checked > 40


def test_scoresheet_and_application_name_the_same_evidence() -> None:
    sheet = plan(shipped(), "scoresheet", ("songxin",), 2021).documents[0].view
    assert isinstance(sheet, ScoresheetView)
    application = _application("songxin", 2021)
    on_sheet = [f for c in sheet.categories for i in c.items for f in i.files]
    in_application = [f for row in application.evidence for f in row.files]
    assert on_sheet == in_application
    # Every scored item without material of its own has the ledger binder.
    binder = "创建工作台账（2021年）"
    assert [f for f in on_sheet if f != binder] == [
        "议事会会议记录（2021年）",
        "居民意见征询汇总（2021年）",
        "屋顶光伏验收说明（2021年）",
        "绿色生活行为公约（2021年）",
    ]
    assert on_sheet.count(binder) == 19


# -------------------------------------------------------------- the review loop


def _rectifications(kind: str, issued: dt.date | None) -> tuple[ReviewRectifications, ...]:
    view = plan(shipped(), kind, ("jiahuang",), 2022, issued).documents[0].view
    assert isinstance(view, ApplicationView | ScoresheetView)
    return view.rectifications


def test_documents_show_the_rectifications_as_of_their_signing_day() -> None:
    """佳煌's district review (2022-11-10) asks to rectify 3.3 (answered 12-06) and
    3.4 (due 12-20): nothing on a document signed at the submission, then the
    answers as they come."""
    for kind in ("application", "scoresheet"):
        assert _rectifications(kind, None) == ()  # signed on 2022-10-28
        assert _rectifications(kind, dt.date(2022, 11, 9)) == ()
        [before] = _rectifications(kind, dt.date(2022, 12, 5))
        assert (before.stage, before.date, before.outcome) == (
            "district",
            dt.date(2022, 11, 10),
            "rectify",
        )
        assert [(r.item, r.answered, r.days_overdue) for r in before.rows] == [
            ("3.3", None, 0),
            ("3.4", None, 0),
        ]
        [after] = _rectifications(kind, dt.date(2022, 12, 28))
        assert [(r.item, r.answered, r.files, r.days_overdue) for r in after.rows] == [
            ("3.3", dt.date(2022, 12, 6), ("停车管理制度公示照片（2022年）",), 0),
            ("3.4", None, (), 8),
        ]


def test_the_score_sheet_marks_scored_items_without_evidence() -> None:
    sheet = plan(shipped(), "scoresheet", ("songxin",), 2021).documents[0].view
    assert isinstance(sheet, ScoresheetView)
    item = sheet.categories[0].items[0]
    assert (item.id, item.asked, item.unsupported) == (
        "1.1",
        ("创建工作领导小组名单", "党组织会议记录", "居民公约或自治章程"),
        False,
    )
    bare = replace(item, files=())
    assert bare.unsupported
    assert not replace(bare, score=0.0).unsupported
    assert not replace(bare, asked=()).unsupported
