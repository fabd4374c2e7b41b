"""``gc diff [BASE] [HEAD]``: what a change does to the data, between two git revisions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from greencommunity import formats
from greencommunity.cli import io
from greencommunity.cli.options import (
    DataOption,
    NoCacheOption,
    format_option,
    output_file_option,
)
from greencommunity.cli.request import Request
from greencommunity.i18n import tr
from greencommunity.output.diff import FORMATS

if TYPE_CHECKING:
    from greencommunity.diagnostics import Diagnostic
    from greencommunity.loading.dataset import Dataset
    from greencommunity.loading.git import GitRepo


def _revision(repo: GitRepo, revision: str, prefix: str) -> tuple[Dataset | None, str]:
    from greencommunity.loading.git import load_revision

    commit = repo.commit_of(revision)
    label = revision if commit.startswith(revision) else f"{revision} ({commit[:8]})"
    return load_revision(repo, commit, prefix), label


def diff(
    base: Annotated[
        str, typer.Argument(help="help.diff.base", metavar="metavar.revision", show_default=False)
    ] = "HEAD",
    head: Annotated[
        str | None,
        typer.Argument(help="help.diff.head", metavar="metavar.revision", show_default=False),
    ] = None,
    data: DataOption = None,
    no_cache: NoCacheOption = False,
    output_format: Annotated[str, format_option(FORMATS)] = formats.TEXT,
    output: Annotated[Path | None, output_file_option("help.output_file")] = None,
) -> None:
    from greencommunity.core.diffing import diff_datasets
    from greencommunity.loading.git import GitError, GitRepo
    from greencommunity.output.diff import DiffReport
    from greencommunity.validation import check_dataset, validate

    request = Request(data=data, cache=not no_cache, format=output_format, output=output)
    root = request.root()
    problems_after: list[Diagnostic]
    try:
        repo = GitRepo.discover(root)
        prefix = repo.prefix_of(root)
        before, base_label = _revision(repo, base, prefix)
        problems_before = check_dataset(before) if before is not None else []
        if head is None:
            # The working folder, read as gc validate reads it (through the
            # cache unless --no-cache): committed revisions are never cached.
            worktree = validate(root, base=repo.top, cache=request.cache)
            after, problems_after = worktree.dataset, worktree.diagnostics
            head_label = tr("git.worktree")
        else:
            after, head_label = _revision(repo, head, prefix)
            problems_after = check_dataset(after) if after is not None else []
    except GitError as exc:
        io.fail_usage(str(exc))
    models_before = before.models() if before is not None else None
    models_after = after.models() if after is not None else None
    result = diff_datasets(models_before, models_after, problems_before, problems_after)
    report = DiffReport(result, base_label, head_label, problems_after)
    io.deliver(FORMATS[request.format](report), request.output, request.format)
