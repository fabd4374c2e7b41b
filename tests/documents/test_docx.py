"""--format docx of gc report: Word documents read back with python-docx (styles,
fonts, tables, page) and their text compared with the HTML's and the Markdown's
(the Markdown of the same document, which test_golden holds to its golden
file); then opened by LibreOffice and read back as PDF (slow)."""

from __future__ import annotations

import collections
import datetime as dt
import io
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from greencommunity.cli.app import app
from greencommunity.documents import wordformat
from greencommunity.documents.kinds import FORMATS, KINDS
from greencommunity.documents.render import Document, Renderer, file_renderer
from tests.documents.helpers import (
    DATA,
    ISSUED,
    REVIEWED,
    made_once,
    page_text,
    pdf_pages_text,
    plan,
    require_tool,
    shipped,
)

runner = CliRunner()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Case:
    name: str  # as in test_golden
    kind: str
    ids: tuple[str, ...]
    year: int
    # What the Markdown says and the HTML (so the Word file) does not, by design,
    # as characters and figures: the Markdown's key-value tables have a heading
    # row (项目|内容) and the HTML's signing block has the seal's place (盖章).
    markdown_only: str = ""
    word_only: str = "盖章"
    # The signing date of a town's document (a community's: its submission).
    issued: dt.date = ISSUED


CASES = [
    Case("application-songxin-2021", "application", ("songxin",), 2021, "项目内容"),
    Case("scoresheet-songxin-2021", "scoresheet", ("songxin",), 2021),
    # Signed after the reviews, so that its table of communities (each with
    # its district and city results) goes on over the first page.
    Case("summary-2022", "summary", (), 2022, "项目情况", issued=REVIEWED),
]


def _doc(case: Case) -> tuple[Document, bytes]:
    issued = None if case.ids else case.issued
    doc = plan(shipped(), case.kind, case.ids, case.year, issued).documents[0]
    return doc, Renderer(shipped().root).render(doc, "docx")


def _markdown(case: Case) -> str:
    return Renderer(shipped().root).markdown(_doc(case)[0])


def _word(case: Case) -> WordDocument:
    return docx.Document(io.BytesIO(_doc(case)[1]))


def _blocks(word: WordDocument) -> list[Paragraph | Table]:
    return list(word.iter_inner_content())


def _paragraphs(table: Table) -> list[Paragraph]:
    """The paragraphs of *table*'s cells, each merged cell once, in reading order."""
    found = []
    for row in table.rows:
        for tc in row._tr.tc_lst:
            if tc.vMerge == "continue":
                continue
            found += [Paragraph(p, table) for p in tc.p_lst]
    return found


def _text(word: WordDocument) -> str:
    parts: list[str] = []
    for block in _blocks(word):
        paragraphs = _paragraphs(block) if isinstance(block, Table) else [block]
        parts += [p.text for p in paragraphs]
    return "\n".join(parts)


# A Chinese character, a figure (72, 21.5, 58.8%) or a Latin word: what a
# document says, whatever its punctuation, line breaks and table layout.
TOKEN = re.compile(r"[\u3007\u3400-\u9fff\uf900-\ufaff]|[0-9]+(?:\.[0-9]+)?%?|[A-Za-z]+")


def _tokens(text: str) -> collections.Counter[str]:
    return collections.Counter(TOKEN.findall(text))


