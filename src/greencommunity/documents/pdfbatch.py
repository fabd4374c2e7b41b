"""Many PDF documents and their combined file, on every core.

A WeasyPrint document does not pickle (its pages hold Pango objects), and a
write costs a fixed share whatever its pages (see ``pdfgraft``).  So the
documents are cut into at most ``RUNS`` runs, balanced by the length of their
HTML; the runs are laid out on every core (``GC_WORKERS``, as for loading),
each in a process of its own, and each written as one PDF, which ``pdfgraft``
cuts into one file per document.  The combined file is the runs' PDFs joined;
with one run, it is that PDF itself, titled as the combined file.  How the
documents are cut depends on the documents only, never on the cores: a run's
PDF (the subsets of its fonts) depends on what it holds, and the same data
must give the same bytes on every machine (``gc verify --data`` rebuilds a
package elsewhere).

The processes are forked where there is fork (they inherit WeasyPrint, already
imported).  A pool that cannot start or breaks leaves the work to this
process; without pikepdf, or for a page ``pdfgraft`` cannot carry over, each
file is written by WeasyPrint from the same layout, as before.
"""

from __future__ import annotations

import importlib.util
import itertools
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from greencommunity.documents.render import layout_pdf, pdf_bytes
from greencommunity.loading.parallel import workers

# How many runs the documents are cut into, whatever the machine: few enough
# that most of a write's fixed cost is saved, enough to keep four cores busy.
RUNS = 4


@dataclass(frozen=True)
class Written:
    """Each document's file, in order, and the combined file (None when not asked)."""

    documents: list[bytes]
    combined: bytes | None


@dataclass(frozen=True)
class _Run:
    """What one process made of a run of documents."""

    documents: list[bytes]
    pages: bytes  # every page of the run, as one PDF
    counts: list[int]  # pages of each document
    base: bytes | None  # no pages; the first document's metadata, titled as the combined file


def can_cut() -> bool:
    """Whether PDFs can be cut and joined here (pikepdf, part of the pdf extra)."""
    return importlib.util.find_spec("pikepdf") is not None


def render(htmls: Sequence[str], combined: Sequence[int] = (), title: str | None = None) -> Written:
    """The PDF of each of *htmls*, and of the documents *combined* (indexes
    into *htmls*, in the order bound) as one file titled *title*."""
    if not combined and len(htmls) == 1:
        return Written([pdf_bytes([layout_pdf(htmls[0])])], None)
    if not can_cut():
        return _one_by_one(htmls, combined, title)
    from greencommunity.documents import pdfgraft  # before any fork: the workers inherit it

    runs = _runs([len(html) for html in htmls], RUNS)
    if len(runs) == 1 and list(combined) in ([], list(range(len(htmls)))):
        run = _lay_out([*htmls], title if combined else None, None)
        return Written(run.documents, run.pages if combined else None)
    # The first run also writes the combined file's metadata (as its first document's).
    jobs = [([*htmls[r.start : r.stop]], None, (title,) if r.start == 0 else None) for r in runs]
    processes = min(workers(), len(jobs))
    made = _in_parallel(jobs, processes) if processes > 1 else None
    if made is None:
        made = [_lay_out(*job) for job in jobs]
    try:
        joined = _join(made, combined) if combined else None
    except pdfgraft.GraftError:
        return _one_by_one(htmls, combined, title)
    return Written([document for run in made for document in run.documents], joined)


def _runs(weights: Sequence[int], count: int) -> list[range]:
    """*weights* cut into at most *count* consecutive runs of about equal weight."""
    count = max(1, min(count, len(weights)))
    prefix = list(itertools.accumulate(weights, initial=0))
    bounds = [0]
    for run in range(1, count):
        target = prefix[-1] * run / count
        # Each run keeps at least one document.
        candidates = range(bounds[-1] + 1, len(weights) - (count - run) + 1)
        bounds.append(min(candidates, key=lambda i: (abs(prefix[i] - target), i)))
    bounds.append(len(weights))
    return [range(start, stop) for start, stop in itertools.pairwise(bounds)]


Job = tuple[list[str], str | None, tuple[str | None] | None]


def _in_parallel(jobs: Sequence[Job], processes: int) -> list[_Run] | None:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    try:
        with ProcessPoolExecutor(processes, mp_context=context) as pool:
            futures = [pool.submit(_lay_out, *job) for job in jobs]
            return [future.result() for future in futures]
    except (OSError, BrokenProcessPool):
        return None


def _lay_out(htmls: list[str], title: str | None, base: tuple[str | None] | None) -> _Run:
    """Lay out *htmls*, write their pages as one PDF (titled *title*, else as
    the first document), and cut it into each document's file.  With *base*,
    also a PDF of no pages with the first document's metadata, titled
    ``base[0]``: the combined file's, when several runs are joined."""
    layouts = [layout_pdf(html) for html in htmls]
    pages = pdf_bytes(layouts, title=title)
    counts = [len(layout.pages) for layout in layouts]
    metadata = pdf_bytes([layouts[0].copy([])], title=base[0]) if base else None
    if len(layouts) == 1 and title is None:
        return _Run([pages], pages, counts, metadata)
    return _Run(_cut(layouts, pages, counts), pages, counts, metadata)


def _cut(layouts: Sequence[Any], pages: bytes, counts: Sequence[int]) -> list[bytes]:
    from greencommunity.documents import pdfgraft

    source = pdfgraft.open_pdf(pages)
    documents = []
    try:
        for layout, span in zip(layouts, _spans(counts), strict=True):
            # No pages: the document's own metadata (title), written by WeasyPrint.
            base = pdf_bytes([layout.copy([])])
            documents.append(pdfgraft.graft(base, [pdfgraft.Source(source, span)]))
    except pdfgraft.GraftError:
        return [pdf_bytes([layout]) for layout in layouts]
    return documents


def _spans(counts: Sequence[int]) -> list[range]:
    """The pages of each document in a run's PDF, from each one's page count."""
    bounds = list(itertools.accumulate(counts, initial=0))
    return [range(start, stop) for start, stop in itertools.pairwise(bounds)]


def _join(made: Sequence[_Run], combined: Sequence[int]) -> bytes:
    """The combined file: each bound document's pages from its run's PDF."""
    from greencommunity.documents import pdfgraft

    opened = [pdfgraft.open_pdf(run.pages) for run in made]
    # (run's PDF, pages) of each document
    where = [
        (pdf, span) for pdf, run in zip(opened, made, strict=True) for span in _spans(run.counts)
    ]
    sources: list[pdfgraft.Source] = []
    for index in combined:
        pdf, span = where[index]
        if sources and sources[-1].pdf is pdf and sources[-1].pages.stop == span.start:
            span = range(sources.pop().pages.start, span.stop)
        sources.append(pdfgraft.Source(pdf, span))
    base = made[0].base
    if base is None:
        raise ValueError("the first run wrote no metadata for the combined file")
    return pdfgraft.graft(base, sources)


def _one_by_one(htmls: Sequence[str], combined: Sequence[int], title: str | None) -> Written:
    """Every file written by WeasyPrint, in this process; the combined file
    reuses the documents' layouts."""
    layouts = [layout_pdf(html) for html in htmls]
    documents = [pdf_bytes([layout]) for layout in layouts]
    joined = pdf_bytes([layouts[i] for i in combined], title=title) if combined else None
    return Written(documents, joined)
