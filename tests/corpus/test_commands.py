"""Every command on every corpus case: a contract exit code, never a traceback.

A case whose target loads (no GC1xx or GC2xx expected: the file becomes a model)
goes through the downstream commands: progress, score, status, the application
and summary reports, diff as JSON and Markdown, in a git work tree (its
validation is test_validate.py's and test_registry.py's).

A case that does not load is validated through the CLI, in English: exit code 1
(0 when only warnings are expected), one JSON object, exactly the expected
diagnostics, messages without Python in them.  Nothing is ever left half-written.

Both use the small data folder (cases.small_data: the town, the criteria, the
evidence and one shipped community assessed in 2021 and 2022): each command
loads the whole folder, and neither what a broken file (GC1xx, GC2xx, a setup)
gives nor how a command exits on a case depends on the other eleven communities.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from greencommunity.cli.app import app
from greencommunity.diagnostics import Severity
from greencommunity.rules import registry
from tests.corpus.cases import (
    CASES,
    PWNED,
    Case,
    found,
    placed,
    pythonisms,
    small_data,
)

runner = CliRunner()
# Valid, with a 2022 self-evaluation: every command succeeds on it, so the
# command lines below do reach the reports.
COMPLETE = "full.yaml"
LOADING = [case for case in CASES if case.loads]
BROKEN = [case for case in CASES if not case.loads]


def _run(args: list[str]) -> Result:
    """Invoke gc; it must end with a contract exit code, never an exception."""
    result = runner.invoke(app, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"gc {' '.join(args)} raised") from result.exception
    assert result.exit_code in (0, 1, 2), (args, result.output)
    return result


def _validate_in_english(case: Case, data: Path, target: Path) -> None:
    """`gc validate --format json TARGET` finds the expected diagnostics, exits 1
    for an error (0 for warnings only) and speaks English, not Python."""
    args = ["--lang", "en", "validate", "--data", str(data), "--format", "json", str(target)]
    result = _run(args)
    errors = any(registry()[code].severity is Severity.ERROR for code in case.codes)
    assert result.exit_code == (1 if errors else 0), result.output
    payload = json.loads(result.output)
    diagnostics = payload["diagnostics"]
    assert found((d["code"], d["line"], d["column"]) for d in diagnostics) == list(case.expect)
    for diagnostic in diagnostics:
        assert diagnostic["message"].strip(), diagnostic
        assert not pythonisms(diagnostic["message"]), diagnostic["message"]


def _no_temporary_files(*folders: Path) -> None:
    for folder in folders:
        for path in folder.rglob("*"):
            assert not path.name.endswith(".tmp"), path


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding the small data folder, committed once for all
    cases; each case is placed in its work tree and taken out again."""
    root = tmp_path_factory.mktemp("corpus-repo")
    small_data(root / "data")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "shipped data"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env)
    return root


@pytest.mark.parametrize("case", LOADING, ids=str)
def test_every_command_survives_a_file_that_loads(case: Case, repo: Path, tmp_path: Path) -> None:
    data = repo / "data"
    with placed(case, data, tmp_path / "outside"):
        d, out = str(data), str(tmp_path / "out")
        common = ["--data", d, "--year", "2022"]
        for args in (
            ["progress", *common, "--format", "json"],
            ["score", "testcase", *common],
            ["status", "--data", d, "--as-of", "2022-11-01"],
            ["report", "application", "testcase", *common, "-f", "html", "-o", f"{out}/a"],
            ["report", "summary", *common, "--format", "markdown", "--output", f"{out}/s"],
            ["diff", "--data", d, "--format", "markdown"],
        ):
            result = _run(args)
            if case.name == COMPLETE:
                assert result.exit_code == 0, (args, result.output)
        diffed = _run(["diff", "--data", d, "--format", "json"])
        assert diffed.exit_code in (0, 1), diffed.output
        json.loads(diffed.output)
    _no_temporary_files(tmp_path, repo)
    assert not PWNED.exists()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small data folder, shared by the cases that do not load."""
    return small_data(tmp_path_factory.mktemp("corpus-small") / "data")


@pytest.mark.parametrize("case", BROKEN, ids=str)
def test_validate_reports_a_file_that_does_not_load(case: Case, data: Path, tmp_path: Path) -> None:
    with placed(case, data, tmp_path / "outside") as target:
        _validate_in_english(case, data, target)
    _no_temporary_files(data)
    assert not PWNED.exists()
