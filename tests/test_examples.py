"""Data-driven examples: each file under examples/ replaces or adds one file in a
copy of the shipped data.  Its header says where it goes and what must be found:

    # target: communities/testcase.yaml
    # expect: GC303 9:20

Valid examples expect nothing.  The diagnostics located in the target file must
be exactly the expected (code, line, column) set: no more, no less.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from greencommunity.validation import validate

EXAMPLES = Path(__file__).parent / "examples"
_TARGET = re.compile(r"^# target: (\S+)$", re.MULTILINE)
_EXPECT = re.compile(r"^# expect: (GC\d{3}) (\d+):(\d+)$", re.MULTILINE)


def _cases(kind: str) -> list[Path]:
    return sorted((EXAMPLES / kind).glob("*.yaml"))


def _found(data: Path, case: Path) -> set[tuple[str, int, int]]:
    text = case.read_text(encoding="utf-8")
    target_match = _TARGET.search(text)
    assert target_match, f"{case.name} has no '# target:' line"
    target = data / target_match.group(1)
    content = text.replace("\n", "\r\n") if "# crlf: true" in text else text
    target.write_bytes(content.encode("utf-8"))
    result = validate(data, [target])
    return {(d.code, d.line, d.column) for d in result.diagnostics}


def _expected(case: Path) -> set[tuple[str, int, int]]:
    text = case.read_text(encoding="utf-8")
    return {(code, int(line), int(col)) for code, line, col in _EXPECT.findall(text)}


@pytest.mark.parametrize("case", _cases("valid"), ids=lambda p: p.stem)
def test_valid_example_has_no_diagnostics(case: Path, data_copy: Path) -> None:
    assert _found(data_copy, case) == set()


@pytest.mark.parametrize("case", _cases("invalid"), ids=lambda p: p.stem)
def test_invalid_example_yields_exact_codes_and_positions(case: Path, data_copy: Path) -> None:
    expected = _expected(case)
    assert expected, f"{case.name} declares no '# expect:' line"
    assert _found(data_copy, case) == expected


def test_shipped_data_is_clean(data_copy: Path) -> None:
    result = validate(data_copy)
    assert result.diagnostics == []
    assert result.files_checked == 14
