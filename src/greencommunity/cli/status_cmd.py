"""``gc status``: the calendar view as of a date."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from typing import Annotated

import typer

from greencommunity.cli.checked import AsOfOption, load_checked, parse_date
from greencommunity.cli.options import DataOption, stdout
from greencommunity.i18n import tr


class StatusFormat(StrEnum):
    table = "table"
    json = "json"


def status(
    data: DataOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        StatusFormat, typer.Option("--format", "-f", help=tr("help.format"))
    ] = StatusFormat.table,
) -> None:
    from greencommunity.calendar_view import calendar_view
    from greencommunity.presenters.status_view import calendar_json, render_calendar

    day = parse_date(as_of) or dt.date.today()
    checked = load_checked(data)
    view = calendar_view(checked.town, checked.criteria, checked.communities, day)
    if output_format is StatusFormat.json:
        typer.echo(json.dumps(calendar_json(view), ensure_ascii=False, indent=2))
    else:
        render_calendar(view, checked.town.name, stdout())
