"""PDFs made together (pdfbatch, pdfgraft) read back as WeasyPrint's own files.

The small data set (five documents and their combined file) is written three
ways: every file by WeasyPrint (``can_cut`` false, as without pikepdf), in one
run (``RUNS`` 1: one WeasyPrint write, cut into files) and in two runs
joined; the files are the same bytes whatever the number of cores.  Each file
is read back with poppler-utils and compared page by page, tag by tag;
pikepdf's PDF/A checker must find nothing it does not find in WeasyPrint's
own files.  The shipped 2022 submission's text is a golden file
(``GC_UPDATE_GOLDEN=1`` rewrites it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from greencommunity.documents import pdfbatch
from greencommunity.documents.planning import Request, plan_documents
from greencommunity.documents.render import Renderer
from greencommunity.documents.writing import write_plan
from greencommunity.loading.parallel import WORKERS_VARIABLE
from tests.documents.helpers import (
    GOLDEN,
    ISSUED,
    SMALL_YEAR,
    made_once,
    pdf_fields,
    pdf_fonts,
    pdf_info,
    pdf_pages_text,
    require_weasyprint,
    shipped,
    small_data,
)

WAYS = ("one_run", "two_runs")


def test_runs_cover_every_document_in_order_and_balance_the_weight() -> None:
    assert pdfbatch._runs([1] * 11, 2) == [range(0, 5), range(5, 11)]
    assert pdfbatch._runs([1] * 9, 3) == [range(0, 3), range(3, 6), range(6, 9)]
    assert pdfbatch._runs([5, 1, 1, 1, 1, 1], 2) == [range(0, 1), range(1, 6)]
    assert pdfbatch._runs([1, 2, 3], 5) == [range(0, 1), range(1, 2), range(2, 3)]
    assert pdfbatch._runs([3], 2) == [range(0, 1)]
    assert pdfbatch._runs([4, 4, 4, 4], 1) == [range(0, 4)]


@contextmanager
def _workers(count: str | None, cut: bool = True, runs: int | None = None) -> Iterator[None]:
    """*count* processes (GC_WORKERS), the documents cut into *runs* runs (by
    default as many as processes), pikepdf there or not (*cut*)."""
    saved = os.environ.get(WORKERS_VARIABLE)
    can_cut, saved_runs = pdfbatch.can_cut, pdfbatch.RUNS
    if count is not None:
        os.environ[WORKERS_VARIABLE] = count
        pdfbatch.RUNS = runs if runs is not None else int(count)
    if not cut:
        pdfbatch.can_cut = lambda: False
    try:
        yield
    finally:
        pdfbatch.can_cut, pdfbatch.RUNS = can_cut, saved_runs
        os.environ.pop(WORKERS_VARIABLE, None)
        if saved is not None:
            os.environ[WORKERS_VARIABLE] = saved


def _write(folder: Path, count: str, cut: bool, runs: int | None = None) -> None:
    data = small_data(folder / "data")
    request = Request("submission", year=SMALL_YEAR, issued=ISSUED)
    with _workers(count, cut, runs):
        write_plan(plan_documents(request, data), Renderer(data.root), "pdf", folder)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    require_weasyprint()
    ways = {"weasyprint": ("1", False), "one_run": ("1", True), "two_runs": ("2", True)}
    return {
        way: made_once(tmp_path_factory, f"pdfbatch-{way}", _writer(count, cut))
        for way, (count, cut) in ways.items()
    }


def _writer(count: str, cut: bool) -> Callable[[Path], None]:
    return lambda folder: _write(folder, count, cut)


def _pdfs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.pdf"))


def _structure(pdf: Path) -> list[str]:
    """pdfinfo's tag tree; table header ids without the object number (or the
    source's prefix) that makes them unique, each element's attributes sorted."""
    lines = re.sub(r"([<(])(?:\d+-)?\d+-(\d+-\d+)([>)])", r"\1\2\3", pdf_info(pdf, "-struct"))
    out: list[str] = []
    attributes: list[str] = []
    for line in [*lines.splitlines(), ""]:
        if line.lstrip().startswith("/"):
            attributes.append(line)
            continue
        out += sorted(attributes)
        attributes = []
        out.append(line)
    return out


def _fields(pdf: Path) -> dict[str, str]:
    fields = pdf_fields(pdf)
    del fields["File size"]
    return fields


def _fonts(pdf: Path) -> list[tuple[str, ...]]:
    """Each embedded font: name, embedded, subset, Unicode map (pdffonts)."""
    rows = [line.split() for line in pdf_fonts(pdf).splitlines()[2:]]
    return sorted((row[0], *row[-5:-2]) for row in rows)


@pytest.mark.slow
@pytest.mark.parametrize("way", WAYS)
def test_each_file_reads_back_as_weasyprint_writes_it(made: dict[str, Path], way: str) -> None:
    alone, cut = made["weasyprint"], made[way]
    assert _pdfs(cut) == _pdfs(alone) and len(_pdfs(alone)) == 6
    for name in _pdfs(alone):
        assert pdf_pages_text(cut / name) == pdf_pages_text(alone / name), name
        assert _structure(cut / name) == _structure(alone / name), name
        assert _fields(cut / name) == _fields(alone / name), name
        assert pdf_info(cut / name, "-meta") == pdf_info(alone / name, "-meta"), name


@pytest.mark.slow
@pytest.mark.parametrize("way", WAYS)
def test_fonts_stay_embedded_and_subset(made: dict[str, Path], way: str) -> None:
    for name in _pdfs(made[way]):
        fonts = _fonts(made[way] / name)
        assert fonts and all(f[1:] == ("yes", "yes", "yes") for f in fonts), (name, fonts)
        assert {f[0] for f in fonts} == {f[0] for f in _fonts(made["weasyprint"] / name)}


@pytest.mark.slow
@pytest.mark.parametrize("way", WAYS)
def test_the_pdfa_checker_finds_nothing_new(made: dict[str, Path], way: str) -> None:
    """pikepdf's allowlist checker knows PDF/A-2b, not level A: it reports the
    conformance "A" and what it does not know in WeasyPrint's files too."""
    pytest.importorskip("pikepdf.pdfa")
    import pikepdf
    import pikepdf.pdfa

    def findings(pdf: Path) -> set[str]:
        with pikepdf.open(pdf) as opened:
            report = pikepdf.pdfa.check(opened, "2b")
        return {re.sub(r" at obj \d+ \d+", "", str(f)) for f in report.findings}

    for name in _pdfs(made[way]):
        assert findings(made[way] / name) <= findings(made["weasyprint"] / name), name


