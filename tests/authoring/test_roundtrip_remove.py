"""Keys removed by round trip (a score cleared in an imported score sheet):
their lines go, every other byte stays."""

from __future__ import annotations

from greencommunity.authoring import roundtrip
from greencommunity.loading.parser import parse as parse_plain

TEXT = """\
# 头部注释
assessments:
  - year: 2022
    self:
      date: 2022-10-01
      scores:
        "1.1": 4   # 自评
        # 下一条待核实
        "1.2": 3.5
      notes: {"1.1": 议事会}
"""
SCORES = ("assessments", 0, "self", "scores")


def test_an_entry_on_its_own_line_loses_that_line_only() -> None:
    after = roundtrip.remove_many(TEXT, [(*SCORES, "1.1")])
    assert after == TEXT.replace('        "1.1": 4   # 自评\n', "")


def test_a_key_that_is_not_there_changes_nothing() -> None:
    assert roundtrip.remove_many(TEXT, [(*SCORES, "9.9"), ("nothing", "here")]) == TEXT


def test_a_flow_mapping_or_an_emptied_one_is_dumped_again() -> None:
    after = roundtrip.remove_many(TEXT, [(*SCORES, "1.1"), (*SCORES, "1.2")])
    assert parse_plain(after)["assessments"][0]["self"]["scores"] == {}
    assert after.startswith("# 头部注释\n")
    flow = roundtrip.remove_many(TEXT, [("assessments", 0, "self", "notes", "1.1")])
    assert parse_plain(flow)["assessments"][0]["self"]["notes"] == {}
    assert '        "1.1": 4   # 自评\n' in flow
