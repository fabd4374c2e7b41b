"""Real temporary git repositories holding a copy of the shipped data."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_DATA

JIAHUANG_DISTRICT_2022 = """\
    district:
      date: 2022-11-10
      reviewers: 区精细化推进办
      verdict: pass
"""


class GitData:
    """A git work tree at *top* with the shipped data in ``data/``, committed once."""

    def __init__(self, top: Path) -> None:
        self.top = top
        self.data = top / "data"
        self._tick = 0

    def git(self, *args: str) -> str:
        self._tick += 1
        # Fixed identities and dates: CI runs as root with no git config, and the
        # by-day history needs known days.
        day = os.environ.get("GC_TEST_DAY", "2022-11-01")
        stamp = f"{day}T10:{self._tick // 60:02d}:{self._tick % 60:02d}+08:00"
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "镇三大整治办",
            "GIT_AUTHOR_EMAIL": "officer@example.invalid",
            "GIT_COMMITTER_NAME": "镇三大整治办",
            "GIT_COMMITTER_EMAIL": "officer@example.invalid",
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
        }
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
        os.environ["GC_TEST_DAY"] = day
        try:
            self.git("add", "-A")
            self.git("commit", "-q", "--allow-empty", "-m", message)
        finally:
            del os.environ["GC_TEST_DAY"]
        return self.git("rev-parse", "HEAD").strip()

    def edit(self, relative: str, change: Callable[[str], str]) -> Path:
        path = self.data / relative
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        return path

    def pass_jiahuang(self) -> Path:
        """Give 佳煌 a passing district review in 2022: 10/17 → 11/17 passing."""
        return self.edit("communities/jiahuang.yaml", lambda t: t + JIAHUANG_DISTRICT_2022)


@pytest.fixture
def repo(tmp_path: Path) -> GitData:
    top = tmp_path / "town-data"
    top.mkdir()
    shutil.copytree(SHIPPED_DATA, top / "data")
    made = GitData(top)
    made.git("init", "-q", "-b", "main")
    made.commit("shipped data")
    return made