@pytest.mark.slow
def test_one_run_binds_weasyprints_own_combined_file(made: dict[str, Path]) -> None:
    name = f"{SMALL_YEAR}-submission.pdf"
    assert (made["one_run"] / name).read_bytes() == (made["weasyprint"] / name).read_bytes()


@pytest.mark.slow
@pytest.mark.parametrize("way", WAYS)
def test_combined_pages_are_the_documents_pages(made: dict[str, Path], way: str) -> None:
    folder = made[way]
    combined = f"{SMALL_YEAR}-submission.pdf"
    order = [f"{SMALL_YEAR}-summary.pdf"] + [
        f"{SMALL_YEAR}-{c}-{k}.pdf"
        for c in ("alpha", "beta")
        for k in ("application", "scoresheet")
    ]
    assert sorted([*order, combined]) == _pdfs(folder)
    pages = [page for name in order for page in pdf_pages_text(folder / name)]
    assert pdf_pages_text(folder / combined) == pages


@pytest.mark.slow
def test_the_files_are_the_same_whatever_the_cores(tmp_path: Path) -> None:
    """How the documents are cut into runs depends on them, never on the
    cores: a package rebuilt on another machine is the same bytes."""
    require_weasyprint()
    made = {}
    for count in ("1", "3"):
        folder = tmp_path / count
        _write(folder, count, cut=True, runs=pdfbatch.RUNS)
        made[count] = {name: (folder / name).read_bytes() for name in _pdfs(folder)}
    assert made["1"] == made["3"]


@pytest.mark.slow
def test_a_page_with_a_link_is_written_by_weasyprint_alone() -> None:
    """pdfgraft carries no annotations: the files are WeasyPrint's, as before."""
    require_weasyprint()
    page = '<html lang="zh-CN"><head><title>{0}</title></head><body><p>{0}{1}</p></body></html>'
    htmls = [page.format("甲", '<a href="https://example.org/">链接</a>'), page.format("乙", "")]
    with _workers("1"):
        made = pdfbatch.render(htmls, [0, 1], "合订本")
    alone = pdfbatch._one_by_one(htmls, [0, 1], "合订本")
    assert made == alone


# -------------------------------------------------- the shipped submission, golden


def _write_shipped(folder: Path) -> None:
    data = shipped()
    request = Request("submission", year=2022, issued=ISSUED)
    write_plan(plan_documents(request, data), Renderer(data.root), "pdf", folder)


@pytest.mark.slow
def test_shipped_submission_text_is_golden(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The combined file's text, page by page without white space (pdftotext
    pads table cells), as it was when every file was WeasyPrint's own; and
    the documents' files hold its pages."""
    require_weasyprint()
    folder = made_once(tmp_path_factory, "pdfbatch-shipped", _write_shipped)
    combined = pdf_pages_text(folder / "2022-submission.pdf")
    text = "".join(re.sub(r"\s+", "", page) + "\n" for page in combined)
    golden = GOLDEN / "submission-2022.pdf.txt"
    if os.environ.get("GC_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    documents = sorted(set(_pdfs(folder)) - {"2022-submission.pdf"})
    assert sum(len(pdf_pages_text(folder / name)) for name in documents) == len(combined)
