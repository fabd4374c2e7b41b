"""The canonical layout: the shipped files are in it, it keeps every file's data
(each corpus file that loads), it does not move anything twice, and it puts a
messy file in order with its comments beside the keys they describe."""

from __future__ import annotations

from pathlib import Path

import pytest

from greencommunity.authoring.layout import canonical
from greencommunity.authoring.roundtrip import same_data
from greencommunity.loading.parser import parse as parse_plain
from greencommunity.loading.text import LoadError, decode
from greencommunity.validation import validate
from tests.corpus.cases import CASES, Case, found, small_data

DATA = Path(__file__).resolve().parents[2] / "data"
SHIPPED = sorted(DATA.rglob("*.yaml"))


def kind_of(target: str) -> str:
    name = Path(target).name
    return {"town.yaml": "town", "criteria.yaml": "criteria"}.get(name, "community")


def _loadable(case: Case) -> str | None:
    """The case's text when gc reads it as data, else None."""
    if not case.has_file:
        return None
    try:
        text = decode(case.raw())
        parse_plain(text)
    except LoadError:
        return None
    return text


LOADABLE = [case for case in CASES if _loadable(case) is not None]
# Item ids typed as numbers (items: [2.4]): the layout writes them as text,
# the one change of data it makes (tested below).
NUMBERS_AS_IDS = {"item_id_unquoted.yaml"}
# The round trip is pure Python: a file of thousands of keys takes seconds.
BIG = 20_000


def _param(case: Case) -> object:
    marks = [pytest.mark.slow] if len(case.raw()) > BIG else []
    return pytest.param(case, marks=marks, id=case.name)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_the_shipped_files_are_laid_out(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert canonical(text, kind_of(path.name)) == text


@pytest.mark.parametrize(
    "case", [_param(case) for case in LOADABLE if case.name not in NUMBERS_AS_IDS]
)
def test_the_layout_keeps_the_data_and_is_stable(case: Case) -> None:
    text = _loadable(case)
    assert text is not None
    kind = kind_of(case.target)
    laid_out = canonical(text, kind)
    assert same_data(parse_plain(laid_out), parse_plain(text), ordered=False)
    assert canonical(laid_out, kind) == laid_out
    assert laid_out.endswith("\n") and not laid_out.endswith("\n\n")
    assert all(line == line.rstrip() for line in laid_out.split("\n"))


def test_an_item_id_typed_as_a_number_is_written_as_typed(tmp_path: Path) -> None:
    """items: [2.4] is the number 2.4, which gc validate refuses (GC206): the
    layout writes the id as it was typed, in quotes, and the file validates;
    1.10 stays 1.10, never the number's 1.1."""
    [case] = [c for c in CASES if c.name in NUMBERS_AS_IDS]
    text = _loadable(case)
    assert text is not None
    laid_out = canonical(text, "community")
    assert laid_out == text.replace("items: [2.4]", 'items: ["2.4"]')
    assert canonical(laid_out, "community") == laid_out
    data = small_data(tmp_path / "data")
    target = data / case.target
    target.write_text(laid_out, encoding="utf-8")
    assert validate(data, [target]).diagnostics == []
    messy = text.replace("items: [2.4]", "items:\n      - 1.10\n      - 2.4  # 屋顶")
    assert parse_plain(canonical(messy, "community"))["plan"][0]["items"] == ["1.10", "2.4"]


@pytest.mark.slow
def test_a_valid_corpus_file_stays_valid(tmp_path: Path) -> None:
    """Every corpus file that validates, laid out, still validates: no new
    diagnostic, no lost one."""
    data = small_data(tmp_path / "data")
    valid = [case for case in LOADABLE if not case.expect and case.setup is None]
    assert len(valid) > 5
    for case in valid:
        text = _loadable(case)
        assert text is not None
        target = data / case.target
        target.write_text(canonical(text, kind_of(case.target)), encoding="utf-8")
        diagnostics = validate(data, [target]).diagnostics
        assert found((d.code, d.line, d.column) for d in diagnostics) == [], case
        target.unlink()


MESSY = """\
# 头部注释
name: 示例居委会\x20\x20\x20
id: demo
# 批次的说明
batch: 2022

assessments:
    -   year: 2022
        # 自评
        self:
            scores:
                '1.10': 2
                '1.2': 3.5
            date: '2022-10-01'
        submitted: "2022-10-05"
plan:
- title: 垃圾分类
  id: p1
  items: ['2.3']
  lead: 社区办
  status: planned


"""

LAID_OUT = """\
# 头部注释
id: demo
name: 示例居委会
# 批次的说明
batch: 2022
plan:
  - id: p1
    title: 垃圾分类
    items: ["2.3"]
    lead: 社区办
    status: planned

assessments:
  - year: 2022
    submitted: 2022-10-05
    # 自评
    self:
      date: 2022-10-01
      scores:
        "1.2": 3.5
        "1.10": 2
"""


def test_a_messy_file_is_put_in_order() -> None:
    assert canonical(MESSY, "community") == LAID_OUT


def test_a_comment_closing_a_block_stays_with_it() -> None:
    text = (
        "id: demo\nname: 示例\nbatch: 2022\nassessments:\n  - year: 2022\n"
        "    city:\n      date: 2022-11-25\n      scores:\n"
        '        "1.1": 3\n        # "1.2": 4 待复核\n'
        "      verdict: pass\n"
    )
    assert canonical(text, "community") == (
        "id: demo\nname: 示例\nbatch: 2022\nassessments:\n  - year: 2022\n"
        "    city:\n      date: 2022-11-25\n      verdict: pass\n      scores:\n"
        '        "1.1": 3\n        # "1.2": 4 待复核\n'
    )


def test_crlf_a_byte_order_mark_and_a_yaml_directive_go() -> None:
    text = "\ufeff%YAML 1.1\r\n---\r\nname: 示例\r\nid: demo\r\nbatch: 2022\r\n"
    assert canonical(text, "community") == "id: demo\nname: 示例\nbatch: 2022\n"


def test_an_impossible_date_is_left_as_written() -> None:
    text = (
        "id: demo\nname: 示例\nbatch: 2022\n"
        "assessments:\n  - year: 2022\n    submitted: 2022-02-30\n"
    )
    assert canonical(text, "community") == text


def test_text_gc_would_not_load_is_refused() -> None:
    with pytest.raises(LoadError):
        canonical("id: [demo\n", "community")
