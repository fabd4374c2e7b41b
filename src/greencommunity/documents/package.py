"""An official package: the submission's files and ``manifest.json`` beside them.

``gc report submission`` writes the manifest after the documents: every file
with its SHA-256 and size, the data commit (and the paths that had
uncommitted changes, with ``--allow-dirty``), the criteria fingerprint, gc's
version, the day the package speaks as of, the ``SOURCE_DATE_EPOCH`` it was
made with, and the command that made it.  It holds no time of its own, so a
package rebuilt from the same commit with the same options is the same
bytes, manifest included.

``gc verify DIR`` reads a manifest back (``read``: a manifest that is not
JSON, not of this shape, or that names a path outside the package is a
``ManifestError``), compares the folder with it (``compare``), and with
``--data REPO`` rebuilds the package from the commit it names
(``documents/rebuild.py``) and compares the bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from greencommunity import atomic
from greencommunity.provenance import Provenance

if TYPE_CHECKING:
    from greencommunity.documents.planning import Plan
    from greencommunity.documents.render import Renderer

MANIFEST = "manifest.json"
FORMAT = 1
_SHA256_HEX = frozenset("0123456789abcdef")


class ManifestError(Exception):
    """A manifest gc cannot use: a catalog key and its parameters (exit 2)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Entry:
    """A file of the package: its path inside the package ("/"-separated),
    SHA-256 (hex) and size in bytes."""

    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    kind: str
    year: int
    format: str
    date: dt.date | None  # --date as given; None: the package speaks as of the day made
    as_of: dt.date
    commit: str | None  # the data commit; None: the data folder was not in git
    data_path: str | None  # the data folder inside the repository ("data")
    uncommitted: tuple[str, ...]  # paths that had uncommitted changes (--allow-dirty)
    fingerprint: str
    version: str
    source_date_epoch: int | None
    files: tuple[Entry, ...]

    @property
    def command(self) -> str:
        """The command line that made the package (without --data and --output)."""
        words = ["gc", "report", self.kind, "--year", str(self.year)]
        if self.date is not None:
            words += ["--date", self.date.isoformat()]
        words += ["--format", self.format]
        if self.uncommitted:
            words.append("--allow-dirty")
        return " ".join(words)


def write(
    plan: Plan,
    renderer: Renderer,
    fmt: str,
    output: Path,
    *,
    date: dt.date | None,
    epoch: dt.datetime | None,
) -> list[Path]:
    """Write the documents of *plan* into *output* (``writing.write_plan``),
    then their manifest; every path written, the manifest last."""
    from greencommunity.documents.writing import write_plan

    written = write_plan(plan, renderer, fmt, output)
    manifest = make(
        kind=plan.kind.name,
        year=plan.year,
        fmt=fmt,
        date=date,
        provenance=plan.provenance,
        epoch=epoch,
        folder=output,
        written=written,
    )
    path = output / MANIFEST
    atomic.write_text(path, to_json(manifest))
    return [*written, path]


def entry(folder: Path, path: Path) -> Entry:
    data = path.read_bytes()
    return Entry(_relative(folder, path), hashlib.sha256(data).hexdigest(), len(data))


def _relative(folder: Path, path: Path) -> str:
    return path.relative_to(folder).as_posix()


def make(
    *,
    kind: str,
    year: int,
    fmt: str,
    date: dt.date | None,
    provenance: Provenance,
    epoch: dt.datetime | None,
    folder: Path,
    written: Sequence[Path],
) -> Manifest:
    """The manifest of the files *written* into *folder*."""
    revision = provenance.revision
    return Manifest(
        kind=kind,
        year=year,
        format=fmt,
        date=date,
        as_of=provenance.as_of,
        commit=revision.commit if revision is not None else None,
        data_path=revision.prefix if revision is not None else None,
        uncommitted=revision.changed if revision is not None else (),
        fingerprint=provenance.fingerprint,
        version=provenance.version,
        source_date_epoch=int(epoch.timestamp()) if epoch is not None else None,
        files=tuple(sorted((entry(folder, p) for p in written), key=lambda e: e.path)),
    )


