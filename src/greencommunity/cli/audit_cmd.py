"""``gc audit [RANGE]``: who changed each review, verdict, score and plan, and
whether town.yaml's roles allow it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from greencommunity import formats
from greencommunity.cli import io
from greencommunity.cli.options import DataOption, format_option, output_file_option
from greencommunity.cli.request import Request
from greencommunity.i18n import join, tr
from greencommunity.output.audit import FORMATS

if TYPE_CHECKING:
    from greencommunity.codes import Code
    from greencommunity.loading.git import GitError


def _fail(code: Code, message: str) -> NoReturn:
    io.fail_usage(tr("audit.error", code=code.id, message=message))


def _git_failed(exc: GitError) -> NoReturn:
    """Exit 2 with the code of what went wrong; a file that does not load shows
    its own diagnostics, as gc validate shows them."""
    from greencommunity import codes
    from greencommunity.loading.git import BadRevisionError, NotARepositoryError, ShallowError
    from greencommunity.loading.provenance import UnloadableError

    if isinstance(exc, UnloadableError):
        shown = [str(exc)]
        for d in exc.dataset.diagnostics:
            shown.append(f"  {d.place}: {d.code} {d.message}")
        _fail(codes.UNLOADABLE, "\n".join(shown))
    table: tuple[tuple[type[GitError], Code], ...] = (
        (ShallowError, codes.SHALLOW),
        (BadRevisionError, codes.BAD_RANGE),
        (NotARepositoryError, codes.NOT_IN_GIT),
    )
    for kind, code in table:
        if isinstance(exc, kind):
            if code is codes.NOT_IN_GIT:
                _fail(code, tr("audit.not_in_git", detail=str(exc)))
            _fail(code, str(exc))
    _fail(codes.NOT_IN_GIT, tr("audit.not_in_git", detail=str(exc)))


def audit(
    revision_range: Annotated[
        str | None,
        typer.Argument(help="help.audit.range", metavar="metavar.revision", show_default=False),
    ] = None,
    data: DataOption = None,
    require_signed: Annotated[
        bool, typer.Option("--require-signed", help="help.audit.require_signed", metavar="")
    ] = False,
    community: Annotated[
        str | None,
        typer.Option(
            "--community",
            help="help.audit.community",
            metavar="metavar.community",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[str, format_option(FORMATS)] = formats.TEXT,
    output: Annotated[Path | None, output_file_option("help.output_file")] = None,
) -> None:
    from greencommunity.audit import audit as check
    from greencommunity.loading.git import GitError
    from greencommunity.loading.provenance import SHEETS, records_of, walk
    from greencommunity.output.audit import RECORD_FORMATS, AuditReport, RecordsReport

    # Only committed revisions are read: the cache is neither read nor written.
    request = Request(data=data, cache=False, format=output_format, output=output)
    root = request.root()
    try:
        walked = walk(root, revision_range)
    except GitError as exc:
        _git_failed(exc)
    if community is None:
        result = check(walked, require_signed=require_signed)
        io.deliver(
            FORMATS[request.format](AuditReport(result, root)), request.output, request.format
        )
        if result.violations:
            raise typer.Exit(io.EXIT_DATA)
        return
    if request.format not in RECORD_FORMATS:
        io.fail_usage(tr("audit.records.formats", formats=join(list(RECORD_FORMATS))))
    from greencommunity.cli.checked import unknown_community
    from greencommunity.core.submissions import UnknownCommunityError, find_community

    head = walked.head.community_models() if walked.head is not None else []
    try:
        chosen = find_community(community, head)
    except UnknownCommunityError as exc:
        unknown_community(exc)
    records = records_of(walked.steps)
    verdicts: dict[tuple[str, int, str], str | None] = {}
    for assessment in chosen.assessments:
        for sheet in SHEETS:
            value = getattr(assessment, sheet)
            if value is not None:
                verdict = getattr(value, "verdict", None)
                key = (chosen.id, assessment.year, sheet)
                verdicts[key] = None if verdict is None else str(verdict.value)
    report = RecordsReport(chosen.id, records, verdicts)
    io.deliver(RECORD_FORMATS[request.format](report), request.output, request.format)
