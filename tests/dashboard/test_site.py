"""The public dashboard: built from the shipped data and from built towns; every
internal link resolves, nothing is fetched from outside, a rebuild removes what
no longer exists, and the site says what gc progress says."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from greencommunity.core.years import site_year
from greencommunity.dashboard.build import MANIFEST, Page, SiteFolderError, write_site
from greencommunity.dashboard.pages import PAGE_SIZE
from greencommunity.dashboard.site import build_pages
from greencommunity.i18n import set_language
from greencommunity.models.folder import CheckedData
from greencommunity.provenance import unknown
from greencommunity.towns import check_towns
from greencommunity.validation import validate
from tests.charts.test_history_chart import outside
from tests.conftest import SHIPPED_DATA
from tests.factories import passed_in, town_data, write_data

TODAY = dt.date(2022, 12, 1)
PROVENANCE = unknown(TODAY)


def _checked(root: Path) -> CheckedData:
    data = validate(root).checked()
    assert data is not None
    return data


def pages_of(data: CheckedData, today: dt.date, rollup: list[Path] | None = None) -> list[Page]:
    """The site's pages as gc site makes them on *today* (its year from core/years)."""
    towns = check_towns(rollup or [])
    year = site_year(data.town, [t.town for t in towns], today)
    return build_pages(data, year=year, provenance=unknown(today), rollup=towns)


def _build(data: CheckedData, out: Path, rollup: list[Path] | None = None) -> list[Path]:
    written, _ = write_site(out, pages_of(data, TODAY, rollup))
    return written


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang") or ""
        for name in ("href", "src"):
            value = found.get(name)
            if value is not None:
                self.links.append(value)


def _links(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, shipped_copy: Path) -> Path:
    out = tmp_path_factory.mktemp("site")
    _build(_checked(shipped_copy), out)
    return out


def test_the_pages(site: Path) -> None:
    names = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert names[:4] == [
        MANIFEST,
        "communities/huaqin.html",
        "communities/huaxiu.html",
        "communities/jiafudong.html",
    ]
    assert {"index.html", "passed.html", "search.js", "communities/page-1.html"} <= set(names)
    assert len([n for n in names if n.startswith("communities/") and "page-" not in n]) == 12


def test_every_internal_link_resolves_and_nothing_is_fetched_from_outside(site: Path) -> None:
    for page in site.rglob("*.html"):
        parsed = _links(page)
        assert parsed.lang == "zh-CN", page
        for link in parsed.links:
            assert not re.match(r"^[a-z]+:", link), (page, link)  # no http(s), file: or data:
            target = (page.parent / link.split("#", 1)[0]).resolve()
            if link.startswith("#"):
                continue
            assert target.is_file(), (page, link)


def test_the_site_says_what_gc_progress_says(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    # 2022: 10 of 17 passed (58.8%), 11 took part (64.7%), target 65%.
    assert "10 / 17" in index and "58.8%" in index and "11 个（64.7%）" in index
    page = (site / "communities" / "xiangjia.html").read_text(encoding="utf-8")
    assert "创建中" in page and "总分 68 分，低于达标分数 70 分，差 2 分" in page
    assert "已达标（2021年）" in (site / "communities" / "page-1.html").read_text("utf-8")


def test_data_is_escaped(tmp_path: Path) -> None:
    root = write_data(
        tmp_path / "data",
        [{**passed_in("x", 2021), "name": "<script>alert(1)</script>居委会"}],
        town=town_data(2),
    )
    out = tmp_path / "site"
    _build(_checked(root), out)
    for page in out.rglob("*.html"):
        assert "<script>alert" not in page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;居委会" in (out / "index.html").read_text("utf-8")


def test_a_rebuild_removes_a_community_that_no_longer_exists(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    out = tmp_path / "site"
    _build(_checked(data), out)
    assert (out / "communities" / "xiangjia.html").is_file()
    (data / "communities" / "xiangjia.yaml").unlink()
    _, removed = write_site(out, pages_of(_checked(data), TODAY))
    assert removed == [out / "communities" / "xiangjia.html"]
    assert not (out / "communities" / "xiangjia.html").exists()


def test_a_folder_the_site_did_not_make_is_refused(tmp_path: Path, shipped_copy: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SiteFolderError):
        _build(_checked(shipped_copy), out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.slow
def test_a_large_town_is_paged_and_its_first_page_stays_small(tmp_path: Path) -> None:
    count = 3 * PAGE_SIZE + 7
    root = write_data(
        tmp_path / "data",
        [passed_in(f"c{i:04d}", 2021) for i in range(count)],
        town=town_data(count + 10),
    )
    out = tmp_path / "site"
    _build(_checked(root), out)
    pages = sorted(out.glob("communities/page-*.html"))
    assert len(pages) == 4
    # The first page names no community: it would grow with the town.
    assert "c0001" not in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "index.html").stat().st_size < 20_000


def test_english_site(tmp_path: Path, shipped_copy: Path) -> None:
    set_language("en")
    out = tmp_path / "site"
    _build(_checked(shipped_copy), out)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert _links(out / "index.html").lang == "en"
    assert "Progress against the targets" in index and "58.8%" in index


def test_a_district_page_links_each_town(tmp_path: Path) -> None:
    district = tmp_path / "district"
    shutil.copytree(SHIPPED_DATA, district / "zhaoxiang")
    write_data(
        district / "other",
        [passed_in(f"c{i}", 2021) for i in range(3)],
        town=town_data(4, name="乙镇", district="青浦区"),
    )
    out = tmp_path / "site"
    _build(_checked(district / "zhaoxiang"), out, rollup=[district])
    page = (out / "district.html").read_text(encoding="utf-8")
    assert 'href="index.html">赵巷镇</a>' in page
    assert 'href="towns/other/index.html">乙镇</a>' in page
    # (10 + 3) / (17 + 4) = 61.9 %
    assert "61.9%" in page
    town = (out / "towns" / "other" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../district.html"' in town
    test_every_internal_link_resolves_and_nothing_is_fetched_from_outside(out)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_chart_leaves_room_for_its_target_labels(tmp_path: Path, language: str) -> None:
    """With five target years the last target's label ("目标 100%", "target 100%")
    was measured without its words and stood beyond the chart's right edge."""
    set_language(language)
    targets = {2021: "45%", 2022: "65%", 2023: "80%", 2024: "90%", 2025: "100%"}
    root = write_data(
        tmp_path / "data", [passed_in("alpha", 2021)], town=town_data(targets=targets)
    )
    out = tmp_path / "site"
    _build(_checked(root), out)
    index = (out / "index.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg .*?</svg>", index, re.S)
    assert svg is not None
    box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg.group(0))
    assert box is not None
    # The helper reads the picture's size and font size from the <svg> element.
    sized = svg.group(0).replace(
        "<svg ", f'<svg width="{box[1]}" height="{box[2]}" font-size="12" ', 1
    )
    assert outside(sized) == []
