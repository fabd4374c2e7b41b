"""The published pre-commit hooks (.pre-commit-hooks.yaml), run by pre-commit itself.

A town's data repository (the shipped data, committed once) uses this
repository's hooks through ``pre-commit try-repo``, then through an installed
git hook and a real ``git commit``.  pre-commit builds the hooks' environment
as it would for a town: ``language: python`` pip-installs this package from a
snapshot of the working tree, so only the package index is reached (no
download from GitHub).  pre-commit passes a hook only the files a commit adds
or modifies, never those it deletes: a commit that only deletes an evidence file
would run no hook at all without ``always_run`` on ``gc-validate-all``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import tools
from tests.conftest import REPO
from tests.git.conftest import IDENTITY, GitData, make_repo

EVIDENCE = "data/evidence/songxin/绿色生活行为公约-2021.md"
# What gc validate says once the evidence file cited by songxin's 2021 self sheet is gone.
MISSING_EVIDENCE = (
    "data/communities/songxin.yaml:177:13: 错误 GC307 佐证材料 绿色生活行为公约-2021.md "
    "不存在（应放在 evidence/songxin/ 下）。请放入文件或更正路径。\n"
    "  177 |           - 绿色生活行为公约-2021.md\n"
    "      |             ^\n"
    "检查了 14 个文件：1 个错误，0 个警告。\n"
)
# What a pip install of the package reads, and the hooks' manifest.
PACKAGE_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src/")


def _pre_commit() -> str:
    """pre-commit, a dev dependency: installed beside the interpreter running the tests."""
    found = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if found is None:
        tools.missing("pre-commit", "run `make install` (it is a dev dependency)")
        raise AssertionError("unreachable")
    return found


def _environment(home: Path) -> dict[str, str]:
    env = {**os.environ, **IDENTITY, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    return env


def _hook_repository(parent: Path, env: dict[str, str]) -> tuple[Path, str]:
    """This working tree's package and hooks, committed in a repository of their own
    (what a tag of this repository holds); its path and commit."""
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.split("\0")
    top = parent / "greencommunity"
    for name in listed:
        source = REPO / name
        if name.startswith(PACKAGE_FILES) and source.is_file():
            (top / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, top / name)
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "commit.gpgsign=false", "commit", "-q", "-m", "hooks"],
    ):
        subprocess.run(["git", "-C", str(top), *args], env=env, check=True, timeout=60)
    commit = subprocess.run(
        ["git", "-C", str(top), "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    ).stdout.strip()
    return top, commit


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # Installing the hooks' environment pip-installs the package and its dependencies.
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def _hook_line(output: str, name: str) -> str:
    [line] = [line for line in output.splitlines() if line.startswith(name)]
    return line


@pytest.mark.slow  # pre-commit makes a virtual environment and pip-installs gc into it, twice
def test_deleting_cited_evidence_fails_the_commit(tmp_path: Path) -> None:
    pre_commit = _pre_commit()
    env = _environment(tmp_path / "pre-commit-home")
    hooks, commit = _hook_repository(tmp_path, env)
    town: GitData = make_repo(tmp_path)
    # Removed from the index only: the file stays on disk, the commit lacks it.
    town.git("rm", "-q", "--cached", EVIDENCE)
    assert (town.top / EVIDENCE).is_file()
    staged = town.git("-c", "core.quotePath=false", "diff", "--staged", "--name-status")
    assert staged == f"D\t{EVIDENCE}\n"  # the commit only deletes the file

    # pre-commit try-repo: every hook of the manifest on what is staged.
    done = _run([pre_commit, "try-repo", str(hooks), "--ref", commit], town.top, env)
    assert done.returncode == 1, done.stdout + done.stderr
    # The deleted file is no file to check for gc-validate: skipped ...
    assert _hook_line(done.stdout, "gc validate（改动的数据文件）").endswith(
        "(no files to check)Skipped"
    )
    # ... but gc-validate-all runs on every commit and finds the score sheet's citation.
    assert _hook_line(done.stdout, "gc validate（整个数据目录）").endswith("Failed")
    assert ("- hook id: gc-validate-all\n- exit code: 1\n\n" + MISSING_EVIDENCE) in done.stdout

    # The same hooks installed in the town's repository: the commit itself is refused.
    (town.top / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {hooks.as_posix()}\n"
        f"    rev: {commit}\n"
        "    hooks:\n"
        "      - id: gc-validate\n"
        "      - id: gc-validate-all\n",
        encoding="utf-8",
    )
    town.git("add", ".pre-commit-config.yaml")
    installed = _run([pre_commit, "install"], town.top, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    head = town.head()
    refused = _run(
        ["git", "-c", "commit.gpgsign=false", "commit", "-m", "删除佐证材料"], town.top, env
    )
    assert refused.returncode == 1, refused.stdout + refused.stderr
    # git shows a hook's output on its standard error.
    assert MISSING_EVIDENCE in refused.stderr
    assert town.head() == head

    # Put back, the same commit (the hooks' configuration alone) goes through.
    town.git("checkout", "HEAD", "--", EVIDENCE)
    accepted = _run(
        ["git", "-c", "commit.gpgsign=false", "commit", "-m", "pre-commit"], town.top, env
    )
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert _hook_line(accepted.stderr, "gc validate（整个数据目录）").endswith("Passed")
