"""What most commands need first: the data folder loaded and checked, and dates
given on the command line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from greencommunity.cli.options import EXIT_DATA, data_dir, fail_usage, stderr
from greencommunity.i18n import tr

if TYPE_CHECKING:
    # Only for annotations: pydantic models are imported when a command runs,
    # so that `gc --help` and other commands start fast.
    from greencommunity.models import Community, Criteria, Town


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


AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help=tr("help.as_of"), show_default=False)
]
