from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests.factories import (
    FAIL,
    PASS,
    assessment,
    community_data,
    passed_in,
    town_data,
    write_data,
)

DATA = Path(__file__).resolve().parents[2] / "data"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_on_shipped_data_2021() -> None:
    code, out, _ = run("progress", "--data", str(DATA), "--year", "2021", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {
        k: data[k] for k in ("year", "target", "denominator", "passed", "share", "met", "short_by")
    } == {
        "year": 2021,
        "target": 0.45,
        "denominator": 17,
        "passed": 6,
        "share": 0.3529,
        "met": False,
        "short_by": 2,
    }
    statuses = {c["id"]: c["status"] for c in data["communities"]}
    assert statuses["longlian"] == "failed"
    assert statuses["jiahuang"] == "failed"
    longlian = next(c for c in data["communities"] if c["id"] == "longlian")
    assert [b["kind"] for b in longlian["blockers"]] == ["total", "category", "required"]


def test_json_on_shipped_data_2022() -> None:
    code, out, _ = run("progress", "--data", str(DATA), "--year", "2022", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["passed"], data["denominator"], data["share"], data["met"], data["short_by"]) == (
        10,
        17,
        0.5882,
        False,
        2,
    )
    assert data["projected_passed"] == 11
    assert [s["id"] for s in data["path_to_target"]] == ["jiahuang", "xiangjia"]


def test_table_on_shipped_data() -> None:
    code, out, _ = run("--lang", "en", "progress", "--data", str(DATA), "--year", "2022")
    assert code == 0
    assert "10 passed / 17 urban communities = 58.8%; target 65% (at least 12)" in out
    assert "Target not met: 2 more communities needed." in out
    assert "total 68 below the pass mark 70: 2 points short" in out


def test_exactly_at_target_is_met(tmp_path: Path) -> None:
    communities = [passed_in(f"c{i}", 2021) for i in range(9)]
    root = write_data(tmp_path, communities, town=town_data(20))
    code, out, _ = run("progress", "--data", str(root), "--year", "2021", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["passed"], data["share"], data["met"], data["short_by"]) == (9, 0.45, True, 0)


def test_markdown(tmp_path: Path) -> None:
    communities = [
        passed_in("a", 2021),
        community_data("b", 2021, [assessment(2021, self_scores=PASS, district=FAIL)]),
    ]
    root = write_data(tmp_path, communities, town=town_data(4))
    code, out, _ = run(
        "--lang", "en", "progress", "--data", str(root), "--year", "2021", "--format", "markdown"
    )
    assert code == 0
    # The progress document itself: Chinese, as submitted, whatever the interface language.
    assert out.startswith("# 测试镇绿色社区创建行动进度报告\n")
    assert "| 1 | b居委会 | 未达标 | 总分 60 分，低于达标分数 70 分，差 10 分 | — |" in out


def test_year_without_target_is_usage_error(tmp_path: Path) -> None:
    root = write_data(tmp_path, [passed_in("a", 2021)])
    code, _, err = run("--lang", "en", "progress", "--data", str(root), "--year", "2030")
    assert code == 2
    assert err == (
        "Error: town.yaml has no target for 2030 (target years: 2021, 2022). "
        "Choose one of them with --year.\n"
    )


def test_denominator_too_small_is_reported_not_divided(tmp_path: Path) -> None:
    root = write_data(tmp_path, [passed_in("a", 2021), passed_in("b", 2021)], town=town_data(1))
    code, out, err = run(
        "--lang", "en", "progress", "--data", str(root), "--year", "2021", "--format", "json"
    )
    assert code == 1
    assert out == ""
    assert "GC314" in err


def test_a_broken_community_file_gives_provisional_figures(tmp_path: Path) -> None:
    """One broken community file does not stop the town's figures: they are
    shown without it, marked provisional, with the file and its first error;
    the errors go to stderr and the exit code stays 1."""
    root = write_data(tmp_path, [passed_in("a", 2021)])
    broken = root / "communities" / "b.yaml"
    broken.write_text("id: b\nname: x\nbatch: soon\n", "utf-8")
    code, out, err = run("progress", "--data", str(root), "--year", "2021")
    assert code == 1
    assert f"{broken}:3:8: 错误 GC203" in err
    assert err.endswith("错误：数字是暂定的：有社区文件未计入。改正以上错误后再运行。\n")
    assert out.splitlines()[:4] == [
        "测试镇 2021 年绿色社区创建达标进度",
        "暂定数字：1 个社区文件有错误，暂不计入下面的数字（仍计入分母）。"
        "改正后再运行，才是可以上报的数字：",
        f"  - {broken}:3:8 GC203 batch 应为整数，实际是 “soon”。",
        "达标 1 个 / 全镇城市社区 20 个 = 5%；目标 45%（至少 9 个），截止 2021-12-31",
    ]
    # The file left out is not counted among those without a file.
    assert "另有 18 个城市社区未列入创建计划" in out
    code, out, _ = run("progress", "--data", str(root), "--year", "2021", "--format", "json")
    assert code == 1
    payload = json.loads(out)
    assert (payload["provisional"], payload["passed"], payload["not_on_file"]) == (True, 1, 18)
    message = "batch 应为整数，实际是 “soon”。"
    assert payload["excluded"] == [
        {"path": str(broken), "code": "GC203", "line": 3, "message": message}
    ]
    assert [c["id"] for c in payload["communities"]] == ["a"]


def test_sound_data_has_no_provisional_keys(tmp_path: Path) -> None:
    root = write_data(tmp_path, [passed_in("a", 2021)])
    code, out, _ = run("progress", "--data", str(root), "--year", "2021", "--format", "json")
    assert code == 0
    assert not {"provisional", "excluded"} & set(json.loads(out))


def test_the_progress_document_is_never_provisional(tmp_path: Path) -> None:
    root = write_data(tmp_path, [passed_in("a", 2021)])
    (root / "communities" / "b.yaml").write_text("id: b\nname: x\nbatch: soon\n", "utf-8")
    code, out, err = run("progress", "--data", str(root), "--year", "2021", "-f", "markdown")
    assert (code, out) == (1, "")
    assert err.endswith(
        "错误：数据有错误，无法计算。请先改正以上问题（gc validate 可单独检查）。\n"
    )


def test_an_error_outside_community_files_stops_the_figures(tmp_path: Path) -> None:
    root = write_data(tmp_path, [passed_in("a", 2021)])
    town = root / "town.yaml"
    town.write_text(town.read_text("utf-8") + "unknown_key: 1\n", "utf-8")
    code, out, err = run("progress", "--data", str(root), "--year", "2021")
    assert (code, out) == (1, "")
    assert "town.yaml" in err


def test_no_data_is_usage_error(tmp_path: Path) -> None:
    code, _, _ = run("progress", "--data", str(tmp_path / "nothing"))
    assert code == 2


def test_bad_as_of(tmp_path: Path) -> None:
    root = write_data(tmp_path, [passed_in("a", 2021)])
    code, _, err = run("--lang", "en", "progress", "--data", str(root), "--as-of", "2021/11/01")
    assert code == 2
    assert err == "Error: Invalid date 2021/11/01; write YYYY-MM-DD.\n"


def test_impossible_as_of_says_the_day_does_not_exist(tmp_path: Path) -> None:
    root = write_data(tmp_path, [passed_in("a", 2021)])
    code, _, err = run("progress", "--data", str(root), "--as-of", "2022-11-31")
    assert code == 2
    assert err == "错误：日期 2022-11-31 不存在：2022 年 11 月没有 31 日。\n"


def test_as_of_hides_later_results(tmp_path: Path) -> None:
    root = write_data(tmp_path, [passed_in("a", 2021)], town=town_data(2))
    code, out, _ = run(
        "progress",
        "--data",
        str(root),
        "--year",
        "2021",
        "--as-of",
        "2021-11-01",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["passed"] == 0
    assert data["communities"][0]["status"] == "under_review"


def test_the_table_lists_at_most_max_shown_communities_and_says_how_many_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("greencommunity.output.progress.MAX_SHOWN", 10)
    code, out, _ = run("progress", "--data", str(DATA), "--year", "2022")
    assert code == 0
    assert _rows(out) == 10
    assert "……另有 2 个社区未列出。完整名单请用 --format markdown 或 --format json。\n" in out
    code, out, _ = run("--lang", "en", "progress", "--data", str(DATA), "--year", "2022")
    assert code == 0
    assert "... 2 more communities not listed. For the whole list use --format markdown" in out
    code, out, _ = run("progress", "--data", str(DATA), "--year", "2022", "--format", "markdown")
    assert code == 0
    assert "未列出" not in out
    _, listed, _ = run("progress", "--data", str(DATA), "--year", "2022", "--format", "json")
    names = [c["name"] for c in json.loads(listed)["communities"]]
    assert len(names) == 12 and all(name in out for name in names)


def test_the_table_lists_every_community_up_to_max_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("greencommunity.output.progress.MAX_SHOWN", 12)
    code, out, _ = run("progress", "--data", str(DATA), "--year", "2022")
    assert code == 0
    assert _rows(out) == 12 and "未列出" not in out


def _rows(table: str) -> int:
    """The communities listed in the terminal table (the rows between its rules)."""
    return sum(bool(re.match(r"  \S+居委会（[a-z0-9]+）\s", line)) for line in table.splitlines())
