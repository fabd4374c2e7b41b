"""Writing a plan into a folder (md and html; PDF is in test_pdf.py)."""

from __future__ import annotations

from pathlib import Path

from greencommunity.documents.kinds import KINDS
from greencommunity.documents.planning import Request, plan_documents
from greencommunity.documents.render import Renderer
from greencommunity.documents.writing import write_plan
from greencommunity.models.folder import CheckedData
from tests.documents.helpers import ISSUED, SMALL_YEAR

PARTS = [
    "2021-summary",
    "2021-alpha-application",
    "2021-alpha-scoresheet",
    "2021-beta-application",
    "2021-beta-scoresheet",
]


def _submission(data: CheckedData, fmt: str, out: Path) -> list[Path]:
    plan = plan_documents(Request("submission", year=SMALL_YEAR, issued=ISSUED), data)
    return write_plan(plan, Renderer(data.root), fmt, out)


def test_markdown_submission_is_the_documents_and_an_index(
    small: CheckedData, tmp_path: Path
) -> None:
    written = _submission(small, "markdown", tmp_path)
    # Markdown has no combined file: a bundle would be one long page.
    assert [p.name for p in written] == [*(f"{s}.md" for s in PARTS), "index.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# 测试镇2021年度绿色社区创建申报材料\n")
    for n, name in enumerate(PARTS, 1):
        assert f"| {n} | " in index and f"]({name}.md)" in index
    assert "丙居委会" not in index  # the draft is not bound


def test_html_submission_adds_the_combined_file(small: CheckedData, tmp_path: Path) -> None:
    written = _submission(small, "html", tmp_path)
    combined = f"{KINDS['submission'].stem(SMALL_YEAR)}.html"
    assert [p.name for p in written] == [*(f"{s}.html" for s in PARTS), combined, "index.html"]
    bundle = (tmp_path / combined).read_text(encoding="utf-8")
    assert bundle.count('<section class="document') == len(PARTS)
    for stem in PARTS:
        part = (tmp_path / f"{stem}.html").read_text(encoding="utf-8")
        assert part.count('<section class="document') == 1, stem
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert f'href="{combined}"' in index
    assert "合订本" in index


def test_all_marks_drafts_in_the_index(small: CheckedData, tmp_path: Path) -> None:
    plan = plan_documents(Request("application", all=True, year=SMALL_YEAR), small)
    written = write_plan(plan, Renderer(small.root), "markdown", tmp_path)
    assert [p.name for p in written] == [
        "2021-alpha-application.md",
        "2021-beta-application.md",
        "2021-gamma-application.md",
        "index.md",
    ]
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "丙居委会绿色社区创建申请报告（草稿，未报送）" in index
    gamma = (tmp_path / "2021-gamma-application.md").read_text(encoding="utf-8")
    assert "> 草稿：本社区2021年度的材料尚未报送镇三大整治办。" in gamma


def test_one_document_has_no_index(small: CheckedData, tmp_path: Path) -> None:
    plan = plan_documents(Request("scoresheet", ("beta",), year=SMALL_YEAR), small)
    written = write_plan(plan, Renderer(small.root), "html", tmp_path)
    assert [p.name for p in written] == ["2021-beta-scoresheet.html"]
