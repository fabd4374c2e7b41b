"""``gc rollup FOLDER...``: the towns' standing for a year, and their totals."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from greencommunity.cli import io
from greencommunity.cli.options import NoCacheOption, format_option, year_option
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
    output_format: Annotated[str, format_option(FORMATS)] = "table",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="help.rollup.output",
            metavar="metavar.file",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    no_cache: NoCacheOption = False,
) -> None:
    from greencommunity import atomic
    from greencommunity.loading.dataset import DataNotFoundError
    from greencommunity.towns import check_towns, roll_up_towns

    try:
        validated = check_towns(folders)
    except DataNotFoundError as exc:
        io.fail_usage(str(exc))
    if year is None:
        years = [
            t.year
            for _, result in validated
            if result.dataset is not None and result.dataset.town_model is not None
            for t in result.dataset.town_model.targets
        ]
        if not years:
            io.fail_usage(tr("rollup.no_year"))
        year = max(years)
    rendered = FORMATS[output_format](roll_up_towns(year, validated))
    if output is None:
        if isinstance(rendered, bytes):
            io.fail_usage(tr("rollup.need_output", format=output_format))
        io.emit(rendered)
        return
    data = rendered if isinstance(rendered, bytes) else io.plain(rendered).encode("utf-8")
    try:
        atomic.write_bytes(output, data)
    except OSError as exc:
        io.cannot_write(output, exc)
    io.emit(tr("rollup.written", path=str(output)) + "\n")
