"""gc --version names the commit a package was built from (setup.py writes
greencommunity/_build.py into a build), and the version alone without it (a
source checkout, an editable install)."""

from __future__ import annotations

import sys
import types

import pytest

from greencommunity import __version__
from greencommunity.cli import built_from, version_line

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def _built(monkeypatch: pytest.MonkeyPatch, **values: object) -> None:
    module = types.ModuleType("greencommunity._build")
    for name, value in values.items():
        setattr(module, name, value)
    monkeypatch.setitem(sys.modules, "greencommunity._build", module)


def test_a_source_checkout_says_the_version_alone() -> None:
    assert "greencommunity._build" not in sys.modules
    assert built_from() is None
    assert version_line() == f"gc {__version__}\n"


def test_a_package_built_from_git_names_its_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    _built(monkeypatch, COMMIT=COMMIT, DIRTY=False)
    assert version_line() == f"gc {__version__} ({COMMIT})\n"


def test_uncommitted_changes_are_said(monkeypatch: pytest.MonkeyPatch) -> None:
    _built(monkeypatch, COMMIT=COMMIT, DIRTY=True)
    assert version_line() == f"gc {__version__} ({COMMIT}-dirty)\n"


def test_a_module_without_a_commit_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    _built(monkeypatch, DIRTY=True)
    assert version_line() == f"gc {__version__}\n"
