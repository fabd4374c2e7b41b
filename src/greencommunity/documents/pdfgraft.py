"""Pages of tagged WeasyPrint PDFs grafted into a new file, their tags with them.

A WeasyPrint ``write_pdf`` costs a fixed share that does not depend on the
pages: every Chinese font is subset from its 20–27 MB file, every stream
compressed twice (PDF/A's file identifier hashes the whole file).  So
``pdfbatch`` writes many documents' pages as one PDF and cuts it here into one
file per document (and joins such PDFs into the combined file), with pikepdf
(qpdf) rather than a WeasyPrint write per file.

What WeasyPrint makes, and so what is carried over:

- each page's content, resources and fonts (subsets: a cut file keeps the
  subset of the PDF it was cut from, which holds its glyphs and a few more);
- the logical structure: one ``Document`` element whose children belong to
  one page each (``/Pg``), and a parent tree mapping each page's marked
  content (``/StructParents``) to its elements; elements of the page margins
  (the page number) are only in the parent tree.  Table header ids
  (``/ID``, ``/Headers``) are numbered per source file, so when several files
  are joined each source's ids get a prefix;
- everything about the file as a whole (PDF/A-2a's XMP metadata and output
  intent, title, language, ``MarkInfo``) comes from *base*: a PDF of no pages
  written by WeasyPrint with the metadata of the document being made.

Link annotations would need their ``/StructParent`` renumbered too; no
template makes one, and a page that has one raises ``GraftError`` (the
caller then writes each file with WeasyPrint).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Object, Pdf, String


class GraftError(Exception):
    """A source PDF has something this module does not carry over."""


@dataclass(frozen=True)
class Source:
    """Pages *pages* (0-based indexes) of the opened PDF *pdf*."""

    pdf: Pdf
    pages: range


def open_pdf(data: bytes) -> Pdf:
    return Pdf.open(io.BytesIO(data))


def graft(base: bytes, sources: Sequence[Source]) -> bytes:
    """The PDF *base* (no pages) with the pages of *sources*, in order, and
    their logical structure."""
    out = open_pdf(base)
    tree = out.Root.StructTreeRoot
    document = tree.K[0]
    nums = tree.ParentTree.Nums
    if len(out.pages) or len(nums):
        raise GraftError("the base PDF has pages")
    for number, source in enumerate(sources):
        prefix = f"{number}-" if len(sources) > 1 else ""
        _graft_one(out, document, nums, source, prefix)
    buffer = io.BytesIO()
    out.save(
        buffer,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        # The file identifier from the content, as WeasyPrint's: the same
        # documents make the same bytes.
        deterministic_id=True,
        # The XMP packet stays WeasyPrint's, byte for byte.
        fix_metadata_version=False,
    )
    return buffer.getvalue()


def _graft_one(out: Pdf, document: Object, nums: Object, source: Source, prefix: str) -> None:
    source_tree = source.pdf.Root.StructTreeRoot
    source_nums = source_tree.ParentTree.Nums
    source_document = source_tree.K[0]
    if len(source_nums) != 2 * len(source.pdf.pages):
        raise GraftError("the parent tree maps more than the pages (annotations)")
    pages: dict[tuple[int, int], Object] = {}
    first = len(nums) // 2
    for offset, index in enumerate(source.pages):
        source_page = source.pdf.pages[index]
        if "/Annots" in source_page.obj:
            raise GraftError("a page has annotations")
        out.pages.append(source_page)
        page = out.pages[-1].obj
        page.StructParents = first + offset
        pages[source_page.obj.objgen] = page

    top = source_document.objgen
    clones: dict[tuple[int, int], Object] = {}

    def clone(element: Object) -> Object:
        """*element* and, through ``/K``, its descendants, in *out*."""
        found = clones.get(element.objgen)
        if found is not None:
            return found
        copy = out.make_indirect(Dictionary())
        clones[element.objgen] = copy
        for key, value in element.items():
            if key == "/P":
                copy.P = document if value.objgen == top else clone(value)
            elif key == "/Pg":
                copy.Pg = pages[value.objgen]
            elif key == "/K":
                copy.K = Array([_kid(kid, clone) for kid in value])
            elif key == "/ID":
                copy.ID = String(prefix + str(value))
            elif key == "/A":
                copy.A = _attributes(value, prefix)
            elif isinstance(value, Object) and value.is_indirect:
                raise GraftError(f"a structure element refers to an object by {key}")
            else:
                copy[key] = value
        return copy

    for kid in source_document.K:
        if kid.Pg.objgen in pages:
            document.K.append(clone(kid))
    for offset, index in enumerate(source.pages):
        if int(source_nums[2 * index]) != index:
            raise GraftError("the parent tree is not in page order")
        nums.append(first + offset)
        nums.append(Array([clone(element) for element in source_nums[2 * index + 1]]))


def _kid(kid: object, clone: Callable[[Object], Object]) -> object:
    """A ``/K`` entry: a marked-content id as is, an element cloned."""
    if isinstance(kid, Object) and kid.is_indirect:
        return clone(kid)
    if isinstance(kid, int):
        return kid
    raise GraftError("a structure element has a kind of kid WeasyPrint does not make")


def _attributes(value: Object, prefix: str) -> Dictionary:
    """Table cell attributes; the header ids they name get the source's prefix."""
    attributes = Dictionary({str(key): item for key, item in value.items()})
    if "/Headers" in attributes:
        attributes.Headers = Array([String(prefix + str(h)) for h in attributes.Headers])
    return attributes
