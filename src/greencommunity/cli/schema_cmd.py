from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from greencommunity.cli.options import fail_usage, stdout
from greencommunity.i18n import tr


def schema(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help=tr("help.schema.output"), file_okay=False, show_default=False
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help=tr("help.schema.kind"), show_default=False),
    ] = None,
) -> None:
    from greencommunity import atomic
    from greencommunity.schema import KINDS, file_name, schema_text

    kinds = list(KINDS)
    if kind is not None:
        if kind not in KINDS:
            fail_usage(tr("schema.unknown_kind", kind=kind, kinds="、".join(KINDS)))
        kinds = [kind]
    if output is None:
        if len(kinds) != 1:
            fail_usage(tr("schema.need_output"))
        typer.echo(schema_text(kinds[0]), nl=False)
        return
    try:
        for name in kinds:
            atomic.write_text(output / file_name(name), schema_text(name))
    except OSError as exc:
        fail_usage(tr("cli.cannot_write", path=str(output), detail=exc.strerror or str(exc)))
    stdout().print(tr("schema.written", count=len(kinds), path=str(output)))
