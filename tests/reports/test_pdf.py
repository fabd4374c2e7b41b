"""PDF through WeasyPrint, read back with pdftotext (poppler-utils)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from greencommunity.reports.choices import Format, Kind
from greencommunity.reports.kinds import Request, plan_documents
from greencommunity.reports.render import Renderer, pdf_available
from tests.reports.helpers import ISSUED, in_ci, pdf_fonts, pdf_pages, pdf_text, shipped


@pytest.fixture(autouse=True)
def _need_weasyprint() -> None:
    if not pdf_available():
        message = "WeasyPrint (the pdf extra) is not installed; make install installs it"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)


def _text(pdf: bytes, tmp_path: Path) -> str:
    assert pdf.startswith(b"%PDF-")
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return re.sub(r"\s+", "", pdf_text(path))


def test_application_pdf_holds_name_and_total(tmp_path: Path) -> None:
    town, criteria, communities = shipped()
    plan = plan_documents(
        Request(Kind.application, ("songxin",), year=2021), town, criteria, communities
    )
    text = _text(Renderer().render(plan.documents[0], Format.pdf), tmp_path)
    assert "崧鑫居委会" in text
    assert "绿色社区创建申请报告" in text
    assert "总分88分" in text
    assert "2021年10月22日" in text


def test_scoresheet_pdf_holds_name_and_total(tmp_path: Path) -> None:
    town, criteria, communities = shipped()
    plan = plan_documents(
        Request(Kind.scoresheet, ("xiangjia",), year=2022), town, criteria, communities
    )
    text = _text(Renderer().render(plan.documents[0], Format.pdf), tmp_path)
    assert "巷佳居委会" in text
    assert "总分68分" in text
    assert "未达标" in text


def test_summary_pdf_uses_a_cjk_font(tmp_path: Path) -> None:
    town, criteria, communities = shipped()
    plan = plan_documents(
        Request(Kind.summary, year=2022, issued=ISSUED), town, criteria, communities
    )
    pdf = Renderer().render(plan.documents[0], Format.pdf)
    text = _text(pdf, tmp_path)
    assert "赵巷镇2022年度" in text
    assert "佳昱居委会" in text
    assert "2022年10月30日" in text
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    fonts = pdf_fonts(path)
    # The fonts embedded are CJK ones (Noto CJK on Linux), not a fallback.
    assert "CJK" in fonts or "Han" in fonts or "SimSun" in fonts, fonts


def test_progress_pdf_draws_the_chart(tmp_path: Path) -> None:
    town, criteria, communities = shipped()
    plan = plan_documents(
        Request(Kind.progress, year=2022, issued=ISSUED), town, criteria, communities
    )
    text = _text(Renderer().render(plan.documents[0], Format.pdf), tmp_path)
    assert "进度报告" in text
    assert "目标65%" in text  # the chart's target label, drawn as SVG text


def test_submission_bundle_is_every_document_in_order(tmp_path: Path) -> None:
    """The combined print file reuses each document's layout: its pages are
    exactly the documents' pages, in plan order."""
    from typer.testing import CliRunner

    from greencommunity.cli.app import app
    from tests.reports.helpers import DATA

    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "report",
            "submission",
            "--year",
            "2021",
            "--format",
            "pdf",
            "--data",
            str(DATA),
            "--output",
            str(out),
            "--date",
            "2021-10-30",
        ],
    )
    assert result.exit_code == 0, result.output
    bundle = out / "2021-submission.pdf"
    parts = [p for p in sorted(out.glob("2021-*.pdf")) if p != bundle]
    assert parts
    assert pdf_pages(bundle) == sum(pdf_pages(p) for p in parts)
    whole = _text(bundle.read_bytes(), tmp_path)
    texts = [_text(p.read_bytes(), tmp_path) for p in parts]
    assert len(whole) == sum(len(t) for t in texts)
    assert "崧鑫居委会" in whole and "赵巷镇2021年度绿色社区创建申报汇总表" in whole
