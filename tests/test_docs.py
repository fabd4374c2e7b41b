"""The repository's own Markdown (README, CONTRIBUTING, docs/, test READMEs)
passes markdownlint with the project's configuration, like the documents do."""

from __future__ import annotations

import subprocess

import pytest

from tests import tools


@pytest.mark.slow
def test_markdownlint_on_the_repositorys_documentation() -> None:
    listed = subprocess.run(
        ["git", "-C", str(tools.REPO), "-c", "core.quotepath=off", "ls-files", "*.md"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    # Golden files are rendered documents (tests/documents checks every output);
    # data/evidence holds a town's evidence, not documentation.
    files = [f for f in listed if "/golden/" not in f and not f.startswith("data/")]
    assert "README.md" in files and "docs/architecture.md" in files
    done = tools.run([*tools.node_bin("markdownlint-cli2"), *files])
    assert done.returncode == 0, done.stdout + done.stderr
