"""``gc fmt``: files it cannot read (shown as gc validate shows them), files laid
out or to lay out, and a summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from greencommunity.i18n import tr, trn

if TYPE_CHECKING:
    from rich.console import RenderableType

    from greencommunity.authoring.formatting import FormatResult


def text(result: FormatResult) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    from greencommunity.authoring.formatting import Outcome
    from greencommunity.output.validate import problem

    parts: list[RenderableType] = []
    sources = {f.display: f.text.splitlines() for f in result.files if f.text is not None}
    for diagnostic in result.diagnostics:
        parts.extend(problem(diagnostic, sources.get(diagnostic.path)))
    for file in result.having(Outcome.DEFECT):
        parts.append(Text(tr("fmt.defect", path=file.display), style="bold red"))
    key = "fmt.would_change" if result.check else "fmt.changed"
    for file in result.having(Outcome.CHANGED):
        parts.append(Text(tr(key, path=file.display)))
    parts.extend(Text(line, style="bold") for line in summary(result))
    return Group(*parts)


def summary(result: FormatResult) -> list[str]:
    """What was done, then (on a line of its own) what could not be."""
    from greencommunity.authoring.formatting import Outcome

    changed = len(result.having(Outcome.CHANGED))
    unchanged = len(result.having(Outcome.UNCHANGED))
    failed = len(result.having(Outcome.NOT_LOADED)) + len(result.having(Outcome.DEFECT))
    sentences = []
    if changed + unchanged == 0 and not failed:
        sentences.append(tr("fmt.no_files"))
    elif result.check and not changed:
        sentences.append(tr("fmt.summary_check_ok", files=trn("count.files", unchanged)))
    else:
        sentences.append(
            tr(
                "fmt.summary_check" if result.check else "fmt.summary_done",
                changed=trn("count.files", changed),
                unchanged=trn("fmt.unchanged", unchanged),
            )
        )
    if failed:
        sentences.append(trn("fmt.not_loaded", failed))
    return sentences
