"""One fact, one way of saying it: every output of one data set agrees.

The data set holds a tie: 10 of 32 urban communities passed, 31.25 %, which
half-up rounding writes 31.3% and Python's round() would write 31.2 %.  The
terminal table, the JSON, the Markdown and the progress and summary documents
in Markdown, HTML and PDF must all show the same words and the same digits for
each share, status, title and total.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from greencommunity.documents.kinds import FORMATS
from tests.documents.helpers import pdf_text
from tests.factories import (
    FAIL,
    assessment,
    community_data,
    criteria_data,
    passed_in,
    sheet,
    town_data,
    write_data,
)

YEAR = 2022
runner = CliRunner()

# The facts every output must state in exactly these words and digits.
SHARE = "31.3%"  # 10 / 32
TARGET = "45%"
PROGRESS_TITLE = "测试镇绿色社区创建行动进度报告"
SUMMARY_TITLE = "测试镇2022年度绿色社区创建申报汇总表"
STATUSES = {
    "c0居委会": "已达标（2021年）",  # passed a year earlier
    "late居委会": "已达标",  # passed this year
    "wait居委会": "考评中",  # submitted, no result yet
    "fail居委会": "未达标",  # the district failed it
}
# Scores with a tie in the second decimal: 72.375 is written 72.38.
SELF_TOTAL = "72.38"
# What a second way of saying the same thing would look like.
WRONG = ("31.2%", "31.25", "31.3 %", "31.3 ％", "未通过", "通过（")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tie") / "data"
    odd = {"1.1": 21.7125, "1.2": 14.475, "2.1": 14.475, "2.2": 21.7125}  # 72.375
    communities = [passed_in(f"c{i}", 2021) for i in range(9)]
    communities += [
        community_data("late", 2022, [assessment(YEAR, self_scores=sheet(80), district=sheet(75))]),
        community_data("wait", 2022, [assessment(YEAR, self_scores=odd)]),
        community_data("fail", 2022, [assessment(YEAR, self_scores=sheet(75), district=FAIL)]),
    ]
    town = town_data(32, {2021: "30%", 2022: TARGET})
    # Scores in steps of 0.0125, so that a total can tie at the second decimal.
    return write_data(root, communities, town=town, criteria=criteria_data(score_step=0.0125))


def _cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _report(data: Path, out: Path, kind: str, fmt: str) -> Path:
    _cli("report", kind, "--year", str(YEAR), "--format", fmt, "--data", str(data), "-o", str(out))
    return out / f"{YEAR}-{kind}.{FORMATS[fmt].suffix}"


def _text_of_html(page: str) -> str:
    page = re.sub(r"<style.*?</style>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _flat(text: str) -> str:
    """Text without layout: pdftotext and table cells break lines and pad with spaces."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def outputs(data: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("outputs")
    progress = ["progress", "--year", str(YEAR), "--data", str(data)]
    found = {
        "text": _cli(*progress),
        "json": _cli(*progress, "--format", "json"),
        "markdown": _cli(*progress, "--format", "markdown"),
    }
    for kind in ("progress", "summary"):
        found[f"{kind}.md"] = _report(data, out / "md", kind, "markdown").read_text("utf-8")
        page = _report(data, out / "html", kind, "html").read_text("utf-8")
        found[f"{kind}.html"] = _text_of_html(page)
    return found


def test_terminal_json_and_markdown_agree(outputs: dict[str, str]) -> None:
    for name in ("text", "markdown", "progress.md", "progress.html"):
        text = _flat(outputs[name])
        assert SHARE in text, name
        assert TARGET in text, name
        for status in STATUSES.values():
            assert status in text, (name, status)
    payload = json.loads(outputs["json"])
    assert (payload["passed"], payload["denominator"], payload["share"]) == (10, 32, 0.3125)
    assert payload["share_text"] == SHARE
    by_name = {c["name"]: c["status_text"] for c in payload["communities"]}
    assert {name: by_name[name] for name in STATUSES} == STATUSES


def test_documents_say_the_same(outputs: dict[str, str]) -> None:
    for name in ("markdown", "progress.md", "progress.html"):
        assert PROGRESS_TITLE in outputs[name], name
    for name in ("summary.md", "summary.html"):
        text = _flat(outputs[name])
        assert SUMMARY_TITLE in text, name
        assert SHARE in text, name
        assert SELF_TOTAL in text, name
        assert "已达标" in text and "考评中" in text and "未达标" in text, name


def test_no_second_wording_anywhere(outputs: dict[str, str]) -> None:
    for name, text in outputs.items():
        for wrong in WRONG:
            assert wrong not in text, (name, wrong)


def test_rows_of_the_terminal_table(outputs: dict[str, str]) -> None:
    rows = {
        cells[0]: cells[1:]
        for line in outputs["text"].splitlines()
        if (cells := re.split(r"\s{2,}", line.strip())) and cells[0].endswith("）")
    }
    assert rows["wait居委会（wait）"][1:3] == ["考评中", f"{SELF_TOTAL} ✓"]
    assert rows["c0居委会（c0）"][1] == STATUSES["c0居委会"]


@pytest.mark.slow
def test_pdf_documents_say_the_same(data: Path, tmp_path: Path) -> None:
    for kind, title in (("progress", PROGRESS_TITLE), ("summary", SUMMARY_TITLE)):
        text = _flat(pdf_text(_report(data, tmp_path, kind, "pdf")))
        assert title in text, kind
        assert SHARE in text, kind
        for wrong in WRONG:
            assert wrong not in text, (kind, wrong)
    progress = _flat(pdf_text(tmp_path / f"{YEAR}-progress.pdf"))
    for status in STATUSES.values():
        assert status in progress, status
    assert SELF_TOTAL in _flat(pdf_text(tmp_path / f"{YEAR}-summary.pdf"))
