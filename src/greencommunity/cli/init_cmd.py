"""``gc init DIR``: a new data repository for another town."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from greencommunity.authoring.ci import CI, DEFAULT_CI
from greencommunity.cli import io
from greencommunity.cli.options import one_of


def _name_option(flag: str, help_key: str) -> Any:
    return typer.Option(flag, help=help_key, metavar="metavar.name", show_default=False)


def init(
    folder: Annotated[
        Path,
        typer.Argument(
            help="help.init.dir", metavar="metavar.dir", file_okay=False, show_default=False
        ),
    ],
    town: Annotated[str | None, _name_option("--town", "help.init.town")] = None,
    district: Annotated[str | None, _name_option("--district", "help.init.district")] = None,
    city: Annotated[str | None, _name_option("--city", "help.init.city")] = None,
    ci: Annotated[
        str,
        typer.Option(
            "--ci", help="help.init.ci", metavar="|".join(CI), callback=one_of(CI, "--ci")
        ),
    ] = DEFAULT_CI,
    urban_communities: Annotated[
        int | None,
        typer.Option(
            "--urban-communities",
            help="help.init.urban_communities",
            metavar="metavar.number",
            show_default=False,
        ),
    ] = None,
) -> None:
    from greencommunity.authoring.errors import AuthoringError
    from greencommunity.authoring.repository import Names, create
    from greencommunity.authoring.source import installed_source
    from greencommunity.i18n import tr
    from greencommunity.output import init as out

    try:
        names = Names(town, district, city, urban_communities)
        created = create(folder, names, installed_source(), ci)
    except AuthoringError as refused:
        io.fail_usage(tr(refused.key, **refused.params))
    except OSError as exc:
        io.cannot_write(folder, exc)
    io.emit(out.text(created))
