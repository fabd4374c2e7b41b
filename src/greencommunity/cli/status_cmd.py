"""``gc status``: what is late as of a date, the rectifications not answered,
and the money by funding channel."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from greencommunity.cli import io
from greencommunity.cli.checked import load_checked, parse_date
from greencommunity.cli.options import AsOfOption, DataOption, NoCacheOption, format_option
from greencommunity.output.status import FORMATS


def status(
    data: DataOption = None,
    no_cache: NoCacheOption = False,
    as_of: AsOfOption = None,
    output_format: Annotated[str, format_option(FORMATS)] = "table",
) -> None:
    from greencommunity.core.deadlines import deadlines, default_day
    from greencommunity.core.funding import programme_funding
    from greencommunity.core.rectifications import open_rectifications
    from greencommunity.output.status import StatusReport

    asked = parse_date(as_of)
    checked = load_checked(data)
    # Only a day chosen by gc is capped to the programme's end; an asked one is kept.
    day, capped = (asked, False) if asked else default_day(checked.town, dt.date.today())
    report = StatusReport(
        town=checked.town.name,
        deadlines=deadlines(checked.town, checked.criteria, checked.communities, day),
        funding=programme_funding(checked.town, checked.communities),
        rectifications=open_rectifications(
            checked.town, checked.criteria, checked.communities, day
        ),
        capped=capped,
    )
    io.emit(FORMATS[output_format](report))
