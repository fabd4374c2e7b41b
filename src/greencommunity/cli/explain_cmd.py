"""``gc explain [CODE]``: every diagnostic code, or what one means and how to fix it."""

from __future__ import annotations

from typing import Annotated

import typer

from greencommunity.cli import io
from greencommunity.i18n import tr


def explain(
    code: Annotated[
        str | None,
        typer.Argument(help="help.explain.code", metavar="metavar.code", show_default=False),
    ] = None,
) -> None:
    from greencommunity.output import explain as out
    from greencommunity.rules import registry

    codes = registry()
    if code is None:
        io.emit(out.listing(codes.values()))
        return
    wanted = code.strip().upper()
    if wanted not in codes:
        io.fail_usage(tr("explain.unknown", code=code))
    io.emit(out.one(codes[wanted]))
