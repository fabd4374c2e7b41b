"""``gc report``: what was written where."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from greencommunity.i18n import join, tr, trn

if TYPE_CHECKING:
    from rich.console import RenderableType


def written(
    paths: Sequence[Path], folder: Path, drafts: Sequence[str], *, bundled: bool = False
) -> RenderableType:
    """The files written into *folder*, and the drafts left out of the submission
    (and of its combined file when *bundled*: Markdown has none)."""
    from rich.console import Group
    from rich.text import Text

    lines = [Text(tr("report.written", files=trn("count.files", len(paths)), path=str(folder)))]
    lines += [Text(f"  {path.name}") for path in paths]
    if drafts:
        key = "report.drafts_bundled" if bundled else "report.drafts"
        lines.append(Text(tr(key, names=join(drafts))))
    return Group(*lines)
