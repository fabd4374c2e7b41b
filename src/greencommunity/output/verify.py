"""``gc verify``: whether a package is what its manifest says, for people
(text) and machines (json)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from greencommunity import formats
from greencommunity.i18n import tr, trn
from greencommunity.output import jsonout

if TYPE_CHECKING:
    from greencommunity.documents.package import Comparison, Manifest
    from greencommunity.output import Rendered


@dataclass(frozen=True)
class Verified:
    """A package checked against its manifest, and against a rebuild when asked."""

    folder: Path
    manifest: Manifest
    comparison: Comparison
    rebuilt: bool  # --data: made again from the manifest's commit


# What each kind of difference is called, in the order they are listed.
PROBLEMS: tuple[tuple[str, str], ...] = (
    ("changed", "verify.changed"),
    ("missing", "verify.missing"),
    ("extra", "verify.extra"),
    ("rebuilt", "verify.rebuilt_differs"),
)


def _problems(verified: Verified) -> list[tuple[str, str]]:
    """(kind, path) of every difference, in PROBLEMS' order."""
    comparison = verified.comparison
    return [(kind, path) for kind, _ in PROBLEMS for path in getattr(comparison, kind)]


def text(verified: Verified) -> str:
    manifest = verified.manifest
    words = dict(PROBLEMS)
    lines = [tr(words[kind], path=path) for kind, path in _problems(verified)]
    files = trn("count.files", len(manifest.files))
    commit = manifest.commit[:8] if manifest.commit else tr("provenance.not_in_git")
    if verified.comparison.ok:
        lines.append(tr("verify.ok", path=str(verified.folder), files=files, commit=commit))
        if verified.rebuilt:
            lines.append(tr("verify.ok_rebuilt", commit=commit))
    else:
        count = len(lines)
        lines.append(trn("verify.failed", count, path=str(verified.folder)))
    return "".join(line + "\n" for line in lines)


def json(verified: Verified) -> str:
    manifest = verified.manifest
    return jsonout.dumps(
        {
            "package": str(verified.folder),
            "ok": verified.comparison.ok,
            "files": len(manifest.files),
            "commit": manifest.commit,
            "criteria_fingerprint": manifest.fingerprint,
            "gc_version": manifest.version,
            "as_of": manifest.as_of.isoformat(),
            "rebuilt": verified.rebuilt,
            "problems": [{"path": p, "problem": k} for k, p in _problems(verified)],
        }
    )


FORMATS: dict[str, Callable[[Verified], Rendered]] = {
    formats.TEXT: text,
    formats.JSON: json,
}
