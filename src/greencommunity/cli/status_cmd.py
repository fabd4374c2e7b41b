"""``gc status``: what is late as of a date, and the money by funding channel."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from greencommunity.cli import io
from greencommunity.cli.checked import load_checked, parse_date
from greencommunity.cli.options import AsOfOption, DataOption, format_option
from greencommunity.output.status import FORMATS


def status(
    data: DataOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[str, format_option(FORMATS)] = "table",
) -> None:
    from greencommunity.core.deadlines import deadlines
    from greencommunity.core.funding import programme_funding
    from greencommunity.output.status import StatusReport

    day = parse_date(as_of) or dt.date.today()
    checked = load_checked(data)
    report = StatusReport(
        town=checked.town.name,
        deadlines=deadlines(checked.town, checked.criteria, checked.communities, day),
        funding=programme_funding(checked.town, checked.communities),
    )
    io.emit(FORMATS[output_format](report))
