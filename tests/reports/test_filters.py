from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from greencommunity.reports.filters import (
    cn_date,
    cn_month_day,
    cn_ordinal,
    md_escape,
    money,
    number,
    pct,
    pct_bar,
    points,
    status_label,
)


def test_chinese_dates() -> None:
    assert cn_date(dt.date(2022, 10, 28)) == "2022年10月28日"
    assert cn_date(dt.date(2021, 1, 5)) == "2021年1月5日"
    assert cn_date(None) == "—"
    assert cn_date(None, "未报送") == "未报送"
    assert cn_month_day("10-30") == "10月30日"


def test_numbers_without_float_noise() -> None:
    assert points(70.0) == "70"
    assert points(66.5) == "66.5"
    assert points(0.1 + 0.2) == "0.3"
    assert points(None) == "—"
    assert money(248) == "248"
    assert money(34.25) == "34.25"
    assert number(2.25, 1) == "2.3"
    assert number(-0.0) == "0"


def test_percentages() -> None:
    assert pct(8 / 17) == "47.1%"
    assert pct(0.45) == "45%"
    assert pct(0.65) == "65%"
    assert pct(None) == "—"
    assert pct_bar(0.5, 10) == "█████░░░░░"


def test_ordinals_and_labels() -> None:
    assert [cn_ordinal(i) for i in (1, 5, 10, 11)] == ["一", "五", "十", "11"]
    assert status_label("passed") == "创建达标"
    assert status_label("unknown") == "unknown"


def test_markdown_escape_neutralises_markup() -> None:
    assert md_escape("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>"
    assert md_escape("a|b") == "a\\|b"
    assert md_escape("*强调* _x_ [链接](http://x)") == "\\*强调\\* \\_x\\_ \\[链接\\](http://x)"
    assert md_escape("# 标题") == "\\# 标题"
    assert md_escape("1. 列表") == "1\\. 列表"
    assert md_escape("1.2") == "1.2"
    assert md_escape("- 列表") == "\\- 列表"
    assert md_escape("两行\n文字") == "两行 文字"
    assert md_escape("&lt;") == "&amp;lt;"
    assert md_escape("{{ 7*7 }}") == "\\{\\{ 7\\*7 \\}\\}"
    assert md_escape(Markup("**已转义**")) == "**已转义**"
