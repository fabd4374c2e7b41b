"""Shared helpers of the document tests: the shipped data, a small data set,
headless Chromium, and poppler-utils (pdftotext, pdfinfo, pdffonts)."""

from __future__ import annotations

import datetime as dt
import fcntl
import functools
import html
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from greencommunity.core.evaluations import evaluated
from greencommunity.documents.kinds import FORMATS, KINDS
from greencommunity.documents.planning import Plan, Request, plan_documents
from greencommunity.documents.render import Renderer, pdf_available
from greencommunity.documents.writing import write_plan
from greencommunity.models.folder import CheckedData
from greencommunity.validation import validate
from tests.factories import FAIL, PASS, assessment, community_data, town_data, write_data

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"
# A fixed signing date: golden files must never depend on today.
ISSUED = dt.date(2022, 10, 30)
# A day after the district's 2022 review of 佳煌 and the answers it asked for:
# its documents signed then show what was rectified and what is still open.
REVIEWED = dt.date(2022, 12, 28)
# Debian's chromium by default; GC_CHROMIUM names another build (e.g. the
# google-chrome that GitHub's Ubuntu runners carry).
CHROMIUM = Path(os.environ.get("GC_CHROMIUM", "/usr/bin/chromium"))

# The small data set: one town, three communities of the 2021 batch; alpha and
# beta submitted in 2021 (alpha passes, beta's self-evaluation does not), gamma
# evaluated itself but never submitted (a draft, left out of the bundle).
SMALL_YEAR = 2021
SMALL_SUBMITTED = ("alpha", "beta")
SMALL_DRAFT = "gamma"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def checked(root: Path) -> CheckedData:
    """The data folder *root*, validated; fails the test on any error."""
    result = validate(root)
    data = result.checked()
    assert data is not None, [str(d) for d in result.diagnostics]
    return data


@functools.cache
def shipped() -> CheckedData:
    """The shipped 12-community data (loaded once per test process; never mutate it)."""
    return checked(DATA)


def write_small_data(root: Path) -> Path:
    """Write the small data set under *root* and return its folder."""
    year = SMALL_YEAR
    return write_data(
        root,
        [
            community_data(
                "alpha", year, [assessment(year, self_scores=PASS, district=PASS)], name="甲居委会"
            ),
            community_data("beta", year, [assessment(year, self_scores=FAIL)], name="乙居委会"),
            community_data(
                "gamma",
                year,
                [assessment(year, self_scores=PASS, submitted=None)],
                name="丙居委会",
            ),
        ],
        town=town_data(urban_communities=5),
    )


def small_data(root: Path) -> CheckedData:
    """The small data set, written under *root* and validated."""
    return checked(write_small_data(root))


def plan(
    data: CheckedData,
    kind: str,
    communities: tuple[str, ...] = (),
    year: int | None = None,
    issued: dt.date | None = ISSUED,
) -> Plan:
    return plan_documents(Request(kind, communities, year=year, issued=issued), data)


# ------------------------------------------------------------ every output at once

# Where write_every_output puts gc progress --format markdown.
PROGRESS_MARKDOWN = "progress-cli"


def write_every_output(folder: Path) -> None:
    """Every document gc writes in Markdown and HTML, as ``gc report`` writes them:
    each kind of each year of the shipped data (2021, 2022) and of the small
    data, a community kind for every applicant (``--all``: the documents and
    their index), the submission with its combined file and index; and
    ``gc progress --format markdown`` of each target year; and 佳煌's 2022
    application and score sheet signed after its district review (REVIEWED),
    which show the rectifications, in ``<fmt>/reviewed/2022/<kind>/``.

    The files land in ``<fmt>/<data set>/<year>/<kind>/`` under *folder*.
    """
    from typer.testing import CliRunner

    from greencommunity.cli.app import app

    sets = {"shipped": (shipped(), (2021, 2022)), "small": (small_data(folder / "small"), (2021,))}
    for name, (data, years) in sets.items():
        renderer = Renderer(data.root)
        for year in years:
            for kind in KINDS.values():
                if kind.every == "evaluations" and not evaluated(data.communities, year):
                    continue  # only 崧鑫 has an annual evaluation, of 2022
                request = Request(
                    kind.name, all=kind.scope == "community", year=year, issued=ISSUED
                )
                made = plan_documents(request, data)
                for fmt in ("markdown", "html"):
                    out = folder / FORMATS[fmt].suffix / name / str(year) / kind.name
                    out.mkdir(parents=True)
                    write_plan(made, renderer, fmt, out)
    renderer = Renderer(DATA)
    for name in ("application", "scoresheet"):
        request = Request(name, ("jiahuang",), year=2022, issued=REVIEWED)
        made = plan_documents(request, shipped())
        for fmt in ("markdown", "html"):
            out = folder / FORMATS[fmt].suffix / "reviewed" / "2022" / name
            out.mkdir(parents=True)
            write_plan(made, renderer, fmt, out)
    runner = CliRunner()
    out = folder / "md" / PROGRESS_MARKDOWN
    out.mkdir(parents=True)
    for year in (2021, 2022):
        args = ["progress", "--year", str(year), "--format", "markdown", "--data", str(DATA)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        (out / f"progress-{year}.md").write_text(result.stdout, encoding="utf-8")


def markdown_heading(text: str) -> str:
    """The first level-one heading of a Markdown document, without its "# "."""
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:]
    raise AssertionError(f"no heading in:\n{text[:300]}")


