"""Options shared by commands.  Help texts and metavars are catalog keys, put
into words when a help screen is shown (``cli/translated.py``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from greencommunity.cli import io
from greencommunity.i18n import join, tr
from greencommunity.locales import CATALOGS

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data", help="help.data", metavar="metavar.dir", file_okay=False, show_default=False
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="help.as_of", metavar="metavar.date", show_default=False),
]


def _use_cache(off: bool) -> bool:
    from greencommunity.loading import cache

    cache.enable(not off)
    return off


# Every command that reads the data folder takes it; the cache is on unless
# it is given (library calls never use the cache: ``loading.cache``).
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache", help="help.no_cache", metavar="", callback=_use_cache, show_default=False
    ),
]


def year_option(help_key: str) -> Any:
    """``--year`` / ``-y`` with its own help text."""
    return typer.Option("--year", "-y", help=help_key, metavar="metavar.year", show_default=False)


def one_of(registry: Mapping[str, object], hint: str) -> Callable[[str], str]:
    """A callback that accepts exactly the names of *registry* (a table of kinds,
    a format registry) and otherwise says which names there are.  *hint* names
    the parameter: an option ("--format") or a metavar's catalog key."""

    def check(value: str) -> str:
        if value not in registry:
            choices = join(list(registry))
            shown = tr(hint) if hint in CATALOGS["zh"] else hint
            raise typer.BadParameter(
                tr("usage.not_one_of", value=value, choices=choices), param_hint=shown
            )
        return value

    return check


def choice_argument(registry: Mapping[str, object], help_key: str, hint: str) -> Any:
    """A positional argument over exactly the names of *registry* (document kinds,
    sheet actions), listed in its metavar; *hint* is the metavar's catalog key
    that names it in an error."""
    return typer.Argument(
        help=help_key,
        metavar="|".join(registry),
        callback=one_of(registry, hint),
        show_default=False,
    )


def format_option(formats: Mapping[str, object], help_key: str = "help.format") -> Any:
    """``--format`` / ``-f`` over exactly the names of a command's format registry.
    A format read by programs turns the progress bar off (``cli/progressbar.py``)."""
    check = one_of(formats, "--format")

    def chosen(value: str) -> str:
        from greencommunity.cli import progressbar

        if check(value) not in progressbar.FOR_PEOPLE:
            progressbar.refuse()
        return value

    return typer.Option("--format", "-f", help=help_key, metavar="|".join(formats), callback=chosen)


def data_dir(explicit: Path | None, start: Path | None = None) -> Path:
    """Resolve the data folder or exit 2 with a message that says what to do."""
    from greencommunity.loading.dataset import DataNotFoundError, find_data_dir

    try:
        return find_data_dir(explicit, start)
    except DataNotFoundError as exc:
        io.fail_usage(str(exc))
    except OSError as exc:  # the current folder deleted under the shell, say
        io.fail_usage(tr("cli.folder_unusable", detail=exc.strerror or str(exc)))
