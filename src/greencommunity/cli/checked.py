"""What most commands need first: the data folder loaded and checked, and dates
given on the command line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from greencommunity.cli import io
from greencommunity.cli.options import data_dir
from greencommunity.i18n import join, tr

if TYPE_CHECKING:
    # Only for annotations: the models are imported when a command runs, so
    # that `gc --help` and other commands start fast.
    from greencommunity.core.submissions import UnknownCommunityError
    from greencommunity.models import Community
    from greencommunity.validation import CheckedData, ValidationResult


def load_checked(data: Path | None) -> CheckedData:
    """Load and validate the data folder; with errors, show them and exit 1."""
    from greencommunity.loading import collector
    from greencommunity.validation import validate

    result = validate(data_dir(data))
    collector.keep_loaded()
    checked = result.checked()
    if checked is None:
        fail_with_errors(result)
    return checked


def fail_with_errors(result: ValidationResult) -> NoReturn:
    """Show the errors of *result* (only those: they are what stops the
    command) and exit 1."""
    from dataclasses import replace

    from greencommunity.diagnostics import Severity
    from greencommunity.output.validate import text

    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    io.emit(text(replace(result, diagnostics=errors)), err=True)
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
