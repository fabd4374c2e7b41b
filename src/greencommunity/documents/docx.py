"""Documents as Word files (``--format docx``), for officers to edit in Word or WPS.

A Word document is the HTML document laid out again: the same templates
render the same view model (so a town's template overrides apply here too),
and this module turns the resulting elements into Word's: ``h1`` the title,
``h2``/``h3`` the styles Heading 1/2 (Word's navigation pane lists them),
``p`` paragraphs, ``table`` tables (``thead`` rows repeated on every page, no
row split across two pages, ``colspan``/``rowspan`` merged), ``ol`` numbered
paragraphs, ``br`` line breaks.  Not one sentence or figure is written here:
they are the templates' (through ``figures`` and ``labels``), so the Word file
says exactly what the HTML and PDF say.  What the templates' classes mean in
print is the style sheet's (``_style.css.j2``) for HTML and this table's for
Word:

=================  ===========================================================
``notice``         a paragraph in a dashed box (``draft``: a double box)
``flush``          no first-line indent (``recipient`` too: 主送机关 顶格)
``subtitle``       Word's Subtitle style
``doc-head``       the title block: a blank line after it
``verdict``        its paragraphs in one box, kept on one page
``label``          黑体
``signature``      the signing block: a table without rules, kept together
``seal``           its cell is the seal's place: 38 mm, dashed
``line``           a line to sign on: underlined (blank: eight spaces wide)
``num``/``center`` centred in its cell
``subtotal``       a row in bold (``total`` too)
``opinion``        a table whose rows leave room to write (28 mm)
``provenance``     what the document was computed from: small, flush (表格文字)
=================  ===========================================================

The page, fonts and styles are GB/T 9704's (``wordformat.py``).
"""

from __future__ import annotations

import copy
import functools
import io
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from greencommunity import zipstamp
from greencommunity.documents import htmltree, wordformat, wordtable
from greencommunity.documents.htmltree import SPACE, Element
from greencommunity.documents.wordformat import set_fonts
from greencommunity.i18n import DOCUMENT_LANGUAGE, using

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    from greencommunity.documents.render import Document, Renderer

    Container = WordDocument | _Cell

BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "div", "dl", "figure", "footer", "form"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p"}
    | {"pre", "section", "table", "ul"}
)
HEADINGS = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2"}
# Another heading level is the third level of GB/T 9704.
OTHER_HEADING = "Heading 3"
ROW_HEIGHTS = {"opinion": Mm(28)}
# A blank line to sign on, in ideographic spaces (an HTML <span class="line"> is 36 mm).
BLANK_LINE = "\u3000" * 8


def render(renderer: Renderer, doc: Document) -> bytes:
    """*doc* as the bytes of a .docx file: the same bytes for the same document,
    whenever it is made (``zipstamp``)."""
    provenance = doc.provenance
    with using(DOCUMENT_LANGUAGE):
        words = provenance.words()
    word = wordformat.new_document(doc.title, provenance.stamp, words)
    _Writer(word).blocks(htmltree.parse(renderer.html(doc)), word, _Context())
    buffer = io.BytesIO()
    word.save(buffer)
    return zipstamp.restamp(buffer.getvalue(), provenance.stamp)


@dataclass(frozen=True)
class _Context:
    """How the paragraphs made under an element look."""

    style: str = "Normal"
    bold: bool = False
    align: WD_ALIGN_PARAGRAPH | None = None
    flush: bool = False
    box: list[Paragraph] | None = None  # paragraphs of a box, kept together


@dataclass(frozen=True)
class _Run:
    text: str
    bold: bool = False
    underline: bool = False
    font: str | None = None
    br: bool = False  # a line break, not text


