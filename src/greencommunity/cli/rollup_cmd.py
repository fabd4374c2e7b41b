"""``gc rollup FOLDER...``: the towns' standing for a year, and their totals."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from greencommunity import formats
from greencommunity.cli import io
from greencommunity.cli.checked import counted_once, refuse_placeholders
from greencommunity.cli.options import (
    NoCacheOption,
    format_option,
    output_file_option,
    year_option,
)
from greencommunity.cli.request import Request
from greencommunity.i18n import tr
from greencommunity.output.rollup import FORMATS


def rollup(
    folders: Annotated[
        list[Path],
        typer.Argument(
            help="help.rollup.folders", metavar="metavar.folders", file_okay=False, exists=True
        ),
    ],
    year: Annotated[int | None, year_option("help.rollup.year")] = None,
    output_format: Annotated[str, format_option(FORMATS)] = formats.TEXT,
    output: Annotated[Path | None, output_file_option("help.output_file")] = None,
    no_cache: NoCacheOption = False,
) -> None:
    from greencommunity import reporting
    from greencommunity.core.years import rollup_year
    from greencommunity.loading.dataset import DataNotFoundError
    from greencommunity.towns import check_towns, roll_up_towns

    request = Request(
        cache=not no_cache,
        format=output_format,
        output=output,
        year=year,
        paths=tuple(folders),
    )
    try:
        with reporting.listening(request.listener()):
            validated = check_towns(request.paths, cache=request.cache)
    except DataNotFoundError as exc:
        io.fail_usage(str(exc))
    for town in validated:  # 某某镇 or 9999 never reaches a district's totals
        refuse_placeholders(town.result)
    counted = counted_once(validated)
    chosen = rollup_year([t.town for t in counted.towns], request.as_of().date, request.year)
    if chosen is None:
        io.fail_usage(tr("rollup.no_year"))
    rendered = FORMATS[request.format](roll_up_towns(chosen, counted.towns, counted.repeated))
    io.deliver(rendered, request.output, request.format)
