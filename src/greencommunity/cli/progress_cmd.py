"""``gc progress``: the town's share of passing communities against the year's target."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from greencommunity.cli import io
from greencommunity.cli.checked import load_checked, parse_date
from greencommunity.cli.options import (
    AsOfOption,
    DataOption,
    NoCacheOption,
    format_option,
    year_option,
)
from greencommunity.i18n import join, tr
from greencommunity.output.progress import FORMATS


def progress(
    data: DataOption = None,
    no_cache: NoCacheOption = False,
    year: Annotated[int | None, year_option("help.progress.year")] = None,
    as_of: AsOfOption = None,
    output_format: Annotated[str, format_option(FORMATS)] = "table",
) -> None:
    from greencommunity.core.progress import (
        DenominatorTooSmallError,
        NoTargetError,
        compute_progress,
        default_year,
    )
    from greencommunity.documents.errors import DocumentRequestError

    day = parse_date(as_of)
    checked = load_checked(data)
    chosen = year if year is not None else default_year(checked.town, day or dt.date.today())
    try:
        result = compute_progress(
            checked.town, checked.criteria, checked.communities, chosen, as_of=day
        )
    except NoTargetError as exc:
        years = join([str(y) for y in exc.years])
        io.fail_usage(tr("progress.no_target", year=exc.year, years=years))
    except DenominatorTooSmallError as exc:
        io.fail_data(tr("rule.GC314", count=exc.count, denominator=exc.denominator))
    try:
        io.emit(FORMATS[output_format](result, checked))
    except DocumentRequestError as exc:
        io.fail_usage(tr(exc.key, **exc.params))
