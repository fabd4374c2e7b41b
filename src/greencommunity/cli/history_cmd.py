"""``gc history``: the town's share for each target year over the git history."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from greencommunity import formats
from greencommunity.cli import io
from greencommunity.cli.options import (
    DataOption,
    NoCacheOption,
    format_option,
    one_of,
    output_file_option,
    year_option,
)
from greencommunity.cli.request import Request
from greencommunity.i18n import join, tr
from greencommunity.output.history import FORMATS

# One point per commit, or per day (the day's last commit).
GRANULARITY: dict[str, Literal["commit", "day"]] = {"commit": "commit", "day": "day"}


def history(
    data: DataOption = None,
    no_cache: NoCacheOption = False,
    year: Annotated[int | None, year_option("help.history.year")] = None,
    by: Annotated[
        str,
        typer.Option(
            "--by",
            help="help.history.by",
            metavar="commit|day",
            callback=one_of(GRANULARITY, "--by"),
        ),
    ] = "commit",
    revision: Annotated[
        str, typer.Option("--rev", help="help.history.revision", metavar="metavar.revision")
    ] = "HEAD",
    output: Annotated[Path | None, output_file_option("help.output_file")] = None,
    output_format: Annotated[str, format_option(FORMATS)] = formats.TEXT,
) -> None:
    from greencommunity.core.history import build_history
    from greencommunity.core.years import target_years
    from greencommunity.history_view import HistoryReport
    from greencommunity.loading.git import GitError, load_history

    # Only committed revisions are read, and the cache never holds them: with
    # or without --no-cache, gc history neither reads nor writes it.
    request = Request(data=data, cache=not no_cache, format=output_format, output=output, year=year)
    try:
        snapshots = load_history(request.root(), revision)
    except GitError as exc:
        io.fail_usage(str(exc))
    asked = [request.year] if request.year is not None else None
    result = build_history(snapshots, asked, GRANULARITY[by])
    if request.year is not None and request.year not in result.targets:
        known = target_years(*(s.folder.town for s in snapshots if s.folder))
        io.fail_usage(
            tr("history.no_target", year=request.year, years=join([str(y) for y in known]))
        )
    latest = next(
        (s.folder.town for s in reversed(snapshots) if s.folder and s.folder.town),
        None,
    )
    report = HistoryReport(latest.name if latest is not None else "", result)
    io.deliver(FORMATS[request.format](report), request.output, request.format)
