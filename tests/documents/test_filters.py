from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from markupsafe import Markup

from greencommunity.core.status import Status
from greencommunity.documents.environment import build_environment
from greencommunity.documents.filters import (
    FILTERS,
    MISSING,
    chinese_quotes,
    cn_date,
    cn_month_day,
    cn_ordinal,
    cn_quotes,
    cn_year,
    funding_label,
    money,
    number,
    or_dash,
    pct,
    pct_bar,
    points,
    project_status_label,
    stage_label,
    status_label,
    verdict_label,
)
from greencommunity.markdown import escape
from greencommunity.models.community import ProjectStatus
from tests.documents.helpers import DATA


def test_chinese_dates() -> None:
    assert cn_date(dt.date(2022, 10, 28)) == "2022年10月28日"
    assert cn_date(dt.date(2021, 1, 5)) == "2021年1月5日"
    assert cn_date(None) == "—"
    assert cn_date(None, "未报送") == "未报送"
    assert cn_month_day("10-30") == "10月30日"
    assert cn_month_day(None) == "—"
    assert cn_year(2022) == "二〇二二年"


def test_numbers_without_float_noise() -> None:
    assert points(70.0) == "70"
    assert points(66.5) == "66.5"
    assert points(0.1 + 0.2) == "0.3"
    assert points(None) == "—"
    assert money(248) == "248"
    assert money(34.25) == "34.25"
    assert money(Fraction(1, 3)) == "0.33"
    assert number(2.25, 1) == "2.3"
    assert number(-0.0) == "0"
    assert number(float("nan")) == "—"
    assert points(float("inf")) == "—"


def test_percentages_round_half_up_without_a_space() -> None:
    assert pct(8 / 17) == "47.1%"
    assert pct(Fraction(10, 17)) == "58.8%"
    assert pct(0.45) == "45%"
    assert pct(0.65) == "65%"
    assert pct(Fraction(5, 16)) == "31.3%"  # 31.25 %: half up, not to even
    assert pct(None) == "—"
    assert pct_bar(0.5, 10) == "█████░░░░░"
    assert pct_bar(None, 4) == "░░░░"
    assert pct_bar(1.5, 4) == "████"


def test_ordinals() -> None:
    assert [cn_ordinal(i) for i in (1, 5, 10, 11)] == ["一", "五", "十", "11"]


def test_labels_are_the_words_of_the_cli() -> None:
    assert [status_label(s.value) for s in Status] == [
        {
            "passed": "已达标",
            "failed": "未达标",
            "rectifying": "整改中",
            "under_review": "考评中",
            "creating": "创建中",
            "not_scheduled": "未列入计划",
        }[s.value]
        for s in Status
    ]
    assert [stage_label(s) for s in ("self", "district", "city")] == [
        "自评",
        "区级初审",
        "市级抽样考评",
    ]
    assert [verdict_label(p) for p in (True, False, None)] == ["达标", "未达标", "无结论"]
    assert [verdict_label(v) for v in ("pass", "fail", "rectify")] == ["达标", "未达标", "需整改"]
    assert verdict_label("有条件通过") == "有条件通过"  # an override template's own value
    assert {project_status_label(s.value) for s in ProjectStatus} == {
        "未开工",
        "实施中",
        "已完成",
        "已取消",
    }
    assert funding_label(None) == "无专项资金"
    assert funding_label("海绵城市建设") == "海绵城市建设"
    for label in (status_label, stage_label, project_status_label):
        assert label(None) == MISSING


def test_or_dash() -> None:
    empty: tuple[object, ...] = (None, "", [], ())
    assert [or_dash(v) for v in empty] == ["—"] * 4
    assert or_dash(0) == 0
    assert or_dash("x") == "x"


