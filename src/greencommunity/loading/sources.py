"""Where the files of a data folder come from: the disk, or a git revision in memory.

Loading and the rules ask a ``FileSource`` only these questions, so the same
code validates the working tree and any revision (``gitrepo`` builds the
``MemorySource``).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from greencommunity.codes import UNREADABLE
from greencommunity.i18n import tr
from greencommunity.loading.document import (
    Document,
    NotLoaded,
    display_path,
    document_from_bytes,
    load_document,
)

YAML_SUFFIXES = (".yaml", ".yml")
# Files listed below one folder for a suggestion: an evidence folder holds tens;
# a hostile one is not walked to its end.
MAX_LISTED = 5000


class Place(StrEnum):
    """Where a file named by a data file (an evidence file) is found."""

    FILE = "file"  # a file inside the data folder
    MISSING = "missing"  # nothing there, or not a file, inside the data folder
    OUTSIDE = "outside"  # it leads out of the data folder (a symlink, "..")


class FileSource(Protocol):
    """Where the files of a data folder come from.

    Paths are ``root / relative``.  The working tree is ``FileSystemSource``;
    a snapshot held in memory (a git revision, see ``gitrepo``) is
    ``MemorySource``.  Loading and the rules ask only these questions, so the
    same code validates either.
    """

    @property
    def root(self) -> Path: ...

    def show(self, path: Path, base: Path | None) -> str:
        """How *path* is shown in diagnostics."""
        ...

    def load(self, path: Path, display: str) -> Document | NotLoaded: ...

    def exists(self, path: Path) -> bool: ...

    def is_file(self, path: Path) -> bool: ...

    def is_symlink(self, path: Path) -> bool: ...

    def inside(self, path: Path) -> bool:
        """True when *path*, symlinks followed, stays inside ``root``."""
        ...

    def locate(self, relative: str) -> Place:
        """Where the file at *relative* (below ``root``, written with ``/``) is;
        asked for every evidence file, so cheaper than ``is_file`` and ``inside``."""
        ...

    def yaml_files(self, folder: Path) -> list[Path]:
        """The YAML files directly in *folder*, sorted, hidden ones left out."""
        ...

    def files_below(self, relative: str) -> list[str]:
        """The files below the folder *relative* (below ``root``, with ``/``),
        as paths from that folder, sorted; at most ``MAX_LISTED``: what a
        "did you mean" chooses from."""
        ...

    def folders_in(self, relative: str) -> list[str]:
        """The names of the folders directly in the folder *relative* (below
        ``root``, with ``/``), sorted, hidden ones left out; none when it does
        not exist or cannot be listed."""
        ...


@dataclass(frozen=True)
class FileSystemSource:
    """Files on disk: the data folder of the working tree."""

    root: Path
    # Whether each path looked at is a symlink, for one run (``inside``).
    _links: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    # Where each evidence file is, for one run (``locate``: two rules ask).
    _places: dict[str, Place] = field(default_factory=dict, compare=False, repr=False)
    # The files below each folder asked about, for one run (``files_below``).
    _listed: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)
    # How each folder is shown, for one run (``show``).
    _shown: dict[tuple[Path, Path | None], str] = field(
        default_factory=dict, compare=False, repr=False
    )

    def show(self, path: Path, base: Path | None) -> str:
        # display_path resolves the path and the base: once per folder, not
        # once per file of a folder of thousands, unless the file is a symlink.
        name = path.name
        if name in ("", ".", "..") or self._is_link(str(path)):
            return display_path(path, base)
        key = (path.parent, base)
        folder = self._shown.get(key)
        if folder is None:
            folder = self._shown[key] = display_path(path.parent, base)
        return name if folder == "." else f"{folder}/{name}"

    def load(self, path: Path, display: str) -> Document | NotLoaded:
        return load_document(path, display)

    def exists(self, path: Path) -> bool:
        return path.exists()

    def is_file(self, path: Path) -> bool:
        return path.is_file()

    def is_symlink(self, path: Path) -> bool:
        return path.is_symlink()

    def inside(self, path: Path) -> bool:
        return self._inside(str(path))

    def locate(self, relative: str) -> Place:
        known = self._places.get(relative)
        if known is None:
            # Strings and os.path: a Path object per evidence file costs more than the checks.
            text = f"{self.root}{os.sep}{relative.replace('/', os.sep)}"
            if not self._inside(text):
                known = Place.OUTSIDE
            else:
                known = Place.FILE if os.path.isfile(text) else Place.MISSING  # noqa: PTH113
            self._places[relative] = known
        return known

    def _inside(self, text: str) -> bool:
        # A path below root with no "..", none of whose folders or itself is a
        # symlink, stays inside: only the others are resolved, which a data
        # folder citing thousands of evidence files would otherwise pay for each.
        root = str(self.root)
        if text.startswith(root + os.sep) and f"{os.sep}..{os.sep}" not in text + os.sep:
            cut, below = len(root), []
            while (cut := text.find(os.sep, cut + 1)) != -1:
                below.append(text[:cut])
            if not any(self._is_link(folder) for folder in (*below, text)):
                return True
        try:
            return Path(text).resolve().is_relative_to(self.root.resolve())
        except (OSError, RuntimeError):
            return False

    def _is_link(self, path: str) -> bool:
        known = self._links.get(path)
        if known is None:
            known = self._links[path] = os.path.islink(path)  # noqa: PTH114
        return known

    def yaml_files(self, folder: Path) -> list[Path]:
        if not folder.is_dir():
            return []
        return sorted(
            p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith(".")
        )

    def files_below(self, relative: str) -> list[str]:
        listed = self._listed.get(relative)
        if listed is None:
            top = self.root / relative
            found: list[str] = []
            # Symlinked folders are not followed: they may leave the data folder.
            for folder, _, names in os.walk(top):
                below = Path(folder).relative_to(top)
                found.extend((below / name).as_posix() for name in names)
                if len(found) >= MAX_LISTED:
                    break
            listed = self._listed[relative] = sorted(found[:MAX_LISTED])
        return listed

    def folders_in(self, relative: str) -> list[str]:
        try:
            entries = list((self.root / relative).iterdir())
        except OSError:
            return []
        return sorted(p.name for p in entries if p.is_dir() and not p.name.startswith("."))


_MAX_LINK_HOPS = 40


@dataclass(frozen=True)
class MemorySource:
    """Files held in memory, e.g. a git revision read from git objects.

    ``files`` maps each regular file's path relative to the data folder
    (``communities/songxin.yaml``) to its bytes, or to None when only its
    presence matters (evidence files); ``links`` maps symlinks to their
    targets.  ``root`` is a nominal path that nothing reads from disk, and
    paths are shown as ``prefix/relative``.
    """

    root: Path
    files: Mapping[str, bytes | None]
    links: Mapping[str, str] = field(default_factory=dict)
    prefix: str = ""
    # Parsed files by (display, bytes), shared between snapshots of one history so
    # a file version is parsed once however many commits contain it.
    parsed: dict[tuple[str, bytes], Document | NotLoaded] | None = field(
        default=None, compare=False, repr=False
    )

    def _relative(self, path: Path) -> str | None:
        try:
            rel = path.relative_to(self.root).as_posix()
        except ValueError:
            return None
        return None if rel == "." else rel

    def _resolve(self, rel: str) -> str | None:
        """*rel* with symlinks followed; None when it leaves the folder or loops."""
        pending = rel.split("/")
        done: list[str] = []
        hops = 0
        while pending:
            part = pending.pop(0)
            candidate = "/".join([*done, part])
            target = self.links.get(candidate)
            if target is None:
                done.append(part)
                continue
            hops += 1
            if hops > _MAX_LINK_HOPS or target.startswith("/"):
                return None
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(candidate), target))
            if joined == ".." or joined.startswith("../"):
                return None
            pending = [p for p in joined.split("/") if p not in ("", ".")] + pending
            done = []
        return "/".join(done)

    def _is_dir(self, rel: str) -> bool:
        prefix = rel + "/"
        return any(name.startswith(prefix) for name in (*self.files, *self.links))

    def show(self, path: Path, base: Path | None) -> str:
        rel = self._relative(path) or path.as_posix()
        return f"{self.prefix}/{rel}" if self.prefix else rel

    def load(self, path: Path, display: str) -> Document | NotLoaded:
        rel = self._relative(path)
        resolved = self._resolve(rel) if rel is not None else None
        content = self.files.get(resolved) if resolved is not None else None
        if content is not None:
            if self.parsed is None:
                return document_from_bytes(path, display, content)
            key = (display, content)
            if key not in self.parsed:
                self.parsed[key] = document_from_bytes(path, display, content)
            return self.parsed[key]
        if resolved is not None and self._is_dir(resolved):
            return NotLoaded(UNREADABLE.at(display, 1, 1, tr("load.is_directory")))
        message = tr("load.unreadable", detail=tr("load.no_such_file"))
        return NotLoaded(UNREADABLE.at(display, 1, 1, message))

    def exists(self, path: Path) -> bool:
        rel = self._relative(path)
        resolved = self._resolve(rel) if rel is not None else None
        return resolved is not None and (resolved in self.files or self._is_dir(resolved))

    def is_file(self, path: Path) -> bool:
        rel = self._relative(path)
        resolved = self._resolve(rel) if rel is not None else None
        return resolved is not None and resolved in self.files

    def is_symlink(self, path: Path) -> bool:
        return self._relative(path) in self.links

    def inside(self, path: Path) -> bool:
        rel = self._relative(path)
        return rel is not None and self._resolve(rel) is not None

    def locate(self, relative: str) -> Place:
        resolved = self._resolve(posixpath.normpath(relative))
        if resolved is None:
            return Place.OUTSIDE
        return Place.FILE if resolved in self.files else Place.MISSING

    def yaml_files(self, folder: Path) -> list[Path]:
        rel = self._relative(folder)
        prefix = "" if rel is None else rel + "/"
        if rel is None and folder != self.root:
            return []
        names = {
            name[len(prefix) :].split("/", 1)[0]
            for name in (*self.files, *self.links)
            if name.startswith(prefix)
        }
        return sorted(
            folder / n
            for n in names
            if posixpath.splitext(n)[1] in YAML_SUFFIXES and not n.startswith(".")
        )

    def files_below(self, relative: str) -> list[str]:
        prefix = posixpath.normpath(relative) + "/"
        return sorted(n[len(prefix) :] for n in self.files if n.startswith(prefix))[:MAX_LISTED]

    def folders_in(self, relative: str) -> list[str]:
        prefix = posixpath.normpath(relative) + "/"
        below = (n[len(prefix) :] for n in self.files if n.startswith(prefix))
        return sorted({n.split("/", 1)[0] for n in below if "/" in n and not n.startswith(".")})


@dataclass(frozen=True)
class OverlaySource:
    """Another source with some files' bytes replaced: the data as it would be
    after a change, validated before anything is written (``gc sheet import``)."""

    base: FileSource
    changed: Mapping[Path, bytes]

    @property
    def root(self) -> Path:
        return self.base.root

    def show(self, path: Path, base: Path | None) -> str:
        return self.base.show(path, base)

    def load(self, path: Path, display: str) -> Document | NotLoaded:
        content = self.changed.get(path)
        if content is None:
            return self.base.load(path, display)
        return document_from_bytes(path, display, content)

    def exists(self, path: Path) -> bool:
        return path in self.changed or self.base.exists(path)

    def is_file(self, path: Path) -> bool:
        return path in self.changed or self.base.is_file(path)

    def is_symlink(self, path: Path) -> bool:
        return self.base.is_symlink(path)

    def inside(self, path: Path) -> bool:
        return self.base.inside(path)

    def locate(self, relative: str) -> Place:
        return self.base.locate(relative)  # changed files are data files, never evidence

    def yaml_files(self, folder: Path) -> list[Path]:
        return self.base.yaml_files(folder)

    def files_below(self, relative: str) -> list[str]:
        return self.base.files_below(relative)

    def folders_in(self, relative: str) -> list[str]:
        return self.base.folders_in(relative)
