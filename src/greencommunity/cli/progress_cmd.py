"""``gc progress``: the town's share of passing communities against the year's target."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from greencommunity import formats
from greencommunity.cli import io
from greencommunity.cli.checked import load_checked, load_provisional, parse_date
from greencommunity.cli.options import (
    AsOfOption,
    DataOption,
    NoCacheOption,
    format_option,
    output_file_option,
    year_option,
)
from greencommunity.cli.request import Request
from greencommunity.i18n import join, tr
from greencommunity.output.progress import FORMATS

if TYPE_CHECKING:
    from greencommunity.diagnostics import Diagnostic


def progress(
    data: DataOption = None,
    no_cache: NoCacheOption = False,
    year: Annotated[int | None, year_option("help.progress.year")] = None,
    as_of: AsOfOption = None,
    output_format: Annotated[str, format_option(FORMATS)] = formats.TEXT,
    output: Annotated[Path | None, output_file_option("help.output_file")] = None,
) -> None:
    from greencommunity.core.progress import (
        DenominatorTooSmallError,
        NoTargetError,
        compute_progress,
    )
    from greencommunity.core.years import progress_year
    from greencommunity.documents.errors import DocumentRequestError
    from greencommunity.provenance import ProvenanceError

    request = Request(
        data=data,
        cache=not no_cache,
        format=output_format,
        output=output,
        year=year,
        day=parse_date(as_of),
    )
    # The progress document is submitted: it is never made from part of the data.
    excluded: tuple[Diagnostic, ...] = ()
    if request.format == formats.MARKDOWN:
        checked = load_checked(request)
    else:
        checked, excluded = load_provisional(request)
    chosen = progress_year(checked.town, request.as_of(checked.town).date, request.year)
    try:
        result = compute_progress(
            checked.town,
            checked.criteria,
            checked.communities,
            chosen,
            as_of=request.day,
            excluded=excluded,
        )
    except NoTargetError as exc:
        years = join([str(y) for y in exc.years])
        io.fail_usage(tr("progress.no_target", year=exc.year, years=years))
    except DenominatorTooSmallError as exc:
        io.fail_data(tr("rule.GC314", count=exc.count, denominator=exc.denominator))
    try:
        rendered = FORMATS[request.format](result, checked)
    except DocumentRequestError as exc:
        io.fail_usage(tr(exc.key, **exc.params))
    except ProvenanceError as exc:
        io.fail_usage(str(exc))
    io.deliver(rendered, request.output, request.format)
    if result.provisional:
        io.fail_data(tr("progress.provisional_exit"))
