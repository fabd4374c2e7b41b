"""Reading files: encodings, YAML hazards and lazy positions."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from greencommunity.loading.dataset import load_dataset
from greencommunity.loading.document import Document, NotLoaded, load_document
from greencommunity.loading.parser import MAX_FILE_BYTES
from greencommunity.loading.sources import FileSystemSource
from tests.factories import write_data


def _load(tmp_path: Path, raw: bytes) -> Document | NotLoaded:
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    return load_document(path, "x.yaml")


def _code(result: Document | NotLoaded) -> tuple[str, int, int]:
    assert isinstance(result, NotLoaded), result
    return result.diagnostic.code, result.diagnostic.line, result.diagnostic.column


def _message(result: Document | NotLoaded) -> str:
    assert isinstance(result, NotLoaded), result
    return result.diagnostic.message


def test_gbk_file_names_the_encoding_and_the_fix(tmp_path: Path) -> None:
    result = _load(tmp_path, "id: a\nname: 崧鑫居委会\n".encode("gbk"))
    assert _code(result) == ("GC101", 2, 7)
    assert "GBK" in _message(result)
    assert "iconv -f GBK -t UTF-8" in _message(result)


def test_utf16_with_bom(tmp_path: Path) -> None:
    result = _load(tmp_path, "id: a\n".encode("utf-16"))
    assert _code(result) == ("GC101", 1, 1)
    assert "UTF-16" in _message(result)


def test_utf16_without_bom(tmp_path: Path) -> None:
    assert _code(_load(tmp_path, "id: abc\nname: x\n".encode("utf-16-le")))[0] == "GC101"


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    assert _code(_load(tmp_path, b"id: a\nname: b\x00c\n")) == ("GC101", 2, 8)


def test_utf8_bom_and_crlf_are_accepted_with_right_positions(tmp_path: Path) -> None:
    result = _load(tmp_path, "\ufeffid: a\r\nname: b\r\nbatch: 2021\r\n".encode())
    assert isinstance(result, Document)
    assert result.data == {"id": "a", "name": "b", "batch": 2021}
    assert result.position(("batch",)) == (3, 8)
    assert result.position(("batch",), key=True) == (3, 1)


def test_yaml_1_2_semantics(tmp_path: Path) -> None:
    result = _load(tmp_path, b"a: no\nb: 010\nc: 2021-10-30\n")
    assert isinstance(result, Document)
    # YAML 1.1 would read false, 8 and a date object.
    assert result.data == {"a": "no", "b": 10, "c": "2021-10-30"}


def test_billion_laughs_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    tracemalloc.start()
    try:
        result = _load(tmp_path, ("\n".join(lines) + "\n").encode())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert _code(result) == ("GC106", 1, 4)
    # Expanded, this is 9**9 strings (gigabytes); refused, a few hundred kilobytes.
    assert peak < 5 * 1024 * 1024


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    assert _code(_load(tmp_path, b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n"))[0] == "GC107"


def test_size_limit(tmp_path: Path) -> None:
    raw = b"a: '" + b"x" * (MAX_FILE_BYTES + 1) + b"'\n"
    result = _load(tmp_path, raw)
    assert _code(result) == ("GC107", 1, 1)


def test_python_tag_constructs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    raw = f'a: !!python/object/apply:os.system ["touch {marker}"]\n'.encode()
    assert _code(_load(tmp_path, raw)) == ("GC108", 1, 4)
    assert not marker.exists()


def test_duplicate_key_names_the_key(tmp_path: Path) -> None:
    result = _load(tmp_path, b"a: 1\nb: 2\na: 3\n")
    assert _code(result) == ("GC103", 3, 1)
    assert "键 a 重复" in _message(result)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert _code(load_document(tmp_path / "none.yaml", "none.yaml"))[0] == "GC109"
    assert _code(load_document(tmp_path, "dir"))[0] == "GC109"


def test_position_of_missing_key_is_its_mapping(tmp_path: Path) -> None:
    result = _load(tmp_path, b"# c\nprofile:\n  a: 1\n")
    assert isinstance(result, Document)
    assert result.position(("profile", "b")) == (3, 3)


@pytest.mark.parametrize("text", ["", "   \n", "# only\n# comments\n", "~\n", "null\n"])
def test_empty_documents(tmp_path: Path, text: str) -> None:
    assert _code(_load(tmp_path, text.encode()))[0] == "GC104"


def test_control_character_position_counts_characters_not_bytes(tmp_path: Path) -> None:
    result = _load(tmp_path, "name: 测试测试\x1f\n".encode())
    assert _code(result) == ("GC101", 1, 11)


def test_error_past_the_end_is_placed_inside_the_file(tmp_path: Path) -> None:
    assert _code(_load(tmp_path, b"{#")) == ("GC102", 1, 3)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_reading_it(tmp_path: Path) -> None:
    """Reading a pipe nobody writes to would block for ever."""
    path = tmp_path / "x.yaml"
    os.mkfifo(path)
    result = load_document(path, "x.yaml")
    assert _code(result) == ("GC109", 1, 1)
    assert "命名管道" in _message(result)


def test_a_file_larger_than_the_limit_is_not_read_past_it(tmp_path: Path) -> None:
    assert _code(_load(tmp_path, b"a: 1\n" + b"#" * MAX_FILE_BYTES))[0] == "GC107"


def test_a_folder_that_cannot_be_listed_is_a_diagnostic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Running as root, permissions do not stop a listing: the refusal is simulated."""
    root = write_data(tmp_path, [])

    def refused(self: FileSystemSource, folder: Path) -> list[Path]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(FileSystemSource, "yaml_files", refused)
    found = [(d.code, d.path, d.message) for d in load_dataset(root, base=tmp_path).diagnostics]
    assert (
        "GC109",
        "communities",
        "无法列出目录中的文件：Permission denied。请检查该目录的权限。",
    ) in found
