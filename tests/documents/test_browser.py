"""Every HTML kind opened in headless Chromium: screenshot taken, page text checked.

Chromium is the Debian package ``chromium`` (``.ci/run`` installs it with
``fonts-noto-cjk``).  Outside CI the tests skip when it is absent; in CI
(``CI=true``) a missing browser fails them.  One browser start per page: the
screenshot and the DOM dump come from the same run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from greencommunity.documents.kinds import KINDS
from greencommunity.documents.render import Renderer
from tests.documents.helpers import ISSUED, chromium, page_text, plan, shipped

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
            "报送社区合计8个",
            "17个",
        ],
    ),
    ("progress", (), 2022, ["巷佳居委会", "已创建达标10个", "58.8%", "市级抽样考评"]),
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
    html = Renderer().bundle_html(made.title, made.bundle)
    assert html.count('<section class="document') == len(made.bundle) == 17
    assert ".document + .document { break-before: page;" in html
    assert f"<title>{made.title}</title>" in html
    page = tmp_path / "bundle.html"
    page.write_text(html, encoding="utf-8")
    text = _open(page, tmp_path)
    assert "赵巷镇2021年度绿色社区创建申报汇总表" in text
    assert text.count("绿色社区创建申请报告") >= 8
