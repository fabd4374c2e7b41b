"""``gc sheet export|import``: score sheets in Excel and WPS (``sheets/``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from greencommunity.cli import io
from greencommunity.cli.checked import community_or_fail, fail_with_errors, load_checked
from greencommunity.cli.options import DataOption, NoCacheOption, choice_argument, year_option
from greencommunity.cli.request import Request
from greencommunity.i18n import tr, trn

ACTIONS = dict.fromkeys(("export", "import"))


def sheet(
    action: Annotated[str, choice_argument(ACTIONS, "help.sheet.action", "metavar.action")],
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            help="help.sheet.targets", metavar="metavar.sheet_targets", show_default=False
        ),
    ] = None,
    data: DataOption = None,
    no_cache: NoCacheOption = False,
    year: Annotated[int | None, year_option("help.sheet.year")] = None,
    all_: Annotated[bool, typer.Option("--all", help="help.sheet.all", metavar="")] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="help.sheet.output", metavar="metavar.paths", show_default=False
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="help.sheet.dry_run", metavar="")
    ] = False,
) -> None:
    request = Request(data=data, cache=not no_cache, output=output, year=year)
    if action == "export":
        if dry_run:
            io.fail_usage(tr("sheets.option_for_import", option="--dry-run"))
        _export(request, targets or [], all_)
        return
    given = {"--year": year is not None, "--all": all_, "--output": output is not None}
    for option, present in given.items():
        if present:
            io.fail_usage(tr("sheets.option_for_export", option=option))
    _import(request, targets or [], dry_run)


def _export(request: Request, targets: Sequence[str], all_: bool) -> None:
    from greencommunity import atomic
    from greencommunity.core.years import assessment_years, choose
    from greencommunity.output.sheet import exported, exported_all
    from greencommunity.sheets.export import export_workbook, file_name, sheet_communities

    checked = load_checked(request)
    day = request.as_of(checked.town).date
    year = choose(assessment_years(checked.communities), day, request.year)
    if year is None:
        io.fail_usage(tr("sheets.no_years"))
    output = request.output
    if not all_ and not targets:
        io.fail_usage(tr("sheets.need_community", year=year))
    if all_:
        chosen = sheet_communities(checked.criteria, checked.communities, year)
        if not chosen:
            io.fail_usage(tr("sheets.no_communities", year=year))
    else:
        named = (community_or_fail(t, checked.communities) for t in targets)
        chosen = list({c.id: c for c in named}.values())  # each once, in the order named
    several = all_ or len(chosen) > 1
    if output is None:
        io.fail_usage(tr("sheets.need_output_dir" if several else "sheets.need_output_file"))
    if not several and output.suffix.lower() != ".xlsx":
        io.fail_usage(tr("sheets.not_xlsx_name", path=str(output)))

    town = checked.town.name
    files = {
        (output / file_name(c, year) if several else output): export_workbook(
            town, checked.criteria.criteria_for(year), c, year
        )
        for c in chosen
    }
    try:
        atomic.write_all(files)
    except OSError as exc:
        io.cannot_write(output, exc)
    if several:
        written = [(path.name, c) for path, c in zip(files, chosen, strict=True)]
        io.emit(exported_all(output, year, written) + "\n")
    else:
        io.emit(exported(output, chosen[0], year) + "\n")


def _import(request: Request, targets: Sequence[str], dry_run: bool) -> None:
    from greencommunity.output import sheet as out
    from greencommunity.sheets.importing import DataNotUsableError, plan_import, write_import
    from greencommunity.sheets.reading import UnsafeXmlError

    if not targets:
        io.fail_usage(tr("sheets.need_files"))
    root = request.root()
    try:
        plan = plan_import(root, [Path(t) for t in targets], cache=request.cache)
    except DataNotUsableError as exc:
        fail_with_errors(exc.result)
    except UnsafeXmlError:
        io.fail_usage(tr("sheets.unsafe_xml"))
    if plan.problems:
        io.emit(out.problems(plan.problems), err=True)
        io.fail_data(trn("sheets.refused", len(plan.problems)))
    io.emit(out.changes(plan))
    if plan.added_errors:
        io.emit(out.problems(plan.added_errors), err=True)
        io.fail_data(trn("sheets.added_errors", len(plan.added_errors)))
    if not dry_run and plan.texts:
        from greencommunity.atomic import WriteError

        try:
            write_import(plan)
        except WriteError as exc:
            io.cannot_write(exc.path, exc)  # the file that failed, not the first changed
    io.emit(out.outcome(plan, dry_run=dry_run))
