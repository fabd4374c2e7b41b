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


def write_all(files: Mapping[Path, bytes], *, durable: bool = True) -> None:
    """Write every file of *files*: all temporary files first, then the renames."""
    written: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            written.append((_temporary(path, data, durable), path))
        for tmp, path in written:
            tmp.replace(path)
    except BaseException:
        for tmp, _ in written:
            with contextlib.suppress(OSError):
                tmp.unlink()
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
