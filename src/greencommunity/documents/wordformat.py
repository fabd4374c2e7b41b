"""The format of the Word documents: the page, fonts and styles of Chinese
government documents (GB/T 9704-2012, 党政机关公文格式), page numbers, lists.

- Page: A4; the type area of GB/T 9704 (156 mm × 225 mm, top margin 37 mm,
  left 28 mm) leaves bottom 35 mm and right 26 mm.
- Fonts: the title in 方正小标宋简体 (2号, 22 pt), the body in 仿宋_GB2312
  (3号, 16 pt, a fixed 28.95 pt line: 22 lines in 225 mm), first-level
  headings (一、) in 黑体, second-level (（一）) in 楷体_GB2312, tables in
  仿宋_GB2312 5号.  Word and WPS choose the font of Chinese text by the
  ``w:eastAsia`` attribute of ``w:rFonts``: it is set in the defaults, in every
  style and in every run, always without the theme attributes
  (``w:eastAsiaTheme`` would win over it).  Latin letters and figures are
  Times New Roman.  The font table names the font to use where a
  ``_GB2312`` font or 方正小标宋 is not installed (``w:altName``: 仿宋, 楷体, 宋体).
- Page numbers: "— 1 —" in 宋体 4号, odd pages on the right and even pages on
  the left, one character in from the edge of the type area (GB/T 9704 7.5).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from typing import TYPE_CHECKING, cast

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph

LATIN = "Times New Roman"
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
KAI_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
# What Word uses for a font that is not installed (fontTable.xml's w:altName):
# the fonts every Chinese Windows has.
ALTERNATIVES = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", KAI_FONT: "楷体"}
# GB/T 9704's type area on A4, and the fixed line that gives its 22 lines.
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
TEXT_WIDTH = Mm(210 - 28 - 26)
LINE = Pt(28.95)
BODY_SIZE = Pt(16)  # 3号
TABLE_SIZE = Pt(10.5)  # 5号

# Paragraph styles made here (besides Word's own Title, Subtitle, Heading 1-3):
# officers see these names in Word's and WPS's style lists.
TABLE_TEXT = "表格文字"
TABLE_HEADING = "表格标题"
NOTICE = "说明"
BOXED = "结论"
SIGNATURE = "落款"
LIST = "编号段落"
# What follows a paragraph's border and its outline level in w:pPr (the schema's order).
PPR_AFTER_OUTLINE = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
PPR_AFTER_BORDER = (
    *("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap"),
    *("w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi"),
    *("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing"),
    *("w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment"),
    *("w:textboxTightWrap", "w:outlineLvl", *PPR_AFTER_OUTLINE),
)
# The Chinese font of each style, set on its runs too.
STYLE_FONTS = {
    "Title": TITLE_FONT,
    "Subtitle": KAI_FONT,
    "Heading 1": HEADING_FONT,
    "Heading 2": KAI_FONT,
    TABLE_HEADING: HEADING_FONT,
    NOTICE: KAI_FONT,
}


def set_fonts(element: BaseOxmlElement, east_asia: str, latin: str = LATIN) -> None:
    """The fonts of a style's, a run's or the defaults' run properties (*element*
    holds or is a ``w:rPr``)."""
    rpr = element if element.tag == qn("w:rPr") else _child(element, "w:rPr")
    fonts = _child(rpr, "w:rFonts")
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for name, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:cs", latin)):
        fonts.set(qn(name), value)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def _child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """*parent*'s child *tag*, added in its place in the schema's order."""
    found = parent.find(qn(tag))
    if found is not None:
        return found  # type: ignore[no-any-return]
    adder = getattr(parent, f"get_or_add_{tag.split(':')[1]}")
    return adder()  # type: ignore[no-any-return]


def new_document(title: str, stamp: dt.datetime, comments: str = "") -> WordDocument:
    """An empty document in this format; its properties name *title*, the
    time it was made and last changed (*stamp*: the build's, ``core/years.stamp``,
    never the clock) and *comments* (what it was computed from)."""
    import docx

    document = docx.Document(io.BytesIO(_blank()))
    props = document.core_properties
    props.title = title
    props.language = "zh-CN"
    props.author = props.last_modified_by = ""
    props.comments = comments
    props.revision = 1
    # python-docx writes the time as UTC ("Z") whatever its offset.
    props.created = props.modified = stamp.astimezone(dt.UTC).replace(microsecond=0)
    return document


@functools.cache
def _blank() -> bytes:
    """The empty document, made once per process: styling python-docx's default
    template takes longer than writing a document."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = Mm(15)
    # The page number's top 7 mm under the type area, as GB/T 9704 places it.
    section.footer_distance = Mm(35 - 7 - 6)
    _defaults(document)
    _styles(document)
    _font_table(document)
    _page_numbers(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _defaults(document: WordDocument) -> None:
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, BODY_FONT)
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")


