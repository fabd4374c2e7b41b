"""``gc sheet``: what was exported, the problems of the workbooks read, and
what an import changes (or would change, with ``--dry-run``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from greencommunity import labels
from greencommunity.i18n import tr, trn

if TYPE_CHECKING:
    from greencommunity.diagnostics import Diagnostic
    from greencommunity.models import Community
    from greencommunity.sheets.importing import Change, ImportPlan

# Characters of a note shown in a change; the file gets the whole note.
NOTE_SHOWN = 60


def _state(community: Community, year: int) -> str:
    assessment = community.assessment(year)
    own = assessment.self if assessment is not None else None
    if own is None or not own.scores:
        return tr("sheets.state.blank")
    return trn("sheets.state.filled", len(own.scores))


def exported(path: Path, community: Community, year: int) -> str:
    """已写入 佳昱.xlsx：佳昱居委会 2022 年自测评分表（已填 22 项）。"""
    state = _state(community, year)
    return tr("sheets.exported", path=str(path), community=community.name, year=year, state=state)


def exported_all(folder: Path, year: int, files: Sequence[tuple[str, Community]]) -> str:
    lines = [trn("sheets.exported_all", len(files), year=year, path=str(folder))]
    lines += [
        tr("sheets.exported_line", file=name, community=c.name, state=_state(c, year))
        for name, c in files
    ]
    return "\n".join(lines)


def problem(d: Diagnostic) -> str:
    """One problem: ``佳昱.xlsx 自测评分表!E12：错误 GC410 …``."""
    return tr(
        "sheets.problem",
        place=d.place,
        severity=labels.severity(d.severity),
        code=d.code,
        message=d.message,
    )


def problems(found: Sequence[Diagnostic]) -> str:
    return "".join(problem(d) + "\n" for d in found)


def _value(change: Change, value: str | None) -> str:
    if value is None:
        return tr("sheets.change.nothing")
    if change.what != "note":
        return value
    flat = " / ".join(line.strip() for line in value.splitlines() if line.strip())
    return flat if len(flat) <= NOTE_SHOWN else flat[:NOTE_SHOWN] + "…"


CHANGE_KEYS = {
    "date": "sheets.change.date",
    "score": "sheets.change.score",
    "note": "sheets.change.note",
}


def changes(plan: ImportPlan) -> str:
    """Each workbook's changes to its community's file, or that it changes nothing."""
    lines: list[str] = []
    for update in plan.updates:
        if not update.changes:
            lines.append(
                tr(
                    "sheets.unchanged",
                    workbook=update.workbook,
                    community=update.name,
                    year=update.year,
                )
            )
            continue
        lines.append(
            tr(
                "sheets.changes",
                path=update.display,
                community=update.name,
                year=update.year,
                workbook=update.workbook,
            )
        )
        for change in update.changes:
            old, new = _value(change, change.old), _value(change, change.new)
            lines.append(tr(CHANGE_KEYS[change.what], item=change.item or "", old=old, new=new))
    return "".join(line + "\n" for line in lines)


def outcome(plan: ImportPlan, *, dry_run: bool) -> str:
    """The last line: written, nothing to write, or what a dry run left out."""
    if not plan.texts:
        return tr("sheets.nothing_to_write") + "\n"
    if dry_run:
        return tr("sheets.dry_run") + "\n"
    return trn("sheets.imported", len(plan.texts)) + "\n"