def html_heading(text: str) -> str:
    """The text of the first <h1> of an HTML document."""
    match = re.search(r"<h1>(.*?)</h1>", text, re.S)
    assert match, text[:300]
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def made_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path:
    """The folder *name*, filled by *make* once per test run.

    A module-scoped fixture runs once per process; under pytest-xdist each
    worker would lay the same PDF out again.  The workers of one run share the
    parent of their temporary folders (pytest-xdist's documented pattern), so
    the first one to get here makes the files under a lock and the others
    reuse them.
    """
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    folder = root / name
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / ".done").is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            (folder / ".done").touch()
    return folder


def require_tool(path: Path | str, what: str) -> str:
    """The tool's path; skip when it is missing outside CI, fail inside CI."""
    found = str(path) if Path(path).is_file() else shutil.which(str(path))
    if found is None:
        message = f"{what} ({path}) is not installed; .ci/run installs it"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return found


def require_weasyprint() -> None:
    if not pdf_available():
        message = "WeasyPrint (the pdf extra) is not installed; make install installs it"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)


# How every test starts Chromium: headless, as root in CI, and quiet (no
# updates, sync or first-run pages reaching for the network).
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    exe = require_tool(CHROMIUM, "headless Chromium (Debian package chromium)")
    command = [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def page_text(dom: str) -> str:
    """Visible text of a dumped DOM: no style, no tags, entities decoded, no spaces."""
    dom = re.sub(r"<style.*?</style>", "", dom, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", dom))
    return re.sub(r"\s+", "", text)


def pdf_pages_text(pdf: Path) -> list[str]:
    """The text of each page of *pdf* (pdftotext -layout), in order."""
    exe = require_tool("pdftotext", "pdftotext (Debian package poppler-utils)")
    done = subprocess.run(
        [exe, "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True
    )
    # pdftotext ends every page with a form feed.
    return done.stdout.split("\f")[:-1]


def pdf_text(pdf: Path) -> str:
    """The text of *pdf* without any white space (table layout breaks lines anywhere)."""
    return re.sub(r"\s+", "", "".join(pdf_pages_text(pdf)))


def pdf_fonts(pdf: Path) -> str:
    exe = require_tool("pdffonts", "pdffonts (Debian package poppler-utils)")
    done = subprocess.run([exe, str(pdf)], capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


def pdf_info(pdf: Path, *options: str) -> str:
    """What pdfinfo says of *pdf* (with *options*, e.g. ``-meta`` for the XMP)."""
    exe = require_tool("pdfinfo", "pdfinfo (Debian package poppler-utils)")
    done = subprocess.run(
        [exe, *options, str(pdf)], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout


def pdf_fields(pdf: Path) -> dict[str, str]:
    """pdfinfo's fields of *pdf*: {"Title": …, "Tagged": "yes", "PDF version": "1.7" …}."""
    fields = {}
    for line in pdf_info(pdf).splitlines():
        key, colon, value = line.partition(":")
        if colon:
            fields[key.strip()] = value.strip()
    return fields


def pdf_pages(pdf: Path) -> int:
    return int(pdf_fields(pdf)["Pages"])


def page_numbers(pages: list[str]) -> list[int | None]:
    """The number in the footer (第 N 页) of each page's text, or None."""
    numbers: list[int | None] = []
    for page in pages:
        found = re.findall(r"第\s*(\d+)\s*页", page)
        numbers.append(int(found[-1]) if found else None)
    return numbers
