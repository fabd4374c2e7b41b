"""``gc score COMMUNITY``: the score breakdown, the verdict and what blocks it."""

from __future__ import annotations

from typing import Annotated

import typer

from greencommunity.cli import io
from greencommunity.cli.checked import community_or_fail, load_checked
from greencommunity.cli.options import DataOption, NoCacheOption, format_option, year_option
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
    output_format: Annotated[str, format_option(FORMATS)] = "table",
) -> None:
    from greencommunity.core.status import community_status
    from greencommunity.documents.errors import years_text

    checked = load_checked(data)
    found = community_or_fail(community, checked.communities)
    years = sorted(a.year for a in found.assessments)
    if year is None:
        if not years:
            io.fail_usage(tr("score.no_assessments", name=found.name))
        year = years[-1]
    elif year not in years:
        io.fail_usage(
            tr(
                "score.no_assessment",
                name=found.name,
                year=year,
                years=years_text(years),
            )
        )
    io.emit(FORMATS[output_format](community_status(checked.criteria, found, year)))
