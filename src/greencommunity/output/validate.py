"""``gc validate``: the problems found, for people (text) and machines (json,
github, sarif, gitlab, junit)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from greencommunity import formats
from greencommunity.i18n import tr, trn
from greencommunity.output import MAX_SHOWN, gitlab, jsonout, junit, sarif
from greencommunity.output.problems import headline, severity_style

if TYPE_CHECKING:
    from rich.console import RenderableType

    from greencommunity.diagnostics import Diagnostic
    from greencommunity.output import Rendered
    from greencommunity.validation import ValidationResult

# Characters of a source line shown around the column of a problem.
SOURCE_WIDTH = 120


def _sources(result: ValidationResult) -> dict[str, list[str]]:
    """The lines of the files that have problems (and only of those), those
    that loaded and those that were read but gave no data (a syntax error)."""
    sources: dict[str, list[str]] = {}
    dataset = result.dataset
    if dataset is None:
        return sources
    wanted = {d.path for d in result.diagnostics}
    for loaded in (dataset.town, *dataset.criteria_files(), *dataset.communities):
        if loaded is not None and loaded.doc.display in wanted:
            sources[loaded.doc.display] = loaded.doc.text.splitlines()
    for path, text in dataset.unparsed.items():
        if path in wanted:
            sources[path] = text.splitlines()
    return sources


def _visible(line: str) -> str:
    """A source line as the terminal can show it, one character for one: a tab
    as a space (a tab stop would move the caret), other control characters as
    U+FFFD."""
    return "".join(
        " " if char == "\t" else "\ufffd" if unicodedata.category(char) == "Cc" else char
        for char in line
    )


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


def problem(d: Diagnostic, lines: list[str] | None) -> list[RenderableType]:
    """One problem: its headline, then the source line and a caret (also how
    gc fmt shows a file it cannot read)."""
    from rich.cells import cell_len
    from rich.text import Text

    style = severity_style(d)
    out: list[RenderableType] = [headline(d)]
    if lines and 1 <= d.line <= len(lines):
        shown, offset = _window(_visible(lines[d.line - 1]), d.column - 1)
        out.append(Text(f"{d.line:>5} | ", style="dim") + Text(shown))
        # Columns count characters; CJK characters take two cells on screen.
        pad = cell_len(shown[:offset])
        out.append(Text(" " * 5 + " | ", style="dim") + Text(" " * pad + "^", style=style))
    return out


def summary(result: ValidationResult, strict: bool) -> str:
    """Checked 14 files: 1 error, 0 warnings.  Then, for each file whose
    checking stopped at an error, where: the count is not all there is."""
    stopped = "".join(
        "\n" + tr("validate.stopped", path=path, line=line) for path, line in result.stopped()
    )
    return _counts(result, strict) + stopped


def _counts(result: ValidationResult, strict: bool) -> str:
    files = trn("count.files", result.files_checked)
    if result.failed(strict=strict):
        return tr(
            "validate.summary_failed",
            files=files,
            errors=trn("count.errors", result.errors),
            warnings=trn("count.warnings", result.warnings),
        )
    if result.warnings:
        return tr(
            "validate.summary_warnings",
            files=files,
            warnings=trn("count.warnings", result.warnings),
        )
    return tr("validate.summary_ok", files=files)


def text(result: ValidationResult, strict: bool = False) -> RenderableType:
    """For people: each problem with its source line, then a summary."""
    from rich.console import Group
    from rich.text import Text

    sources = _sources(result)
    parts: list[RenderableType] = []
    for d in result.diagnostics[:MAX_SHOWN]:
        parts.extend(problem(d, sources.get(d.path)))
    hidden = len(result.diagnostics) - MAX_SHOWN
    if hidden > 0:
        parts.append(Text(trn("validate.more_not_shown", hidden), style="bold"))
    if result.failed(strict=strict):
        style = "bold red"
    elif result.warnings:
        style = "bold yellow"
    else:
        style = "bold green"
    parts.append(Text(summary(result, strict), style=style))
    return Group(*parts)


def json(result: ValidationResult, strict: bool = False) -> str:
    """One object: ok, summary counts, and every diagnostic (the stable contract)."""
    return jsonout.dumps(
        {
            "ok": not result.failed(strict=strict),
            "summary": {
                "files": result.files_checked,
                "errors": result.errors,
                "warnings": result.warnings,
            },
            "diagnostics": [jsonout.diagnostic(d) for d in result.diagnostics],
        }
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(result: ValidationResult, strict: bool = False) -> str:
    """GitHub Actions workflow commands: one ``::error``/``::warning`` line per problem."""
    return workflow_commands(result.diagnostics)


def workflow_commands(diagnostics: Sequence[Diagnostic]) -> str:
    """One GitHub Actions ``::error``/``::warning`` line per diagnostic (gc
    validate's problems, gc audit's violations)."""
    lines = []
    for d in diagnostics:
        props = ",".join(
            [
                f"file={_escape_property(d.path)}",
                f"line={d.line}",
                f"col={d.column}",
                f"title={_escape_property(d.code)}",
            ]
        )
        lines.append(f"::{d.severity} {props}::{_escape_data(d.message)}")
    return "".join(line + "\n" for line in lines)


FORMATS: dict[str, Callable[[ValidationResult, bool], Rendered]] = {
    formats.TEXT: text,
    formats.JSON: json,
    formats.GITHUB: github,
    formats.SARIF: sarif.render,
    formats.GITLAB: gitlab.render,
    formats.JUNIT: junit.render,
}
