"""``gc fmt [PATH...] [--check]``: the data files in one canonical layout."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from greencommunity.cli import io
from greencommunity.cli.options import DataOption, data_dir


def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="help.fmt.paths", metavar="metavar.paths", show_default=False),
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="help.fmt.check", metavar="")] = False,
    data: DataOption = None,
) -> None:
    from greencommunity.authoring.formatting import Outcome, format_files
    from greencommunity.output import fmt as out

    wanted = list(paths or []) or [data_dir(data)]
    try:
        result = format_files(wanted, check=check)
    except OSError as exc:
        io.cannot_write(wanted[0], exc)
    io.emit(out.text(result))
    if result.having(Outcome.DEFECT):
        raise typer.Exit(io.EXIT_INTERNAL)
    failed = result.having(Outcome.NOT_LOADED) or (check and result.having(Outcome.CHANGED))
    raise typer.Exit(io.EXIT_DATA if failed else io.EXIT_OK)
