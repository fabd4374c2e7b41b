"""``gc history``: the town's share over the git history, as a terminal table
and as JSON (its words and its SVG chart for ``--output``: ``history_view.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from greencommunity import formats
from greencommunity.history_view import HistoryReport, rows, svg, title, year_columns
from greencommunity.i18n import tr
from greencommunity.output import jsonout

if TYPE_CHECKING:
    from rich.console import RenderableType

    from greencommunity.output import Rendered


def table(report: HistoryReport) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    grid = Table(title=title(report), title_justify="left")
    grid.add_column(tr("history.col.date"))
    grid.add_column(tr("history.col.commit"))
    for heading in year_columns(report):
        grid.add_column(heading, justify="right")
    grid.add_column(tr("history.col.subject"))
    for row in rows(report):
        grid.add_row(row.time, row.commit, *row.cells, Text(row.subject))
    return grid


def json(report: HistoryReport) -> str:
    history = report.history
    return jsonout.dumps(
        {
            "years": list(history.years),
            "targets": {str(y): t for y, t in sorted(history.targets.items())},
            "points": [
                {
                    "commit": p.commit.sha,
                    "time": p.commit.time.isoformat(),
                    "subject": p.commit.subject,
                    "shares": {
                        str(year): jsonout.share(share) for year, share in sorted(p.shares.items())
                    },
                }
                for p in history.points
            ],
        }
    )


FORMATS: dict[str, Callable[[HistoryReport], Rendered]] = {
    formats.TEXT: table,
    formats.JSON: json,
    formats.SVG: svg,
}
