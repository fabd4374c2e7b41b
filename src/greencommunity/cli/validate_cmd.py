"""``gc validate [PATH...]``: schema and cross-file rules over the data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from greencommunity import formats
from greencommunity.cli import io
from greencommunity.cli.checked import validated
from greencommunity.cli.options import (
    DataOption,
    NoCacheOption,
    format_option,
    output_file_option,
)
from greencommunity.cli.request import Request
from greencommunity.output.validate import FORMATS


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="help.validate.paths", metavar="metavar.paths", show_default=False),
    ] = None,
    data: DataOption = None,
    no_cache: NoCacheOption = False,
    output_format: Annotated[str, format_option(FORMATS)] = formats.TEXT,
    output: Annotated[Path | None, output_file_option("help.output_file")] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="help.validate.strict", metavar="")
    ] = False,
    staged: Annotated[
        bool, typer.Option("--staged", help="help.validate.staged", metavar="")
    ] = False,
) -> None:
    request = Request(
        data=data,
        cache=not no_cache,
        format=output_format,
        output=output,
        paths=tuple(paths or ()),
        staged=staged,
    )
    result = validated(request)
    io.deliver(FORMATS[request.format](result, strict), request.output, request.format)
    raise typer.Exit(io.EXIT_DATA if result.failed(strict=strict) else io.EXIT_OK)
