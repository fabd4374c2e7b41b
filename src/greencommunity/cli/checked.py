"""What most commands need first: the data folder loaded and checked, and dates
given on the command line.

``validated`` and ``load_checked`` are the command line's one way into a
working data folder: the request says where it is, whether the cache is used
and whether a progress bar is drawn."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from greencommunity.cli import io
from greencommunity.cli.request import Request
from greencommunity.i18n import join, tr

if TYPE_CHECKING:
    # Only for annotations: the models are imported when a command runs, so
    # that `gc --help` and other commands start fast.
    from greencommunity.core.submissions import UnknownCommunityError
    from greencommunity.diagnostics import Diagnostic
    from greencommunity.models import Community
    from greencommunity.validation import CheckedData, ValidationResult


def validated(request: Request) -> ValidationResult:
    """The request's data folder loaded and checked (only the problems of
    ``request.paths`` kept, when it names any)."""
    from greencommunity import reporting
    from greencommunity.loading import collector
    from greencommunity.validation import validate

    root = request.root()
    with reporting.listening(request.listener()):
        result = validate(root, request.paths, cache=request.cache)
    collector.keep_loaded()
    return result


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


def fail_with_errors(result: ValidationResult) -> NoReturn:
    """Show the errors of *result* (only those: they are what stops the
    command) and exit 1."""
    from greencommunity.diagnostics import Severity

    _show(result, [d for d in result.diagnostics if d.severity is Severity.ERROR])
    io.fail_data(tr("cli.data_invalid"))


def _show(result: ValidationResult, diagnostics: Sequence[Diagnostic]) -> None:
    """*diagnostics* of *result*, on stderr, as gc validate shows them."""
    from greencommunity.output.validate import text
    from greencommunity.validation import ValidationResult

    shown = ValidationResult(list(diagnostics), result.files_checked, result.dataset)
    io.emit(text(shown), err=True)


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
