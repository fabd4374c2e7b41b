from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from greencommunity.cli.app import app
from greencommunity.core import years

DATA = Path(__file__).resolve().parents[2] / "data"
runner = CliRunner()


def test_late_submissions_on_shipped_data() -> None:
    result = runner.invoke(
        app, ["--lang", "en", "status", "--data", str(DATA), "--as-of", "2022-11-01"]
    )
    assert result.exit_code == 0
    out = result.stdout
    assert "Not submitted, deadline 2022-10-30 passed:" in out
    assert "  - 巷佳居委会 (xiangjia) (batch 2022)\n" in out
    assert "No overdue reviews." in out


def test_json_after_district_deadline() -> None:
    result = runner.invoke(
        app, ["status", "--data", str(DATA), "--as-of", "2022-12-15", "--format", "json"]
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [s["id"] for s in data["not_submitted"]] == ["xiangjia"]
    # 佳煌's district review came on 2022-11-10: not overdue, but it asks to rectify
    # 3.3 (answered 2022-12-06) and 3.4 (due 2022-12-20, still open).
    assert data["district_review_overdue"] == []
    rectifications = data["open_rectifications"]
    assert (rectifications["count"], rectifications["overdue"]) == (1, 0)
    [open_item] = rectifications["by_community"][0]["items"]
    assert (open_item["item"], open_item["due"], open_item["days_overdue"]) == (
        "3.4",
        "2022-12-20",
        0,
    )
    assert data["budget_total"] == 3937.5
    assert data["spent_total"] == 3429.5


def _rectification_lines(as_of: str, lang: str = "zh") -> list[str]:
    """The lines of gc status from its open rectifications to the budget."""
    args = ["--lang", lang, "status", "--data", str(DATA), "--as-of", as_of]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if "整改" in line or "ectification" in line)
    end = next(n for n, line in enumerate(lines) if _after_rectifications(line))
    return lines[start:end]


def _after_rectifications(line: str) -> bool:
    return any(word in line for word in ("年度评估（", "Annual evaluations", "预算", "Budget"))


def _evaluation_lines(as_of: str, lang: str = "zh") -> list[str]:
    """The lines of gc status on the annual evaluations passed communities owe."""
    args = ["--lang", lang, "status", "--data", str(DATA), "--as-of", as_of]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    found = [n for n, line in enumerate(lines) if "年度评估（" in line or "Annual evalu" in line]
    if not found:
        return []
    end = next(n for n, line in enumerate(lines) if "预算" in line or "Budget" in line)
    return lines[found[0] : end]


def test_annual_evaluations_owed_after_passing() -> None:
    """Five communities passed in 2021 (崧鑫 among them, whose 2022 evaluation is
    dated 2022-12-20); the 2022 evaluations are due on 12-31 (the default)."""
    assert _evaluation_lines("2021-12-31") == []
    due = "2022 年度评估待报送（截止 2022-12-31）"
    assert _evaluation_lines("2022-12-19") == [
        "已达标社区尚未报送的年度评估（长效管理）：6 项",
        *(
            f"  - {name}：{due}"
            for name in ("华沁居委会", "华秀居委会", "佳辉居委会", "崧涵居委会", "崧湖居委会")
        ),
        f"  - 崧鑫居委会：{due}",
    ]
    assert _evaluation_lines("2022-12-20")[0] == "已达标社区尚未报送的年度评估（长效管理）：5 项"
    assert _evaluation_lines("2023-01-01", "en")[:2] == [
        "Annual evaluations passed communities have not filed: 15",
        "  - 华沁居委会: annual evaluation of 2022 overdue (due 2022-12-31), 1 day overdue",
    ]


def test_annual_evaluations_owed_in_json() -> None:
    args = ["status", "--data", str(DATA), "--as-of", "2023-01-01", "--format", "json"]
    data = json.loads(runner.invoke(app, args).stdout)
    assert data["evaluations_owed"][0] == {
        "community": "huaqin",
        "year": 2022,
        "due": "2022-12-31",
        "state": "overdue",
        "days_overdue": 1,
    }
    assert [o["community"] for o in data["evaluations_owed"] if o["year"] == 2022] == [
        "huaqin",
        "huaxiu",
        "jiahui",
        "songhan",
        "songhu",
    ]


