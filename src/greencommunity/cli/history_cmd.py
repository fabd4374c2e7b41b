"""``gc history``: the town's share for each target year over the git history."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from greencommunity.cli import io
from greencommunity.cli.options import (
    DataOption,
    NoCacheOption,
    data_dir,
    format_option,
    one_of,
    year_option,
)
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
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="help.history.output",
            metavar="metavar.file",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[str, format_option(FORMATS)] = "table",
) -> None:
    from greencommunity import atomic
    from greencommunity.core.history import build_history
    from greencommunity.history_view import HistoryReport, svg
    from greencommunity.loading.git import GitError, load_history

    try:
        snapshots = load_history(data_dir(data), revision)
    except GitError as exc:
        io.fail_usage(str(exc))
    result = build_history(snapshots, [year] if year is not None else None, GRANULARITY[by])
    if year is not None and year not in result.targets:
        towns = [s.folder.town for s in snapshots if s.folder and s.folder.town]
        known = sorted({t.year for town in towns for t in town.targets})
        io.fail_usage(tr("history.no_target", year=year, years=join([str(y) for y in known])))
    latest = next(
        (s.folder.town for s in reversed(snapshots) if s.folder and s.folder.town),
        None,
    )
    report = HistoryReport(latest.name if latest is not None else "", result)
    if output is not None:
        try:
            atomic.write_text(output, svg(report))
        except OSError as exc:
            io.cannot_write(output, exc)
    io.emit(FORMATS[output_format](report))
    if output is not None and output_format == "table":
        io.emit(tr("history.written", path=str(output)) + "\n")
