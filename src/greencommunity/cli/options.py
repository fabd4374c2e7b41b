"""Options shared by commands, and the exit codes of the contract (DESIGN.md §4)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from greencommunity.i18n import tr

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help=tr("help.data"),
        file_okay=False,
        show_default=False,
    ),
]


def stdout() -> Console:
    # Wide enough that paths and messages are not wrapped mid-word in CI logs.
    return Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 200)


def stderr() -> Console:
    return Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 200)


def fail_usage(message: str) -> NoReturn:
    stderr().print(f"[bold red]{tr('cli.error_label')}[/] {escape(message)}", soft_wrap=True)
    raise typer.Exit(EXIT_USAGE)


def data_dir(explicit: Path | None, start: Path | None = None) -> Path:
    """Resolve the data folder or exit 2 with a message that says what to do."""
    from greencommunity.dataset import DataNotFoundError, find_data_dir

    try:
        return find_data_dir(explicit, start)
    except DataNotFoundError as exc:
        fail_usage(str(exc))
