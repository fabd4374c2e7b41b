"""The Markdown of each kind on the shipped data, compared with golden files.

Regenerate after an intended change with ``GC_UPDATE_GOLDEN=1 pytest tests/reports``
and review the diff.  The signing date is fixed (helpers.ISSUED), never today.
"""

from __future__ import annotations

import os

import pytest

from greencommunity.reports.choices import Kind
from greencommunity.reports.kinds import Request, plan_documents
from greencommunity.reports.render import Renderer
from tests.reports.helpers import GOLDEN, ISSUED, shipped

CASES = [
    ("application-songxin-2021", Kind.application, ("songxin",), 2021),
    ("application-xiangjia-2022", Kind.application, ("xiangjia",), 2022),
    ("scoresheet-songxin-2021", Kind.scoresheet, ("songxin",), 2021),
    ("scoresheet-longlian-2021", Kind.scoresheet, ("longlian",), 2021),
    ("summary-2021", Kind.summary, (), 2021),
    ("summary-2022", Kind.summary, (), 2022),
    ("progress-2022", Kind.progress, (), 2022),
]


@pytest.mark.parametrize(("name", "kind", "ids", "year"), CASES, ids=[c[0] for c in CASES])
def test_markdown_matches_golden(name: str, kind: Kind, ids: tuple[str, ...], year: int) -> None:
    town, criteria, communities = shipped()
    # Community documents are dated by their submission date; town documents get ISSUED.
    issued = None if ids else ISSUED
    plan = plan_documents(Request(kind, ids, year=year, issued=issued), town, criteria, communities)
    text = Renderer().markdown(plan.documents[0])
    golden = GOLDEN / f"{name}.md"
    if os.environ.get("GC_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}; run with GC_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")
