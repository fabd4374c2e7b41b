"""``gc history`` as a table, JSON and an SVG chart (pure functions to strings)."""

from __future__ import annotations

import json

from rich.table import Table

from greencommunity.charts import Series, line_chart_svg
from greencommunity.history import History
from greencommunity.i18n import tr
from greencommunity.scoring import fmt_percent


def _cell(history: History, index: int, year: int) -> str:
    share = history.points[index].shares.get(year)
    if share is None:
        return tr("diff.unknown")
    return tr(
        "history.cell",
        share=fmt_percent(share.share),
        passed=share.passed,
        denominator=share.denominator,
    )


def history_title(history: History, town: str) -> str:
    first, last = history.points[0].day, history.points[-1].day
    return tr(
        "history.title",
        town=town,
        first=first.isoformat(),
        last=last.isoformat(),
        count=len(history.points),
    )


def history_table(history: History, town: str) -> Table:
    table = Table(title=history_title(history, town), title_justify="left")
    table.add_column(tr("history.col.date"))
    table.add_column(tr("history.col.commit"))
    for year in history.years:
        target = history.targets.get(year)
        table.add_column(
            tr(
                "history.col.year",
                year=year,
                target=fmt_percent(target) if target is not None else tr("diff.unknown"),
            ),
            justify="right",
        )
    table.add_column(tr("history.col.subject"))
    for index, point in enumerate(history.points):
        table.add_row(
            point.commit.time.strftime("%Y-%m-%d %H:%M"),
            point.commit.short,
            *(_cell(history, index, year) for year in history.years),
            point.commit.subject,
        )
    return table


def history_json(history: History) -> str:
    return json.dumps(history.to_json(), ensure_ascii=False, indent=2)


def history_svg(history: History, town: str) -> str:
    labels = [p.commit.time.strftime("%Y-%m-%d") for p in history.points]
    series = []
    for year in history.years:
        target = history.targets.get(year)
        values = []
        for point in history.points:
            share = point.shares.get(year)
            values.append(share.share if share is not None else None)
        series.append(
            Series(
                label=tr("history.chart.series", year=year),
                values=values,
                target=target,
                target_label=tr("history.chart.target", year=year, target=fmt_percent(target))
                if target is not None
                else "",
            )
        )
    return line_chart_svg(tr("history.chart.title", town=town), labels, series)
