"""Every HTML kind opened in headless Chromium: screenshot taken, page text checked.

Chromium is the Debian package ``chromium`` (``.ci/run`` installs it with
``fonts-noto-cjk``).  Outside CI the tests skip when it is absent; in CI
(``CI=true``) a missing browser fails them.  One browser start per page: the
screenshot and the DOM dump come from the same run.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from greencommunity.documents.kinds import KINDS
from greencommunity.documents.render import Renderer
from tests.documents.cdp import Browser
from tests.documents.helpers import (
    ISSUED,
    chromium,
    page_numbers,
    page_text,
    pdf_pages_text,
    plan,
    shipped,
)

# (kind, communities, year, texts the page must show: the community or town and the total)
CASES = [
    ("application", ("songxin",), 2021, ["崧鑫居委会绿色社区创建申请报告", "总分88分"]),
    ("scoresheet", ("longlian",), 2021, ["龙联居委会", "合计", "10074"]),
    (
        "summary",
        (),
        2021,
        [
            "赵巷镇2021年度绿色社区创建申报汇总表",
            "崧鑫居委会",
            "佳煌居委会",
            "合计：报送8个",
            "17个",
        ],
    ),
    ("evaluation", ("songxin",), 2022, ["崧鑫居委会2022年度", "1680户", "按期完成"]),
    ("progress", (), 2022, ["巷佳居委会", "已创建达标6个", "35.3%", "市级抽样考评"]),
]


def test_the_cases_cover_every_document_kind() -> None:
    assert sorted(c[0] for c in CASES) == sorted(k for k, v in KINDS.items() if v.scope != "bundle")


def _open(page: Path, tmp_path: Path) -> str:
    """Open *page* in Chromium: check the screenshot, return the visible text."""
    shot = tmp_path / "page.png"
    done = chromium(
        [f"--screenshot={shot}", "--window-size=1240,1754", "--dump-dom", page.as_uri()],
        tmp_path / "profile",
    )
    assert done.returncode == 0, done.stderr
    assert shot.is_file(), done.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
    assert done.stdout.lstrip().startswith("<!DOCTYPE html>"), done.stdout[:200]
    return page_text(done.stdout)


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "ids", "year", "expected"), CASES, ids=[c[0] for c in CASES])
def test_html_opens_in_chromium(
    tmp_path: Path, kind: str, ids: tuple[str, ...], year: int, expected: list[str]
) -> None:
    doc = plan(shipped(), kind, ids, year, ISSUED).documents[0]
    page = tmp_path / f"{doc.stem}.html"
    page.write_bytes(Renderer().render(doc, "html"))
    text = _open(page, tmp_path)
    for needle in expected:
        assert needle in text, needle


def test_html_is_self_contained_and_print_ready() -> None:
    html = Renderer().html(plan(shipped(), "summary", year=2021).documents[0])
    assert "<link" not in html and "src=" not in html and "@import" not in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "size: A4" in html
    assert "thead { display: table-header-group; }" in html
    assert "page-break-inside: avoid" in html
    for font in ("Noto Serif CJK SC", "SimSun", "Songti SC", "Microsoft YaHei", "PingFang SC"):
        assert font in html


@pytest.mark.slow
def test_bundle_puts_each_document_on_a_new_page(tmp_path: Path) -> None:
    made = plan(shipped(), "submission", year=2021)
    html = Renderer().bundle_html(made.title, made.bundle, made.provenance)
    assert html.count('<section class="document') == len(made.bundle) == 17
    assert ".document + .document { break-before: page;" in html
    assert f"<title>{made.title}</title>" in html
    page = tmp_path / "bundle.html"
    page.write_text(html, encoding="utf-8")
    text = _open(page, tmp_path)
    assert "赵巷镇2021年度绿色社区创建申报汇总表" in text
    assert text.count("绿色社区创建申请报告") >= 8


# ------------------------------------------------- layout at the printed width


# The printed width of A4 less the margins of _style.css.j2 (210 − 22 − 20 mm) in
# CSS pixels: Chromium lays a page out at this width as WeasyPrint does.
PRINT_WIDTH = round((210 - 22 - 20) / 25.4 * 96)

# Per table heading: how many lines it takes, and how many it was written as
# (its <br>s + 1); per table: whether it sticks out of the page.
LAYOUT = r"""
(() => {
  const wrapped = [];
  for (const th of document.querySelectorAll("th")) {
    const written = th.innerHTML.split(/<br\s*\/?>/i).length;
    const range = document.createRange();
    range.selectNodeContents(th);
    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
    if (lines > written) wrapped.push(th.textContent + " (" + lines + " lines)");
  }
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("table")]
    .filter(t => t.getBoundingClientRect().right > width + 1)
    .map(t => (t.querySelector("th") || t).textContent.slice(0, 20));
  return {wrapped, wide};
})()
"""


@pytest.mark.slow
def test_headings_never_wrap_and_tables_fit_the_page(every_output: Path, tmp_path: Path) -> None:
    """自评总分 was laid out one character per line: a table heading takes
    only the lines its template writes, and no table is wider than the page,
    in every HTML output laid out at the printed width."""
    problems = {}
    with Browser(tmp_path / "profile") as browser:
        browser.send("Emulation.setEmulatedMedia", {"media": "print"})
        browser.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": PRINT_WIDTH, "height": 1100, "deviceScaleFactor": 1, "mobile": False},
        )
        # A submission's parts are the documents of the other folders again.
        pages = [
            p
            for p in sorted(every_output.rglob("*.html"))
            if p.parent.name != "submission"
            or p.stem in ("index", p.parent.parent.name + "-submission")
        ]
        assert len(pages) > 50
        for page in pages:
            browser.open(page)
            found = browser.evaluate(LAYOUT)
            if found["wrapped"] or found["wide"]:
                problems[page.relative_to(every_output).as_posix()] = found
    assert problems == {}


# ------------------------------------------------------------------ page numbers


def _print(browser: Browser, page: Path, pdf: Path) -> list[int | None]:
    """*page* printed by Chromium (its @page rules, margin boxes and all): the
    page number in each page's footer."""
    browser.open(page)
    printed = browser.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    pdf.write_bytes(base64.b64decode(printed["data"]))
    return page_numbers(pdf_pages_text(pdf))


@pytest.mark.slow
def test_printed_html_never_numbers_pages_across_documents(
    every_output: Path, tmp_path: Path
) -> None:
    """Page numbers count each document's own pages, as in the combined PDF
    (test_pdf).  A document's page prints 第 1 页, 第 2 页 …; the combined
    HTML file, where a browser cannot restart the count (no CSS page groups),
    prints no number rather than one running on across documents."""
    folder = every_output / "html" / "small" / "2021" / "submission"
    with Browser(tmp_path / "profile") as browser:
        alone = _print(browser, folder / "2021-alpha-application.html", tmp_path / "one.pdf")
        combined = _print(browser, folder / "2021-submission.html", tmp_path / "all.pdf")
    assert alone == list(range(1, len(alone) + 1)) and len(alone) > 1
    assert len(combined) > len(alone)
    assert combined == [None] * len(combined)