def _paragraph_style(
    document: WordDocument, name: str, font: str, size: Pt, base: str = "Normal"
) -> ParagraphStyle:
    styles = document.styles
    if name in [s.name for s in styles]:
        style = styles[name]
    else:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
    assert style.type == WD_STYLE_TYPE.PARAGRAPH
    set_fonts(style.element, font)
    style.font.size = size
    style.font.bold = False
    style.font.color.rgb = None
    return cast("ParagraphStyle", style)


def _flush(style: ParagraphStyle, single: bool = False) -> None:
    fmt = style.paragraph_format
    fmt.first_line_indent = Pt(0)
    indent_chars(style.element, 0)
    if single:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE


def indent_chars(element: BaseOxmlElement, chars: int) -> None:
    """The first-line indent in characters (Word's and WPS's 首行缩进 N 字符)."""
    ppr = _child(element, "w:pPr")
    ind = _child(ppr, "w:ind")
    ind.set(qn("w:firstLineChars"), str(chars * 100))


def _styles(document: WordDocument) -> None:
    # Every style of the template in the body's fonts first: a theme font
    # (Japanese in python-docx's template) would win over w:eastAsia.
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        if any(qn(a) in fonts.attrib for a in ("w:asciiTheme", "w:eastAsiaTheme")):
            set_fonts(fonts.getparent(), BODY_FONT)
    normal = _paragraph_style(document, "Normal", BODY_FONT, BODY_SIZE)
    fmt = normal.paragraph_format
    fmt.line_spacing = LINE
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = BODY_SIZE * 2
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.widow_control = True
    indent_chars(normal.element, 2)

    title = _paragraph_style(document, "Title", TITLE_FONT, Pt(22))
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(0)
    _flush(title)
    borders = title.element.find(qn("w:pPr")).find(qn("w:pBdr"))
    if borders is not None:
        borders.getparent().remove(borders)
    title.font.character_spacing = Pt(0)
    title.paragraph_format.line_spacing = Pt(40)
    subtitle = _paragraph_style(document, "Subtitle", KAI_FONT, BODY_SIZE)
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.font.italic = False
    subtitle.paragraph_format.space_after = LINE
    _flush(subtitle)

    for name, font, level in (("Heading 1", HEADING_FONT, 0), ("Heading 2", KAI_FONT, 1)):
        heading = _paragraph_style(document, name, font, BODY_SIZE)
        heading.paragraph_format.space_before = heading.paragraph_format.space_after = Pt(0)
        heading.paragraph_format.keep_with_next = True
        indent_chars(heading.element, 2)
        heading.paragraph_format.first_line_indent = BODY_SIZE * 2
        _outline(heading, level)
    third = _paragraph_style(document, "Heading 3", BODY_FONT, BODY_SIZE)
    third.font.bold = True
    third.paragraph_format.keep_with_next = True
    _outline(third, 2)

    table_text = _paragraph_style(document, TABLE_TEXT, BODY_FONT, TABLE_SIZE)
    _flush(table_text, single=True)
    table_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    heading = _paragraph_style(document, TABLE_HEADING, HEADING_FONT, TABLE_SIZE, TABLE_TEXT)
    heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    notice = _paragraph_style(document, NOTICE, KAI_FONT, Pt(12))
    _flush(notice, single=True)
    border(notice.element, "dashed")
    notice.paragraph_format.space_after = Pt(12)
    boxed = _paragraph_style(document, BOXED, BODY_FONT, BODY_SIZE)
    _flush(boxed)
    border(boxed.element, "single")
    signature = _paragraph_style(document, SIGNATURE, BODY_FONT, BODY_SIZE)
    _flush(signature)
    signature.paragraph_format.keep_with_next = True
    signature.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _paragraph_style(document, LIST, BODY_FONT, BODY_SIZE)
    footer = _paragraph_style(document, "Footer", PAGE_NUMBER_FONT, Pt(14))
    _flush(footer, single=True)


