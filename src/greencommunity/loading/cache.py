"""What was learnt from each data file, kept between runs (``.gc_cache/``).

Like ruff's and mypy's caches: an entry per file, keyed by the file's bytes
(and the model it is read as), holding the file's model, its load and schema
diagnostics, its possible input slips, and the diagnostics of the rules that
look at that one file (``rules.base.Scope.FILE``) with the town and criteria
they were made against.  Rules that look across files always run again.

One JSON file per data folder holds its entries; every run writes back only
the entries it used, so the file never grows with old versions.  JSON cannot
run code when read; a cache that is corrupt, truncated, from another version
of gc (or another language, or changed sources) or from a future format is
ignored whole and rebuilt.  An entry that does not have the expected shape is
ignored alone.  Writes go to a temporary file renamed into place, so
concurrent runs never see half a cache (the last one to finish wins).  Losing
the cache only costs time: it is written without fsync, and a write that fails
(a read-only folder) is skipped silently.

Where: ``.gc_cache/`` beside the data folder (``gc init`` lists it in
``.gitignore``), or the folder ``GC_CACHE_DIR`` names.  The cache is used only
when the caller asks for it (``validation.validate(..., cache=True)``: the
command line does unless ``--no-cache``), never by default in library calls.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from greencommunity import __version__, atomic
from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.i18n import get_language

FORMAT = 1
DIR_NAME = ".gc_cache"
DIR_VARIABLE = "GC_CACHE_DIR"

# A diagnostic without its path: (line, column, code, severity, message, sheet).
Found = tuple[int, int, str, str, str, str]


def folder_for(root: Path) -> Path:
    """Where the cache of the data folder *root* lives."""
    chosen = os.environ.get(DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    return root.resolve().parent / DIR_NAME


def environment() -> str:
    """What every entry depends on besides its file: the format, gc's version and
    its sources (a development checkout changes without a new version), and the
    language the messages are written in."""
    return f"{_sources()}-{get_language()}"


@functools.cache
def _sources() -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}\0{__version__}\0".encode())
    package = Path(__file__).resolve().parents[1]
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest()


def key_of(kind: str, raw: bytes) -> str:
    """The entry of a file with the bytes *raw*, read as the model *kind*."""
    return hashlib.blake2b(kind.encode() + b"\0" + raw, digest_size=20).hexdigest()


def context_of(*parts: bytes | str) -> str:
    """A fingerprint of what a file's rule diagnostics depend on besides the file."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def strip(diagnostics: Iterable[Diagnostic]) -> tuple[Found, ...]:
    return tuple(
        (d.line, d.column, d.code, d.severity.value, d.message, d.sheet) for d in diagnostics
    )


def dress(found: Iterable[Found], path: str) -> list[Diagnostic]:
    """Cached diagnostics, placed in the file as it is shown this time."""
    return [
        Diagnostic(path, line, column, code, Severity(severity), message, sheet)
        for line, column, code, severity, message, sheet in found
    ]


@dataclass(frozen=True)
class Entry:
    model: str | None  # the model as JSON; None when the file failed its schema
    diagnostics: tuple[Found, ...]  # from loading and the schema
    slips: tuple[Found, ...]  # possible input slips (GC207) before filtering
    context: str = ""  # what ``rules`` were found against ("": not run yet)
    rules: tuple[Found, ...] = ()

    def to_json(self) -> list[Any]:
        return [self.model, self.diagnostics, self.slips, self.context, self.rules]


def _found(value: Any) -> tuple[Found, ...]:
    """*value* as diagnostics, or ValueError when it is not their shape."""
    if not isinstance(value, list):
        raise ValueError("not a list")
    found = []
    for item in value:
        if not (
            isinstance(item, list)
            and len(item) == 6
            and all(isinstance(n, int) and not isinstance(n, bool) for n in item[:2])
            and all(isinstance(t, str) for t in item[2:])
            and item[3] in (Severity.ERROR.value, Severity.WARNING.value)
        ):
            raise ValueError("not a diagnostic")
        found.append((item[0], item[1], item[2], item[3], item[4], item[5]))
    return tuple(found)


def _entry(value: Any) -> Entry | None:
    """An entry read back, or None when it does not have an entry's shape."""
    try:
        if not isinstance(value, list) or len(value) != 5:
            return None
        model, diagnostics, slips, context, rules = value
        if not (model is None or isinstance(model, str)) or not isinstance(context, str):
            return None
        return Entry(model, _found(diagnostics), _found(slips), context, _found(rules))
    except ValueError:
        return None


@dataclass
class Cache:
    """The entries of one data folder: those read at the start, those used this run."""

    path: Path
    _stored: dict[str, Any] | None = field(default=None, repr=False)
    _used: dict[str, Entry] = field(default_factory=dict, repr=False)
    _changed: bool = field(default=False, repr=False)

    @classmethod
    def for_root(cls, root: Path) -> Cache:
        name = hashlib.blake2b(str(root.resolve()).encode(), digest_size=12).hexdigest()
        return cls(folder_for(root) / f"{name}.json")

    def _entries(self) -> dict[str, Any]:
        if self._stored is None:
            self._stored = {}
            try:
                stored = json.loads(self.path.read_bytes())
            except (OSError, ValueError, RecursionError):
                return self._stored  # none yet, or unreadable: start again
            if (
                isinstance(stored, dict)
                and stored.get("format") == FORMAT
                and stored.get("environment") == environment()
                and isinstance(stored.get("entries"), dict)
            ):
                self._stored = stored["entries"]
        return self._stored

    def get(self, key: str) -> Entry | None:
        entry = self._used.get(key)
        if entry is None:
            entry = _entry(self._entries().get(key))
            if entry is not None:
                self._used[key] = entry
        return entry

    def put(self, key: str, entry: Entry) -> None:
        if self._used.get(key) != entry:
            self._used[key] = entry
            self._changed = True

    def save(self) -> None:
        """Write the entries used this run, unless they are exactly those stored;
        silently skipped when it cannot be written."""
        if not self._changed and len(self._used) == len(self._entries()):
            return
        document = {
            "format": FORMAT,
            "environment": environment(),
            "entries": {key: entry.to_json() for key, entry in self._used.items()},
        }
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
        # A cache that cannot be written only costs time next run.
        with contextlib.suppress(OSError):
            atomic.write_bytes(self.path, data, durable=False)
