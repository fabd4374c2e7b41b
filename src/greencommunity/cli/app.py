"""The ``gc`` command: one table of subcommands, and no traceback, ever.

A new command is a module here with one function, and one row in ``COMMANDS``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Annotated, Any

import typer

from greencommunity import __version__
from greencommunity.cli import (
    diff_cmd,
    explain_cmd,
    history_cmd,
    io,
    progress_cmd,
    report_cmd,
    rollup_cmd,
    schema_cmd,
    score_cmd,
    site_cmd,
    status_cmd,
    translated,
    validate_cmd,
)
from greencommunity.i18n import tr

# name → (function, catalog key of its help text), in the order of ``gc --help``.
COMMANDS: tuple[tuple[str, Callable[..., Any], str], ...] = (
    ("validate", validate_cmd.validate, "help.validate"),
    ("explain", explain_cmd.explain, "help.explain"),
    ("progress", progress_cmd.progress, "help.progress"),
    ("score", score_cmd.score, "help.score"),
    ("status", status_cmd.status, "help.status"),
    ("report", report_cmd.report, "help.report"),
    ("diff", diff_cmd.diff, "help.diff"),
    ("history", history_cmd.history, "help.history"),
    ("rollup", rollup_cmd.rollup, "help.rollup"),
    ("site", site_cmd.site, "help.site"),
    ("schema", schema_cmd.schema, "help.schema"),
)

app = typer.Typer(
    name="gc",
    cls=translated.Group,
    help="help.app",
    no_args_is_help=True,
    # --install-completion and --show-completion; their help is translated
    # with the rest (cli/translated.py).
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        io.emit(f"gc {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    lang: Annotated[
        str | None,
        typer.Option(translated.LANG_OPTION, help="help.lang", metavar="zh|en", show_default=False),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="help.version", metavar=""
        ),
    ] = False,
) -> None:
    # --lang was settled before parsing began (translated.Group.main); it is declared
    # here so that it is listed in the help and accepted by the parser.
    del lang


for _name, _function, _help in COMMANDS:
    app.command(_name, cls=translated.Command, help=_help)(_function)


def main() -> None:
    """Entry point: no input, however broken, may end in a Python traceback."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        io.write_err(tr("cli.interrupted") + "\n")
        raise SystemExit(130) from None
    except Exception as exc:
        if os.environ.get("GC_DEBUG"):
            raise
        io.write_err(tr("cli.internal_error", kind=type(exc).__name__, detail=str(exc)) + "\n")
        raise SystemExit(io.EXIT_INTERNAL) from None


if __name__ == "__main__":  # pragma: no cover
    main()
