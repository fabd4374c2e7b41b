"""gc as a real package: ``python -m build`` makes an sdist and a wheel (once
per test session, shared by the xdist workers), the wheel carries every file
of the package that is not Python (templates, the skeleton gc init writes,
py.typed) and the commit it was built from, and, installed with its pdf extra
into a fresh virtual environment, gc works in a folder outside this
repository: init, new, validate, progress, an HTML and a PDF report.

The build and the installation fetch the build backend and gc's dependencies
from the package index (pip's cache first).
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from greencommunity import __version__
from greencommunity.documents.fonts import chinese_families
from tests import tools
from tests.conftest import REPO

PACKAGE = REPO / "src" / "greencommunity"
BUILD_TIMEOUT = 600


def _run(command: list[str], cwd: Path | None = None) -> str:
    done = subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The folder with the sdist and the wheel: built by the first worker that
    asks, under a lock in the session's shared temporary folder."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker has a folder in the session's; alone, the
    # session's folder is the base itself (its parent holds earlier sessions).
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "gc-dist"
    shared.mkdir(exist_ok=True)
    with (shared / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not list(shared.glob("*.whl")):
            _run([sys.executable, "-m", "build", "--outdir", str(shared), str(REPO)])
        fcntl.flock(lock, fcntl.LOCK_UN)
    yield shared


def _wheel(dist: Path) -> Path:
    [wheel] = dist.glob(f"greencommunity-{__version__}-py3-none-any.whl")
    return wheel


def _commit() -> str | None:
    """What gc --version should name: this checkout's commit, -dirty with
    changes to tracked files; None outside a git checkout."""
    git = ["git", "-C", str(REPO)]
    top = subprocess.run([*git, "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    if top.returncode != 0 or Path(top.stdout.strip()).resolve() != REPO:
        return None
    commit = _run([*git, "rev-parse", "--verify", "HEAD"]).strip()
    dirty = _run([*git, "status", "--porcelain", "--untracked-files=no"]).strip()
    return commit + "-dirty" if dirty else commit


def _package_files() -> set[str]:
    """Every file of the source package but Python's caches, "/"-separated."""
    return {
        p.relative_to(PACKAGE.parent).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.name != "_build.py"
    }


@pytest.mark.slow
def test_the_wheel_and_the_sdist_carry_the_whole_package(dist: Path) -> None:
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        names = set(wheel.namelist())
        built = wheel.read("greencommunity/_build.py").decode("utf-8") if _commit() else ""
    package = {n for n in names if n.startswith("greencommunity/")}
    assert package - {"greencommunity/_build.py"} == _package_files()
    assert "greencommunity/authoring/skeleton/gitlab-ci.yml.tmpl" in package
    assert "greencommunity/documents/templates/summary.html.j2" in package
    commit = _commit()
    if commit is not None:
        assert f'COMMIT = "{commit.removesuffix("-dirty")}"\n' in built
        assert f"DIRTY = {commit.endswith('-dirty')}\n" in built
    [sdist] = dist.glob(f"greencommunity-{__version__}.tar.gz")
    with tarfile.open(sdist) as archive:
        members = {m.name for m in archive.getmembers() if m.isfile()}
    top = f"greencommunity-{__version__}/"
    assert {top + "setup.py", top + "pyproject.toml", top + "README.md"} <= members
    inside = {name.removeprefix(top + "src/") for name in members}
    assert _package_files() <= inside
    # The wheel is built from the sdist, which must carry the commit for it.
    assert ("greencommunity/_build.py" in inside) == (commit is not None)


@pytest.fixture(scope="session")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh virtual environment, outside this repository,
    with the wheel and its pdf extra installed."""
    venv = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "--quiet", f"{_wheel(dist)}[pdf]"])
    return venv / "bin"


@pytest.mark.slow
def test_the_wheel_works_outside_the_repository(installed: Path, tmp_path: Path) -> None:
    work = tmp_path / "outside"
    work.mkdir()
    assert not work.resolve().is_relative_to(REPO)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{installed}{os.pathsep}{env.get('PATH', '')}"

    def gc(*args: str, folder: Path = work) -> str:
        done = subprocess.run(
            [str(installed / "gc"), *args],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=BUILD_TIMEOUT,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    commit = _commit()
    suffix = f" ({commit})" if commit else ""
    assert gc("--version") == f"gc {__version__}{suffix}\n"
    # The installed package, not this checkout: nothing on the path leads here.
    where = gc("--lang", "en", "explain", "GC203")
    assert "GC203" in where
    located = subprocess.run(
        [str(installed / "python"), "-c", "import greencommunity; print(greencommunity.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert not Path(located).resolve().is_relative_to(REPO)

    names = ["--town", "华新镇", "--district", "青浦区", "--city", "上海市"]
    created = gc("init", "town", *names, "--urban-communities", "12", "--ci", "gitlab")
    assert "华新镇" in created
    town = work / "town"
    assert (town / ".gitlab-ci.yml").is_file()
    gc("new", "songxin", "--name", "崧鑫居委会", "--batch", "2021", folder=town)
    assert gc("validate", folder=town) == "检查了 3 个文件，没有发现问题。\n"
    assert "华新镇 2022 年绿色社区创建达标进度" in gc("progress", folder=town)
    out = town / "out"
    gc("report", "summary", "--format", "html", "--output", str(out), folder=town)
    html = (out / "2021-summary.html").read_text("utf-8")
    assert "崧鑫居委会" in html
    # gc refuses a PDF without a Chinese font (.ci/run installs fonts-noto-cjk).
    if not chinese_families():
        tools.missing("a Chinese font", "install fonts-noto-cjk")
    gc("report", "summary", "--format", "pdf", "--output", str(out), folder=town)
    assert (out / "2021-summary.pdf").read_bytes().startswith(b"%PDF-")
