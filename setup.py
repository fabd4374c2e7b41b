"""Build hook: the git commit a package is built from, for ``gc --version``.

Everything else about the package is in pyproject.toml.  setuptools-scm would
also know the commit, but it makes the version itself out of git tags, and
gc's version is written by hand (``greencommunity.__version__``) in a
repository without tags; a ``build_py`` and an ``sdist`` command of
setuptools' own (``cmdclass``, its documented extension point) write one
generated module and change nothing else.

``greencommunity/_build.py`` holds ``COMMIT`` and ``DIRTY`` (uncommitted
changes to tracked files).  It is written into the build folder, never into
the source tree: by ``build_py`` when the source is the top of a git work tree
(a checkout, or the clone pip makes of a git URL), and into an sdist's tree,
so that a wheel built from the sdist (as ``python -m build`` builds it, without
git) still knows.  Built without git (an export, or from an sdist made
without git), there is no such module and ``gc --version`` says the version
alone; an editable install (``pip install -e``) has none either.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

HERE = Path(__file__).resolve().parent
MODULE = Path("greencommunity") / "_build.py"
GIT_TIMEOUT = 60


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(HERE), *args],
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _module_text() -> str | None:
    """The text of ``_build.py``; None when this folder is not the top of a git
    work tree (an sdist unpacked inside another repository is not built from
    that repository's commit)."""
    top = _git("rev-parse", "--show-toplevel")
    if top is None or Path(top).resolve() != HERE:
        return None
    commit = _git("rev-parse", "--verify", "HEAD")
    if commit is None:
        return None
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no"))
    return (
        '"""Written when this package was built (setup.py): the git commit it was built from."""\n'
        "\n"
        f'COMMIT = "{commit}"\n'
        f"DIRTY = {dirty}\n"
    )


def _write(folder: Path) -> None:
    text = _module_text()
    if text is not None:
        (folder / MODULE).write_text(text, encoding="utf-8")


class BuildPy(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            _write(Path(self.build_lib))


class Sdist(sdist):
    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        _write(Path(base_dir) / "src")


setup(cmdclass={"build_py": BuildPy, "sdist": Sdist})
