"""``gc new ID --name NAME --batch YEAR``: a community file to fill in."""

from __future__ import annotations

from typing import Annotated

import typer

from greencommunity.cli import io
from greencommunity.cli.options import DataOption, data_dir


def new(
    community_id: Annotated[
        str,
        typer.Argument(help="help.new.id", metavar="metavar.community", show_default=False),
    ],
    name: Annotated[
        str,
        typer.Option("--name", help="help.new.name", metavar="metavar.name", show_default=False),
    ],
    batch: Annotated[
        int,
        typer.Option("--batch", help="help.new.batch", metavar="metavar.year", show_default=False),
    ],
    data: DataOption = None,
) -> None:
    from greencommunity.authoring.community import check_id, create
    from greencommunity.authoring.errors import AuthoringError
    from greencommunity.i18n import tr
    from greencommunity.loading.document import display_path
    from greencommunity.output import new as out

    try:
        # The id first: a wrong id is named before anything else is looked for.
        check_id(community_id)
    except AuthoringError as refused:
        io.fail_usage(tr(refused.key, **refused.params))
    root = data_dir(data)
    try:
        made = create(root, community_id, name, batch)
    except AuthoringError as refused:
        io.fail_usage(tr(refused.key, **refused.params))
    except OSError as exc:
        io.cannot_write(root, exc)
    io.emit(out.text(made, display_path(made.path)))
