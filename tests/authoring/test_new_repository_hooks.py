"""A repository made by gc init, its hooks run by pre-commit itself: gc-fmt
refuses a file that is not laid out and passes once gc fmt has run; and the gc
that pre-commit pip-installed (a wheel built from src/ alone, as a town's
install from a git URL) makes a new repository: the skeleton is package data."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from greencommunity.authoring.community import create as new_community
from greencommunity.authoring.repository import Names, create
from greencommunity.authoring.source import Source
from tests.git.test_pre_commit_hooks import _environment, _hook_repository, _pre_commit, _run

MESSY = "name: 华新居委会\nid: huaxin\nbatch: 2022\n"


@pytest.mark.slow  # pre-commit makes a virtual environment and pip-installs gc into it
def test_the_hooks_of_a_new_repository(tmp_path: Path) -> None:
    pre_commit = _pre_commit()
    env = _environment(tmp_path / "pre-commit-home")
    hooks, commit = _hook_repository(tmp_path, env)
    names = Names(town="华新镇", district="青浦区", city="上海市", urban_communities=17)
    town = create(tmp_path / "town", names, Source(hooks.as_posix(), commit)).folder
    new_community(town / "data", "huaxin", "华新居委会", 2022)
    messy = town / "data" / "communities" / "huaxin.yaml"
    messy.write_text(MESSY, encoding="utf-8")
    subprocess.run(["git", "-C", str(town), "add", "-A"], env=env, check=True, timeout=60)

    refused = _run([pre_commit, "run"], town, env)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "gc validate（整个数据目录）" in refused.stdout
    assert "- hook id: gc-fmt\n- exit code: 1\n\n" in refused.stdout
    assert (
        "需要重新排版：data/communities/huaxin.yaml\n"
        "1 个文件需要重新排版，2 个文件已排好。运行 gc fmt 排版。\n"
    ) in refused.stdout
    assert messy.read_text(encoding="utf-8") == MESSY

    [gc] = (tmp_path / "pre-commit-home").glob("repo*/py_env-*/bin/gc")
    laid_out = subprocess.run(
        [str(gc), "fmt"], cwd=town, env=env, capture_output=True, text=True, timeout=120
    )
    assert laid_out.returncode == 0, laid_out.stdout + laid_out.stderr
    subprocess.run(["git", "-C", str(town), "add", "-A"], env=env, check=True, timeout=60)
    accepted = _run([pre_commit, "run"], town, env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr

    # The installed gc has its skeleton: a second town from it validates.
    other = tmp_path / "other"
    made = subprocess.run(
        [str(gc), "init", str(other)], env=env, capture_output=True, text=True, timeout=120
    )
    assert made.returncode == 0, made.stdout + made.stderr
    checked = subprocess.run(
        [str(gc), "validate", "--data", str(other / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    # Valid, with a warning for each placeholder (GC317).
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.endswith("检查了 2 个文件：没有错误，5 个警告。\n")

    # And every other template is package data too: the installed gc builds a site.
    site = subprocess.run(
        [str(gc), "site", "--data", str(town / "data"), "--output", str(tmp_path / "site")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert site.returncode == 0, site.stdout + site.stderr
    assert (tmp_path / "site" / "index.html").is_file()
