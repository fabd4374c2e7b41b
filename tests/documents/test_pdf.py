"""PDF through WeasyPrint, read back with poppler-utils (pdftotext, pdfinfo, pdffonts).

Each PDF is laid out once (module-scoped fixtures; under pytest-xdist the
workers share the files, see helpers.made_once) and shared by the assertions
about it.  The submission bundle is checked on the small data set
(helpers.write_small_data: five documents), not on the shipped 17 documents:
page arithmetic does not need a big bundle.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from greencommunity.documents.planning import Plan, Request, plan_documents
from greencommunity.documents.render import Renderer
from greencommunity.documents.writing import write_plan
from tests.documents.helpers import (
    ISSUED,
    SMALL_YEAR,
    checked,
    made_once,
    page_numbers,
    pdf_fields,
    pdf_fonts,
    pdf_info,
    pdf_pages,
    pdf_pages_text,
    pdf_text,
    plan,
    require_weasyprint,
    shipped,
    small_data,
)

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Pdf:
    path: Path
    title: str
    text: str  # without white space


def _pdf(
    tmp_path_factory: pytest.TempPathFactory,
    kind: str,
    ids: tuple[str, ...],
    year: int,
    issued: dt.date | None,
) -> Pdf:
    require_weasyprint()
    doc = plan(shipped(), kind, ids, year, issued).documents[0]

    def make(folder: Path) -> None:
        (folder / f"{doc.stem}.pdf").write_bytes(Renderer().render(doc, "pdf"))

    path = made_once(tmp_path_factory, f"pdf-{doc.stem}", make) / f"{doc.stem}.pdf"
    assert path.read_bytes().startswith(b"%PDF-")
    return Pdf(path, doc.title, pdf_text(path))


@pytest.fixture(scope="module")
def application_pdf(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    # No signing date: a community's document is dated by its submission.
    return _pdf(tmp_path_factory, "application", ("songxin",), 2021, None)


@pytest.fixture(scope="module")
def scoresheet_pdf(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    return _pdf(tmp_path_factory, "scoresheet", ("xiangjia",), 2022, None)


@pytest.fixture(scope="module")
def summary_pdf(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    return _pdf(tmp_path_factory, "summary", (), 2022, ISSUED)


@pytest.fixture(scope="module")
def progress_pdf(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    return _pdf(tmp_path_factory, "progress", (), 2022, ISSUED)


def test_application_pdf_holds_name_total_and_date(application_pdf: Pdf) -> None:
    text = application_pdf.text
    assert application_pdf.title == "崧鑫居委会绿色社区创建申请报告"
    assert application_pdf.title in text
    assert "总分88分" in text
    assert "2021年10月22日" in text
    assert pdf_pages(application_pdf.path) > 1


def test_scoresheet_pdf_holds_name_total_and_why_it_fails(scoresheet_pdf: Pdf) -> None:
    text = scoresheet_pdf.text
    assert "巷佳居委会" in text
    assert "总分68分" in text
    assert "未达标" in text
    assert "总分68分，低于达标分数70分，差2分" in text


def test_summary_pdf_holds_the_year(summary_pdf: Pdf) -> None:
    text = summary_pdf.text
    assert "赵巷镇2022年度绿色社区创建申报汇总表" in text
    assert "佳昱居委会" in text
    # Signed on 30 October, before any review: under review (考评中).
    assert "区级初审" in text and "考评中" in text and "已创建达标6个（35.3%）" in text
    assert "2022年10月30日" in text


def test_summary_pdf_uses_a_cjk_font(summary_pdf: Pdf) -> None:
    fonts = pdf_fonts(summary_pdf.path)
    # The fonts embedded are CJK ones (Noto CJK on Linux), not a fallback.
    assert "CJK" in fonts or "Han" in fonts or "SimSun" in fonts, fonts


def test_progress_pdf_draws_the_chart(progress_pdf: Pdf) -> None:
    text = progress_pdf.text
    assert "赵巷镇绿色社区创建行动进度报告" in text
    assert "35.3%" in text  # as of 30 October, the day it is signed
    assert "目标65%" in text  # the chart's target label, drawn as SVG text


def test_summary_headings_do_not_wrap_one_character_per_line(summary_pdf: Pdf) -> None:
    """自评总分 was laid out 自/评/总/分, 序号 序/号: a heading breaks only at its <br>."""
    first = pdf_pages_text(summary_pdf.path)[0]
    assert re.search(r"^\s*序号\s", first, re.MULTILINE), first[:1500]
    lines = first.splitlines()
    at = next(n for n, line in enumerate(lines) if re.search(r"自评\s+自评", line))
    assert any(re.search(r"总分\s+结论", line) for line in lines[at + 1 : at + 4]), first[:1500]


PDF_FIXTURES = ["application_pdf", "scoresheet_pdf", "summary_pdf", "progress_pdf"]


@pytest.mark.parametrize("name", PDF_FIXTURES)
def test_pdf_is_tagged_archival_and_titled(name: str, request: pytest.FixtureRequest) -> None:
    """PDF/A-2a (archival, level A: tagged), titled as the document in its metadata."""
    pdf: Pdf = request.getfixturevalue(name)
    fields = pdf_fields(pdf.path)
    assert fields["Title"] == pdf.title
    assert fields["Tagged"] == "yes"
    assert fields["PDF version"] == "1.7"
    assert fields["Metadata Stream"] == "yes"
    meta = pdf_info(pdf.path, "-meta")
    assert 'pdfaid:part="2"' in meta and 'pdfaid:conformance="A"' in meta
    assert pdf.title in meta  # dc:title
    # The logical structure (-struct-text would show its text, at seconds a page).
    elements = [line.split()[0].rstrip(":") for line in pdf_info(pdf.path, "-struct").splitlines()]
    assert elements[0] == "Document" and elements.count("H1") == 1
    assert {"Table", "TH", "TD", "P"} <= set(elements)


def test_community_pdfs_are_titled_with_their_community(
    application_pdf: Pdf, scoresheet_pdf: Pdf
) -> None:
    assert pdf_fields(application_pdf.path)["Title"] == "崧鑫居委会绿色社区创建申请报告"
    assert pdf_fields(scoresheet_pdf.path)["Title"] == "巷佳居委会自测评分表"


# ------------------------------------------------------------- the submission bundle


@dataclass(frozen=True)
class Written:
    plan: Plan
    folder: Path
    paths: list[Path]

    @property
    def bundle(self) -> Path:
        return self.folder / f"{self.plan.year}-submission.pdf"

    @property
    def parts(self) -> list[Path]:
        """The documents' files, in plan order."""
        return [self.folder / f"{d.stem}.pdf" for d in self.plan.documents]


