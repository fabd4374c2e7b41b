"""What ``gc report`` says about the files it wrote, and how the index names the
combined file: right for each format."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from greencommunity.models.folder import CheckedData
from tests.documents.helpers import SMALL_YEAR

runner = CliRunner()


def _submission(data: CheckedData, fmt: str, out: Path, lang: str = "zh") -> str:
    args = ["--lang", lang, "report", "submission", "--year", str(SMALL_YEAR), "--format", fmt]
    result = runner.invoke(app, [*args, "--data", str(data.root), "--output", str(out)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_markdown_says_the_draft_is_not_in_the_submission(
    small: CheckedData, tmp_path: Path
) -> None:
    """Markdown has no combined file: the message does not speak of one."""
    out = _submission(small, "markdown", tmp_path)
    assert "以下社区本年度尚未报送，申报材料中没有这些社区的材料：丙居委会。" in out
    assert "合订本" not in out
    assert not any("submission" in p.name for p in tmp_path.iterdir())


def test_html_says_the_draft_is_in_neither_the_submission_nor_the_combined_file(
    small: CheckedData, tmp_path: Path
) -> None:
    out = _submission(small, "html", tmp_path)
    assert "以下社区本年度尚未报送，申报材料和合订本中都没有这些社区的材料：丙居委会。" in out
    assert (tmp_path / f"{SMALL_YEAR}-submission.html").is_file()


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("markdown", "Not submitted this year, so not part of the submission: 丙居委会."),
        (
            "html",
            "Not submitted this year, so left out of the submission and its combined file: "
            "丙居委会.",
        ),
    ],
)
def test_the_draft_message_in_english(
    small: CheckedData, tmp_path: Path, fmt: str, expected: str
) -> None:
    out = _submission(small, fmt, tmp_path, lang="en")
    assert expected in " ".join(out.split())


def test_the_index_names_the_combined_file_without_repeating_its_heading(
    small: CheckedData, tmp_path: Path
) -> None:
    """It read 测试镇2021年度绿色社区创建申报材料（合订本，可整本打印） under the
    heading 测试镇2021年度绿色社区创建申报材料: the entry says what the file is."""
    _submission(small, "html", tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    title = "测试镇2021年度绿色社区创建申报材料"
    assert index.count(title) == 2  # the page's <title> and its heading
    entry = (
        '<tr><td class="num">6</td><td>合订本：以上 5 份材料合为一个文件，可整本打印</td>'
        f'<td><a href="{SMALL_YEAR}-submission.html">{SMALL_YEAR}-submission.html</a></td></tr>'
    )
    assert entry in index