def test_open_rectifications_by_community_and_lead_department() -> None:
    """佳煌's district review (2022-11-10) asks to rectify 3.3 (lead 房管所, due
    2022-12-15, answered 2022-12-06) and 3.4 (镇三大整治办, due 2022-12-20, open)."""
    assert _rectification_lines("2022-11-09") == ["没有未答复的整改事项。"]
    assert _rectification_lines("2022-12-05") == [
        "未答复的整改事项 2 项，按社区：",
        "  佳煌居委会（jiahuang）",
        "    - 3.3 合理配建停车及充电设施，优化停车管理：新建充电棚未接入充电安全监管平台，"
        "机动车停车位挖潜方案和停车管理制度未向居民公示。（2022 年区级初审提出，期限 2022-12-15）",
        "    - 3.4 加强噪声治理：噪声投诉处置台账缺 2022 年 7—9 月记录；广场舞噪声未建立居民"
        "协商机制。（2022 年区级初审提出，期限 2022-12-20）",
        "按牵头部门：",
        "  镇三大整治办",
        "    - 佳煌居委会 3.4 加强噪声治理（期限 2022-12-20）",
        "  房管所",
        "    - 佳煌居委会 3.3 合理配建停车及充电设施，优化停车管理（期限 2022-12-15）",
    ]
    # On its due date 3.4 is not overdue yet; the day after, it is.
    assert _rectification_lines("2022-12-20")[0] == "未答复的整改事项 1 项，按社区："
    assert _rectification_lines("2022-12-21") == [
        "未答复的整改事项 1 项（其中逾期 1 项），按社区：",
        "  佳煌居委会（jiahuang）",
        "    - 3.4 加强噪声治理：噪声投诉处置台账缺 2022 年 7—9 月记录；广场舞噪声未建立居民"
        "协商机制。（2022 年区级初审提出，期限 2022-12-20，已逾期 1 天）",
        "按牵头部门：",
        "  镇三大整治办",
        "    - 佳煌居委会 3.4 加强噪声治理（期限 2022-12-20，已逾期 1 天）",
    ]
    assert _rectification_lines("2022-12-31", "en") == [
        "Open rectifications: 1 item (1 overdue), by community:",
        "  佳煌居委会 (jiahuang)",
        "    - 3.4 加强噪声治理: 噪声投诉处置台账缺 2022 年 7—9 月记录；"
        "广场舞噪声未建立居民协商机制。 (District review 2022, due 2022-12-20, 11 days overdue)",
        "By lead department:",
        "  镇三大整治办",
        "    - 佳煌居委会 3.4 加强噪声治理 (due 2022-12-20, 11 days overdue)",
    ]


def _with_target(data: Path, year: int) -> None:
    """A target for *year* added to town.yaml (the programme then runs until its end)."""
    town = data / "town.yaml"
    text = town.read_text(encoding="utf-8")
    extra = f'  - year: {year}\n    share: "90%"\n'
    town.write_text(text.replace("\n# 方案四（三）", f"\n{extra}\n# 方案四（三）", 1), "utf-8")


def test_after_the_last_target_year_status_is_as_of_its_end() -> None:
    """Today is past 2022, the last target year: no "已逾期 1429 天", but the
    calendar as of 2022-12-31, said in one line; JSON says it too."""
    result = runner.invoke(app, ["status", "--data", str(DATA)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "赵巷镇创建日程（2022-12-31）",
        "2022 年是最后一个目标年份，已经过去：以下按计划结束日 2022-12-31 的情况显示，"
        "不按今天计算逾期（用 --as-of 指定其他日期）。",
    ]
    payload = json.loads(
        runner.invoke(app, ["status", "--data", str(DATA), "--format", "json"]).stdout
    )
    assert (payload["as_of"], payload["as_of_capped"], payload["year"]) == (
        "2022-12-31",
        True,
        2022,
    )
    english = runner.invoke(app, ["--lang", "en", "status", "--data", str(DATA)])
    assert english.stdout.splitlines()[1] == (
        "2022 is the last target year and is over: shown as of the programme's end, 2022-12-31, "
        "not today, so nothing counts overdue since (use --as-of for another day)."
    )


def test_an_asked_day_is_never_capped() -> None:
    args = ["status", "--data", str(DATA), "--as-of", "2024-06-01", "--format", "json"]
    payload = json.loads(runner.invoke(app, args).stdout)
    assert (payload["as_of"], payload["as_of_capped"], payload["year"]) == (
        "2024-06-01",
        False,
        2024,
    )
    table = runner.invoke(app, ["status", "--data", str(DATA), "--as-of", "2024-06-01"])
    assert "最后一个目标年份" not in table.stdout


def test_within_the_programme_status_is_as_of_today(data_copy: Path) -> None:
    _with_target(data_copy, 2100)
    result = runner.invoke(app, ["status", "--data", str(data_copy), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    # Today as the programme counts days (China Standard Time), not the machine's.
    assert payload["as_of"] == years.today().isoformat()
    assert payload["as_of_capped"] is False
    table = runner.invoke(app, ["status", "--data", str(data_copy)])
    assert "最后一个目标年份" not in table.stdout


def test_days_are_counted_once_in_overdue_projects_and_late_submissions(data_copy: Path) -> None:
    """ "已逾期 1 天", never "1 天 天" (the count carries its unit)."""
    result = runner.invoke(app, ["status", "--data", str(DATA), "--as-of", "2023-06-01"])
    assert result.exit_code == 0, result.output
    assert (
        "  镇规保办\n"
        "    - 巷佳居委会 p2 二次供水及雨污管网改造：计划 2023-05-31 完成，已逾期 1 天（实施中）\n"
    ) in result.stdout
    english = runner.invoke(
        app, ["--lang", "en", "status", "--data", str(DATA), "--as-of", "2023-06-01"]
    )
    assert "p2 二次供水及雨污管网改造: due 2023-05-31, 1 day overdue (in progress)\n" in (
        english.stdout
    )
    jiafudong = data_copy / "communities" / "jiafudong.yaml"
    text = jiafudong.read_text(encoding="utf-8")
    jiafudong.write_text(text.replace("submitted: 2022-10-25", "submitted: 2022-11-01"), "utf-8")
    late = runner.invoke(app, ["status", "--data", str(data_copy), "--as-of", "2022-11-02"])
    assert late.exit_code == 0, late.output
    assert "  - 佳福东居委会（jiafudong）：2022-11-01 报送，迟 2 天\n" in late.stdout