def _submission_plan(folder: Path) -> Plan:
    data = checked(folder / "data")
    return plan_documents(Request("submission", year=SMALL_YEAR, issued=ISSUED), data)


def _write_submission(folder: Path) -> None:
    data = small_data(folder / "data")
    (folder / "out").mkdir()
    written = write_plan(_submission_plan(folder), Renderer(data.root), "pdf", folder / "out")
    (folder / "written.txt").write_text("\n".join(p.name for p in written), encoding="utf-8")


@pytest.fixture(scope="module")
def submission(tmp_path_factory: pytest.TempPathFactory) -> Written:
    require_weasyprint()
    folder = made_once(tmp_path_factory, "pdf-submission", _write_submission)
    names = (folder / "written.txt").read_text(encoding="utf-8").split("\n")
    out = folder / "out"
    return Written(_submission_plan(folder), out, [out / n for n in names])


def test_submission_writes_each_document_the_bundle_and_an_index(submission: Written) -> None:
    assert len(submission.plan.bundle) == 5
    assert submission.paths == [
        *submission.parts,
        submission.bundle,
        submission.folder / "index.html",
    ]
    for path in submission.paths[:-1]:
        assert path.read_bytes().startswith(b"%PDF-"), path.name
    index = (submission.folder / "index.html").read_text(encoding="utf-8")
    for path in submission.paths[:-1]:
        assert f'href="{path.name}"' in index


def test_bundle_pages_are_the_documents_pages_in_order(submission: Written) -> None:
    """The combined print file reuses each document's layout: its pages are
    exactly the documents' pages, in plan order."""
    assert pdf_pages(submission.bundle) == sum(pdf_pages(p) for p in submission.parts)
    pages = [page for part in submission.parts for page in pdf_pages_text(part)]
    assert pdf_pages_text(submission.bundle) == pages


def test_each_file_is_titled_as_its_document_and_the_bundle_as_the_bundle(
    submission: Written,
) -> None:
    titles = [pdf_fields(p)["Title"] for p in submission.parts]
    assert titles == [d.title for d in submission.plan.documents]
    assert titles == [
        "测试镇2021年度绿色社区创建申报汇总表",
        "甲居委会绿色社区创建申请报告",
        "甲居委会自测评分表",
        "乙居委会绿色社区创建申请报告",
        "乙居委会自测评分表",
    ]
    fields = pdf_fields(submission.bundle)
    # The combined file is the submission, titled from the kinds table.
    assert fields["Title"] == submission.plan.title == "测试镇2021年度绿色社区创建申报材料"
    assert fields["Tagged"] == "yes"
    assert 'pdfaid:conformance="A"' in pdf_info(submission.bundle, "-meta")
    for part in submission.parts:
        assert pdf_fields(part)["Tagged"] == "yes", part.name


def test_bundle_page_numbers_restart_with_each_document(submission: Written) -> None:
    """Each document is stamped on its own: its pages are numbered 1, 2 … in
    the combined file too (test_browser checks the combined HTML)."""
    expected = [n for part in submission.parts for n in range(1, pdf_pages(part) + 1)]
    assert page_numbers(pdf_pages_text(submission.bundle)) == expected
    assert expected.count(1) == len(submission.parts)


def test_bundle_text_is_the_documents_text_in_plan_order(submission: Written) -> None:
    whole = pdf_text(submission.bundle)
    assert whole == "".join(pdf_text(p) for p in submission.parts)
    assert whole.startswith("测试镇2021年度绿色社区创建申报汇总表")
    assert whole.index("甲居委会绿色社区创建申请报告") < whole.index("乙居委会绿色社区创建申请报告")
    assert "总分60分，低于达标分数70分，差10分" in whole  # beta's self-evaluation fails
    # The draft is listed in the summary but not bound.
    assert "丙居委会绿色社区创建申请报告" not in whole
