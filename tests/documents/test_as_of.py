"""A document speaks as of its date: with ``--date D`` it knows what
``gc progress --as-of D`` knows and nothing later; without one, the day it is
made (as the town counts days), and says so; a document that cannot exist on
its date is refused."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from greencommunity.core import years

runner = CliRunner()
D = dt.date(2022, 10, 30)
# A written date: 2022年10月30日 (documents) or 2022-10-30.
DATE = re.compile(r"((?:19|20)\d\d)(?:年(\d{1,2})月(\d{1,2})日|-(\d\d)-(\d\d))")


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _dates(line: str) -> list[dt.date]:
    found = []
    for m in DATE.finditer(line):
        month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
        found.append(dt.date(int(m.group(1)), int(month), int(day)))
    return found


def test_a_summary_dated_30_october_counts_the_passes_gc_progress_counts(data_copy: Path) -> None:
    summary = _run(
        "report", "summary", "--data", str(data_copy), "--year", "2022", "--date", "2022-10-30"
    )
    progress = json.loads(
        _run(
            "progress",
            "--data",
            str(data_copy),
            "--year",
            "2022",
            "--as-of",
            "2022-10-30",
            "--format",
            "json",
        )
    )
    assert (progress["passed"], progress["share_text"], progress["short_by"]) == (6, "35.3%", 6)
    assert f"| 已创建达标 | {progress['passed']} 个（{progress['share_text']}） |" in summary
    assert f"| 目标完成情况 | 尚差 {progress['short_by']} 个 |" in summary
    # No review of November: every submitting community is still under review.
    rows = [line for line in summary.splitlines() if re.match(r"\| \d+ \|", line)]
    assert len(rows) == 5 and all(line.endswith("| 考评中 |") for line in rows)
    assert "数据截至 2022年10月30日" in summary


@pytest.mark.parametrize(
    "kind", [("summary",), ("application", "--all"), ("scoresheet", "--all"), ("progress",)]
)
def test_nothing_dated_after_the_documents_date(
    data_copy: Path, tmp_path: Path, kind: tuple[str, ...]
) -> None:
    out = tmp_path / "out"
    _run(
        "report",
        *kind,
        "--data",
        str(data_copy),
        "--year",
        "2022",
        "--date",
        "2022-10-30",
        "-o",
        str(out),
    )
    later = []
    for path in sorted(out.glob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            # A plan (计划) and the year's target deadline are the future by nature.
            if "计划" in line or "目标截止日期" in line or line.startswith("| 2022年 | 65% |"):
                continue
            later += [(path.name, d) for d in _dates(line) if d > D]
    assert later == []


def test_a_document_dated_before_its_self_evaluation_is_refused(data_copy: Path) -> None:
    for kind in ("scoresheet", "application"):
        result = runner.invoke(
            app, ["report", kind, "jiayu", "--data", str(data_copy), "--date", "2022-10-16"]
        )
        assert result.exit_code == 2
        assert result.output == (
            "错误：佳昱居委会 的 2022 年自测评分表是 2022-10-17 做的，不能出具 2022-10-16 的材料："
            "那天还没有自测评分。请把 --date 改为 2022-10-17 或之后。\n"
        )
    # On the day of the self-evaluation it exists (a draft: not yet submitted).
    sheet = _run("report", "scoresheet", "jiayu", "--data", str(data_copy), "--date", "2022-10-17")
    assert "数据截至 2022年10月17日" in sheet


def test_a_bundle_dated_d_binds_only_what_was_submitted_by_d(
    data_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = ["--data", str(data_copy), "--year", "2022", "--format", "html", "-o", str(out)]
    _run("report", "submission", "--date", "2022-10-25", *args)
    bound = sorted(p.name for p in out.glob("2022-*-application.html"))
    # 佳昱 (10-21), 龙联 (10-24), 佳福东 (10-25); 秀景 (10-27) and 佳煌 (10-28) later.
    assert bound == [
        "2022-jiafudong-application.html",
        "2022-jiayu-application.html",
        "2022-longlian-application.html",
    ]


def test_without_a_date_a_document_speaks_as_of_today_and_says_so(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1 November, 01:00 in Shanghai: before any review of 2022.
    monkeypatch.setattr(years, "clock", lambda: dt.datetime(2022, 10, 31, 17, tzinfo=dt.UTC))
    summary = _run("report", "summary", "--data", str(data_copy), "--year", "2022")
    assert "| 已创建达标 | 6 个（35.3%） |" in summary
    assert summary.splitlines()[-1].endswith("；数据截至生成之日 2022年11月1日")
    assert "日期：＿＿＿＿年＿＿月＿＿日" in summary  # left blank to be signed


def test_today_is_counted_in_the_zone_town_yaml_names(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 31 October 01:00 UTC: 09:00 on the 31st in China, 15:00 on the 30th in Hawaii.
    monkeypatch.setattr(years, "clock", lambda: dt.datetime(2022, 10, 31, 1, tzinfo=dt.UTC))
    args = ("report", "summary", "--data", str(data_copy), "--year", "2022")
    assert "数据截至生成之日 2022年10月31日" in _run(*args)
    town = data_copy / "town.yaml"
    text = town.read_text(encoding="utf-8")
    for zone in ("Pacific/Honolulu", "UTC-10:00"):
        town.write_text(
            text.replace("\nurban_communities:", f"\ntime_zone: {zone}\nurban_communities:", 1),
            encoding="utf-8",
        )
        assert "数据截至生成之日 2022年10月30日" in _run(*args)
