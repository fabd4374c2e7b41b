"""Validation of every corpus case: exactly the expected diagnostics, each inside
the file, each with a message written for a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from greencommunity.loading.parser import MAX_FILE_BYTES
from greencommunity.validation import validate
from tests.corpus.cases import (
    CASES,
    FILES,
    NEEDS_FILE,
    PWNED,
    Case,
    found,
    inside,
    pythonisms,
)


def test_corpus_is_complete() -> None:
    """Every file has its table; a table without a file is a setup that needs none."""
    on_disk = {p.name for p in FILES.iterdir()}
    tables = {case.name for case in CASES}
    assert on_disk - tables == set(), "files without a table in expected.toml"
    for case in CASES:
        if case.has_file:
            continue
        assert case.setup is not None, f"{case.name}: no file and no setup"
        assert case.setup not in NEEDS_FILE, f"{case.name}: setup {case.setup} needs a file"
    assert len(CASES) >= 100


@pytest.mark.parametrize("case", CASES, ids=str)
def test_validation_finds_exactly_the_expected_diagnostics(
    case: Case, data_copy: Path, tmp_path: Path
) -> None:
    target = case.place(data_copy, tmp_path / "outside")
    result = validate(data_copy, [target])
    got = found((d.code, d.line, d.column) for d in result.diagnostics)
    assert got == list(case.expect), "found: expect = [" + ", ".join(f'"{g}"' for g in got) + "]"
    raw = case.raw()
    for diagnostic in result.diagnostics:
        assert inside(raw, diagnostic.line, diagnostic.column), diagnostic
        assert diagnostic.message.strip(), diagnostic
        assert not pythonisms(diagnostic.message), diagnostic.message
    assert not PWNED.exists()


def test_shipped_data_is_clean(data_copy: Path) -> None:
    result = validate(data_copy)
    assert result.diagnostics == []
    assert result.files_checked == 14


def _padded(size: int) -> bytes:
    """A valid community file of exactly *size* bytes, padded by a comment."""
    body = "id: testcase\nname: 测试居委会\nbatch: 2022\n# ".encode()
    return body + b"x" * (size - len(body) - 1) + b"\n"


def test_file_over_the_size_limit(data_copy: Path) -> None:
    """Too big to keep in the corpus: one byte over the limit is refused unread,
    a file at the limit is read."""
    target = data_copy / "communities" / "testcase.yaml"
    target.write_bytes(_padded(MAX_FILE_BYTES + 1))
    [diagnostic] = validate(data_copy, [target]).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("GC107", 1, 1)
    assert diagnostic.message.strip()
    assert not pythonisms(diagnostic.message)
    target.write_bytes(_padded(MAX_FILE_BYTES))
    assert validate(data_copy, [target]).diagnostics == []


def test_a_symlink_that_loops(data_copy: Path) -> None:
    """A community file linking to itself cannot be read; it is named, never a
    crash, whether the whole folder or that file is validated.  Not a corpus
    case: the corpus places files, this is a link with no file."""
    target = data_copy / "communities" / "loop.yaml"
    target.symlink_to(target.name)
    for asked in ([], [target]):
        [diagnostic] = validate(data_copy, asked, base=data_copy.parent).diagnostics
        assert (diagnostic.path, diagnostic.code, diagnostic.line) == (
            "data/communities/loop.yaml",
            "GC109",
            1,
        )
