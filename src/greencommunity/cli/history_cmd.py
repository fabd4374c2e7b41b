"""``gc history``: the town's share for each target year over the git history."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from greencommunity.cli.options import DataOption, data_dir, fail_usage, stdout
from greencommunity.i18n import tr


class HistoryFormat(StrEnum):
    table = "table"
    json = "json"


class HistoryBy(StrEnum):
    commit = "commit"
    day = "day"


def history(
    data: DataOption = None,
    year: Annotated[
        int | None, typer.Option("--year", "-y", help=tr("help.history.year"), show_default=False)
    ] = None,
    by: Annotated[HistoryBy, typer.Option("--by", help=tr("help.history.by"))] = HistoryBy.commit,
    revision: Annotated[str, typer.Option("--rev", help=tr("help.history.revision"))] = "HEAD",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help=tr("help.history.output"), dir_okay=False, show_default=False
        ),
    ] = None,
    output_format: Annotated[
        HistoryFormat, typer.Option("--format", "-f", help=tr("help.format"))
    ] = HistoryFormat.table,
) -> None:
    from greencommunity import atomic
    from greencommunity.dataset import load_dataset
    from greencommunity.gitrepo import GitError, GitRepo
    from greencommunity.history import Snapshot, build_history
    from greencommunity.presenters.history_view import history_json, history_svg, history_table

    root = data_dir(data)
    try:
        repo = GitRepo.discover(root)
        prefix = repo.prefix_of(root)
        commits = repo.log(prefix, revision)
        sources = repo.snapshots([c.sha for c in commits], prefix)
    except GitError as exc:
        fail_usage(str(exc))
    if not commits:
        fail_usage(tr("history.empty", prefix=prefix or "."))
    snapshots = [
        Snapshot(c, load_dataset(s.root, base=repo.top, source=s) if s is not None else None)
        for c, s in zip(commits, sources, strict=True)
    ]
    result = build_history(snapshots, [year] if year is not None else None, by.value)
    if year is not None and year not in result.targets:
        towns = [s.dataset.town_model for s in snapshots if s.dataset and s.dataset.town_model]
        known = sorted({t.year for town in towns for t in town.targets})
        fail_usage(tr("history.no_target", year=year, years="、".join(str(y) for y in known)))
    latest = next(
        (s.dataset.town_model for s in reversed(snapshots) if s.dataset and s.dataset.town_model),
        None,
    )
    town = latest.name if latest is not None else ""
    if output is not None:
        try:
            atomic.write_text(output, history_svg(result, town))
        except OSError as exc:
            fail_usage(tr("cli.cannot_write", path=str(output), detail=exc.strerror or str(exc)))
    if output_format is HistoryFormat.json:
        typer.echo(history_json(result))
    else:
        console = stdout()
        console.print(history_table(result, town))
        if output is not None:
            console.print(tr("history.written", path=str(output)), soft_wrap=True)
