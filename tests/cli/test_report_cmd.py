from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app

DATA = Path(__file__).resolve().parents[2] / "data"
runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["report", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_single_markdown_document_goes_to_stdout() -> None:
    code, out, _ = _run("application", "songxin", "--year", "2021", "--data", str(DATA))
    assert code == 0
    assert out.startswith("# 崧鑫居委会绿色社区创建申请报告")
    assert "总分 88 分" in out


def test_community_by_chinese_name_and_short_name() -> None:
    for name in ("崧鑫居委会", "崧鑫"):
        code, out, _ = _run("scoresheet", name, "--year", "2021", "--data", str(DATA))
        assert code == 0, name
        assert "崧鑫居委会" in out


def test_html_to_stdout_is_one_page() -> None:
    code, out, _ = _run("summary", "--year", "2022", "--format", "html", "--data", str(DATA))
    assert code == 0
    assert out.startswith("<!DOCTYPE html>")
    assert "赵巷镇2022年度" in out


def test_all_writes_one_file_per_community_and_an_index(tmp_path: Path) -> None:
    code, out, _ = _run(
        "application", "--all", "--year", "2022", "--output", str(tmp_path), "--data", str(DATA)
    )
    assert code == 0, out
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "2022-jiafudong-application.md",
        "2022-jiahuang-application.md",
        "2022-jiayu-application.md",
        "2022-longlian-application.md",
        "2022-xiangjia-application.md",
        "2022-xiujing-application.md",
        "index.md",
    ]
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "| 5 | 巷佳居委会绿色社区创建申请报告（草稿，未报送） |" in index
    assert "(2022-songxin" not in index


def test_the_whole_submission_in_one_command(tmp_path: Path) -> None:
    code, out, _ = _run(
        "submission",
        "--year",
        "2022",
        "--format",
        "html",
        "--date",
        "2022-10-30",
        "--output",
        str(tmp_path),
        "--data",
        str(DATA),
    )
    assert code == 0, out
    names = {p.name for p in tmp_path.iterdir()}
    assert {"2022-summary.html", "2022-submission.html", "index.html"} <= names
    assert "2022-jiayu-application.html" in names and "2022-jiayu-scoresheet.html" in names
    # 巷佳 only has a draft: listed in the summary, not bundled.
    assert "2022-xiangjia-application.html" not in names
    assert "巷佳居委会" in out
    bundle = (tmp_path / "2022-submission.html").read_text(encoding="utf-8")
    assert bundle.count('<section class="document') == 1 + 2 * 5
    assert "2022年10月30日" in bundle
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="2022-submission.html"' in index


def test_pdf_needs_an_output_folder() -> None:
    code, _, err = _run("application", "jiayu", "--format", "pdf", "--data", str(DATA))
    assert code == 2
    assert "--output" in err


@pytest.mark.slow
def test_pdf_written(tmp_path: Path) -> None:
    from greencommunity.documents.render import pdf_available

    if not pdf_available():
        pytest.skip("WeasyPrint not installed")
    code, out, _ = _run(
        "scoresheet",
        "jiayu",
        "--year",
        "2022",
        "-f",
        "pdf",
        "-o",
        str(tmp_path),
        "--data",
        str(DATA),
    )
    assert code == 0, out
    assert (tmp_path / "2022-jiayu-scoresheet.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["application", "nowhere"], "没有社区 nowhere"),
        (["application"], "--all"),
        (["application", "songxin", "--year", "2019"], "没有 2019 年的自测评分"),
        (["application", "--all", "--year", "2019"], "2019 年没有社区有自测评分"),
        (["summary", "--year", "2019"], "2019 年没有任何社区的申报记录"),
        (["summary", "songxin"], "不接受社区参数"),
        (["application", "--all", "--year", "2022"], "--output"),
        (["application", "songxin", "--date", "30/10/2022"], ""),
    ],
)
def test_usage_errors_exit_2_without_traceback(args: list[str], needle: str) -> None:
    code, out, err = _run(*args, "--data", str(DATA))
    assert code == 2
    assert "Traceback" not in out + err
    assert needle in " ".join(err.split()).replace(" ", "") or needle.replace(" ", "") in (
        err.replace("\n", "").replace(" ", "")
    )
    assert out == ""


def test_english_messages() -> None:
    result = runner.invoke(app, ["--lang", "en", "report", "application", "x", "--data", str(DATA)])
    assert result.exit_code == 2
    assert "No community x" in result.stderr


def test_broken_data_exits_1(data_copy: Path) -> None:
    (data_copy / "communities" / "songxin.yaml").write_text("id: [\n", encoding="utf-8")
    code, out, err = _run("summary", "--year", "2021", "--data", str(data_copy))
    assert code == 1
    assert "Traceback" not in out + err


def test_submission_without_any_submitted_community_is_an_error(data_copy: Path) -> None:
    path = data_copy / "communities" / "xiangjia.yaml"
    draft = '  - year: 2023\n    self:\n      date: 2023-10-10\n      scores:\n        "1.1": 5\n'
    path.write_text(path.read_text(encoding="utf-8") + draft, encoding="utf-8")
    code, out, err = _run("submission", "--year", "2023", "-o", "x", "--data", str(data_copy))
    assert code == 2, out + err
    assert "还没有社区报送" in err.replace("\n", "").replace(" ", "")


def test_default_year_is_the_communitys_latest() -> None:
    code, out, _ = _run("application", "songxin", "--data", str(DATA))
    assert code == 0
    assert "（2021年度）" in out


def test_hostile_name_is_escaped_in_html_and_markdown(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "communities" / "songxin.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("name: 崧鑫居委会", "name: '崧鑫<script>alert(1)</script>{{ 7*7 }}居委会'"),
        encoding="utf-8",
    )
    out_dir = tmp_path / "out"
    for fmt in ("html", "markdown"):
        code, out, err = _run(
            "submission", "--year", "2021", "-f", fmt, "-o", str(out_dir), "--data", str(data_copy)
        )
        assert code == 0, out + err
    page = (out_dir / "2021-songxin-application.html").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "崧鑫&lt;script&gt;alert(1)&lt;/script&gt;{{ 7*7 }}居委会" in page
    md = (out_dir / "2021-songxin-application.md").read_text(encoding="utf-8")
    assert "<script>" not in md
    assert "崧鑫\\<script\\>alert(1)\\</script\\>\\{\\{ 7\\*7 \\}\\}居委会" in md
    summary = (out_dir / "2021-summary.html").read_text(encoding="utf-8")
    assert "<script>" not in summary


def test_override_template_error_exits_1(data_copy: Path) -> None:
    folder = data_copy / "templates"
    folder.mkdir()
    (folder / "summary.md.j2").write_text("{% if %}\n", encoding="utf-8")
    code, out, err = _run("summary", "--year", "2021", "--data", str(data_copy))
    assert code == 1
    assert "summary.md.j2" in err
    assert "Traceback" not in out + err
    (folder / "summary.md.j2").write_text("{{ view.nope }}\n", encoding="utf-8")
    code, out, err = _run("summary", "--year", "2021", "--data", str(data_copy))
    assert code == 1
    (folder / "summary.md.j2").write_text("{{ ''.__class__.__mro__ }}\n", encoding="utf-8")
    code, out, err = _run("summary", "--year", "2021", "--data", str(data_copy))
    assert code == 1
