"""``gc validate [PATH...]``: schema and cross-file rules over the data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from greencommunity.cli import io
from greencommunity.cli.options import DataOption, NoCacheOption, data_dir, format_option
from greencommunity.output.validate import FORMATS


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="help.validate.paths", metavar="metavar.paths", show_default=False),
    ] = None,
    data: DataOption = None,
    no_cache: NoCacheOption = False,
    output_format: Annotated[str, format_option(FORMATS)] = "text",
    strict: Annotated[
        bool, typer.Option("--strict", help="help.validate.strict", metavar="")
    ] = False,
) -> None:
    from greencommunity.loading import collector
    from greencommunity.validation import validate as run_validation

    wanted = list(paths or [])
    root = data_dir(data, wanted[0] if wanted and data is None else None)
    result = run_validation(root, wanted)
    collector.keep_loaded()
    io.emit(FORMATS[output_format](result, strict))
    raise typer.Exit(io.EXIT_DATA if result.failed(strict=strict) else io.EXIT_OK)
