"""Chinese keyboard slips: each named at its character, with the fix; files that
do not load keep their text for the source line (without being read again)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from greencommunity.i18n import set_language
from greencommunity.loading.document import Document, NotLoaded, load_document
from greencommunity.loading.slip_values import value_hint

BASE = "id: testcase\nname: 测试居委会\n"


def _load(tmp_path: Path, raw: bytes | str) -> Document | NotLoaded:
    path = tmp_path / "x.yaml"
    path.write_bytes(raw.encode() if isinstance(raw, str) else raw)
    return load_document(path, "x.yaml")


def _refused(result: Document | NotLoaded) -> tuple[str, int, int, str]:
    """The first error of a file: where reading stopped, or the first slip it
    was read on past."""
    d = result.diagnostics[0] if isinstance(result, NotLoaded) else result.slips()[0]
    return d.code, d.line, d.column, d.message


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        (
            BASE + "batch： 2021\n",
            3,
            6,
            "这里的冒号 ： 是中文全角冒号，YAML 不认它，键和值就分不开了。"
            "请改成英文半角冒号加一个空格：batch: 2021",
        ),
        (
            BASE + 'scores:\n  "1.1"： 5\n  "1.2": 4\n',
            4,
            8,
            "这里的冒号 ： 是中文全角冒号，YAML 不认它，键和值就分不开了。"
            '请改成英文半角冒号加一个空格："1.1": 5',
        ),
        (
            BASE + "profile:\n\u3000\u3000households: 3\n",
            4,
            1,
            "这里有一个中文全角空格（U+3000），YAML 不把它当作空格：用它缩进或写在键的前后，"
            "层次和键名都会读错。请改成半角空格（缩进用半角空格，每层两个）。",
        ),
        (
            BASE + 'items: ["2.1"，"2.3"]\n',
            3,
            14,
            "方括号列表中用了中文标点 ，，YAML 只认英文逗号，前后两项会连成一项。"
            '请改成英文半角逗号：items: ["2.1", "2.3"]',
        ),
        (
            BASE + "note: “时间: 10 点”\n",
            3,
            7,
            "这里的 “ 是中文引号，不是 YAML 的引号，会原样成为文字的一部分。"
            '请改用英文引号，或者删掉引号：note: "时间: 10 点"',
        ),
        (
            BASE + "profile:\n\thouseholds: 3\n",
            4,
            1,
            "这一行用制表符（Tab）缩进，YAML 只能用空格缩进。"
            "请把 Tab 换成空格（每层两个半角空格）。",
        ),
        (
            BASE + "items: [1, 2】\n",
            3,
            13,
            "这里的 】 是中文括号，YAML 的列表和映射只认英文括号。请改成 ]。",
        ),
    ],
)
def test_each_slip_is_named_at_its_character(
    tmp_path: Path, text: str, line: int, column: int, message: str
) -> None:
    assert _refused(_load(tmp_path, text)) == ("GC102", line, column, message)


def test_slips_in_english(tmp_path: Path) -> None:
    set_language("en")
    _, _, _, message = _refused(_load(tmp_path, BASE + "batch： 2021\n"))
    assert message == (
        "This colon ： is the Chinese full-width colon, which YAML does not read, so the key "
        "and the value run together. Type an ASCII colon and a space: batch: 2021"
    )


def test_a_slip_far_from_the_failure_is_not_blamed(tmp_path: Path) -> None:
    """A full-width colon inside a text value is text; the real error (an
    unclosed quote) keeps the parser's own message."""
    text = BASE + "note: 时间：10 点\nsummary: 'unclosed\n"
    code, line, _, message = _refused(_load(tmp_path, text))
    assert (code, line) == ("GC102", 4)
    assert "全角" not in message


def test_a_clean_file_with_chinese_punctuation_in_text_loads(tmp_path: Path) -> None:
    text = BASE + "note: 时间：10 点，地点“议事厅”\nfeatures:\n  - 一期、二期\n"
    result = _load(tmp_path, text)
    assert isinstance(result, Document)


def test_a_file_that_does_not_parse_keeps_its_text(tmp_path: Path) -> None:
    text = BASE + "batch： 2021\nplan: [\n"
    result = _load(tmp_path, text)
    assert isinstance(result, NotLoaded)
    assert result.text == text
    # The slip read past, then where reading stopped for good.
    assert [(d.line, d.column) for d in result.diagnostics] == [(3, 6), (5, 1)]


def test_a_file_is_read_on_past_its_slips(tmp_path: Path) -> None:
    """Each slip is named, repaired in memory, and the text read on: the data is
    what was meant, and positions found in the repaired text are the file's."""
    text = BASE + 'batch：2021\nprofile:\n\thouseholds： 3\n  estates: ["甲"，"乙"]\n'
    result = _load(tmp_path, text)
    assert isinstance(result, Document)
    assert [(d.line, d.column) for d in result.slips()] == [(3, 6), (5, 1), (5, 12), (6, 16)]
    assert result.data == {
        "id": "testcase",
        "name": "测试居委会",
        "batch": 2021,
        "profile": {"households": 3, "estates": ["甲", "乙"]},
    }
    assert result.text == text  # shown as the officer wrote it
    assert result.position(("batch",)) == (3, 7)  # the value after the colon
    assert result.position(("profile", "households")) == (5, 14)
    assert result.position(("profile", "estates", 1)) == (6, 17)


def test_a_file_not_in_utf8_keeps_what_can_be_shown(tmp_path: Path) -> None:
    result = _load(tmp_path, "id: a\nname: 崧鑫\n".encode("gbk"))
    assert isinstance(result, NotLoaded)
    assert result.text == "id: a\nname: \ufffd\ufffd\ufffd\ufffd\n"
    assert result.diagnostic.column == 7


def test_utf16_and_unread_files_have_no_text(tmp_path: Path) -> None:
    utf16 = _load(tmp_path, codecs.BOM_UTF16_LE + "id: a\n".encode("utf-16-le"))
    assert isinstance(utf16, NotLoaded) and utf16.text is None
    missing = load_document(tmp_path / "none.yaml", "none.yaml")
    assert isinstance(missing, NotLoaded) and missing.text is None


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (
            "２０２１",
            "其中有全角字符（中文输入法全角模式下打的数字、字母或符号），请改成半角：2021。",
        ),
        ("“2021”", "两端的中文引号会成为值的一部分，请删掉它们，写成 2021。"),
        ("2.1，2.3", "其中的 ， 是中文标点，不分隔列表的项；列表的项之间请用英文逗号“,”。"),
        ("2021\u3000", "其中有中文全角空格（U+3000），请删除或改成半角空格。"),
        ("2021", ""),
        (2021, ""),
    ],
)
def test_value_hints(value: object, hint: str) -> None:
    assert value_hint(value) == hint


def test_many_candidates_are_bounded(tmp_path: Path) -> None:
    """A hostile line of ten thousand full-width colons is answered, not searched
    one by one."""
    text = BASE + "x： " + "：" * 10_000 + "\nbatch: 2021\n"
    code, line, _, _ = _refused(_load(tmp_path, text))
    assert (code, line) == ("GC102", 3)
