"""``gc fmt``: data files in the canonical layout (``layout.py``), and which are not.

A file that does not load (a syntax error, GBK, a tag…) is never touched: its
diagnostic, the one ``gc validate`` gives, is returned with the text to show it
on its line.  Every write goes through ``atomic.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ruamel.yaml.error import YAMLError

from greencommunity import atomic
from greencommunity.authoring.layout import LayoutError, canonical
from greencommunity.authoring.roundtrip import RoundTripError
from greencommunity.codes import NOT_A_DATA_FILE, UNREADABLE
from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import tr
from greencommunity.loading.dataset import COMMUNITIES_DIR, CRITERIA_FILE, TOWN_FILE
from greencommunity.loading.document import (
    NotLoaded,
    display_path,
    document_from_bytes,
    read_file,
)
from greencommunity.loading.text import LoadError

SUFFIXES = (".yaml", ".yml")
# Folders a data repository holds that are never data: tools' caches, git.
_SKIPPED = frozenset({".git", ".gc_cache", "node_modules", ".venv", "schemas", "templates"})


class Outcome(StrEnum):
    UNCHANGED = "unchanged"  # already laid out
    CHANGED = "changed"  # laid out now, or would be (--check)
    NOT_LOADED = "not_loaded"  # a diagnostic says why; the file is untouched
    NOT_DATA = "not_data"  # not a town, criteria or community file
    DEFECT = "defect"  # the layout would have changed the data: untouched, a bug of gc


@dataclass(frozen=True)
class FileResult:
    path: Path
    display: str
    outcome: Outcome
    diagnostic: Diagnostic | None = None
    text: str | None = None  # of a file that did not load, to show its line


@dataclass
class FormatResult:
    files: list[FileResult] = field(default_factory=list)
    check: bool = False

    def having(self, outcome: Outcome) -> list[FileResult]:
        return [f for f in self.files if f.outcome is outcome]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return sorted(f.diagnostic for f in self.files if f.diagnostic is not None)


def kind_of(path: Path) -> str | None:
    """The file kind a path names: ``town.yaml``, ``criteria.yaml``, or a YAML
    file in a ``communities`` folder."""
    if path.name == TOWN_FILE:
        return "town"
    if path.name == CRITERIA_FILE:
        return "criteria"
    if path.suffix in SUFFIXES and path.parent.name == COMMUNITIES_DIR:
        return "community"
    return None


def data_files(folder: Path) -> Iterator[Path]:
    """The data files under *folder*, in a stable order."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(part in _SKIPPED for part in relative[:-1]):
            continue
        if path.is_file() and kind_of(path) is not None:
            yield path


def format_files(
    paths: Iterable[Path], *, check: bool = False, base: Path | None = None
) -> FormatResult:
    """Lay out each data file of *paths* (files, or folders to search), or with
    *check* only say which would change."""
    result = FormatResult(check=check)
    seen: set[Path] = set()
    for given in paths:
        for path in data_files(given) if given.is_dir() else [given]:
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            result.files.append(_format_one(path, display_path(path, base), check))
    return result


def _format_one(path: Path, display: str, check: bool) -> FileResult:
    if not path.exists():
        message = tr("load.unreadable", detail=tr("load.no_such_file"))
        return FileResult(path, display, Outcome.NOT_LOADED, UNREADABLE.at(display, 1, 1, message))
    kind = kind_of(path)
    if kind is None:
        diagnostic = NOT_A_DATA_FILE.at(display, 1, 1, tr("fmt.not_a_data_file"))
        return FileResult(path, display, Outcome.NOT_DATA, diagnostic)
    raw = read_file(path, display)
    if isinstance(raw, NotLoaded):
        return FileResult(path, display, Outcome.NOT_LOADED, raw.diagnostic)
    loaded = document_from_bytes(path, display, raw)
    if isinstance(loaded, NotLoaded):
        return FileResult(path, display, Outcome.NOT_LOADED, loaded.diagnostic, loaded.text)
    slips = loaded.slips()
    if slips:
        # Read on past a keyboard slip for checking only: the layout would
        # write the repair, which is the officer's to make.
        return FileResult(path, display, Outcome.NOT_LOADED, slips[0], loaded.text)
    try:
        laid_out = canonical(loaded.text, kind)
    except (LayoutError, LoadError, RoundTripError, YAMLError):
        # The loader read the file and the round trip did not, or the layout
        # would change the data: gc's defect, and the file stays as it is.
        return FileResult(path, display, Outcome.DEFECT)
    new = laid_out.encode("utf-8")
    if raw == new:
        return FileResult(path, display, Outcome.UNCHANGED)
    if not check:
        atomic.write_bytes(path, new)
    return FileResult(path, display, Outcome.CHANGED)
