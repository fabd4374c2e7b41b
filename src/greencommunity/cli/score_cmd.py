"""``gc score COMMUNITY``: the score breakdown, the verdict and what blocks it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from greencommunity import formats
from greencommunity.cli import io
from greencommunity.cli.checked import community_or_fail, load_checked
from greencommunity.cli.options import (
    DataOption,
    NoCacheOption,
    format_option,
    output_file_option,
    year_option,
)
from greencommunity.cli.request import Request
from greencommunity.i18n import tr
from greencommunity.output.score import FORMATS


def score(
    community: Annotated[
        str,
        typer.Argument(
            help="help.score.community", metavar="metavar.community", show_default=False
        ),
    ],
    data: DataOption = None,
    no_cache: NoCacheOption = False,
    year: Annotated[int | None, year_option("help.score.year")] = None,
    output_format: Annotated[str, format_option(FORMATS)] = formats.TEXT,
    output: Annotated[Path | None, output_file_option("help.output_file")] = None,
) -> None:
    from greencommunity.core.status import community_status
    from greencommunity.core.years import assessment_years, choose
    from greencommunity.documents.errors import years_text

    request = Request(data=data, cache=not no_cache, format=output_format, output=output, year=year)
    checked = load_checked(request)
    found = community_or_fail(community, checked.communities)
    years = assessment_years([found])
    chosen = choose(years, request.as_of(checked.town).date, request.year)
    if chosen is None:
        io.fail_usage(tr("score.no_assessments", name=found.name))
    if chosen not in years:
        io.fail_usage(
            tr("score.no_assessment", name=found.name, year=chosen, years=years_text(years))
        )
    rendered = FORMATS[request.format](community_status(checked.criteria, found, chosen))
    io.deliver(rendered, request.output, request.format)
