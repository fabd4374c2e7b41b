"""What each invocation imports: only what it needs, so that gc starts fast.

Each case runs the real entry point (``cli/entry.py``) in a fresh interpreter
and reads its ``sys.modules`` afterwards.  Speed itself is measured by
``benchmarks/startup.py``, never asserted here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from greencommunity.cli import version_line
from greencommunity.cli.app import COMMANDS

# Every case starts a Python process and imports gc: about a second each.
pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[2] / "data"

# Runs gc with the arguments given as JSON, then writes the modules it imported
# (as JSON) to the file named last.
PROBE = """
import json, sys
args, into = json.loads(sys.argv[1]), sys.argv[2]
sys.argv = ["gc", *args]
from greencommunity.cli.entry import main
try:
    main()
except SystemExit:
    pass
with open(into, "w", encoding="utf-8") as f:
    json.dump(sorted(sys.modules), f)
"""

# What reading, checking and rendering data brings in; none of it is needed to
# say the version or list the commands.
DATA_STACK = (
    "pydantic",
    "ruamel",
    "jinja2",
    "openpyxl",
    "greencommunity.models",
    "greencommunity.loading",
    "greencommunity.validation",
    "greencommunity.rules",
    "greencommunity.core",
    "greencommunity.documents",
    "greencommunity.dashboard",
    "greencommunity.output",
)
COMMAND_MODULES = tuple(f"greencommunity.cli.{target.split(':')[0]}" for _, target, _ in COMMANDS)


def run(args: list[str], tmp_path: Path) -> tuple[str, set[str]]:
    """gc's standard output for *args*, and the modules it imported."""
    into = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args), str(into)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "GC_LANG": "en"},
        check=True,
    )
    return done.stdout, set(json.loads(into.read_text(encoding="utf-8")))


def imported(modules: set[str], names: tuple[str, ...]) -> list[str]:
    """Those of *names* imported, themselves or any module under them."""
    return [n for n in names if any(m == n or m.startswith(n + ".") for m in modules)]


def test_version_imports_nothing_but_the_entry_point(tmp_path: Path) -> None:
    output, modules = run(["--version"], tmp_path)
    assert output == version_line() == "gc 0.1.0\n"
    ours = {m for m in modules if m.startswith("greencommunity")}
    assert ours == {"greencommunity", "greencommunity.cli", "greencommunity.cli.entry"}
    assert imported(modules, ("typer", "click", "rich", *DATA_STACK)) == []


def test_version_among_other_options_is_said_alike(tmp_path: Path) -> None:
    output, modules = run(["--lang", "zh", "--version"], tmp_path)
    assert output == version_line()
    assert imported(modules, ("rich", *DATA_STACK, *COMMAND_MODULES)) == []


def test_help_imports_no_command(tmp_path: Path) -> None:
    output, modules = run(["--help"], tmp_path)
    assert "validate" in output and "Usage: gc" in output
    assert imported(modules, (*DATA_STACK, *COMMAND_MODULES)) == []


@pytest.mark.parametrize(("name", "target"), [(name, target) for name, target, _ in COMMANDS])
def test_a_commands_help_imports_that_command_only(name: str, target: str, tmp_path: Path) -> None:
    output, modules = run([name, "--help"], tmp_path)
    assert f"Usage: gc {name}" in output
    own = f"greencommunity.cli.{target.split(':')[0]}"
    assert [m for m in imported(modules, COMMAND_MODULES) if m != own] == []
    assert own in modules
    # The help of a command needs its options, not the data: what the option
    # list itself names (a registry of formats, of document kinds) at most.
    # pydantic is not listed: typer (0.29) imports it to convert option values,
    # the root's --lang among them, before any command is looked up.
    heavy = ("ruamel", "jinja2", "openpyxl", "greencommunity.models", "greencommunity.loading")
    assert imported(modules, heavy) == []


@pytest.mark.parametrize(
    ("args", "not_needed"),
    [
        (
            ["validate", "--data", str(DATA)],
            (
                "jinja2",
                "openpyxl",
                "rich.table",
                "greencommunity.documents",
                "greencommunity.core.progress",
            ),
        ),
        (
            ["progress", "--data", str(DATA), "--year", "2022"],
            ("jinja2", "openpyxl", "greencommunity.dashboard", "greencommunity.documents.render"),
        ),
        (
            ["progress", "--data", str(DATA), "--year", "2022", "--format", "json"],
            ("jinja2", "openpyxl", "rich", "greencommunity.dashboard"),
        ),
        (
            ["schema", "--kind", "town"],
            ("ruamel", "rich", "jinja2", "greencommunity.loading", "greencommunity.rules"),
        ),
        (["explain", "GC101"], ("jinja2", "openpyxl", "rich.table", "greencommunity.documents")),
    ],
    ids=["validate", "progress", "progress-json", "schema", "explain"],
)
def test_a_command_imports_what_it_needs(
    args: list[str], not_needed: tuple[str, ...], tmp_path: Path
) -> None:
    output, modules = run(args, tmp_path)
    assert output
    own = f"greencommunity.cli.{args[0]}_cmd"
    assert [m for m in imported(modules, COMMAND_MODULES) if m != own] == []
    assert imported(modules, not_needed) == []
