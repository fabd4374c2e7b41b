"""The layers drawn in docs/architecture.md are the layers lint-imports checks
(pyproject.toml): the same modules, in the same order, split the same way."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import REPO


def drawn() -> list[str]:
    """The layers of the diagram, top to bottom, as import-linter writes them."""
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = text.split("## Layers\n", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    layers: list[str] = []
    pending = ""
    for line in block.splitlines():
        if not line or line[0] in " │":
            continue  # a description's next line, or an arrow
        names = pending + re.split(r"\s{2,}", line.rstrip())[0]
        if names.endswith(":"):
            pending = names + " "  # the layer goes on on the next line
            continue
        pending = ""
        layers.append(re.sub(r"(\w+)(/|\.py)", r"\1", names))
    return layers


def checked() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    [contract] = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    assert contract["containers"] == ["greencommunity"] and contract["exhaustive"]
    return list(contract["layers"])


def test_the_diagram_is_the_contract() -> None:
    layers = drawn()
    assert layers[:3] == ["__main__", "cli", "output"]
    assert layers == checked()


def test_type_checking_imports_count() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["importlinter"]["exclude_type_checking_imports"] is False
