"""Round-trip edits: only the value asked for changes, comments stay, and what gc
would not load is refused before anything is changed."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from greencommunity.authoring import roundtrip
from greencommunity.codes import ALIAS, SYNTAX
from greencommunity.loading.parser import parse as parse_plain
from greencommunity.loading.text import LoadError

DATA = Path(__file__).resolve().parents[2] / "data"
TEXT = """\
# 头部注释
id: demo   # 行尾注释
name: 示例居委会
batch: 2022

plan:
  - id: p1
    title: 垃圾分类
    items: ["2.3", "2.4"]
    lead: 社区办
    status: planned

assessments:
  - year: 2022
    self:
      date: 2022-10-01
      scores:
        "1.1": 4   # 自评
        "1.2": 3.5
"""


def _changed(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: p.name)
def test_parse_and_dump_keep_every_shipped_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert roundtrip.dump(roundtrip.parse(text)) == text


def test_an_existing_score_changes_in_place() -> None:
    after = roundtrip.update(TEXT, ("assessments", 0, "self", "scores", "1.1"), 4.5)
    assert _changed(TEXT, after) == ['-        "1.1": 4   # 自评', '+        "1.1": 4.5   # 自评']


def test_a_whole_float_is_written_as_a_whole_number() -> None:
    after = roundtrip.update(TEXT, ("assessments", 0, "self", "scores", "1.2"), 3.0)
    assert _changed(TEXT, after) == ['-        "1.2": 3.5', '+        "1.2": 3']


def test_an_item_in_a_flow_list_changes_in_place() -> None:
    after = roundtrip.update(TEXT, ("plan", 0, "items", 1), "2.5")
    assert _changed(TEXT, after) == [
        '-    items: ["2.3", "2.4"]',
        '+    items: ["2.3", "2.5"]',
    ]


def test_a_new_score_key_is_added_quoted() -> None:
    after = roundtrip.update(TEXT, ("assessments", 0, "self", "scores", "1.10"), 2)
    assert _changed(TEXT, after) == ['+        "1.10": 2']
    assert parse_plain(after)["assessments"][0]["self"]["scores"]["1.10"] == 2


def test_a_new_section_is_created_with_its_mappings() -> None:
    after = roundtrip.update_many(
        TEXT,
        [
            (("assessments", 0, "district", "date"), dt.date(2022, 11, 10)),
            (("assessments", 0, "district", "scores", "1.1"), 4),
        ],
    )
    assert _changed(TEXT, after) == [
        "+    district:",
        "+      date: 2022-11-10",
        "+      scores:",
        '+        "1.1": 4',
    ]


def test_text_that_needs_quotes_in_a_flow_list_is_quoted() -> None:
    after = roundtrip.update(TEXT, ("plan", 0, "items", 0), "a, b")
    assert parse_plain(after)["plan"][0]["items"] == ["a, b", "2.4"]
    assert "# 头部注释\nid: demo   # 行尾注释\n" in after


def test_a_list_index_past_the_end_is_refused() -> None:
    with pytest.raises(roundtrip.RoundTripError):
        roundtrip.update(TEXT, ("plan", 5, "title"), "x")


def test_a_key_under_a_scalar_is_refused() -> None:
    with pytest.raises(roundtrip.RoundTripError):
        roundtrip.update(TEXT, ("name", "x"), 1)


def test_text_gc_would_not_load_is_refused_with_its_code() -> None:
    with pytest.raises(LoadError) as syntax:
        roundtrip.update("id: [demo\n", ("name",), "x")
    assert syntax.value.code is SYNTAX
    with pytest.raises(LoadError) as alias:
        roundtrip.parse("a: &x [1]\nb: *x\n")
    assert alias.value.code is ALIAS


def test_crlf_and_a_byte_order_mark_become_lf() -> None:
    text = "\ufeffid: demo\r\nname: 示例\r\nbatch: 2022\r\n"
    assert roundtrip.update(text, ("batch",), 2023) == "id: demo\nname: 示例\nbatch: 2023\n"


def test_same_data_tells_numbers_from_flags_and_may_ignore_order() -> None:
    assert roundtrip.same_data({"a": 4, "b": 1}, {"a": 4.0, "b": 1})
    assert not roundtrip.same_data({"a": True}, {"a": 1})
    assert not roundtrip.same_data({"a": 1, "b": 2}, {"b": 2, "a": 1})
    assert roundtrip.same_data({"a": 1, "b": 2}, {"b": 2, "a": 1}, ordered=False)
