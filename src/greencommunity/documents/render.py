"""Rendering documents to Markdown, self-contained HTML and PDF (and the
tables among them to xlsx workbooks, ``xlsx.py``; the documents handed to the
district to Word, ``docx.py``).

Everything is rendered in the document language (Chinese), whatever the
interface language: the documents are submitted to the district and the city.
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias, cast

from greencommunity.documents.environment import build_environment
from greencommunity.documents.fonts import require_chinese_font
from greencommunity.documents.kinds import FORMATS, DocumentKind, Format
from greencommunity.i18n import DOCUMENT_LANGUAGE, using
from greencommunity.provenance import Provenance

# PDF/A-2a: archival (ISO 19005-2: fonts embedded, sRGB output intent, XMP
# metadata) at conformance level A, which also asks for what makes a PDF
# accessible: the tagged logical structure (headings, tables, lists), the
# language, Unicode text, the title shown as the window title.  WeasyPrint
# declares one variant per file (pdf_variant), so PDF/A and PDF/UA cannot both
# be claimed; a submitted document must above all stay readable in the
# archive, and level A keeps it tagged as PDF/UA would.
PDF_VARIANT = "pdf/a-2a"


class PdfUnavailableError(Exception):
    """WeasyPrint (the ``pdf`` extra) is not installed or cannot start."""


@dataclass(frozen=True)
class Document:
    """One document to write: its kind, file stem, title and view model."""

    kind: DocumentKind
    stem: str
    title: str
    view: Any
    provenance: Provenance  # what the document was computed from (its view's meta)
    community: str | None = None  # community id, for a community's document
    community_name: str | None = None
    draft: bool = False  # a community's document not yet submitted


@dataclass(frozen=True)
class IndexEntry:
    group: str
    title: str
    href: str
    community: str | None = None
    note: str | None = None


class Renderer:
    """Renders documents with the templates of one data folder (built in + overrides)."""

    def __init__(self, data_dir: Path | None = None, *, extra_dirs: Sequence[Path] = ()) -> None:
        self._html = build_environment(data_dir, extra_dirs=extra_dirs)
        self._md = build_environment(data_dir, for_markdown=True, extra_dirs=extra_dirs)

    # Every template gets ``provenance``: the document's, or the whole set's
    # (a combined file, an index); its head and closing line say it.

    def markdown(self, doc: Document) -> str:
        with using(DOCUMENT_LANGUAGE):
            template = self._md.get_template(f"{doc.kind.template}.md.j2")
            return tidy(template.render(view=doc.view, provenance=doc.provenance))

    def html(self, doc: Document) -> str:
        with using(DOCUMENT_LANGUAGE):
            template = self._html.get_template(f"{doc.kind.template}.html.j2")
            return template.render(view=doc.view, provenance=doc.provenance)

    def bundle_html(self, title: str, docs: Sequence[Document], provenance: Provenance) -> str:
        """Several documents in one HTML file, each starting on a new page."""
        with using(DOCUMENT_LANGUAGE):
            return self._html.get_template("bundle.html.j2").render(
                title=title,
                docs=[{"template": d.kind.template, "view": d.view} for d in docs],
                provenance=provenance,
            )

    def index(
        self, fmt: str, title: str, entries: Sequence[IndexEntry], provenance: Provenance
    ) -> str:
        """The index of several documents, in Markdown (``md``) or HTML."""
        env = self._md if fmt == "md" else self._html
        with using(DOCUMENT_LANGUAGE):
            text = env.get_template(f"index.{fmt}.j2").render(
                title=title, entries=entries, provenance=provenance
            )
        return tidy(text) if fmt == "md" else text

    def render(self, doc: Document, fmt: str) -> bytes:
        """One document as the bytes of a file in format *fmt*: the renderer its
        entry in ``kinds.FORMATS`` names."""
        return file_renderer(FORMATS[fmt])(self, doc)


# A format's renderer: (the templates of a data folder, a document) → its file.
FileRenderer: TypeAlias = Callable[[Renderer, Document], bytes]


def file_renderer(fmt: Format) -> FileRenderer:
    """The function *fmt* names (``Format.render``, "module:function"), imported
    now: the table of kinds is read at start-up and names it only."""
    module, _, function = fmt.render.partition(":")
    found = importlib.import_module(f"greencommunity.documents.{module}")
    return cast("FileRenderer", getattr(found, function))


# The renderers of kinds.FORMATS that live here; xlsx and docx have their modules.


def markdown_file(renderer: Renderer, doc: Document) -> bytes:
    return renderer.markdown(doc).encode("utf-8")


def html_file(renderer: Renderer, doc: Document) -> bytes:
    return renderer.html(doc).encode("utf-8")


def pdf_file(renderer: Renderer, doc: Document) -> bytes:
    return pdf_bytes([layout_pdf(renderer.html(doc))])


def tidy(text: str) -> str:
    """Markdown with at most one blank line in a row and a final newline."""
    lines: list[str] = []
    for line in text.splitlines():
        line = line.rstrip()
        if not line and lines and not lines[-1]:
            continue
        lines.append(line)
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def pdf_available() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def layout_pdf(html: str) -> Any:
    """Lay *html* out as pages with WeasyPrint; fonts come from fontconfig.

    The layout can be written alone or merged with others (``pdf_bytes``), so
    the combined submission file costs no second layout.  The HTML is
    self-contained: a URL fetcher that refuses everything makes sure no
    network access is attempted.  Without a Chinese font the pages would be
    empty boxes: ``fonts.NoChineseFontError`` is raised first.
    """
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        raise PdfUnavailableError(str(exc)) from exc
    require_chinese_font()

    def no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
        raise ValueError(f"external resource refused: {url}")

    return weasyprint.HTML(string=html, url_fetcher=no_fetch).render(pdf_variant=PDF_VARIANT)


def pdf_bytes(laid_out: Sequence[Any], title: str | None = None) -> bytes:
    """One PDF holding the pages of every laid-out document, in order.

    Its metadata are the first document's (its ``<title>``), unless *title*
    names the whole: the combined file of a bundle is titled as the bundle.
    """
    pages = [page for document in laid_out for page in document.pages]
    combined = laid_out[0].copy(pages)
    if title is not None:
        # copy() shares the first document's metadata: change a copy of them.
        combined.metadata = copy.copy(combined.metadata)
        combined.metadata.title = title
    pdf = combined.write_pdf(pdf_variant=PDF_VARIANT)
    assert isinstance(pdf, bytes)
    return pdf
