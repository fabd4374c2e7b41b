"""Writing a plan's documents into a folder: each file atomically, then the
combined print file and the index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from greencommunity import atomic
from greencommunity.documents.kinds import FORMATS
from greencommunity.documents.planning import Plan, index_entries
from greencommunity.documents.render import Renderer, pdf_bytes


def write_plan(plan: Plan, renderer: Renderer, fmt: str, output: Path) -> list[Path]:
    """Write every document of *plan* in *fmt* into *output*; the paths written.

    Each file is written to a temporary name and renamed into place, so an
    interrupted run leaves whole files only.  PDF layouts are kept so that the
    combined file reuses their pages instead of laying everything out twice.
    """
    spec = FORMATS[fmt]
    written: list[Path] = []
    laid_out: dict[int, Any] = {}
    for doc in plan.documents:
        path = output / f"{doc.stem}.{spec.suffix}"
        if fmt == "pdf":
            laid_out[id(doc)] = renderer.layout(doc)
            data = pdf_bytes([laid_out[id(doc)]])
        else:
            data = renderer.render(doc, fmt)
        atomic.write_bytes(path, data)
        written.append(path)
    if plan.bundle and spec.bundles:
        path = output / f"{plan.kind.stem(plan.year)}.{spec.suffix}"
        if fmt == "pdf":
            layouts = [laid_out.get(id(d)) or renderer.layout(d) for d in plan.bundle]
            data = pdf_bytes(layouts, title=plan.title)
        else:
            data = renderer.bundle_html(plan.title, plan.bundle).encode("utf-8")
        atomic.write_bytes(path, data)
        written.append(path)
    if plan.index:
        names = [p.name for p in written]
        text = renderer.index(spec.index, plan.title, index_entries(plan, names))
        path = output / f"index.{spec.index}"
        atomic.write_text(path, text)
        written.append(path)
    return written
