"""Every HTML kind opened in headless Chromium: screenshot taken, page text checked.

Chromium is the Debian package ``chromium`` (``.ci/run`` installs it with
``fonts-noto-cjk``).  Outside CI the tests skip when it is absent; in CI
(``CI=true``) a missing browser fails them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from greencommunity.reports.choices import Format, Kind
from greencommunity.reports.kinds import Request, plan_documents
from greencommunity.reports.render import Renderer
from tests.reports.helpers import ISSUED, chromium, page_text, shipped

# (kind, communities, year, texts the page must show: the community or town and the total)
CASES = [
    (Kind.application, ("songxin",), 2021, ["崧鑫居委会", "总分88分"]),
    (Kind.scoresheet, ("longlian",), 2021, ["龙联居委会", "合计", "10074"]),
    (Kind.summary, (), 2021, ["崧鑫居委会", "佳煌居委会", "报送社区合计8个", "17个"]),
    (Kind.progress, (), 2022, ["巷佳居委会", "已创建达标10个", "58.8%"]),
]


@pytest.mark.parametrize(
    ("kind", "ids", "year", "expected"), CASES, ids=[c[0].value for c in CASES]
)
def test_html_opens_in_chromium(
    tmp_path: Path, kind: Kind, ids: tuple[str, ...], year: int, expected: list[str]
) -> None:
    town, criteria, communities = shipped()
    plan = plan_documents(Request(kind, ids, year=year, issued=ISSUED), town, criteria, communities)
    page = tmp_path / f"{plan.documents[0].stem}.html"
    page.write_bytes(Renderer().render(plan.documents[0], Format.html))

    shot = tmp_path / "page.png"
    done = chromium(
        [f"--screenshot={shot}", "--window-size=1240,1754", page.as_uri()], tmp_path / "profile"
    )
    assert shot.is_file(), done.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one

    dom = chromium(["--dump-dom", page.as_uri()], tmp_path / "profile")
    assert dom.returncode == 0, dom.stderr
    text = page_text(dom.stdout)
    for needle in expected:
        assert needle in text, needle


def test_html_is_self_contained_and_print_ready() -> None:
    town, criteria, communities = shipped()
    plan = plan_documents(
        Request(Kind.summary, year=2021, issued=ISSUED), town, criteria, communities
    )
    html = Renderer().html(plan.documents[0])
    assert "<link" not in html and "src=" not in html and "@import" not in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "size: A4" in html
    assert "thead { display: table-header-group; }" in html
    assert "page-break-inside: avoid" in html
    for font in ("Noto Serif CJK SC", "SimSun", "Songti SC", "Microsoft YaHei", "PingFang SC"):
        assert font in html


def test_bundle_puts_each_document_on_a_new_page(tmp_path: Path) -> None:
    town, criteria, communities = shipped()
    plan = plan_documents(
        Request(Kind.submission, year=2021, issued=ISSUED), town, criteria, communities
    )
    html = Renderer().bundle_html(plan.title, plan.bundle)
    assert html.count('<section class="document') == len(plan.bundle) == 17
    assert ".document + .document { break-before: page;" in html
    page = tmp_path / "bundle.html"
    page.write_text(html, encoding="utf-8")
    dom = chromium(["--dump-dom", page.as_uri()], tmp_path / "profile")
    text = page_text(dom.stdout)
    assert "赵巷镇2021年度绿色社区创建申报汇总表" in text
    assert text.count("绿色社区创建申请报告") >= 8