class _Writer:
    def __init__(self, word: WordDocument) -> None:
        self.word = word
        # Style ids by name, set on the XML: python-docx's setter looks the
        # default style up every time, the better part of a second per document.
        self.styles = {s.name: s.style_id for s in word.styles}

    # ------------------------------------------------------------------ blocks

    def blocks(self, element: Element, into: Container, ctx: _Context) -> None:
        """The children of *element*: inline content between blocks is a paragraph."""
        pending: list[Element | str] = []
        for child in element.children:
            if isinstance(child, Element) and child.tag in BLOCKS:
                self.paragraph(pending, into, ctx)
                pending = []
                self.block(child, into, ctx)
            else:
                pending.append(child)
        self.paragraph(pending, into, ctx)

    def block(self, element: Element, into: Container, ctx: _Context) -> None:
        tag, classes = element.tag, element.classes
        if tag in HEADINGS or tag in ("h4", "h5", "h6"):
            self.paragraph(element.children, into, replace(ctx, style=_heading(tag)))
        elif tag == "table":
            self.table(element, into, ctx)
        elif tag in ("ol", "ul"):
            self.numbered(element, into, ctx)
        elif tag == "hr":
            return
        elif "subtitle" in classes:
            self.paragraph(element.children, into, replace(ctx, style="Subtitle"))
        elif "notice" in classes:
            made = self.paragraph(element.children, into, replace(ctx, style=wordformat.NOTICE))
            if made is not None and "draft" in classes:
                wordformat.border(made._p, "double")
        elif "verdict" in classes:
            box: list[Paragraph] = []
            self.blocks(element, into, replace(ctx, style=wordformat.BOXED, box=box))
            for paragraph in box[:-1]:
                paragraph.paragraph_format.keep_with_next = True
        elif "signature" in classes:
            self.blocks(element, into, replace(ctx, style=wordformat.SIGNATURE))
        elif "provenance" in classes:
            self.paragraph(element.children, into, replace(ctx, style=wordformat.TABLE_TEXT))
        else:
            inner = ctx
            if classes & {"flush", "recipient"}:
                inner = replace(inner, flush=True)
            if element.style("text-align") in ("right", "center"):
                align = element.style("text-align")
                inner = replace(inner, align=_ALIGN[align or ""], flush=True)
            if tag in ("p", "li", "pre", "address"):
                self.paragraph(element.children, into, inner)
            else:
                self.blocks(element, into, inner)
                if "doc-head" in classes and len(into.paragraphs):
                    into.paragraphs[-1].paragraph_format.space_after = wordformat.LINE

    def numbered(self, element: Element, into: Container, ctx: _Context) -> None:
        number = wordformat.new_list(self.word) if element.tag == "ol" else None
        style = ctx.style if ctx.box is not None else wordformat.LIST
        for item in element.elements("li"):
            made = self.paragraph(item.children, into, replace(ctx, style=style))
            if made is not None and number is not None:
                numbering = made._p.get_or_add_pPr().get_or_add_numPr()
                numbering.get_or_add_ilvl().val = 0
                numbering.get_or_add_numId().val = number

    # -------------------------------------------------------------- paragraphs

    def paragraph(
        self, content: list[Element | str], into: Container, ctx: _Context
    ) -> Paragraph | None:
        """A paragraph of *content* (inline), or nothing when it has no text."""
        runs = _collapse(_runs(content, _Run("", bold=ctx.bold)))
        if not any(r.text.strip(" ") for r in runs):
            return None
        paragraph = _new_paragraph(into)
        paragraph._p.get_or_add_pPr().style = self.styles[ctx.style]
        if ctx.flush:
            paragraph.paragraph_format.first_line_indent = Pt(0)
            wordformat.indent_chars(paragraph._p, 0)
        if ctx.align is not None:
            paragraph.alignment = ctx.align
        default = wordformat.STYLE_FONTS.get(ctx.style, wordformat.BODY_FONT)
        for run in runs:
            paragraph._p.append(_run_xml(run, run.font or default))
        if ctx.box is not None:
            ctx.box.append(paragraph)
        return paragraph

    # ------------------------------------------------------------------ tables

    def table(self, element: Element, into: Container, ctx: _Context) -> None:
        rows, header = wordtable.rows(element)
        if not rows:
            return
        places = wordtable.places(rows)
        columns = max(p.column + p.columns for p in places)
        table = into.add_table(rows=len(rows), cols=columns)
        # The cells by place, taken before any merge (python-docx's table.cell
        # walks the whole table each time); a merge leaves the others in place.
        grid = table._cells
        ruled = ctx.style != wordformat.SIGNATURE
        if ruled:
            table._tbl.tblPr.style = self.styles["Table Grid"]
        height = next((h for c, h in ROW_HEIGHTS.items() if c in element.classes), None)
        for number, row in enumerate(table.rows):
            wordtable.keep(row, heading=number < header)
            if height is not None:
                row.height = height
        inner = replace(ctx, style=wordformat.TABLE_TEXT if ruled else ctx.style, box=None)
        for place in places:
            cell = grid[place.row * columns + place.column]
            if place.rows > 1 or place.columns > 1:
                last = (place.row + place.rows - 1) * columns + place.column + place.columns - 1
                cell = cell.merge(grid[last])
            self.cell(place, cell, inner)
            if place.seal:
                wordtable.seal(table, cell, place)
        size = wordformat.TABLE_SIZE if ruled else wordformat.BODY_SIZE
        wordtable.widths(table, element, places, columns, size)

    def cell(self, place: wordtable.Place, cell: _Cell, ctx: _Context) -> None:
        if place.heading:
            ctx = replace(ctx, style=wordformat.TABLE_HEADING)
        if place.centred:
            ctx = replace(ctx, align=WD_ALIGN_PARAGRAPH.CENTER)
        self.blocks(place.element, cell, replace(ctx, bold=ctx.bold or place.bold))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraphs = cell.paragraphs
        if len(paragraphs) > 1 and not paragraphs[0].runs:
            paragraphs[0]._p.getparent().remove(paragraphs[0]._p)
        elif not paragraphs[0].runs:
            paragraphs[0]._p.get_or_add_pPr().style = self.styles[ctx.style]


