"""The Markdown of each kind on the shipped data, compared with golden files.

Regenerate after an intended change with ``GC_UPDATE_GOLDEN=1 pytest tests/documents``
and review the diff.  The signing date is fixed (helpers.ISSUED), never today;
a draft speaks as of the day it is made, fixed too (``frozen_today``).
"""

from __future__ import annotations

import datetime as dt
import os

import pytest

from greencommunity.documents.render import Renderer
from greencommunity.i18n import set_language
from tests.documents.helpers import GOLDEN, ISSUED, plan, shipped

CASES = [
    ("application-songxin-2021", "application", ("songxin",), 2021),
    ("application-xiangjia-2022", "application", ("xiangjia",), 2022),
    ("scoresheet-songxin-2021", "scoresheet", ("songxin",), 2021),
    ("scoresheet-longlian-2021", "scoresheet", ("longlian",), 2021),
    ("summary-2021", "summary", (), 2021),
    ("summary-2022", "summary", (), 2022),
    ("progress-2022", "progress", (), 2022),
    # Signed after the district's review (gc report --date): what it asked 佳煌 to rectify,
    # one item answered, one open and overdue.
    ("application-jiahuang-2022", "application", ("jiahuang",), 2022),
    ("scoresheet-jiahuang-2022", "scoresheet", ("jiahuang",), 2022),
    # 崧鑫 passed in 2021; its annual evaluation of 2022 (长效管理).
    ("evaluation-songxin-2022", "evaluation", ("songxin",), 2022),
]
# Cases signed on a day of their own rather than the default.
SIGNED = {
    "application-jiahuang-2022": dt.date(2022, 12, 28),
    "scoresheet-jiahuang-2022": dt.date(2022, 12, 28),
}


def _markdown(kind: str, ids: tuple[str, ...], year: int, issued: dt.date | None = None) -> str:
    # Community documents are dated by their submission date; town documents get ISSUED.
    if issued is None and not ids:
        issued = ISSUED
    return Renderer().markdown(plan(shipped(), kind, ids, year, issued).documents[0])


@pytest.fixture(autouse=True)
def _today(frozen_today: dt.date) -> None:
    """Every case made on the same day."""


@pytest.mark.parametrize(("name", "kind", "ids", "year"), CASES, ids=[c[0] for c in CASES])
def test_markdown_matches_golden(name: str, kind: str, ids: tuple[str, ...], year: int) -> None:
    text = _markdown(kind, ids, year, SIGNED.get(name))
    golden = GOLDEN / f"{name}.md"
    if os.environ.get("GC_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}; run with GC_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


def test_golden_files_are_all_in_use() -> None:
    """A golden file no case writes would never be compared again."""
    assert sorted(p.stem for p in GOLDEN.glob("*.md")) == sorted(c[0] for c in CASES)


@pytest.mark.parametrize("case", [CASES[1], CASES[6]], ids=[CASES[1][0], CASES[6][0]])
def test_documents_are_chinese_whatever_the_interface_language(
    case: tuple[str, str, tuple[str, ...], int],
) -> None:
    name, kind, ids, year = case
    set_language("en")  # the autouse fixture restores Chinese
    assert _markdown(kind, ids, year) == (GOLDEN / f"{name}.md").read_text(encoding="utf-8")
