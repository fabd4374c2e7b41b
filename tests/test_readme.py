"""README.md shows what gc really prints, and names the commands that are installed.

Each example is made again the way the README says (a shipped file broken in a
copy of the data, a score raised in a temporary git repository) with the
installed console script, and compared with the README's text.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import REPO, SHIPPED_DATA
from tests.git.conftest import make_repo

README = REPO / "README.md"


def _block_after(marker: str) -> list[str]:
    """The lines of the first fenced block after the first line holding *marker*."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if marker in line)
    opening = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("```"))
    closing = next(i for i in range(opening + 1, len(lines)) if lines[i].startswith("```"))
    return lines[opening + 1 : closing]


def _gc(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed console script, as the README runs it (.venv/bin/gc), in Chinese."""
    env = {k: v for k, v in os.environ.items() if k not in ("GC_LANG", "GC_DEBUG")}
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    script = Path(sys.executable).parent / "gc"
    return subprocess.run(
        [str(script), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_validation_example_is_what_gc_prints(tmp_path: Path) -> None:
    shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    songxin = tmp_path / "data" / "communities" / "songxin.yaml"
    text = songxin.read_text(encoding="utf-8")
    # As the README says: households, under profile, misspelt.
    assert text.count("\n  households:") == 1
    songxin.write_text(text.replace("\n  households:", "\n  housholds:"), encoding="utf-8")

    block = _block_after("### 检查输出 / Validation output")
    assert block[0] == "$ .venv/bin/gc validate"
    done = _gc("validate", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == block[1:]


def test_diff_example_is_what_gc_prints(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    # 巷佳's 2022 self-evaluation, 68 → 71: item 2.4 from 2 to 5.
    repo.edit("communities/xiangjia.yaml", lambda t: t.replace('"2.4": 2\n', '"2.4": 5\n', 1))
    block = _block_after("把巷佳 2022 年的自评草稿从 68 分改到 71 分")
    done = _gc("diff", cwd=repo.top)
    assert done.returncode == 0, done.stderr
    assert "\n".join(block) + "\n" in done.stdout


def test_both_command_names_are_installed() -> None:
    """gc, and greencommunity for PowerShell, where the alias gc (Get-Content) wins."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    scripts = pyproject["project"]["scripts"]
    assert scripts == {"gc": "greencommunity.cli.entry:main", "greencommunity": scripts["gc"]}
    installed = {
        e.name: e.value
        for e in importlib.metadata.entry_points(group="console_scripts")
        if e.name in scripts
    }
    assert installed == scripts
    readme = README.read_text(encoding="utf-8")
    assert "greencommunity validate" in readme
    assert "Get-Content" in readme


def test_review_loop_example_is_what_gc_prints() -> None:
    block = _block_after("### 考评整改 / The review loop")
    assert block[0].startswith("    district:")  # the YAML first
    example = _block_after("`gc status` 列出尚未答复的整改事项")
    assert example[0] == "$ gc status --as-of 2022-12-21"
    done = _gc("status", "--as-of", "2022-12-21", "--no-cache", cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "\n".join(example[1:]) + "\n" in done.stdout
