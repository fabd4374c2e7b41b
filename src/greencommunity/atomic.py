"""Atomic file writes: a temporary file in the same folder, renamed into place.

A crash or a full disk mid-write leaves the old file intact, never half a file.
``write_all`` does the same for several files at once: every temporary file is
written before the first rename, so a full disk leaves them all as they were.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """*data* into *path*.  ``durable=False`` skips the fsync, for files whose loss
    after a crash costs only time (a cache): still never half written."""
    write_all({path: data}, durable=durable)


class WriteError(OSError):
    """A write of ``write_all`` failed: ``path`` is the file that could not be
    written (not the first of the lot), with the system's reason."""

    def __init__(self, path: Path, cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror or str(cause), str(path))
        self.path = path


def write_all(files: Mapping[Path, bytes], *, durable: bool = True) -> None:
    """Write every file of *files*: all temporary files first, then the renames.
    A failure is a ``WriteError`` naming the file it happened to."""
    written: list[tuple[Path, Path]] = []
    current: Path | None = None
    try:
        for path, data in files.items():
            current = path
            written.append((_temporary(path, data, durable), path))
        for tmp, path in written:
            current = path
            tmp.replace(path)
    except BaseException as exc:
        for tmp, _ in written:
            with contextlib.suppress(OSError):
                tmp.unlink()
        if isinstance(exc, OSError) and current is not None and not isinstance(exc, WriteError):
            raise WriteError(current, exc) from exc
        raise


def _temporary(path: Path, data: bytes, durable: bool) -> Path:
    """*data* in a temporary file beside *path*, with *path*'s permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                tmp.chmod(path.stat().st_mode & 0o777)
        else:
            tmp.chmod(0o644)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
