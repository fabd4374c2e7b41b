"""Every Markdown and HTML output checked by outside validators.

The outputs are all of them (helpers.write_every_output: every kind of every
year of the shipped data and of the small data, community kinds for every
applicant, the submission with its combined file and index, and
``gc progress --format markdown``), written once per run.

- Markdown is rendered back with markdown-it-py (CommonMark and tables, as
  GitHub shows it): no emphasis marker may be left as text, and
  markdownlint-cli2 (with the repository's ``.markdownlint-cli2.jsonc``) finds
  no problem.
- HTML passes the Nu HTML Checker without an error, and axe-core (run in
  headless Chromium over the DevTools pipe, no network) finds no violation in
  each kind of page, the index and the combined file.

The validators come from ``make tools`` (tests/tools.py): a missing one skips
its test on a developer's machine and fails it in CI.
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tests import tools
from tests.documents.cdp import Browser
from tests.documents.helpers import PROGRESS_MARKDOWN, REPO

MARKDOWNLINT_CONFIG = REPO / ".markdownlint-cli2.jsonc"

# The pages axe-core checks: each kind of page once, the index (with a
# draft's note) and the combined file (every body of a year, one after another).
AXE_PAGES = [
    "html/shipped/2022/application/2022-jiayu-application.html",
    "html/shipped/2022/application/index.html",
    "html/shipped/2021/scoresheet/2021-songxin-scoresheet.html",
    "html/shipped/2022/summary/2022-summary.html",
    "html/shipped/2022/progress/2022-progress.html",
    "html/shipped/2022/submission/2022-submission.html",
    "html/shipped/2022/submission/index.html",
    "html/small/2021/application/2021-gamma-application.html",
    "html/small/2021/submission/2021-submission.html",
    # The rectifications and answers of a review (helpers.REVIEWED).
    "html/reviewed/2022/application/2022-jiahuang-application.html",
]


def _files(folder: Path, suffix: str) -> list[Path]:
    return sorted(folder.rglob(f"*.{suffix}"))


def _distinct(paths: list[Path]) -> list[Path]:
    """*paths* without the files whose bytes an earlier one has (a submission's
    parts are the documents of the other folders again)."""
    seen: set[bytes] = set()
    kept = []
    for path in paths:
        digest = hashlib.sha256(path.read_bytes()).digest()
        if digest not in seen:
            seen.add(digest)
            kept.append(path)
    return kept


@pytest.mark.slow
def test_every_output_is_there(every_output: Path) -> None:
    """The fixture holds what the validators are said to check."""
    markdown = [p.relative_to(every_output).as_posix() for p in _files(every_output, "md")]
    pages = [p.relative_to(every_output).as_posix() for p in _files(every_output, "html")]
    for kind in ("application", "scoresheet", "summary", "progress", "submission"):
        assert any(f"/{kind}/" in p for p in markdown), kind
        assert any(f"/{kind}/" in p for p in pages), kind
    assert f"md/{PROGRESS_MARKDOWN}/progress-2022.md" in markdown
    assert "html/shipped/2021/submission/2021-submission.html" in pages
    assert "md/shipped/2021/submission/index.md" in markdown
    for page in AXE_PAGES:
        assert (every_output / page).is_file(), page
    assert len(markdown) > 80 and len(pages) > 80


# ------------------------------------------------------------------------ Markdown


def _texts(tokens: list[Token]) -> Iterator[str]:
    for token in tokens:
        if token.type in ("text", "code_inline"):
            yield token.content
        if token.children:
            yield from _texts(token.children)


@pytest.mark.slow
def test_markdown_leaves_no_emphasis_marker_as_text(every_output: Path) -> None:
    """`**达标规则：**总分` shows its asterisks on GitHub: CommonMark does not
    close "**" after punctuation before a CJK letter.  Rendered back, no text
    of any Markdown output holds "**" or "__"."""
    renderer = MarkdownIt("commonmark").enable("table")
    problems = []
    for path in _files(every_output, "md"):
        for text in _texts(renderer.parse(path.read_text(encoding="utf-8"))):
            if "**" in text or "__" in text:
                problems.append(f"{path.relative_to(every_output)}: {text[:60]}")
    assert problems == []


@pytest.mark.slow
def test_markdownlint_finds_no_problem(every_output: Path) -> None:
    command = [
        *tools.node_bin("markdownlint-cli2"),
        "--config",
        str(MARKDOWNLINT_CONFIG),
        "md/**/*.md",
    ]
    # Run inside the outputs' folder: the globs are relative to it.
    done = subprocess.run(
        command, cwd=every_output, capture_output=True, text=True, timeout=120, check=False
    )
    problems = [line for line in (done.stdout + done.stderr).splitlines() if " error " in line]
    assert problems == []
    assert done.returncode == 0, done.stdout + done.stderr
    linted = len(_files(every_output / "md", "md"))
    assert f"Linting: {linted} file" in done.stdout + done.stderr


# ---------------------------------------------------------------------------- HTML


@pytest.mark.slow
def test_nu_html_checker_finds_no_error(every_output: Path) -> None:
    pages = [str(p) for p in _distinct(_files(every_output, "html"))]
    assert len(pages) > 50
    assert tools.nu_errors(pages) == []


@pytest.mark.slow
def test_axe_finds_no_violation(every_output: Path, tmp_path: Path) -> None:
    """color-contrast (the seal's place was #888 on white, 3.54:1) and the
    landmarks (no <main>) included: every rule axe runs by default."""
    violations = {}
    with Browser(tmp_path / "profile", [tools.axe()]) as browser:
        for page in AXE_PAGES:
            browser.open(every_output / page)
            found = browser.evaluate(tools.AXE_RUN)
            if found:
                violations[page] = found
    assert violations == {}
