"""What most commands need first: the data folder loaded and checked, and dates
given on the command line.

``validated`` and ``load_checked`` are the command line's one way into a
working data folder: the request says where it is, whether the cache is used
and whether a progress bar is drawn."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

import typer

from greencommunity.cli import io
from greencommunity.cli.request import Request
from greencommunity.i18n import join, tr

if TYPE_CHECKING:
    from pathlib import Path

    # Only for annotations: the models are imported when a command runs, so
    # that `gc --help` and other commands start fast.
    from greencommunity.core.submissions import UnknownCommunityError
    from greencommunity.diagnostics import Diagnostic
    from greencommunity.loading.sources import FileSource
    from greencommunity.models import Community
    from greencommunity.models.folder import CheckedData
    from greencommunity.towns import CheckedTown, OneCount
    from greencommunity.validation import ValidationResult


def validated(request: Request) -> ValidationResult:
    """The request's data folder loaded and checked (only the problems of
    ``request.paths`` kept, when it names any)."""
    from greencommunity import reporting
    from greencommunity.loading import collector
    from greencommunity.validation import validate

    root = request.root()
    source = staged_source(root) if request.staged else None
    with reporting.listening(request.listener()):
        result = validate(root, request.paths, cache=request.cache, source=source)
    collector.keep_loaded()
    return result


def staged_source(root: Path) -> FileSource:
    """The data folder *root* as the git index holds it, or exit 2 saying why not."""
    from greencommunity.loading.git import GitError, GitRepo

    try:
        repo = GitRepo.discover(root)
        prefix = repo.prefix_of(root)
        source = repo.staged(prefix)
    except GitError as exc:
        io.fail_usage(str(exc))
    if source is None:
        io.fail_usage(tr("git.nothing_staged", path=prefix or "."))
    return source


def load_checked(request: Request) -> CheckedData:
    """Load and validate the data folder; with errors, show them and exit 1."""
    result = validated(request)
    checked = result.checked()
    if checked is None:
        fail_with_errors(result)
    return checked


def load_official(request: Request) -> CheckedData:
    """``load_checked`` for commands that make official outputs (``gc report``,
    ``gc site``): while a placeholder ``gc init`` wrote remains (rule GC317),
    show where and exit 1, so that 某某镇 or 9999 never becomes a figure."""
    result = validated(request)
    checked = result.checked()
    if checked is None:
        fail_with_errors(result)
    refuse_placeholders(result)
    return checked


def refuse_placeholders(result: ValidationResult) -> None:
    """While *result* has a placeholder ``gc init`` wrote (rule GC317), show
    where and exit 1: what every command making official outputs calls on
    each data folder it reads."""
    from greencommunity.validation import placeholders

    found = placeholders(result)
    if found:
        _show(result, found)
        io.fail_data(tr("cli.placeholders"))


def load_provisional(request: Request) -> tuple[CheckedData, tuple[Diagnostic, ...]]:
    """The data, or, when only community files have errors, the data without
    them and the first error of each (``ValidationResult.provisional``): the
    errors are shown on stderr, and the caller exits 1 after its figures.
    Errors anywhere else stop the command as ``load_checked`` does."""
    result = validated(request)
    checked = result.checked()
    if checked is not None:
        return checked, ()
    provisional = result.provisional()
    if provisional is None:
        fail_with_errors(result)
    show_errors(result)
    return provisional


def show_errors(result: ValidationResult) -> None:
    """The errors of *result* on stderr, as gc validate shows them."""
    from greencommunity.diagnostics import Severity

    _show(result, [d for d in result.diagnostics if d.severity is Severity.ERROR])


def _show(result: ValidationResult, diagnostics: Sequence[Diagnostic]) -> None:
    """*diagnostics* of *result*, on stderr, as gc validate shows them."""
    from dataclasses import replace

    from greencommunity.output.validate import text

    io.emit(text(replace(result, diagnostics=list(diagnostics))), err=True)


def fail_with_errors(result: ValidationResult) -> NoReturn:
    """Show the errors of *result* (only those: they are what stops the
    command) and exit 1."""
    show_errors(result)
    io.fail_data(tr("cli.data_invalid"))


def parse_date(value: str | None) -> dt.date | None:
    """A date given on the command line (YYYY-MM-DD), or exit 2 saying what is wrong."""
    if value is None:
        return None
    from greencommunity.loading.values import impossible_date
    from greencommunity.models.types import ISO_DATE

    text = value.strip()
    match = ISO_DATE.match(text)
    if match is None:
        io.fail_usage(tr("cli.bad_date", value=value))
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        reason = impossible_date(year, month, day)
        io.fail_usage(tr("cli.impossible_date", value=text, reason=reason))


def community_or_fail(token: str, communities: Sequence[Community]) -> Community:
    """The community named by *token*, or exit 2 listing those that exist."""
    from greencommunity.core.submissions import UnknownCommunityError, find_community

    try:
        return find_community(token, communities)
    except UnknownCommunityError as exc:
        unknown_community(exc)


def unknown_community(exc: UnknownCommunityError) -> NoReturn:
    """Exit 2 naming the closest community, as validate names the closest key,
    then every community there is."""
    import difflib

    known = join([tr("community.id_name", id=i, name=n) for i, n in exc.known]) or "—"
    # Ids, full names and short names (崧鑫 for 崧鑫居委会), each spelling once.
    spellings = list(
        dict.fromkeys(
            spelling
            for i, n in exc.known
            for spelling in (i, n, n.removesuffix("居委会"))
            if spelling
        )
    )
    close = difflib.get_close_matches(exc.token.strip(), spellings, n=1, cutoff=0.6)
    hint = tr("cli.unknown_community_hint", name=close[0]) if close else ""
    io.fail_usage(tr("cli.unknown_community", community=exc.token, hint=hint, known=known))


def counted_once(towns: Sequence[CheckedTown]) -> OneCount:
    """*towns* with each town once (``towns.one_count``); the same town through
    two folders with different data stops the command (exit 1), naming both."""
    from greencommunity.towns import one_count

    counted = one_count(towns)
    for name, first, second in counted.differing:
        io.write_err(
            io.error_line(
                tr("rollup.same_town_differs", town=name, first=str(first), second=str(second))
            )
            + "\n"
        )
    if counted.differing:
        raise typer.Exit(io.EXIT_DATA)
    return counted
