"""``gc site --output DIR``: the town's public dashboard, as static pages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from greencommunity.cli import io
from greencommunity.cli.checked import counted_once, load_official, refuse_placeholders
from greencommunity.cli.options import (
    DataOption,
    NoCacheOption,
    output_folder_option,
    year_option,
)
from greencommunity.cli.request import Request
from greencommunity.i18n import tr, trn


def site(
    output: Annotated[Path, output_folder_option("help.site.output", required=True)],
    data: DataOption = None,
    no_cache: NoCacheOption = False,
    year: Annotated[int | None, year_option("help.site.year")] = None,
    rollup: Annotated[
        list[Path] | None,
        typer.Option(
            "--rollup", help="help.site.rollup", metavar="metavar.folders", file_okay=False
        ),
    ] = None,
) -> None:
    from greencommunity import reporting
    from greencommunity.core.years import site_year
    from greencommunity.dashboard.build import SiteFolderError, write_site
    from greencommunity.dashboard.site import build_pages
    from greencommunity.loading.dataset import DataNotFoundError
    from greencommunity.provenance import ProvenanceError
    from greencommunity.towns import OneCount, check_towns

    request = Request(data=data, cache=not no_cache, output=output, year=year)
    checked = load_official(request)
    day = request.as_of(checked.town).date
    counted = OneCount((), (), ())
    if rollup:
        try:
            with reporting.listening(request.listener()):
                rolled = check_towns(rollup, cache=request.cache)
            for town in rolled:
                refuse_placeholders(town.result)
            counted = counted_once(rolled)
        except DataNotFoundError as exc:
            io.fail_usage(str(exc))
    towns = counted.towns
    chosen = site_year(checked.town, [t.town for t in towns], day, request.year)
    try:
        pages = build_pages(
            checked,
            year=chosen,
            provenance=request.provenance(checked),
            rollup=towns,
            repeated=counted.repeated,
        )
    except ProvenanceError as exc:
        io.fail_usage(str(exc))
    try:
        written, removed = write_site(output, pages)
    except SiteFolderError:
        io.fail_usage(tr("site.not_ours", path=str(output)))
    except OSError as exc:
        io.cannot_write(output, exc)
    message = tr(
        "site.written",
        pages=trn("site.pages", len(written)),
        path=str(output),
        removed=len(removed),
        index=str(output / "index.html"),
    )
    io.emit(message + "\n")