def _outline(style: ParagraphStyle, level: int) -> None:
    """The level in Word's navigation pane (the heading styles have it; kept explicit)."""
    ppr = _child(style.element, "w:pPr")
    outline = ppr.find(qn("w:outlineLvl"))
    if outline is None:
        outline = OxmlElement("w:outlineLvl")
        ppr.insert_element_before(outline, *PPR_AFTER_OUTLINE)
    outline.set(qn("w:val"), str(level))


def border(element: BaseOxmlElement, kind: str) -> None:
    """A box around the paragraphs (consecutive ones with the same box share it)."""
    ppr = _child(element, "w:pPr")
    box = ppr.find(qn("w:pBdr"))
    if box is None:
        box = OxmlElement("w:pBdr")
        ppr.insert_element_before(box, *PPR_AFTER_BORDER)
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), kind)
        edge.set(qn("w:sz"), "6")
        edge.set(qn("w:space"), "4")
        edge.set(qn("w:color"), "000000")
        box.append(edge)


def _font_table(document: WordDocument) -> None:
    """The Chinese fonts in fontTable.xml, with the font to use where one is missing."""
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml import parse_xml

    part = next(p for p in document.part.package.iter_parts() if p.partname.endswith("Table.xml"))
    table = parse_xml(part.blob)
    for name in (TITLE_FONT, BODY_FONT, HEADING_FONT, KAI_FONT, PAGE_NUMBER_FONT):
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        values = [("w:altName", ALTERNATIVES.get(name)), ("w:charset", "86")]  # 86: GB2312
        values += [("w:family", "modern"), ("w:pitch", "variable")]
        for tag, value in values:
            if value is not None:
                child = OxmlElement(tag)
                child.set(qn("w:val"), value)
                font.append(child)
        table.append(font)
    # A part python-docx does not model keeps its bytes; it has no setter for them.
    part._blob = serialize_part_xml(table)


def _page_numbers(document: WordDocument) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    one = BODY_SIZE  # one character of the body text
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles["Footer"]
        paragraph.alignment = alignment
        fmt = paragraph.paragraph_format
        if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent, fmt.left_indent = one, Pt(0)
        else:
            fmt.right_indent, fmt.left_indent = Pt(0), one
        _run(paragraph, "— ")
        _field(paragraph, "PAGE", "1")
        _run(paragraph, " —")


def _run(paragraph: Paragraph, text: str) -> None:
    set_fonts(paragraph.add_run(text)._r, PAGE_NUMBER_FONT)


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A field (PAGE) that Word, WPS and LibreOffice compute when they lay out."""
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    _field_run(paragraph, _field_char("begin"))
    _field_run(paragraph, code)
    _field_run(paragraph, _field_char("separate"))
    _run(paragraph, shown)
    _field_run(paragraph, _field_char("end"))


def _field_char(kind: str) -> BaseOxmlElement:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    return char


def _field_run(paragraph: Paragraph, element: BaseOxmlElement) -> None:
    """A run of the page number's font holding *element* (a field's part)."""
    run = paragraph.add_run()
    set_fonts(run._r, PAGE_NUMBER_FONT)
    run._r.append(element)


# Numbered paragraphs (an HTML <ol>): "1．" where the body's first line starts,
# the text right after it, as GB/T 9704's third level of numbering is written.
LIST_LEVEL = """<w:lvl xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1．"/>
<w:suff w:val="nothing"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="0" w:firstLine="640" w:firstLineChars="200"/></w:pPr></w:lvl>"""


def new_list(document: WordDocument) -> int:
    """The number (``w:numId``) of a new list, counting from 1 again."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    ours = numbering.find(f"{qn('w:abstractNum')}[{qn('w:name')}]")
    if ours is None:
        ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.iterfind(qn("w:abstractNum"))]
        ours = OxmlElement("w:abstractNum")
        ours.set(qn("w:abstractNumId"), str(max(ids, default=-1) + 1))
        ours.append(OxmlElement("w:multiLevelType"))
        ours[0].set(qn("w:val"), "singleLevel")
        name = OxmlElement("w:name")
        name.set(qn("w:val"), LIST)
        ours.append(name)
        ours.append(parse_xml(LIST_LEVEL))
        first = numbering.find(qn("w:num"))
        if first is None:
            numbering.append(ours)
        else:
            first.addprevious(ours)
    num = numbering.add_num(int(ours.get(qn("w:abstractNumId"))))
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)
