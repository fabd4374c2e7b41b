"""Real temporary git repositories holding a copy of the shipped data.

``repo`` is a fresh repository for each test that edits the working tree or
commits; ``shared_repo`` (and the modules' own module-scoped repositories, made
with ``shared``) is one repository per test module for the tests that only read
it: they must leave it as they found it, which the fixture checks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_DATA

# Fixed identities: CI runs as root with no git config.
IDENTITY = {
    "GIT_AUTHOR_NAME": "镇三大整治办",
    "GIT_AUTHOR_EMAIL": "officer@example.invalid",
    "GIT_COMMITTER_NAME": "镇三大整治办",
    "GIT_COMMITTER_EMAIL": "officer@example.invalid",
}


class GitData:
    """A git work tree at *top* with the shipped data in ``data/``, committed once."""

    def __init__(self, top: Path) -> None:
        self.top = top
        self.data = top / "data"
        self._tick = 0

    def git(self, *args: str, day: str = "2022-11-01") -> str:
        self._tick += 1
        # Fixed dates, a second apart: the by-day history needs known days, and
        # the same steps give the same commit ids on every run.
        stamp = f"{day}T10:{self._tick // 60:02d}:{self._tick % 60:02d}+08:00"
        env = {**os.environ, **IDENTITY, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
            env.pop(name, None)
        done = subprocess.run(
            ["git", "-C", str(self.top), "-c", "commit.gpgsign=false", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        )
        return done.stdout

    def commit(self, message: str, day: str = "2022-11-01") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, day=day)
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def edit(self, relative: str, change: Callable[[str], str]) -> Path:
        path = self.data / relative
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        return path

    def jiahuang_verdict(self, verdict: str) -> Path:
        """佳煌's 2022 district review, shipped as rectify (需整改), now says *verdict*."""
        return self.edit(
            "communities/jiahuang.yaml",
            lambda t: t.replace("      verdict: rectify\n", f"      verdict: {verdict}\n", 1),
        )

    def pass_jiahuang(self) -> Path:
        """佳煌 has rectified and its district review passes it: 10/17 → 11/17 passing."""
        return self.jiahuang_verdict("pass")


def make_repo(parent: Path) -> GitData:
    """The shipped data in ``parent/town-data/data``, committed once on ``main``."""
    top = parent / "town-data"
    top.mkdir()
    shutil.copytree(SHIPPED_DATA, top / "data")
    made = GitData(top)
    made.git("init", "-q", "-b", "main")
    made.commit("shipped data")
    return made


@pytest.fixture
def repo(tmp_path: Path) -> GitData:
    """A repository of the test's own: edit and commit freely."""
    return make_repo(tmp_path)


def shared(made: GitData) -> Iterator[GitData]:
    """Yield *made* to read-only tests, then check that they left it as it was:
    a test that changed it would make the others' results depend on the order."""

    def state() -> tuple[str, ...]:
        return (
            made.head(),
            made.git("status", "--porcelain", "--ignored"),
            made.git("for-each-ref"),
            made.git("stash", "list"),
        )

    before = state()
    yield made
    assert state() == before


@pytest.fixture(scope="module")
def shared_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GitData]:
    """The shipped data committed once, for the module's read-only tests."""
    yield from shared(make_repo(tmp_path_factory.mktemp("shared")))
