"""``gc progress``: the town's share of passing communities against the year's target."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from greencommunity.cli.options import EXIT_DATA, DataOption, data_dir, fail_usage, stderr, stdout
from greencommunity.i18n import tr

if TYPE_CHECKING:
    # Only for annotations: pydantic models are imported when a command runs,
    # so that `gc --help` and other commands start fast.
    from greencommunity.models import Community, Criteria, Town


class ProgressFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


@dataclass(frozen=True)
class CheckedData:
    root: Path
    town: Town
    criteria: Criteria
    communities: list[Community]


def load_checked(data: Path | None) -> CheckedData:
    """Load and validate the data folder; on validation errors print them and exit 1."""
    from greencommunity.dataset import load_dataset
    from greencommunity.diagnostics import Severity
    from greencommunity.reporters.text import render_text
    from greencommunity.validation import ValidationResult, check_dataset

    root = data_dir(data)
    dataset = load_dataset(root)
    diagnostics = check_dataset(dataset)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    town, criteria = dataset.town_model, dataset.criteria_model
    broken = any(c.model is None for c in dataset.communities)
    if errors or town is None or criteria is None or broken:
        console = stderr()
        render_text(ValidationResult(errors, len(dataset.files), dataset), console)
        console.print(tr("cli.data_invalid"), style="bold red", soft_wrap=True)
        raise typer.Exit(EXIT_DATA)
    return CheckedData(root, town, criteria, dataset.community_models())


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        fail_usage(tr("cli.bad_date", value=value))


YearOption = Annotated[
    int | None, typer.Option("--year", "-y", help=tr("help.progress.year"), show_default=False)
]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help=tr("help.as_of"), show_default=False)
]


def progress(
    data: DataOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        ProgressFormat, typer.Option("--format", "-f", help=tr("help.format"))
    ] = ProgressFormat.table,
) -> None:
    from greencommunity.progress import (
        DenominatorTooSmallError,
        NoTargetError,
        compute_progress,
        default_year,
        progress_json,
    )

    day = parse_date(as_of)
    checked = load_checked(data)
    chosen = year if year is not None else default_year(checked.town, day or dt.date.today())
    try:
        result = compute_progress(
            checked.town, checked.criteria, checked.communities, chosen, as_of=day
        )
    except NoTargetError as exc:
        fail_usage(str(exc))
    except DenominatorTooSmallError as exc:
        stderr().print(f"[bold red]{tr('cli.error_label')}[/] {exc}", soft_wrap=True)
        raise typer.Exit(EXIT_DATA) from None
    if output_format is ProgressFormat.json:
        typer.echo(json.dumps(progress_json(result), ensure_ascii=False, indent=2))
    elif output_format is ProgressFormat.markdown:
        from greencommunity.presenters.progress_view import progress_markdown

        typer.echo(progress_markdown(result, checked.town.name), nl=False)
    else:
        from greencommunity.presenters.progress_view import render_progress

        render_progress(result, checked.town.name, stdout())
