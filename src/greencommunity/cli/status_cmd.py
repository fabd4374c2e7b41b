"""``gc status``: what is late as of a date, the rectifications not answered,
and the money by funding channel."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from greencommunity import formats
from greencommunity.cli import io
from greencommunity.cli.checked import load_checked, parse_date
from greencommunity.cli.options import (
    AsOfOption,
    DataOption,
    NoCacheOption,
    format_option,
    output_file_option,
)
from greencommunity.cli.request import Request
from greencommunity.output.status import FORMATS


def status(
    data: DataOption = None,
    no_cache: NoCacheOption = False,
    as_of: AsOfOption = None,
    output_format: Annotated[str, format_option(FORMATS)] = formats.TEXT,
    output: Annotated[Path | None, output_file_option("help.output_file")] = None,
) -> None:
    from greencommunity.core.deadlines import deadlines
    from greencommunity.core.evaluations import owed_by_all
    from greencommunity.core.funding import programme_funding
    from greencommunity.core.rectifications import open_rectifications
    from greencommunity.core.years import status_day
    from greencommunity.output.status import StatusReport

    request = Request(
        data=data, cache=not no_cache, format=output_format, output=output, day=parse_date(as_of)
    )
    checked = load_checked(request)
    day, capped = status_day(checked.town, request.as_of(checked.town))
    report = StatusReport(
        town=checked.town.name,
        deadlines=deadlines(checked.town, checked.criteria, checked.communities, day),
        funding=programme_funding(checked.town, checked.communities),
        rectifications=open_rectifications(
            checked.town, checked.criteria, checked.communities, day
        ),
        capped=capped,
        evaluations=owed_by_all(checked.town, checked.criteria, checked.communities, day),
    )
    io.deliver(FORMATS[request.format](report), request.output, request.format)
