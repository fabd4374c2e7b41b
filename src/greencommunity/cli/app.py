"""The ``gc`` command: registers subcommands and turns crashes into messages."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from greencommunity import __version__
from greencommunity.cli import (
    diff_cmd,
    explain_cmd,
    history_cmd,
    progress_cmd,
    report_cmd,
    schema_cmd,
    score_cmd,
    status_cmd,
    usage,
    validate_cmd,
)
from greencommunity.i18n import set_language, tr

app = typer.Typer(
    name="gc",
    cls=usage.Group,
    help=tr("help.app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"gc {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    lang: Annotated[
        str | None,
        typer.Option("--lang", help=tr("help.lang"), show_default=False),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=tr("help.version"))
    ] = False,
) -> None:
    if lang is not None:
        chosen = lang.strip().lower()
        if chosen not in ("zh", "en"):
            raise typer.BadParameter(tr("cli.bad_lang", lang=lang), param_hint="--lang")
        set_language(chosen)


app.command("validate", cls=usage.Command, help=tr("help.validate"))(validate_cmd.validate)
app.command("schema", cls=usage.Command, help=tr("help.schema"))(schema_cmd.schema)
app.command("explain", cls=usage.Command, help=tr("help.explain"))(explain_cmd.explain)
app.command("progress", cls=usage.Command, help=tr("help.progress"))(progress_cmd.progress)
app.command("score", cls=usage.Command, help=tr("help.score"))(score_cmd.score)
app.command("status", cls=usage.Command, help=tr("help.status"))(status_cmd.status)
app.command("report", cls=usage.Command, help=tr("help.report"))(report_cmd.report)
app.command("diff", cls=usage.Command, help=tr("help.diff"))(diff_cmd.diff)
app.command("history", cls=usage.Command, help=tr("help.history"))(history_cmd.history)


def main() -> None:
    """Entry point: no input, however broken, may end in a Python traceback."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write(tr("cli.interrupted") + "\n")
        raise SystemExit(130) from None
    except Exception as exc:
        if os.environ.get("GC_DEBUG"):
            raise
        sys.stderr.write(tr("cli.internal_error", kind=type(exc).__name__, detail=str(exc)) + "\n")
        raise SystemExit(3) from None
