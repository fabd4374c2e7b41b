"""``gc score COMMUNITY``: the score breakdown, the verdict and what blocks it."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from greencommunity.cli.checked import load_checked
from greencommunity.cli.options import DataOption, fail_usage, stdout
from greencommunity.i18n import tr


class ScoreFormat(StrEnum):
    table = "table"
    json = "json"


def score(
    community: Annotated[str, typer.Argument(help=tr("help.score.community"), show_default=False)],
    data: DataOption = None,
    year: Annotated[
        int | None, typer.Option("--year", "-y", help=tr("help.score.year"), show_default=False)
    ] = None,
    output_format: Annotated[
        ScoreFormat, typer.Option("--format", "-f", help=tr("help.format"))
    ] = ScoreFormat.table,
) -> None:
    from greencommunity.presenters.score_view import render_score, score_json
    from greencommunity.status import community_status

    checked = load_checked(data)
    wanted = community.strip()
    found = next(
        (c for c in checked.communities if wanted in (c.id, c.name)),
        None,
    )
    if found is None:
        known = "、".join(sorted(c.id for c in checked.communities))
        fail_usage(tr("score.unknown_community", community=community, known=known))
    years = sorted(a.year for a in found.assessments)
    if year is None:
        if not years:
            fail_usage(tr("score.no_assessments", name=found.name))
        year = years[-1]
    elif year not in years:
        fail_usage(
            tr(
                "score.no_assessment",
                name=found.name,
                year=year,
                years="、".join(str(y) for y in years) or "—",
            )
        )
    row = community_status(checked.criteria, found, year)
    if output_format is ScoreFormat.json:
        typer.echo(json.dumps(score_json(row), ensure_ascii=False, indent=2))
    else:
        render_score(row, stdout())
