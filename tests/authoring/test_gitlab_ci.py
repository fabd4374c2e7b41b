"""gc init --ci gitlab's pipeline, run by gitlab-ci-local (npm, package.json)
with the shell executor in a real git repository: its jobs pass on clean
data, the merge request's gc audit job too, and on data with a problem the
job fails after writing both reports, which are gc validate's own.

The job installs gc with the command in the variable GC_INSTALL; the test
gives it this test's gc instead (its virtual environment's bin folder first on
PATH), so nothing is fetched.  gitlab-ci-local copies the tracked files with
rsync (Debian: rsync) and reads git's metadata (git).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from greencommunity.authoring.repository import Names, create
from greencommunity.authoring.source import Source
from tests import tools
from tests.git.conftest import IDENTITY

SOURCE = Source("https://gitee.com/example/greencommunity.git", "a" * 40)
# This test's gc, found before anything the job would install.  The rest of
# PATH written out: gitlab-ci-local expands $PATH in a variable's value as a CI
# variable (empty), which left the jobs without git.
INSTALL = f"export PATH={Path(sys.executable).parent}:{os.environ.get('PATH', '/usr/bin:/bin')}"


def _commit(top: Path, message: str) -> None:
    env = {**os.environ, **IDENTITY}
    for args in (["add", "-A"], ["-c", "commit.gpgsign=false", "commit", "-q", "-m", message]):
        subprocess.run(["git", "-C", str(top), *args], env=env, check=True, timeout=60)


def _pipeline(top: Path, home: Path, *variables: str) -> subprocess.CompletedProcess[str]:
    command = tools.node_bin("gitlab-ci-local")
    options = [f"--variable={v}" for v in (f"GC_INSTALL={INSTALL}", *variables)]
    return subprocess.run(
        [
            *command,
            "--home",
            str(home),
            # In the work tree itself, as a shell runner works in its checkout:
            # the reports are left there.
            "--force-shell-executor",
            *options,
        ],
        cwd=top,  # gitlab-ci-local takes a relative --cwd only
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )


@pytest.fixture
def town(tmp_path: Path) -> Path:
    tools.program("git", "install git")
    tools.program("rsync", "install rsync (Debian: rsync)")
    tools.node_bin("gitlab-ci-local")
    top = tmp_path / "town"
    names = Names(town="华新镇", district="青浦区", city="上海市", urban_communities=12)
    create(top, names, SOURCE, "gitlab")
    _commit(top, "gc init")
    return top


@pytest.mark.slow  # two pipelines, each starting gc several times
def test_the_pipeline_runs_under_gitlab_ci_local(town: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = _pipeline(town, home, "CI_PIPELINE_SOURCE=merge_request_event")
    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    assert "PASS  gc validate" in log and "PASS  gc audit" in log
    assert "gc validate > 检查了 2 个文件，没有发现问题。" in log
    assert "gc validate > 华新镇 2022 年绿色社区创建达标进度" in log
    # This gc has gc audit: the merge request's commits are checked against roles.
    assert "gc audit    > 核对了 1 个提交" in log and "没有越权的修改。" in log
    assert (town / "gl-code-quality-report.json").read_text("utf-8") == "[]\n"
    assert 'tests="2" failures="0"' in (town / "gc-junit.xml").read_text("utf-8")

    _gc(town, "new", "songxin", "--name", "崧鑫居委会", "--batch", "2021")
    songxin = town / "data" / "communities" / "songxin.yaml"
    text = songxin.read_text("utf-8")
    songxin.write_text(text.replace("batch: 2021", "batch: 二〇二一"), "utf-8")
    _commit(town, "a community with a problem")
    for report in ("gl-code-quality-report.json", "gc-junit.xml"):
        (town / report).unlink()
    done = _pipeline(town, home)
    log = done.stdout + done.stderr
    assert done.returncode != 0, log
    assert "FAIL  gc validate" in log and "gc audit" not in log  # not a merge request
    assert "错误 GC203 batch 应为整数" in log
    assert "达标进度" not in log  # gc progress needs data without errors
    report = (town / "gl-code-quality-report.json").read_text("utf-8")
    [finding] = json.loads(report)
    assert (finding["check_name"], finding["location"]["path"]) == (
        "GC203",
        "data/communities/songxin.yaml",
    )
    assert report == _gc(town, "validate", "--format", "gitlab")
    assert (town / "gc-junit.xml").read_text("utf-8") == _gc(town, "validate", "--format", "junit")
    assert 'tests="3" failures="1"' in (town / "gc-junit.xml").read_text("utf-8")


def _gc(folder: Path, *args: str) -> str:
    """What this test's gc prints, run in *folder*."""
    done = subprocess.run(
        [str(Path(sys.executable).parent / "gc"), *args],
        cwd=folder,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout
