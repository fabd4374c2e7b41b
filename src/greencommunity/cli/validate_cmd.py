from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from greencommunity.cli.options import EXIT_DATA, EXIT_OK, DataOption, data_dir, stdout
from greencommunity.i18n import tr


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=tr("help.validate.paths"), show_default=False),
    ] = None,
    data: DataOption = None,
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help=tr("help.format"))
    ] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help=tr("help.validate.strict"))] = False,
) -> None:
    from greencommunity.validation import validate as run_validation

    wanted = list(paths or [])
    root = data_dir(data, wanted[0] if wanted and data is None else None)
    result = run_validation(root, wanted)
    if output_format is ValidateFormat.json:
        from greencommunity.reporters.json_reporter import render_json

        typer.echo(render_json(result, strict=strict))
    elif output_format is ValidateFormat.github:
        from greencommunity.reporters.github import render_github

        text = render_github(result)
        if text:
            typer.echo(text)
    elif output_format is ValidateFormat.sarif:
        from greencommunity.reporters.sarif import render_sarif

        typer.echo(render_sarif(result))
    else:
        from greencommunity.reporters.text import render_text

        render_text(result, stdout(), strict=strict)
    raise typer.Exit(EXIT_DATA if result.failed(strict=strict) else EXIT_OK)
