"""FileSystemSource and MemorySource: which paths stay inside the data folder,
and where an evidence file is."""

from __future__ import annotations

from pathlib import Path

import pytest

from greencommunity.loading.sources import FileSystemSource, MemorySource, Place


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, Path]:
    data, outside = tmp_path / "data", tmp_path / "outside"
    (data / "evidence" / "a").mkdir(parents=True)
    outside.mkdir()
    (data / "evidence" / "a" / "photo.jpg").write_bytes(b"x")
    (outside / "secret.jpg").write_bytes(b"x")
    return data, outside


def test_a_plain_file_below_the_root_is_inside(tree: tuple[Path, Path]) -> None:
    data, _ = tree
    assert FileSystemSource(data).inside(data / "evidence" / "a" / "photo.jpg")


def test_a_missing_file_below_the_root_is_inside(tree: tuple[Path, Path]) -> None:
    data, _ = tree
    assert FileSystemSource(data).inside(data / "evidence" / "b" / "none.jpg")


def test_dot_dot_leaving_the_root_is_outside(tree: tuple[Path, Path]) -> None:
    data, _ = tree
    assert not FileSystemSource(data).inside(data / "evidence" / ".." / ".." / "outside")


def test_dot_dot_staying_below_the_root_is_inside(tree: tuple[Path, Path]) -> None:
    data, _ = tree
    assert FileSystemSource(data).inside(data / "evidence" / ".." / "evidence" / "a")


def test_a_file_symlink_leaving_the_root_is_outside(tree: tuple[Path, Path]) -> None:
    data, outside = tree
    (data / "evidence" / "a" / "link.jpg").symlink_to(outside / "secret.jpg")
    assert not FileSystemSource(data).inside(data / "evidence" / "a" / "link.jpg")


def test_a_folder_symlink_leaving_the_root_is_outside(tree: tuple[Path, Path]) -> None:
    data, outside = tree
    (data / "evidence" / "b").symlink_to(outside, target_is_directory=True)
    assert not FileSystemSource(data).inside(data / "evidence" / "b" / "secret.jpg")


def test_a_symlink_within_the_root_is_inside(tree: tuple[Path, Path]) -> None:
    data, _ = tree
    (data / "evidence" / "c").symlink_to(data / "evidence" / "a", target_is_directory=True)
    assert FileSystemSource(data).inside(data / "evidence" / "c" / "photo.jpg")


def test_a_root_reached_through_a_symlink_keeps_its_files_inside(
    tree: tuple[Path, Path], tmp_path: Path
) -> None:
    data, _ = tree
    alias = tmp_path / "alias"
    alias.symlink_to(data, target_is_directory=True)
    assert FileSystemSource(alias).inside(alias / "evidence" / "a" / "photo.jpg")


def test_a_sibling_whose_name_starts_like_the_root_is_outside(tmp_path: Path) -> None:
    data, sibling = tmp_path / "data", tmp_path / "data2"
    data.mkdir()
    sibling.mkdir()
    (sibling / "x.jpg").write_bytes(b"x")
    assert not FileSystemSource(data).inside(sibling / "x.jpg")


def test_locate_tells_a_file_a_missing_one_and_one_outside(tree: tuple[Path, Path]) -> None:
    data, outside = tree
    (data / "evidence" / "a" / "link.jpg").symlink_to(outside / "secret.jpg")
    (data / "evidence" / "b").symlink_to(outside, target_is_directory=True)
    (data / "evidence" / "a" / "folder.jpg").mkdir()
    source = FileSystemSource(data)
    assert source.locate("evidence/a/photo.jpg") is Place.FILE
    assert source.locate("evidence/a/none.jpg") is Place.MISSING
    assert source.locate("evidence/a/folder.jpg") is Place.MISSING
    assert source.locate("evidence/a/link.jpg") is Place.OUTSIDE
    assert source.locate("evidence/b/secret.jpg") is Place.OUTSIDE
    assert source.locate("evidence/b/none.jpg") is Place.OUTSIDE


def test_locate_agrees_with_is_file_and_inside_in_memory() -> None:
    root = Path("/nowhere/data")
    source = MemorySource(
        root,
        {"evidence/a/photo.jpg": None, "communities/a.yaml": b"id: a\n"},
        links={"evidence/b": "../../outside", "evidence/c": "a"},
    )
    for relative, place in [
        ("evidence/a/photo.jpg", Place.FILE),
        ("evidence/a/./photo.jpg", Place.FILE),
        ("evidence/a/none.jpg", Place.MISSING),
        ("evidence/a", Place.MISSING),
        ("evidence/b/x.jpg", Place.OUTSIDE),
        ("evidence/c/photo.jpg", Place.FILE),
    ]:
        assert source.locate(relative) is place, relative
        path = root / relative
        assert (place is Place.FILE) is source.is_file(path), relative
        assert (place is not Place.OUTSIDE) is source.inside(path), relative