def _markdown_text(markdown: str) -> str:
    """The text of a Markdown document: its inline content, without the syntax
    (list numbers, emphasis, table rules, escapes)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    inline = [t for t in tokens if t.type == "inline"]
    return "\n".join(
        "".join(c.content for c in t.children or () if c.type in ("text", "code_inline"))
        for t in inline
    )


# ------------------------------------------------------------------ the text


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_text_is_the_html_documents_to_the_character(case: Case) -> None:
    doc, data = _doc(case)
    html = Renderer(shipped().root).html(doc)
    main = html[html.index("<main>") : html.index("</main>")]
    word = docx.Document(io.BytesIO(data))
    assert re.sub(r"\s+", "", _text(word)) == page_text(main)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_word_and_figure_of_the_markdown_is_in_the_word_file(case: Case) -> None:
    markdown = _tokens(_markdown_text(_markdown(case)))
    word = _tokens(_text(_word(case)))
    assert markdown - word == _tokens(case.markdown_only)
    assert word - markdown == _tokens(case.word_only)


# ------------------------------------------------------------ styles and fonts


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_headings_are_word_heading_styles_as_in_the_markdown(case: Case) -> None:
    golden = _markdown(case).splitlines()
    word = _word(case)
    paragraphs = [b for b in _blocks(word) if isinstance(b, Paragraph)]

    def styled(name: str) -> list[str]:
        return [p.text for p in paragraphs if p.style is not None and p.style.name == name]

    assert styled("Title") == [line[2:] for line in golden if line.startswith("# ")]
    assert styled("Heading 1") == [line[3:] for line in golden if line.startswith("## ")]
    assert styled("Heading 2") == [line[4:] for line in golden if line.startswith("### ")]
    levels = {
        name: word.styles[name].element.pPr.find(qn("w:outlineLvl")).get(qn("w:val"))
        for name in ("Heading 1", "Heading 2")
    }
    assert levels == {"Heading 1": "0", "Heading 2": "1"}  # Word's navigation pane


def _east_asia(element: object) -> str | None:
    fonts = element.find(f"{W}rPr/{W}rFonts")  # type: ignore[attr-defined]
    return None if fonts is None else fonts.get(f"{W}eastAsia")


def test_fonts_are_those_of_government_documents_in_styles_and_runs() -> None:
    word = _word(CASES[0])
    styles = {
        name: _east_asia(word.styles[name].element)
        for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "表格文字")
    }
    assert styles == {
        "Normal": "仿宋_GB2312",
        "Title": "方正小标宋简体",
        "Subtitle": "楷体_GB2312",
        "Heading 1": "黑体",
        "Heading 2": "楷体_GB2312",
        "表格文字": "仿宋_GB2312",
    }
    defaults = word.styles.element.find(f"{W}docDefaults/{W}rPrDefault")
    assert _east_asia(defaults) == "仿宋_GB2312"
    assert defaults.find(f"{W}rPr/{W}lang").get(f"{W}eastAsia") == "zh-CN"
    body = word.element.body
    runs = [r for r in body.iter(f"{W}r") if r.find(f"{W}t") is not None]
    assert runs
    for run in runs:
        style = run.getparent().find(f"{W}pPr/{W}pStyle")
        name = word.styles.element.get_by_id(style.get(f"{W}val")).name_val
        # A run says its Chinese font itself, the same as its style's (or 黑体 for a label).
        assert _east_asia(run) in (_east_asia(word.styles[name].element), "黑体"), run.xpath(
            "string(.)"
        )
        fonts = run.find(f"{W}rPr/{W}rFonts")
        assert fonts.get(f"{W}ascii") == "Times New Roman"
    # A theme font would win over the eastAsia attribute in Word and WPS.
    # (asciiTheme, eastAsiaTheme, hAnsiTheme: in no style and no run).
    assert 'Theme="' not in word.styles.element.xml + body.xml


def test_the_page_is_a4_with_the_margins_of_gb_t_9704_and_numbered() -> None:
    word = _word(CASES[0])
    section = word.sections[0]
    sizes = [section.page_width, section.page_height, section.top_margin]
    sizes += [section.bottom_margin, section.left_margin, section.right_margin]
    # Word keeps them in twentieths of a point: 210 mm is 210.01 mm.
    assert [round(s.mm, 1) for s in sizes if s is not None] == [210, 297, 37, 35, 28, 26]
    assert word.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "<w:instrText" in xml and " PAGE " in xml
        assert footer.paragraphs[0].text.startswith("— ")
        assert footer.paragraphs[0].text.endswith(" —")


# ---------------------------------------------------------------------- tables


def test_table_heading_rows_repeat_and_no_row_splits_across_pages() -> None:
    word = _word(CASES[0])
    tables = [b for b in _blocks(word) if isinstance(b, Table)]
    headed = []
    for table in tables:
        properties = [r.trPr for r in table._tbl.tr_lst]
        assert all(p is not None and p.find(qn("w:cantSplit")) is not None for p in properties)
        flags = [p is not None and p.find(qn("w:tblHeader")) is not None for p in properties]
        if flags[0]:
            headed.append(table.rows[0].cells[0].text)
        assert flags == sorted(flags, reverse=True)  # heading rows come first
    # The tables with a <thead>: the working group, each element's projects
    # (one, two, three and five have some), funding, the scores, the evidence.
    assert headed == ["序号", "项目", "项目", "项目", "项目", "资金渠道", "序号", "序号"]


def test_the_seal_has_its_dashed_place_and_the_signature_lines_are_blank() -> None:
    word = _word(CASES[0])
    seal = [
        tc
        for tc in word.element.body.iter(qn("w:tc"))
        if "".join(t.text for t in tc.iter(qn("w:t"))) == "（盖章）"
        and tc.tcPr.find(qn("w:tcBorders")) is not None
    ]
    assert len(seal) == 1
    edges = seal[0].tcPr.find(qn("w:tcBorders"))
    assert {e.get(qn("w:val")) for e in edges if e.tag != qn("w:bottom")} == {"dashed"}
    text = _text(word)
    assert "申报单位（盖章）：崧鑫居委会" in text
    assert "社区负责人（签字）：" + "\u3000" * 8 in text


# -------------------------------------------------------------- command line


def test_report_writes_word_documents_for_every_applicant(tmp_path: Path) -> None:
    args = ["report", "application", "--all", "--year", "2022", "--format", "docx"]
    result = runner.invoke(app, [*args, "--data", str(DATA), "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [
        "2022-jiafudong-application.docx",
        "2022-jiahuang-application.docx",
        "2022-jiayu-application.docx",
        "2022-longlian-application.docx",
        "2022-xiangjia-application.docx",
        "2022-xiujing-application.docx",
        "index.html",
    ]
    word = docx.Document(str(tmp_path / "2022-jiayu-application.docx"))
    assert word.core_properties.title == "佳昱居委会绿色社区创建申请报告"


def test_a_word_document_is_never_printed_to_the_terminal() -> None:
    args = ["report", "summary", "--year", "2022", "--format", "docx", "--data", str(DATA)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    need = "错误：多份材料，或 pdf、xlsx、docx 文件，需要用 --output 指定输出目录。\n"
    assert result.stderr == need


def test_a_kind_not_handed_to_the_district_has_no_word_document(tmp_path: Path) -> None:
    args = ["report", "progress", "--year", "2022", "--format", "docx", "--data", str(DATA)]
    result = runner.invoke(app, [*args, "--output", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == "错误：progress 没有 docx 格式。可用：markdown、html、pdf。\n"
    assert list(tmp_path.iterdir()) == []


def test_the_kinds_with_word_documents() -> None:
    assert sorted(k for k, v in KINDS.items() if "docx" in v.formats) == [
        "application",
        "evaluation",
        "scoresheet",
        "summary",
    ]
    assert all(callable(file_renderer(f)) for f in FORMATS.values())


# ---------------------------------------------------------------- LibreOffice


def _convert(folder: Path) -> None:
    """Every case's Word file, converted to PDF by one LibreOffice run."""
    soffice = require_tool(
        "soffice", "LibreOffice Writer (Debian package libreoffice-writer-nogui)"
    )
    files = []
    for case in CASES:
        path = folder / f"{case.name}.docx"
        path.write_bytes(_doc(case)[1])
        files.append(str(path))
    # A private profile: a first start writes one, and two runs must not share it.
    profile = (folder / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    command += ["--convert-to", "pdf", "--outdir", str(folder), *files]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return made_once(tmp_path_factory, "docx-libreoffice", _convert)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_libreoffice_opens_the_word_file_with_every_word_and_figure(
    converted: Path, case: Case
) -> None:
    pages = pdf_pages_text(converted / f"{case.name}.pdf")
    word = _tokens(_text(_word(case)))
    printed = _tokens("".join(pages))
    assert word - printed == collections.Counter()
    # GB/T 9704's page numbers: — 1 —, — 2 — …
    numbers = [re.findall(r"—\s*(\d+)\s*—", page)[-1:] for page in pages]
    assert numbers == [[str(n)] for n in range(1, len(pages) + 1)]
    # Nothing is added but the page numbers, the lists' numbers (1．) and the
    # heading rows of tables that go on over a page.
    headings = [
        row
        for table in _word(case).tables
        for row in table.rows
        if row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
    ]
    repeated = _tokens("".join(c.text for row in headings for c in row.cells))
    extra = printed - word
    assert set(extra) <= {str(n) for n in range(1, len(pages) + 10)} | set(repeated), extra
    if case.kind == "summary":
        # Its table of communities goes on over the first page, its heading with it.
        assert len(pages) > 1
        assert repeated - _tokens(pages[1]) == collections.Counter()


def test_style_names_officers_see_are_the_formats() -> None:
    names = {s.name for s in _word(CASES[0]).styles}
    assert {wordformat.TABLE_TEXT, wordformat.NOTICE, wordformat.LIST} <= names
