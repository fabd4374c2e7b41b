"""``gc schema``: the JSON Schemas of the data files, generated from the models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from greencommunity.cli import io
from greencommunity.i18n import join, tr, trn


def schema(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="help.schema.output",
            metavar="metavar.dir",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="help.schema.kind", metavar="metavar.kind", show_default=False),
    ] = None,
) -> None:
    from greencommunity import atomic
    from greencommunity.schema import KINDS, file_name, schema_text

    kinds = list(KINDS)
    if kind is not None:
        if kind not in KINDS:
            io.fail_usage(tr("schema.unknown_kind", kind=kind, kinds=join(kinds)))
        kinds = [kind]
    if output is None:
        if len(kinds) != 1:
            io.fail_usage(tr("schema.need_output"))
        io.emit(schema_text(kinds[0]))
        return
    try:
        for name in kinds:
            atomic.write_text(output / file_name(name), schema_text(name))
    except OSError as exc:
        io.cannot_write(output, exc)
    io.emit(tr("schema.written", schemas=trn("count.schemas", len(kinds)), path=str(output)) + "\n")
