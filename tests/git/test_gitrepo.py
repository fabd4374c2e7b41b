"""Git plumbing and in-memory snapshots: a revision loads exactly like the working tree."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from greencommunity.loading.dataset import load_dataset
from greencommunity.loading.git import BadRevisionError, GitRepo, NotARepositoryError, load_revision
from greencommunity.loading.sources import MemorySource
from greencommunity.validation import check_dataset
from tests.git.conftest import GitData


def test_head_loads_like_the_working_tree(shared_repo: GitData) -> None:
    repo = shared_repo
    git = GitRepo.discover(repo.data)
    assert git.prefix_of(repo.data) == "data"
    head = load_revision(git, git.commit_of("HEAD"), "data")
    assert head is not None
    disk = load_dataset(repo.data, base=repo.top)
    assert [c.doc.display for c in head.communities] == [c.doc.display for c in disk.communities]
    assert [c.model for c in head.communities] == [c.model for c in disk.communities]
    assert check_dataset(head) == check_dataset(disk) == []


def test_problems_in_a_revision_have_repository_paths(repo: GitData) -> None:
    (repo.data / "evidence" / "songxin" / "屋顶光伏验收说明-2021.md").unlink()
    repo.commit("lose evidence")
    git = GitRepo.discover(repo.top)
    dataset = load_revision(git, git.commit_of("HEAD"), "data")
    assert dataset is not None
    [problem] = check_dataset(dataset)
    assert (problem.path, problem.code) == ("data/communities/songxin.yaml", "GC307")
    assert problem == check_dataset(load_dataset(repo.data, base=repo.top))[0]


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_symlinks_in_a_revision(repo: GitData) -> None:
    evidence = repo.data / "evidence" / "songxin"
    target = evidence / "屋顶光伏验收说明-2021.md"
    target.rename(evidence / "real.md")
    target.symlink_to("real.md")
    (repo.data / "communities" / "outside.yaml").symlink_to("../../../etc/passwd")
    repo.commit("links")
    git = GitRepo.discover(repo.top)
    dataset = load_revision(git, git.commit_of("HEAD"), "data")
    assert dataset is not None
    codes = [(d.path, d.code) for d in check_dataset(dataset)]
    assert codes == [("data/communities/outside.yaml", "GC109")]
    # On disk the same file is refused for the same reason.
    disk = [d.code for d in check_dataset(load_dataset(repo.data, base=repo.top))]
    assert disk == ["GC109"]


def test_memory_source_answers_like_a_folder() -> None:
    root = Path("/nowhere/data")
    source = MemorySource(
        root,
        {"town.yaml": b"a: 1\n", "communities/x.yaml": b"id: x\n", "evidence/x/a.md": None},
        {"evidence/x/b.md": "a.md", "evidence/x/up.md": "../../../secret", "loop": "loop"},
        prefix="data",
    )
    assert source.yaml_files(root / "communities") == [root / "communities" / "x.yaml"]
    assert source.yaml_files(root) == [root / "town.yaml"]
    assert source.is_file(root / "evidence" / "x" / "b.md")
    assert not source.inside(root / "evidence" / "x" / "up.md")
    assert not source.inside(root / "loop")
    assert source.exists(root / "evidence")
    assert not source.exists(root / "evidence" / "y")
    assert source.show(root / "communities" / "x.yaml", None) == "data/communities/x.yaml"


def test_errors(shared_repo: GitData, tmp_path: Path) -> None:
    git = GitRepo.discover(shared_repo.top)
    with pytest.raises(BadRevisionError, match="HEAD~5 不是有效的 git 版本"):
        git.commit_of("HEAD~5")
    with pytest.raises(BadRevisionError):
        git.commit_of("--all")
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    with pytest.raises(NotARepositoryError):
        GitRepo.discover(lonely)
    assert git.snapshot(git.commit_of("HEAD"), "no-such-folder") is None
