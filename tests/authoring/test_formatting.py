"""gc fmt's core: which files it takes, what it does to each, and that a file it
cannot read, or that is not data, is never touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from greencommunity.authoring import formatting
from greencommunity.authoring.formatting import Outcome, data_files, format_files, kind_of
from greencommunity.authoring.layout import LayoutError

UNORDERED = "name: 示例居委会\nid: demo\nbatch: 2022\n"
ORDERED = "id: demo\nname: 示例居委会\nbatch: 2022\n"


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("data/town.yaml", "town"),
        ("criteria.yaml", "criteria"),
        ("data/communities/songxin.yaml", "community"),
        ("data/communities/songxin.yml", "community"),
        ("data/communities/notes.txt", None),
        ("data/evidence/songxin/a.yaml", None),
        ("README.md", None),
    ],
)
def test_the_kind_of_a_file_is_read_from_its_place(path: str, kind: str | None) -> None:
    assert kind_of(Path(path)) == kind


def test_a_folder_gives_its_data_files_and_no_others(tmp_path: Path) -> None:
    for name in (
        "data/town.yaml",
        "data/criteria.yaml",
        "data/communities/a.yaml",
        "data/communities/b.yml",
        "data/evidence/a/x.yaml",
        ".git/communities/c.yaml",
        ".gc_cache/communities/d.yaml",
        "README.md",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in data_files(tmp_path)]
    assert found == [
        "data/communities/a.yaml",
        "data/communities/b.yml",
        "data/criteria.yaml",
        "data/town.yaml",
    ]


def _community(tmp_path: Path, text: str, name: str = "demo.yaml") -> Path:
    path = tmp_path / "communities" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_check_changes_nothing(tmp_path: Path) -> None:
    path = _community(tmp_path, UNORDERED)
    result = format_files([path], check=True, base=tmp_path)
    assert [(f.display, f.outcome) for f in result.files] == [
        ("communities/demo.yaml", Outcome.CHANGED)
    ]
    assert path.read_text(encoding="utf-8") == UNORDERED


def test_a_file_is_laid_out_in_place(tmp_path: Path) -> None:
    path = _community(tmp_path, UNORDERED)
    assert format_files([path]).files[0].outcome is Outcome.CHANGED
    assert path.read_text(encoding="utf-8") == ORDERED
    assert format_files([path]).files[0].outcome is Outcome.UNCHANGED
    assert list(path.parent.iterdir()) == [path]  # no temporary file left


def test_a_byte_order_mark_alone_is_a_change(tmp_path: Path) -> None:
    path = tmp_path / "communities" / "demo.yaml"
    path.parent.mkdir()
    path.write_bytes(b"\xef\xbb\xbf" + ORDERED.encode())
    assert format_files([path]).files[0].outcome is Outcome.CHANGED
    assert path.read_bytes() == ORDERED.encode()


def test_a_file_that_does_not_load_is_untouched_and_said_why(tmp_path: Path) -> None:
    broken = "id: [demo\nname: 示例\n"
    path = _community(tmp_path, broken)
    [file] = format_files([path], base=tmp_path).files
    assert file.outcome is Outcome.NOT_LOADED
    assert file.diagnostic is not None
    assert (file.diagnostic.path, file.diagnostic.code) == ("communities/demo.yaml", "GC102")
    assert file.text == broken
    assert path.read_text(encoding="utf-8") == broken


def test_a_gbk_file_is_untouched(tmp_path: Path) -> None:
    path = tmp_path / "communities" / "demo.yaml"
    path.parent.mkdir()
    raw = "name: 示例居委会\nid: demo\n".encode("gbk")
    path.write_bytes(raw)
    [file] = format_files([path]).files
    assert file.outcome is Outcome.NOT_LOADED
    assert file.diagnostic is not None and file.diagnostic.code == "GC101"
    assert path.read_bytes() == raw


def test_a_missing_file_and_a_file_that_is_not_data(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# x\n", encoding="utf-8")
    result = format_files([tmp_path / "gone.yaml", readme], base=tmp_path)
    assert [(f.display, f.outcome) for f in result.files] == [
        ("gone.yaml", Outcome.NOT_LOADED),
        ("README.md", Outcome.NOT_DATA),
    ]
    # Sorted by path, as gc validate sorts them.
    assert [(d.code, d.severity) for d in result.diagnostics] == [
        ("GC110", "warning"),
        ("GC109", "error"),
    ]
    assert readme.read_text(encoding="utf-8") == "# x\n"


def test_a_file_given_twice_is_laid_out_once(tmp_path: Path) -> None:
    path = _community(tmp_path, UNORDERED)
    assert len(format_files([path, tmp_path, path]).files) == 1


def test_a_layout_that_would_change_the_data_leaves_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def defect(text: str, kind: str) -> str:
        raise LayoutError("the layout would change the data")

    monkeypatch.setattr(formatting, "canonical", defect)
    path = _community(tmp_path, UNORDERED)
    assert format_files([path]).files[0].outcome is Outcome.DEFECT
    assert path.read_text(encoding="utf-8") == UNORDERED
