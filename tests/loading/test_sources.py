"""FileSystemSource.inside: which paths stay inside the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from greencommunity.loading.sources import FileSystemSource


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
