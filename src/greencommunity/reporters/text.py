"""Human-readable report: file:line:col, code and message, and the offending line."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from greencommunity.diagnostics import Severity
from greencommunity.i18n import tr
from greencommunity.validation import ValidationResult


def _sources(result: ValidationResult) -> dict[str, list[str]]:
    sources: dict[str, list[str]] = {}
    dataset = result.dataset
    if dataset is None:
        return sources
    wanted = {d.path for d in result.diagnostics}
    for loaded in (dataset.town, dataset.criteria, *dataset.communities):
        if loaded is not None and loaded.doc.display in wanted:
            sources[loaded.doc.display] = loaded.doc.text.splitlines()
    return sources


SOURCE_WIDTH = 120


def _window(source: str, index: int) -> tuple[str, int]:
    """At most SOURCE_WIDTH characters of *source* around *index*, and where
    *index* falls in them; a cut is marked with "…"."""
    if len(source) <= SOURCE_WIDTH:
        return source, index
    start = max(0, min(index - SOURCE_WIDTH // 2, len(source) - SOURCE_WIDTH))
    shown = source[start : start + SOURCE_WIDTH]
    offset = index - start
    if start > 0:
        shown, offset = "…" + shown, offset + 1
    if start + SOURCE_WIDTH < len(source):
        shown += "…"
    return shown, offset


# Nobody reads further than this on a screen; the summary still counts every
# problem, and --format json/github/sarif list them all.
MAX_SHOWN = 500


def render_text(result: ValidationResult, console: Console, *, strict: bool = False) -> None:
    sources = _sources(result)
    for d in result.diagnostics[:MAX_SHOWN]:
        style = "bold red" if d.severity is Severity.ERROR else "bold yellow"
        label = tr(f"severity.{d.severity}")
        console.print(
            f"[bold]{escape(d.path)}:{d.line}:{d.column}[/]: [{style}]{label} {d.code}[/] "
            f"{escape(d.message)}",
            soft_wrap=True,
        )
        lines = sources.get(d.path)
        if lines and 1 <= d.line <= len(lines):
            shown, offset = _window(lines[d.line - 1], d.column - 1)
            gutter = f"{d.line:>5} | "
            console.print(Text(gutter, style="dim") + Text(shown), soft_wrap=True)
            # Columns count characters; CJK characters take two cells on screen.
            pad = cell_len(shown[:offset])
            console.print(Text(" " * 5 + " | ", style="dim") + Text(" " * pad + "^", style=style))
    hidden = len(result.diagnostics) - MAX_SHOWN
    if hidden > 0:
        console.print(tr("validate.more_not_shown", count=hidden), style="bold")
    if result.failed(strict=strict):
        console.print(
            tr(
                "validate.summary_failed",
                files=result.files_checked,
                errors=result.errors,
                warnings=result.warnings,
            ),
            style="bold red",
        )
    elif result.warnings:
        console.print(
            tr("validate.summary_warnings", files=result.files_checked, warnings=result.warnings),
            style="bold yellow",
        )
    else:
        console.print(tr("validate.summary_ok", files=result.files_checked), style="bold green")
