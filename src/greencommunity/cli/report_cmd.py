"""``gc report KIND [COMMUNITY...]``: render the documents the town submits."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from greencommunity import formats
from greencommunity.cli import io
from greencommunity.cli.checked import load_official, parse_date, unknown_community
from greencommunity.cli.options import (
    DataOption,
    NoCacheOption,
    choice_argument,
    format_option,
    output_folder_option,
    year_option,
)
from greencommunity.cli.request import Request as Run
from greencommunity.documents.kinds import FORMATS, KINDS, SCORESHEET
from greencommunity.i18n import join, tr

if TYPE_CHECKING:
    from greencommunity.loading.provenance import Record, RecordKey


def report(
    kind: Annotated[str, choice_argument(KINDS, "help.report.kind", "metavar.kind")],
    communities: Annotated[
        list[str] | None,
        typer.Argument(
            help="help.report.communities", metavar="metavar.communities", show_default=False
        ),
    ] = None,
    data: DataOption = None,
    no_cache: NoCacheOption = False,
    all_: Annotated[bool, typer.Option("--all", help="help.report.all", metavar="")] = False,
    year: Annotated[int | None, year_option("help.report.year")] = None,
    output_format: Annotated[str, format_option(FORMATS, "help.report.format")] = formats.MARKDOWN,
    output: Annotated[Path | None, output_folder_option("help.report.output")] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="help.report.date", metavar="metavar.date", show_default=False),
    ] = None,
    allow_dirty: Annotated[
        bool, typer.Option("--allow-dirty", help="help.report.allow_dirty", metavar="")
    ] = False,
) -> None:
    from jinja2 import TemplateError, TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    from greencommunity.core.progress import ProgressError
    from greencommunity.core.submissions import UnknownCommunityError
    from greencommunity.core.years import source_date_epoch
    from greencommunity.documents import package
    from greencommunity.documents.errors import DocumentRequestError
    from greencommunity.documents.fonts import NoChineseFontError, require_chinese_font
    from greencommunity.documents.planning import Request, plan_documents
    from greencommunity.documents.render import PdfUnavailableError, Renderer, pdf_available
    from greencommunity.documents.writing import write_plan
    from greencommunity.output.documents import written

    run = Run(
        data=data,
        cache=not no_cache,
        format=output_format,
        output=output,
        year=year,
        day=parse_date(date),
    )
    checked = load_official(run)
    provenance = run.provenance(checked)
    revision = provenance.revision
    if KINDS[kind].package and revision is not None and revision.dirty and not allow_dirty:
        # An official package is made from a commit, so that it can be made again.
        changed = "".join(f"\n  {path}" for path in revision.changed)
        io.fail_usage(tr("report.dirty", paths=changed))
    records: dict[RecordKey, Record] = {}
    if SCORESHEET in (kind, *KINDS[kind].parts):
        from greencommunity.loading.provenance import review_records

        records = dict(review_records(checked.root, checked.communities))
    request = Request(
        kind,
        tuple(communities or ()),
        all_,
        run.year,
        run.day,
        format=run.format,
        records=records,
        provenance=provenance,
    )
    try:
        plan = plan_documents(request, checked)
    except UnknownCommunityError as exc:
        unknown_community(exc)
    except DocumentRequestError as exc:
        io.fail_usage(tr(exc.key, **exc.params))
    except ProgressError:
        # Only GC314 stops progress once the data is valid, and validation reports it.
        io.fail_data(tr("cli.data_invalid"))

    single = len(plan.documents) == 1 and not plan.index and not plan.bundle
    if output is None and not (single and FORMATS[output_format].printable):
        files = [f.name for f in FORMATS.values() if not f.printable]
        io.fail_usage(tr("report.need_output", formats=join(files)))
    if output_format == formats.PDF:
        if not pdf_available():
            io.fail_usage(tr("report.pdf_unavailable", detail="import weasyprint"))
        # Before the first file is written: without a Chinese font every page
        # would be empty boxes.
        try:
            require_chinese_font()
        except NoChineseFontError:
            io.fail_usage(tr("report.no_chinese_font"))

    renderer = Renderer(checked.root)
    try:
        if output is None:
            io.emit(renderer.render(plan.documents[0], output_format).decode("utf-8"))
            return
        if plan.kind.package:
            epoch = source_date_epoch()  # a time, or unset: provenance checked it
            paths = package.write(plan, renderer, output_format, output, date=run.day, epoch=epoch)
        else:
            paths = write_plan(plan, renderer, output_format, output)
    except TemplateSyntaxError as exc:
        io.fail_data(
            tr(
                "report.template_error",
                name=exc.name or "?",
                line=exc.lineno,
                detail=exc.message or "",
            )
        )
    except SecurityError as exc:
        io.fail_data(tr("report.template_unsafe", detail=str(exc)))
    except TemplateError as exc:
        io.fail_data(tr("report.template_failed", detail=exc.message or str(exc)))
    except NoChineseFontError:
        io.fail_usage(tr("report.no_chinese_font"))
    except PdfUnavailableError as exc:
        io.fail_usage(tr("report.pdf_unavailable", detail=str(exc)))
    except OSError as exc:
        io.cannot_write(output, exc)
    bundled = bool(plan.bundle) and FORMATS[output_format].bundles
    io.emit(written(paths, output, plan.drafts, bundled=bundled))
