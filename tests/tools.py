"""The outside validators and programs the tests run on real outputs.

Each is found where `make tools` (package.json, npm) or `.ci/run` (Debian
packages) puts it.  A missing tool skips its test on a developer's machine and
fails it in CI (``CI=true``), where `.ci/run` must have installed it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
NODE_MODULES = REPO / "node_modules"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing(what: str, how: str) -> None:
    """Skip (or, in CI, fail) a test whose tool is not installed."""
    message = f"{what} is not installed; {how}"
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)


def program(name: str, how: str) -> str:
    """A program on PATH (a Debian package's), by name."""
    found = shutil.which(name)
    if found is None:
        missing(name, how)
        raise AssertionError("unreachable")
    return found


def node_package(name: str) -> Path:
    """The folder of an npm package of package.json (after `make tools`)."""
    folder = NODE_MODULES / name
    if not folder.is_dir():
        missing(f"npm package {name}", "run `make tools` (npm ci)")
    return folder


def node() -> str:
    return program("node", "install Node.js (Debian: nodejs npm)")


def node_bin(name: str) -> list[str]:
    """A command-line tool of an npm package, run with node."""
    script = NODE_MODULES / ".bin" / name
    if not script.exists():
        missing(f"{name} (npm)", "run `make tools` (npm ci)")
    return [node(), str(script.resolve())]


def vnu() -> list[str]:
    """The Nu HTML Checker: vnu.jar from the npm package vnu-jar, run by Java."""
    jar = node_package("vnu-jar") / "build" / "dist" / "vnu.jar"
    java = program("java", "install Java (Debian: default-jre-headless)")
    return [java, "-jar", str(jar)]


def run(command: list[str], *, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def nu_errors(pages: list[str]) -> list[str]:
    """Every error the Nu HTML Checker finds in *pages*, as ``page:line: message``."""
    done = run([*vnu(), "--errors-only", "--format", "json", *pages], timeout=300)
    messages: list[dict[str, Any]] = json.loads(done.stderr)["messages"]
    problems = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m.get('message')}"
        for m in messages
    ]
    assert problems or done.returncode == 0, done.stderr
    return problems


def axe() -> str:
    """axe-core's script, to add to every page a browser opens."""
    return (node_package("axe-core") / "axe.min.js").read_text(encoding="utf-8")


# axe's violations in the open page, each with up to three of its places.
AXE_RUN = """
axe.run(document, {resultTypes: ["violations"]}).then(result => result.violations.map(
    v => v.id + " (" + v.nodes.length + "): " + v.nodes.slice(0, 3).map(
        n => n.target.join(" ") + " " + ((n.any[0] || n.all[0] || n.none[0] || {}).message || "")
    ).join(" | ")
))
"""
