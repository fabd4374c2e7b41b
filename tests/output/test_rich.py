"""output/ returns rich renderables and never prints them: only cli/ makes a
Console (cli/io.py).  lint-imports keeps rich out of every package but cli/ and
output/ (pyproject.toml); this holds output/ to the renderables."""

from __future__ import annotations

import ast
from pathlib import Path

import greencommunity.output

OUTPUT = Path(greencommunity.output.__file__).parent

# What prints, or asks the terminal: rich's top level (print, get_console,
# inspect) and its live displays.
PRINTING = {
    "rich",
    "rich.live",
    "rich.logging",
    "rich.progress",
    "rich.prompt",
    "rich.status",
    "rich.traceback",
}
# From rich.console, the module of Console, only what combines or types renderables.
FROM_CONSOLE = {"Group", "RenderableType"}


def rich_imports() -> list[tuple[str, str, str]]:
    """(file, module, name) of every import from rich under output/."""
    found = []
    for path in sorted(OUTPUT.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "rich":
                found += [(path.name, node.module or "", alias.name) for alias in node.names]
            elif isinstance(node, ast.Import):
                found += [
                    (path.name, a.name, "") for a in node.names if a.name.split(".")[0] == "rich"
                ]
    return found


def test_output_imports_renderables_only() -> None:
    found = rich_imports()
    assert ("layout.py", "rich.table", "Table") in found  # the scan sees output's imports
    printing = [f for f in found if f[1] in PRINTING or f[2] == ""]
    assert printing == []
    assert sorted({name for _, module, name in found if module == "rich.console"}) == sorted(
        FROM_CONSOLE
    )