def to_json(manifest: Manifest) -> str:
    """The manifest as it is written: keys sorted, no time of its own."""
    document = {
        "manifest": FORMAT,
        "command": manifest.command,
        "kind": manifest.kind,
        "year": manifest.year,
        "format": manifest.format,
        "date": manifest.date.isoformat() if manifest.date is not None else None,
        "as_of": manifest.as_of.isoformat(),
        "data": {
            "commit": manifest.commit,
            "path": manifest.data_path,
            "uncommitted": list(manifest.uncommitted),
        },
        "criteria_fingerprint": manifest.fingerprint,
        "gc_version": manifest.version,
        "source_date_epoch": manifest.source_date_epoch,
        "files": [{"path": e.path, "sha256": e.sha256, "size": e.size} for e in manifest.files],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# ------------------------------------------------------------------ reading back


def read(folder: Path) -> Manifest:
    """The manifest of the package *folder*; ManifestError when there is none
    gc can use, OSError when the folder cannot be read."""
    path = folder / MANIFEST
    if not folder.is_dir():
        raise ManifestError("verify.no_folder", path=str(folder))
    if not path.is_file():
        raise ManifestError("verify.no_manifest", path=str(path))
    raw = path.read_bytes()
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ManifestError("verify.not_json", path=str(path), detail=str(exc)) from None
    try:
        return _manifest(document)
    except (KeyError, TypeError, ValueError) as exc:
        raise ManifestError("verify.bad_manifest", path=str(path), detail=_detail(exc)) from None


def _detail(exc: Exception) -> str:
    return f"{exc.args[0]!s}" if exc.args else type(exc).__name__


def _get(document: Any, key: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(document, dict):
        raise TypeError("an object is expected")
    if key not in document:
        raise KeyError(key)
    value = document[key]
    if isinstance(value, bool) or not isinstance(value, kind):
        raise TypeError(key)
    return value


def _date(value: str | None, key: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(key) from None


def _manifest(document: Any) -> Manifest:
    if _get(document, "manifest", int) != FORMAT:
        raise ValueError("manifest")
    data = _get(document, "data", dict)
    files = _get(document, "files", list)
    as_of = _date(_get(document, "as_of", str), "as_of")
    assert as_of is not None
    epoch = _get(document, "source_date_epoch", (int, type(None)))
    uncommitted = _get(data, "uncommitted", list)
    if not all(isinstance(p, str) for p in uncommitted):
        raise TypeError("uncommitted")
    entries = tuple(_entry(item) for item in files)
    paths = [e.path for e in entries]
    if len(set(paths)) != len(paths):
        raise ValueError("files")
    return Manifest(
        kind=_get(document, "kind", str),
        year=_get(document, "year", int),
        format=_get(document, "format", str),
        date=_date(_get(document, "date", (str, type(None))), "date"),
        as_of=as_of,
        commit=_commit(_get(data, "commit", (str, type(None)))),
        data_path=_get(data, "path", (str, type(None))),
        uncommitted=tuple(uncommitted),
        fingerprint=_get(document, "criteria_fingerprint", str),
        version=_get(document, "gc_version", str),
        source_date_epoch=epoch,
        files=entries,
    )


def _commit(value: str | None) -> str | None:
    if value is not None and not (4 <= len(value) <= 64 and set(value) <= _SHA256_HEX):
        raise ValueError("commit")
    return value


def _entry(item: Any) -> Entry:
    path = _get(item, "path", str)
    digest = _get(item, "sha256", str)
    size = _get(item, "size", int)
    if len(digest) != 64 or not set(digest) <= _SHA256_HEX:
        raise ValueError("sha256")
    if size < 0:
        raise ValueError("size")
    if not inside(path):
        raise ManifestError("verify.outside", path=path)
    return Entry(path, digest, size)


def inside(path: str) -> bool:
    """Whether *path* names a file inside the package: relative, "/"-separated,
    no "..", no drive or backslash (a manifest must not make gc read elsewhere)."""
    pure = PurePosixPath(path)
    return (
        bool(path)
        and "\\" not in path
        and "\0" not in path
        and not pure.is_absolute()
        and ":" not in pure.parts[0]
        and all(part not in ("", ".", "..") for part in path.split("/"))
        and path != MANIFEST
    )


# ------------------------------------------------------------------- comparing


@dataclass(frozen=True)
class Comparison:
    """What differs between a package folder and its manifest (or a rebuild)."""

    changed: tuple[str, ...] = ()  # its bytes are not the manifest's
    missing: tuple[str, ...] = ()  # listed, not in the folder
    extra: tuple[str, ...] = ()  # in the folder, not listed
    rebuilt: tuple[str, ...] = field(default=())  # differs from the rebuild (--data)

    @property
    def ok(self) -> bool:
        return not (self.changed or self.missing or self.extra or self.rebuilt)


def files_of(folder: Path) -> list[str]:
    """Every file of the package folder but its manifest, "/"-separated, sorted
    (a link is a file here: it is never followed)."""
    found = []
    for top, folders, names in os.walk(folder, followlinks=False):
        here = Path(top)
        found += [_relative(folder, here / name) for name in names]
        found += [_relative(folder, here / name) for name in folders if (here / name).is_symlink()]
    return sorted(name for name in found if name != MANIFEST)


def compare(folder: Path, manifest: Manifest) -> Comparison:
    """The package *folder* against its *manifest*; OSError when a file cannot be read."""
    listed = {e.path: e for e in manifest.files}
    present = set(files_of(folder))
    changed = []
    for path, expected in sorted(listed.items()):
        if path not in present:
            continue
        target = folder / path
        if target.is_symlink() or entry(folder, target) != expected:
            changed.append(path)
    return Comparison(
        changed=tuple(changed),
        missing=tuple(sorted(set(listed) - present)),
        extra=tuple(sorted(present - set(listed))),
    )


def differing(package: Path, rebuilt: Path, names: Iterable[str]) -> tuple[str, ...]:
    """The files of *names* whose bytes in *package* are not those of *rebuilt*
    (a file only one side has differs too)."""
    different = []
    for name in sorted(set(names)):
        ours, theirs = package / name, rebuilt / name
        if not (ours.is_file() and theirs.is_file()) or ours.read_bytes() != theirs.read_bytes():
            different.append(name)
    return tuple(different)