def test_markdown_escape_neutralises_markup() -> None:
    assert escape("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>"
    assert escape("a|b") == "a\\|b"
    assert escape("*强调* _x_ [链接](http://x)") == "\\*强调\\* \\_x\\_ \\[链接\\](http://x)"
    assert escape("# 标题") == "\\# 标题"
    assert escape("1. 列表") == "1\\. 列表"
    assert escape("1.2") == "1.2"
    assert escape("- 列表") == "\\- 列表"
    assert escape("两行\n文字") == "两行 文字"
    assert escape("&lt;") == "&amp;lt;"
    assert escape("{{ 7*7 }}") == "\\{\\{ 7\\*7 \\}\\}"
    assert escape(None) == ""


def test_md_filter_keeps_what_is_already_safe() -> None:
    env = build_environment(for_markdown=True)
    template = env.from_string("{{ value | md }}")
    assert template.render(value=Markup("**已转义**")) == "**已转义**"
    assert template.render(value="**未转义**") == "\\*\\*未转义\\*\\*"


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_every_filter_renders_none_as_a_dash_or_text(name: str) -> None:
    """A missing value never shows as the word "None" (filters.py's promise)."""
    env = build_environment()
    out = env.from_string("{{ value | " + name + " }}").render(value=None)
    assert "None" not in out


@pytest.mark.parametrize("name", ["status_label", "project_status_label", "stage_label"])
def test_label_filters_show_an_unknown_value_as_it_is(name: str) -> None:
    """An override template may pass any text; it is shown, never a crash."""
    env = build_environment()
    assert env.from_string("{{ value | " + name + " }}").render(value="其他") == "其他"


# ------------------------------------------------------------ Chinese quotation marks


def test_straight_quotes_become_chinese_quotation_marks() -> None:
    assert cn_quotes('"美丽家园"创建') == "“美丽家园”创建"
    assert cn_quotes('"一" 与 "二"') == "“一” 与 “二”"
    # A lone quote (inches, a typo) stays as typed; single quotes are apostrophes too.
    assert cn_quotes('屏幕 27" 一块') == '屏幕 27" 一块'
    assert cn_quotes("O'Neil's") == "O'Neil's"
    assert cn_quotes("“已是中文引号”") == "“已是中文引号”"
    assert cn_quotes(None) == MISSING
    assert chinese_quotes(None) is None
    assert chinese_quotes(3) == 3
    made = Markup('<b class="x">"a"</b>')
    assert chinese_quotes(made) is made  # markup already made is never touched


@pytest.mark.parametrize("for_markdown", [False, True], ids=["html", "md"])
def test_every_printed_value_gets_chinese_quotation_marks(for_markdown: bool) -> None:
    """Not in the data, but in every document: '"美丽家园"' from town.yaml prints
    as “美丽家园”, printed alone, through a filter or in a joined list."""
    env = build_environment(for_markdown=for_markdown)
    channel = '"美丽家园"创建'
    assert env.from_string("{{ v }}").render(v=channel) == "“美丽家园”创建"
    assert env.from_string("{{ v | funding_label }}").render(v=channel) == "“美丽家园”创建"
    joined = env.from_string('{{ v | join("、") }}').render(v=[channel, "海绵城市"])
    assert joined == "“美丽家园”创建、海绵城市"
    assert env.from_string("{{ v | cn_quotes }}").render(v=channel) == "“美丽家园”创建"
    # The template's own markup keeps its ASCII quotes.
    html = env.from_string('<p class="a">{{ v }}</p>').render(v=channel)
    assert html == '<p class="a">“美丽家园”创建</p>'


@pytest.mark.slow
def test_shipped_documents_quote_the_funding_channel_in_chinese(every_output: Path) -> None:
    """town.yaml writes the channel '"美丽家园"创建' with ASCII quotes."""
    assert '"美丽家园"' in (DATA / "town.yaml").read_text(encoding="utf-8")
    seen = 0
    for path in sorted(every_output.rglob("*.*")):
        if path.suffix not in (".md", ".html"):
            continue
        text = path.read_text(encoding="utf-8")
        assert '"美丽家园"' not in text and "&#34;美丽家园&#34;" not in text, path.name
        seen += "“美丽家园”" in text
    assert seen > 10
