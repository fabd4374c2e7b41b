"""``gc progress``: the town's share of passing communities against the year's target."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.markup import escape

from greencommunity.cli.checked import AsOfOption, load_checked, parse_date
from greencommunity.cli.options import EXIT_DATA, DataOption, fail_usage, stderr, stdout
from greencommunity.i18n import tr


class ProgressFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


YearOption = Annotated[
    int | None, typer.Option("--year", "-y", help=tr("help.progress.year"), show_default=False)
]


def progress(
    data: DataOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        ProgressFormat, typer.Option("--format", "-f", help=tr("help.format"))
    ] = ProgressFormat.table,
) -> None:
    from greencommunity.progress import (
        DenominatorTooSmallError,
        NoTargetError,
        compute_progress,
        default_year,
        progress_json,
    )

    day = parse_date(as_of)
    checked = load_checked(data)
    chosen = year if year is not None else default_year(checked.town, day or dt.date.today())
    try:
        result = compute_progress(
            checked.town, checked.criteria, checked.communities, chosen, as_of=day
        )
    except NoTargetError as exc:
        fail_usage(str(exc))
    except DenominatorTooSmallError as exc:
        stderr().print(f"[bold red]{tr('cli.error_label')}[/] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(EXIT_DATA) from None
    if output_format is ProgressFormat.json:
        typer.echo(json.dumps(progress_json(result), ensure_ascii=False, indent=2))
    elif output_format is ProgressFormat.markdown:
        from greencommunity.presenters.progress_view import progress_markdown

        typer.echo(progress_markdown(result, checked.town.name), nl=False)
    else:
        from greencommunity.presenters.progress_view import render_progress

        render_progress(result, checked.town.name, stdout())
