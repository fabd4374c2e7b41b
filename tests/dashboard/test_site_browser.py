"""The site as a visitor sees it: headless Chromium, axe-core and the Nu HTML checker.

One site is built once for the module, with every kind of page: the town's
pages from a real git repository with two commits (so the history page is
there), and a district page rolled up over that town and a second one (so a
town under towns/ is there too).  Chromium opens it from ``file://`` with the
network refused, as an officer's browser opens a copied folder.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from greencommunity.dashboard.build import write_site
from greencommunity.dashboard.site import build_pages
from greencommunity.provenance import unknown
from greencommunity.validation import validate
from tests import tools
from tests.documents.cdp import Browser
from tests.factories import passed_in, town_data, write_data
from tests.git.conftest import make_repo

pytestmark = pytest.mark.slow

# One page of each kind the site has.
PAGE_KINDS = {
    "index": "index.html",
    "list": "communities/page-1.html",
    "community": "communities/xiangjia.html",
    "passed": "passed.html",
    "history": "history.html",
    "district": "district.html",
    "town under the district": "towns/other/index.html",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    district = tmp_path_factory.mktemp("district")
    repo = make_repo(district)  # district/town-data/data, one commit
    repo.pass_jiahuang()
    repo.commit("佳煌 2022 区级考评通过", day="2022-11-10")
    write_data(
        district / "other",
        [passed_in(f"c{i}", 2021) for i in range(3)],
        town=town_data(4, name="乙镇", district="青浦区"),
    )
    data = validate(repo.data).checked()
    assert data is not None
    out = tmp_path_factory.mktemp("site")
    day = dt.date(2022, 12, 1)
    pages = build_pages(data, year=None, today=day, provenance=unknown(day), rollup=[district])
    write_site(out, pages)
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with Browser(tmp_path_factory.mktemp("profile"), [tools.axe()]) as opened:
        yield opened


def test_every_kind_of_page_is_there(site: Path) -> None:
    for page in PAGE_KINDS.values():
        assert (site / page).is_file(), page


@pytest.mark.parametrize("page", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_axe_finds_no_violation(site: Path, browser: Browser, page: str) -> None:
    browser.open(site / page)
    assert browser.evaluate(tools.AXE_RUN) == []


def test_nu_html_checker_finds_no_error_on_any_page(site: Path) -> None:
    assert tools.nu_errors(sorted(str(p) for p in site.rglob("*.html"))) == []


def _text(browser: Browser) -> str:
    text: str = browser.evaluate("document.body.innerText")
    return "".join(text.split())


def test_the_index_is_drawn_and_says_the_share(site: Path, browser: Browser) -> None:
    browser.open(site / "index.html")
    shot = base64.b64decode(browser.send("Page.captureScreenshot", {"format": "png"})["data"])
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(shot) > 20_000  # a drawn page, not a blank one
    text = _text(browser)
    # 佳煌 passed in the second commit: 11 of 17 in 2022.
    assert "11/17" in text and "64.7%" in text and "赵巷镇" in text
    # The chart is an inline SVG with a text alternative.
    assert browser.evaluate("document.querySelectorAll('svg title').length") >= 1


def test_the_history_page_has_both_commits(site: Path, browser: Browser) -> None:
    browser.open(site / "history.html")
    text = _text(browser)
    assert "58.8%" in text and "64.7%" in text


def test_the_search_filters_without_a_server(site: Path, browser: Browser) -> None:
    browser.open(site / "communities" / "page-1.html")
    found = browser.evaluate(
        """(() => {
            const q = document.getElementById("q");
            q.value = "巷佳";
            q.dispatchEvent(new Event("input"));
            const results = document.getElementById("results");
            return [results.hidden, document.getElementById("paged").hidden,
                    [...results.querySelectorAll("a")].map(a => a.getAttribute("href"))];
        })()"""
    )
    assert found == [False, True, ["xiangjia.html"]]
    by_status = browser.evaluate(
        """(() => {
            const q = document.getElementById("q");
            q.value = "";
            q.dispatchEvent(new Event("input"));
            const status = document.getElementById("status");
            status.value = "passed";
            status.dispatchEvent(new Event("change"));
            return document.querySelectorAll("#results a").length;
        })()"""
    )
    assert by_status == 11


def test_printing_hides_the_navigation(site: Path, browser: Browser) -> None:
    browser.open(site / "communities" / "xiangjia.html")
    browser.send("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = browser.evaluate("getComputedStyle(document.querySelector('header')).display")
        pdf = base64.b64decode(browser.send("Page.printToPDF")["data"])
    finally:
        browser.send("Emulation.setEmulatedMedia", {"media": ""})
    assert hidden == "none"
    assert pdf.startswith(b"%PDF")
