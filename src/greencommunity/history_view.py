"""The town's share over the git history as people read it: the title, the
columns, the rows and the line chart that ``gc history`` (``output/history.py``)
and the site's history page (``dashboard/``) both show, worded once here,
below both."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from greencommunity.figures import percent
from greencommunity.i18n import tr, trn

if TYPE_CHECKING:
    from greencommunity.core.diffing import Share
    from greencommunity.core.history import History


@dataclass(frozen=True)
class HistoryReport:
    town: str
    history: History


def _cell(share: Share | None) -> str:
    if share is None:
        return tr("diff.unknown")
    return tr(
        "history.cell",
        share=percent(share.share),
        passed=share.passed,
        denominator=share.denominator,
    )


def title(report: HistoryReport) -> str:
    points = report.history.points
    return tr(
        "history.title",
        town=report.town,
        first=points[0].day.isoformat(),
        last=points[-1].day.isoformat(),
        points=trn("count.points_in_time", len(points)),
    )


@dataclass(frozen=True)
class Row:
    """One point of the history as the table shows it (the terminal's and the site's)."""

    time: str
    commit: str
    cells: tuple[str, ...]  # one per target year, in ``year_columns`` order
    subject: str


def year_columns(report: HistoryReport) -> list[str]:
    """The heading of each target year's column: the year and its target."""
    history = report.history
    headings = []
    for year in history.years:
        target = history.targets.get(year)
        shown = percent(target) if target is not None else tr("diff.unknown")
        headings.append(tr("history.col.year", year=year, target=shown))
    return headings


def rows(report: HistoryReport) -> list[Row]:
    history = report.history
    return [
        Row(
            point.commit.time.strftime("%Y-%m-%d %H:%M"),
            point.commit.short,
            tuple(_cell(point.shares.get(year)) for year in history.years),
            point.commit.subject,
        )
        for point in history.points
    ]


def svg(report: HistoryReport) -> str:
    """The line chart written by ``gc history --output FILE.svg``."""
    from greencommunity.charts.history_chart import Series, line_chart_svg

    history = report.history
    labels = [p.commit.time.strftime("%Y-%m-%d") for p in history.points]
    series = []
    for year in history.years:
        target = history.targets.get(year)
        values = []
        for point in history.points:
            share = point.shares.get(year)
            values.append(share.share if share is not None else None)
        last = next((v for v in reversed(values) if v is not None), None)
        series.append(
            Series(
                label=tr("history.chart.series", year=year, share=percent(last))
                if last is not None
                else tr("history.chart.series_empty", year=year),
                values=values,
                target=target,
                target_label=tr("history.chart.target", year=year, target=percent(target))
                if target is not None
                else "",
            )
        )
    return line_chart_svg(tr("history.chart.title", town=report.town), labels, series)
