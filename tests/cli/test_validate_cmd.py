"""`gc validate` through typer's CliRunner: exact output and exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app

runner = CliRunner()


def _break_songxin(data: Path) -> Path:
    path = data / "communities" / "songxin.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("batch: 2021", "batch: 2021\nhousholds: 3", 1), encoding="utf-8")
    return path


def test_clean_data_exits_0(data_copy: Path) -> None:
    result = runner.invoke(app, ["validate", "--data", str(data_copy)])
    assert result.exit_code == 0, result.output
    assert result.output == "检查了 14 个文件，没有发现问题。\n"


def test_english_catalog(data_copy: Path) -> None:
    result = runner.invoke(app, ["--lang", "en", "validate", "--data", str(data_copy)])
    assert result.exit_code == 0
    assert result.output == "Checked 14 files: no problems found.\n"


def test_text_shows_location_code_message_and_source_line(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _break_songxin(data_copy)
    monkeypatch.chdir(data_copy.parent)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    line = next(
        n
        for n, text in enumerate(
            (data_copy / "communities/songxin.yaml").read_text("utf-8").splitlines(), 1
        )
        if text.startswith("housholds")
    )
    assert result.output.splitlines() == [
        f"data/communities/songxin.yaml:{line}:1: 错误 GC201 未知的键 housholds（可能是拼写错误）。"
        "此处可用的键：id、name、batch、illustrative、kind、profile、plan、assessments、evaluation。",
        f"{line:>5} | housholds: 3",
        "      | ^",
        "检查了 14 个文件：1 个错误，0 个警告。",
    ]


def test_json_format_follows_the_contract(data_copy: Path) -> None:
    _break_songxin(data_copy)
    result = runner.invoke(app, ["validate", "--data", str(data_copy), "--format", "json"])
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload["ok"] is False
    assert payload["summary"] == {"files": 14, "errors": 1, "warnings": 0}
    [diagnostic] = payload["diagnostics"]
    assert set(diagnostic) == {"path", "line", "column", "code", "severity", "message"}
    assert diagnostic["code"] == "GC201"
    assert diagnostic["severity"] == "error"
    assert diagnostic["path"].endswith("communities/songxin.yaml")


def test_github_format_escapes_properties(data_copy: Path) -> None:
    path = _break_songxin(data_copy)
    result = runner.invoke(app, ["validate", "--data", str(data_copy), "-f", "github"])
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert line.startswith(f"::error file={path.as_posix()},line=")
    assert ",title=GC201::未知的键 housholds" in line


def test_warning_fails_only_under_strict(data_copy: Path) -> None:
    path = data_copy / "communities" / "songxin.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("submitted: 2021-10-22", "submitted: 2021-11-02"), "utf-8")
    relaxed = runner.invoke(app, ["validate", "--data", str(data_copy), "-f", "json"])
    assert relaxed.exit_code == 0
    assert [d["code"] for d in json.loads(relaxed.output)["diagnostics"]] == ["GC311"]
    strict = runner.invoke(app, ["validate", "--data", str(data_copy), "--strict"])
    assert strict.exit_code == 1
    assert "警告 GC311" in strict.output


def test_one_file_keeps_cross_file_rules_that_concern_it(data_copy: Path) -> None:
    path = data_copy / "communities" / "huaqin.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"lead: \S+", "lead: 镇规保", text, count=1), encoding="utf-8")
    _break_songxin(data_copy)
    result = runner.invoke(app, ["validate", "--data", str(data_copy), "-f", "json", str(path)])
    assert result.exit_code == 1
    codes = [(Path(d["path"]).name, d["code"]) for d in json.loads(result.output)["diagnostics"]]
    assert codes == [("huaqin.yaml", "GC304")]


def test_data_found_by_walking_up(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(data_copy / "communities")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0


def test_no_data_folder_is_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "找不到数据目录" in result.output


def test_wrong_data_option_is_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "不是数据目录" in result.output


def test_unknown_format_is_usage_error(data_copy: Path) -> None:
    result = runner.invoke(app, ["validate", "--data", str(data_copy), "--format", "xml"])
    assert result.exit_code == 2


def test_missing_path_is_reported(data_copy: Path) -> None:
    missing = data_copy / "communities" / "nowhere.yaml"
    result = runner.invoke(app, ["validate", "--data", str(data_copy), "-f", "json", str(missing)])
    assert result.exit_code == 1
    [diagnostic] = json.loads(result.output)["diagnostics"]
    assert diagnostic["code"] == "GC109"


def test_text_output_shows_at_most_500_problems(data_copy: Path) -> None:
    keys = "".join(f"  key{i}: {i}\n" for i in range(600))
    path = data_copy / "communities" / "testcase.yaml"
    path.write_text(f"id: testcase\nname: 测试居委会\nbatch: 2022\nprofile:\n{keys}", "utf-8")
    result = runner.invoke(app, ["validate", "--data", str(data_copy)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-2:] == [
        "……另有 100 个问题未显示。请先改正上面的问题，或用 --format json 查看全部。",
        "检查了 15 个文件：600 个错误，0 个警告。",
    ]
    assert sum(" 错误 GC201 " in line for line in lines) == 500


def test_date_outside_the_assessment_year_is_said_so(data_copy: Path) -> None:
    path = data_copy / "communities" / "testcase.yaml"
    path.write_text(
        "id: testcase\nname: 测试居委会\nbatch: 2022\nassessments:\n"
        "  - year: 2022\n    submitted: 2023-01-05\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", "--data", str(data_copy), "-f", "json", str(path)])
    messages = {d["code"]: d["message"] for d in json.loads(result.output)["diagnostics"]}
    assert messages["GC321"] == "报送日期（2023-01-05）不在申报年度 2022 年内。请核对年份。"


def test_english_summary_counts_in_the_singular_and_plural(data_copy: Path) -> None:
    _break_songxin(data_copy)
    result = runner.invoke(app, ["--lang", "en", "validate", "--data", str(data_copy)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "Checked 14 files: 1 error, 0 warnings."


def test_messages_read_like_the_file(data_copy: Path) -> None:
    """No None, no Python repr, no 0-based index: places read like the file."""
    path = data_copy / "communities" / "testcase.yaml"
    path.write_text(
        "id: testcase\nname: 测试居委会\nbatch: 2022\nplan:\n"
        "  - {id: p1, title: t, items: ['1.1'], lead: 社区办, status: started}\n"
        "assessments:\n  - year: 2022\n    self:\n      date: 2022-10-01\n"
        "      scores: {'1.1': }\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", "--data", str(data_copy), "-f", "json", str(path)])
    messages = [d["message"] for d in json.loads(result.output)["diagnostics"]]
    assert messages == [
        "plan 第 1 项 › status 的值 “started” 不在可选范围内。"
        "可选：planned、in_progress、done、cancelled。",
        'assessments 第 1 项 › self › scores › "1.1" 应为数字，实际是 空值。',
    ]


FIVE_MISTAKES = Path(__file__).parents[1] / "corpus" / "files" / "five_mistakes.yaml"


def test_one_run_shows_the_five_mistakes_of_one_file(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full-width colon no longer hides what lies behind it: the unknown key,
    the bad date and the rules' two findings come out in the same run, and
    the summary counts all five."""
    (data_copy / "communities" / "testcase.yaml").write_bytes(FIVE_MISTAKES.read_bytes())
    monkeypatch.chdir(data_copy.parent)
    result = runner.invoke(app, ["validate", "data/communities/testcase.yaml"])
    assert result.exit_code == 1
    heads = [line.split(" ", 3)[:3] for line in result.output.splitlines() if ": 错误 GC" in line]
    assert heads == [
        ["data/communities/testcase.yaml:2:5:", "错误", "GC102"],
        ["data/communities/testcase.yaml:4:1:", "错误", "GC201"],
        ["data/communities/testcase.yaml:9:11:", "错误", "GC304"],
        ["data/communities/testcase.yaml:11:10:", "错误", "GC204"],
        ["data/communities/testcase.yaml:18:9:", "错误", "GC303"],
    ]
    assert result.output.splitlines()[-1] == "检查了 1 个文件：5 个错误，0 个警告。"


def test_the_summary_says_where_checking_of_a_file_stopped(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slip is read past; an unclosed bracket cannot be: checking stops there."""
    target = data_copy / "communities" / "testcase.yaml"
    target.write_text("id: testcase\nname： 测试居委会\nbatch: 2022\nplan: [p1\n", "utf-8")
    monkeypatch.chdir(data_copy.parent)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert result.output.splitlines()[-2:] == [
        "检查了 15 个文件：2 个错误，0 个警告。",
        "data/communities/testcase.yaml 的检查停在第 5 行："
        "改正那里的错误后再运行 gc validate，才能看到此后的问题。",
    ]
