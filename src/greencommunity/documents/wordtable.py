"""Tables of the Word documents: where each HTML cell lands (``colspan``,
``rowspan``), row properties, the seal's place and the column widths.

Word, WPS and LibreOffice each size an automatic table their own way, so the
widths are fixed here, as a browser's automatic layout would make them: a
column is at least as wide as its longest word (a Chinese character, a figure
such as 1.2, a heading that may not wrap), and the rest of the line goes to
the columns with the most text.  A width the HTML gives (``width:28%``) is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Length, Mm, Pt

from greencommunity import xlsx
from greencommunity.documents import wordformat

if TYPE_CHECKING:
    from docx.table import Table, _Cell, _Row

    from greencommunity.documents.htmltree import Element

SEAL = Mm(38)
# What follows a cell's borders in w:tcPr (the schema's order).
TCPR_AFTER_BORDERS = (
    *("w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign"),
    *("w:hideMark", "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange"),
)
# A cell's left and right margin (Word's default is 0.19 cm; the HTML's 5 pt),
# and what a cell's width needs for them, with a little slack.
MARGIN = Pt(4)
PADDING = MARGIN * 2 + Pt(1.5)
# The longest line a column's width is measured by, in half-width characters.
WIDEST = 60
# What wraps nowhere inside: figures, item ids, Latin words.
_WORD = re.compile(r"[0-9A-Za-z.,:/%+\-–—]+|\S")


@dataclass(frozen=True)
class Place:
    """Where an HTML cell lands in the table's grid."""

    element: Element
    row: int
    column: int
    rows: int
    columns: int
    bold: bool  # its row is a subtotal or total
    seal: bool  # the seal's place

    @property
    def heading(self) -> bool:
        return self.element.tag == "th"

    @property
    def centred(self) -> bool:
        return self.heading or bool(self.element.classes & {"num", "center"})


def rows(table: Element) -> tuple[list[Element], int]:
    """The rows of *table* in order, and how many of the first are its heading."""
    head = [r for part in table.elements("thead") for r in part.elements("tr")]
    body: list[Element] = []
    for child in table.elements("tbody", "tfoot", "tr"):
        body += [child] if child.tag == "tr" else child.elements("tr")
    return head + body, len(head)


def _span(element: Element, name: str) -> int:
    value = element.attrs.get(name, "1").strip()
    return max(1, min(int(value), 100)) if value.isdigit() else 1


def places(table_rows: list[Element]) -> list[Place]:
    """Each cell's place in the grid, as HTML's table model places it."""
    taken: set[tuple[int, int]] = set()
    found = []
    for r, row in enumerate(table_rows):
        c = 0
        bold = bool(row.classes & {"subtotal", "total"})
        for cell in row.elements("td", "th"):
            while (r, c) in taken:
                c += 1
            height = min(_span(cell, "rowspan"), len(table_rows) - r)
            width = _span(cell, "colspan")
            taken |= {(r + i, c + j) for i in range(height) for j in range(width)}
            seal = any("seal" in e.classes for e in cell.descendants())
            found.append(Place(cell, r, c, height, width, bold, seal))
            c += width
    return found


def keep(row: _Row, heading: bool) -> None:
    """A row never split across two pages; a heading row repeated on each page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if heading:
        properties.append(OxmlElement("w:tblHeader"))


def seal(table: Table, cell: _Cell, place: Place) -> None:
    """The seal's place: a dashed square, 38 mm, as high as its rows together."""
    last = place.row + place.rows - 1
    for number in range(place.row, last + 1):
        sides = ["left", "right"]
        sides += ["top"] if number == place.row else []
        sides += ["bottom"] if number == last else []
        borders = OxmlElement("w:tcBorders")
        for side in ("top", "left", "bottom", "right"):
            edge = OxmlElement(f"w:{side}")
            edge.set(qn("w:val"), "dashed" if side in sides else "nil")
            edge.set(qn("w:sz"), "6")
            edge.set(qn("w:color"), "888888")
            borders.append(edge)
        row = table.rows[number]
        properties = row._tr.tc_at_grid_offset(place.column).get_or_add_tcPr()
        properties.insert_element_before(borders, *TCPR_AFTER_BORDERS)
        row.height = Emu(SEAL // place.rows)
    for paragraph in cell.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _content(place: Place) -> tuple[int, int]:
    """The narrowest and the widest a cell's text can be laid out, in half-width
    characters: its longest word, and its longest line (a heading or a figure
    column does not wrap, as in the HTML's style)."""
    lines = place.element.lines()
    widest = min(max(map(xlsx.text_width, lines), default=0), WIDEST)
    if place.heading or "num" in place.element.classes:
        return widest, widest
    words = [w for line in lines for w in _WORD.findall(line)]
    return min(max(map(xlsx.text_width, words), default=0), widest), widest


def widths(table: Table, element: Element, found: list[Place], columns: int, size: Length) -> None:
    """Fix the column widths of *table* (the HTML *element*, text of *size*) to
    the width of the page."""
    total = wordformat.TEXT_WIDTH
    # A half-width character, with room for a font wider than Times New Roman
    # where Word, WPS or LibreOffice puts another in its place.
    half = size * 0.6

    def emu(chars: int) -> float:
        return chars * half + PADDING

    low, high = [emu(1)] * columns, [emu(1)] * columns
    fixed: dict[int, float] = {}
    for place in found:
        if place.columns != 1:
            continue
        c = place.column
        narrow, wide = _content(place)
        low[c], high[c] = max(low[c], emu(narrow)), max(high[c], emu(wide))
        percent = _percent(place.element.style("width") or "")
        if percent is not None and c not in fixed:
            fixed[c] = total * percent
    cols = [c for g in element.elements("colgroup") for c in g.elements("col")]
    for c, col in enumerate(cols[:columns]):
        percent = _percent(col.style("width") or "")
        if percent is not None:
            fixed[c] = total * percent
    if any(p.seal for p in found):
        # The seal's square first; the signing lines have the rest.
        fixed = {p.column: SEAL for p in found if p.seal}
    free = [c for c in range(columns) if c not in fixed]
    room = total - sum(fixed.values())
    if free and room < sum(low[c] for c in free):
        # Given widths that leave too little: shrink them to what the text needs.
        scale = max(0.0, total - sum(low[c] for c in free)) / max(sum(fixed.values()), 1)
        fixed = {c: w * scale for c, w in fixed.items()}
        room = total - sum(fixed.values())
    result = [fixed.get(c, 0.0) for c in range(columns)]
    if free:
        need = sum(low[c] for c in free)
        extra = [high[c] - low[c] for c in free]
        spare = room - need
        for c, more in zip(free, extra, strict=True):
            share = more / sum(extra) if sum(extra) else 1 / len(free)
            result[c] = low[c] + spare * share if spare > 0 else room * low[c] / need
    else:
        result = [w * total / max(sum(result), 1) for w in result]
    _apply(table, [int(w) for w in result])


def _percent(text: str) -> float | None:
    if not text.endswith("%"):
        return None
    try:
        value = float(text[:-1]) / 100
    except ValueError:
        return None
    return value if 0 < value <= 1 else None


def _apply(table: Table, sizes: list[int]) -> None:
    table.autofit = False
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(MARGIN.twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties = table._tbl.tblPr
    properties.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
    width = table._tbl.tblPr.find(qn("w:tblW"))
    if width is not None:
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), str(Emu(sum(sizes)).twips))
    for c, column in enumerate(table.columns):
        column.width = Emu(sizes[c])
    for tr in table._tbl.tr_lst:
        offset = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = Emu(sum(sizes[offset : offset + span]))
            offset += span
