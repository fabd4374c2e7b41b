"""``gc report KIND [COMMUNITY...]``: render the documents the town submits."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from greencommunity.cli.options import EXIT_DATA, DataOption, fail_usage, stderr, stdout
from greencommunity.i18n import tr
from greencommunity.reports.choices import Format, Kind

if TYPE_CHECKING:
    from greencommunity.reports.kinds import Plan
    from greencommunity.reports.render import Renderer


def _fail_data(message: str) -> typer.Exit:
    stderr().print(f"[bold red]{tr('cli.error_label')}[/] {escape(message)}", soft_wrap=True)
    return typer.Exit(EXIT_DATA)


def report(
    kind: Annotated[Kind, typer.Argument(help=tr("help.report.kind"), show_default=False)],
    communities: Annotated[
        list[str] | None,
        typer.Argument(help=tr("help.report.communities"), show_default=False),
    ] = None,
    data: DataOption = None,
    all_: Annotated[bool, typer.Option("--all", help=tr("help.report.all"))] = False,
    year: Annotated[
        int | None, typer.Option("--year", "-y", help=tr("help.report.year"), show_default=False)
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help=tr("help.report.format"))
    ] = Format.md,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help=tr("help.report.output"), file_okay=False, show_default=False
        ),
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help=tr("help.report.date"), show_default=False)
    ] = None,
) -> None:
    from jinja2 import TemplateError, TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    from greencommunity.cli.checked import load_checked, parse_date
    from greencommunity.progress import ProgressError
    from greencommunity.reports.kinds import ReportRequestError, Request, plan_documents
    from greencommunity.reports.render import PdfUnavailableError, Renderer, pdf_available

    issued = parse_date(date)
    checked = load_checked(data)
    request = Request(kind, tuple(communities or ()), all_, year, issued)
    try:
        plan = plan_documents(request, checked.town, checked.criteria, checked.communities)
    except ReportRequestError as exc:
        if exc.exit_code == EXIT_DATA:
            raise _fail_data(tr(exc.key, **exc.params)) from None
        fail_usage(tr(exc.key, **exc.params))
    except ProgressError as exc:
        raise _fail_data(tr("report.progress_error", detail=str(exc))) from None

    single = len(plan.documents) == 1 and not plan.index and not plan.bundle
    if output is None and not (single and output_format is not Format.pdf):
        fail_usage(tr("report.need_output"))
    if output_format is Format.pdf and not pdf_available():
        fail_usage(tr("report.pdf_unavailable", detail="import weasyprint"))

    renderer = Renderer(checked.root)
    try:
        if output is None:
            typer.echo(renderer.render(plan.documents[0], output_format).decode("utf-8"), nl=False)
            return
        written = _write_all(plan, renderer, output_format, output)
    except TemplateSyntaxError as exc:
        raise _fail_data(
            tr("report.template_error", name=exc.name or "?", line=exc.lineno, detail=exc.message)
        ) from None
    except SecurityError as exc:
        raise _fail_data(tr("report.template_unsafe", name="?", detail=str(exc))) from None
    except TemplateError as exc:
        raise _fail_data(
            tr("report.template_error", name="?", line="?", detail=exc.message or str(exc))
        ) from None
    except PdfUnavailableError as exc:
        fail_usage(tr("report.pdf_unavailable", detail=str(exc)))
    except OSError as exc:
        fail_usage(tr("cli.cannot_write", path=str(output), detail=exc.strerror or str(exc)))

    console = stdout()
    console.print(tr("report.written", count=len(written), path=str(output)), soft_wrap=True)
    for path in written:
        console.print(f"  {path.name}", soft_wrap=True, markup=False)
    if plan.notes:
        console.print(tr("report.drafts", names="、".join(plan.notes)), soft_wrap=True)


def _write_all(plan: Plan, renderer: Renderer, fmt: Format, output: Path) -> list[Path]:
    from greencommunity import atomic
    from greencommunity.reports.kinds import index_entries
    from greencommunity.reports.render import pdf_bytes

    written: list[Path] = []
    # PDF layouts are kept so that the combined file reuses their pages.
    laid_out: dict[int, Any] = {}
    for doc in plan.documents:
        path = output / f"{doc.stem}.{fmt.value}"
        if fmt is Format.pdf:
            laid_out[id(doc)] = renderer.layout(doc)
            data = pdf_bytes([laid_out[id(doc)]])
        else:
            data = renderer.render(doc, fmt)
        atomic.write_bytes(path, data)
        written.append(path)
    if plan.bundle and fmt is not Format.md:
        bundle = output / f"{plan.year}-submission.{fmt.value}"
        if fmt is Format.pdf:
            data = pdf_bytes(
                [laid_out[id(d)] if id(d) in laid_out else renderer.layout(d) for d in plan.bundle]
            )
        else:
            data = renderer.bundle_html(plan.title, plan.bundle).encode("utf-8")
        atomic.write_bytes(bundle, data)
        written.append(bundle)
    if plan.index:
        index_fmt = Format.md if fmt is Format.md else Format.html
        names = [p.name for p in written]
        text = renderer.index(index_fmt, plan.title, index_entries(plan, names), [])
        path = output / f"index.{index_fmt.value}"
        atomic.write_text(path, text)
        written.append(path)
    return written
