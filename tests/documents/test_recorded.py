"""The score sheet says who recorded each sheet when it is given records (from
git), and nothing when it is not (outside git)."""

from __future__ import annotations

import datetime as dt

from greencommunity.documents.planning import Request, plan_documents
from greencommunity.documents.render import Renderer
from greencommunity.loading.provenance import Record
from tests.documents.helpers import GOLDEN, shipped

SIGNED = dt.date(2022, 12, 28)


def _markdown(records: dict[tuple[str, int, str], Record]) -> str:
    request = Request("scoresheet", ("jiahuang",), year=2022, issued=SIGNED, records=records)
    return Renderer().markdown(plan_documents(request, shipped()).documents[0])


def test_recorded_lines_follow_the_verdicts() -> None:
    records = {
        ("jiahuang", 2022, "self"): Record(
            "王镇", "wang@example.invalid", dt.date(2022, 10, 28), "1" * 40, False
        ),
        ("jiahuang", 2022, "district"): Record(
            "李区", "li@example.invalid", dt.date(2022, 11, 14), "a" * 40, True
        ),
        ("jiahuang", 2021, "district"): Record(
            "李区", "li@example.invalid", dt.date(2021, 11, 14), "b" * 40, True
        ),
    }
    text = _markdown(records)
    golden = (GOLDEN / "scoresheet-jiahuang-2022.md").read_text(encoding="utf-8")
    added = (
        "- 自评由 王镇 于 2022年10月28日 记录（提交 11111111，未签名）。\n"
        "- 区级初审由 李区 于 2022年11月14日 记录（提交 aaaaaaaa，已签名）。\n"
        "\n"
    )
    # The lines come before the signatures; the rest is the golden file, unchanged.
    assert text == golden.replace("---\n\n自评单位", added + "---\n\n自评单位", 1)


def test_no_records_no_line() -> None:
    golden = (GOLDEN / "scoresheet-jiahuang-2022.md").read_text(encoding="utf-8")
    assert _markdown({}) == golden
