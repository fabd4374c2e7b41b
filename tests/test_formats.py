"""formats.py: one vocabulary of format names for every command."""

from __future__ import annotations

import importlib

import pytest

from greencommunity import formats
from greencommunity.documents import kinds

OUTPUT_MODULES = ("validate", "progress", "status", "score", "diff", "history", "rollup")


@pytest.mark.parametrize("module", OUTPUT_MODULES)
def test_every_registry_speaks_the_vocabulary(module: str) -> None:
    registry = importlib.import_module(f"greencommunity.output.{module}").FORMATS
    assert set(registry) <= set(formats.NAMES)
    # The plain terminal view is called the same in every command.
    assert formats.TEXT in registry


def test_document_formats_speak_the_vocabulary() -> None:
    assert set(kinds.FORMATS) <= set(formats.NAMES)
    assert formats.MARKDOWN in kinds.FORMATS
    # The name is the vocabulary's; the file keeps its usual suffix.
    assert kinds.FORMATS[formats.MARKDOWN].suffix == "md"


def test_earlier_spellings_name_todays_formats() -> None:
    assert formats.canonical("table") == formats.TEXT
    assert formats.canonical("md") == formats.MARKDOWN
    assert formats.canonical("json") == formats.JSON
    assert set(formats.ALIASES.values()) <= set(formats.NAMES)
    assert not set(formats.ALIASES) & set(formats.NAMES)
