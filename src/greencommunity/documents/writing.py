"""Writing a plan's documents into a folder: each file atomically, then the
combined print file and the index."""

from __future__ import annotations

from pathlib import Path

from greencommunity import atomic, formats
from greencommunity.documents import pdfbatch
from greencommunity.documents.kinds import FORMATS
from greencommunity.documents.planning import Plan, index_entries
from greencommunity.documents.render import Document, Renderer


def write_plan(plan: Plan, renderer: Renderer, fmt: str, output: Path) -> list[Path]:
    """Write every document of *plan* in *fmt* into *output*; the paths written.

    Each file is written to a temporary name and renamed into place, so an
    interrupted run leaves whole files only.  PDFs are made together
    (``pdfbatch``: on every core, the combined file from the same layouts).
    """
    spec = FORMATS[fmt]
    written: list[Path] = []
    bundle = plan.bundle if spec.bundles else []
    combined = output / f"{plan.kind.stem(plan.year)}.{spec.suffix}"
    if fmt == formats.PDF:
        for path, data in _pdf_files(plan, renderer, output, bundle, combined):
            atomic.write_bytes(path, data)
            written.append(path)
    else:
        for doc in plan.documents:
            path = output / f"{doc.stem}.{spec.suffix}"
            atomic.write_bytes(path, renderer.render(doc, fmt))
            written.append(path)
        if bundle:
            html = renderer.bundle_html(plan.title, bundle, plan.provenance)
            atomic.write_bytes(combined, html.encode("utf-8"))
            written.append(combined)
    if plan.index:
        names = [p.name for p in written]
        text = renderer.index(spec.index, plan.title, index_entries(plan, names), plan.provenance)
        path = output / f"index.{spec.index}"
        atomic.write_text(path, text)
        written.append(path)
    return written


def _pdf_files(
    plan: Plan, renderer: Renderer, output: Path, bundle: list[Document], combined: Path
) -> list[tuple[Path, bytes]]:
    """Each document's PDF and the combined one, every template rendered
    before the first page is laid out."""
    docs = list(plan.documents)
    docs += [d for d in bundle if not any(d is other for other in docs)]  # bound, not written
    bound = [next(i for i, other in enumerate(docs) if d is other) for d in bundle]
    made = pdfbatch.render([renderer.html(d) for d in docs], bound, plan.title)
    files = [
        (output / f"{doc.stem}.pdf", data)
        for doc, data in zip(plan.documents, made.documents, strict=False)
    ]
    if made.combined is not None:
        files.append((combined, made.combined))
    return files