_ALIGN = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}


def _heading(tag: str) -> str:
    return HEADINGS.get(tag, OTHER_HEADING)


def _new_paragraph(into: Container) -> Paragraph:
    """A new paragraph at the end of *into*; a cell's first, empty one is used first."""
    paragraphs = into.paragraphs if hasattr(into, "vertical_alignment") else []
    if len(paragraphs) == 1 and not paragraphs[0].runs and paragraphs[0]._p.pPr is None:
        return paragraphs[0]
    return into.add_paragraph()


# ------------------------------------------------------------------ inline text


@functools.cache
def _properties(font: str, bold: bool, underline: bool) -> BaseOxmlElement:
    """A run's properties: its fonts (``w:eastAsia`` first of all), bold, underline."""
    properties = OxmlElement("w:rPr")
    set_fonts(properties, font)
    if bold:
        properties.append(OxmlElement("w:b"))
    if underline:
        line = OxmlElement("w:u")
        line.set(qn("w:val"), "single")
        properties.append(line)
    return properties


def _run_xml(run: _Run, font: str) -> BaseOxmlElement:
    """A ``w:r`` of *run*, made directly: python-docx's run API costs more than
    the rest of a document together."""
    made = OxmlElement("w:r")
    made.append(copy.deepcopy(_properties(font, run.bold, run.underline)))
    if run.br:
        made.append(OxmlElement("w:br"))
    else:
        text = OxmlElement("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = run.text
        made.append(text)
    return made


def _runs(content: list[Element | str], fmt: _Run) -> list[_Run]:
    """The inline content as runs of text and line breaks, as written."""
    runs: list[_Run] = []
    for node in content:
        if isinstance(node, str):
            runs.append(replace(fmt, text=node))
            continue
        tag, classes = node.tag, node.classes
        if tag == "br":
            runs.append(replace(fmt, text="", br=True))
        elif tag in ("wbr", "img", "svg", "input"):
            continue
        elif "line" in classes:
            inner = _runs(node.children, replace(fmt, underline=True))
            if not SPACE.sub("", "".join(r.text for r in inner)):
                inner = [replace(fmt, text=BLANK_LINE, underline=True)]
            runs += inner
        else:
            inner_fmt = fmt
            if tag in ("strong", "b", "th"):
                inner_fmt = replace(inner_fmt, bold=True)
            if "label" in classes:
                inner_fmt = replace(inner_fmt, font=wordformat.HEADING_FONT)
            runs += _runs(node.children, inner_fmt)
    return runs


def _collapse(runs: list[_Run]) -> list[_Run]:
    """HTML's white space: runs of spaces and newlines as one space, none at the
    start or end of a line; adjacent runs that look alike joined."""
    out: list[_Run] = []
    line_start = True
    for run in runs:
        if run.br:
            _trim_end(out)
            out.append(run)
            line_start = True
            continue
        text = SPACE.sub(" ", run.text)
        if line_start or (out and out[-1].text.endswith(" ")):
            text = text.lstrip(" ")
        if not text:
            continue
        line_start = False
        if out and replace(out[-1], text="") == replace(run, text=""):
            out[-1] = replace(out[-1], text=out[-1].text + text)
        else:
            out.append(replace(run, text=text))
    _trim_end(out)
    return out


def _trim_end(runs: list[_Run]) -> None:
    while runs and not runs[-1].br and not runs[-1].text.rstrip(" "):
        runs.pop()
    if runs and not runs[-1].br:
        runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip(" "))
