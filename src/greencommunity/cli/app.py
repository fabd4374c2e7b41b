"""The ``gc`` command: one table of subcommands, and no traceback, ever.

A new command is a module here with one function, and one row in ``COMMANDS``.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from greencommunity.cli import io, lazy, translated, version_line
from greencommunity.i18n import tr

# name → ("module:function" in greencommunity.cli, catalog key of its help text),
# in the order of ``gc --help``.  A command's module is imported only when the
# command is used (cli/lazy.py), so that no command slows down the others.
COMMANDS: tuple[lazy.Row, ...] = (
    ("validate", "validate_cmd:validate", "help.validate"),
    ("explain", "explain_cmd:explain", "help.explain"),
    ("progress", "progress_cmd:progress", "help.progress"),
    ("score", "score_cmd:score", "help.score"),
    ("status", "status_cmd:status", "help.status"),
    ("report", "report_cmd:report", "help.report"),
    ("sheet", "sheet_cmd:sheet", "help.sheet"),
    ("diff", "diff_cmd:diff", "help.diff"),
    ("history", "history_cmd:history", "help.history"),
    ("audit", "audit_cmd:audit", "help.audit"),
    ("rollup", "rollup_cmd:rollup", "help.rollup"),
    ("site", "site_cmd:site", "help.site"),
    ("verify", "verify_cmd:verify", "help.verify"),
    ("schema", "schema_cmd:schema", "help.schema"),
    ("init", "init_cmd:init", "help.init"),
    ("new", "new_cmd:new", "help.new"),
    ("fmt", "fmt_cmd:fmt", "help.fmt"),
)


class Group(lazy.Group):
    """The commands of ``COMMANDS``, each imported when it is used."""

    table = COMMANDS


app = typer.Typer(
    name="gc",
    cls=Group,
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
        io.emit(version_line())
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


def main() -> None:
    """The app, as cli/entry.py runs it; no input, however broken, may end in a traceback."""
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
