"""``gc diff``: what a change does to the data, as text, Markdown (the
pull-request job summary) and JSON."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from greencommunity import formats, labels, markdown
from greencommunity.figures import percent, share_value
from greencommunity.i18n import tr, trn
from greencommunity.output import jsonout

if TYPE_CHECKING:
    from greencommunity.core.diffing import Change, CommunityChange, DatasetDiff, Share, ShareChange
    from greencommunity.core.sheetdiff import SheetChange, SheetEffect
    from greencommunity.diagnostics import Diagnostic
    from greencommunity.output import Rendered


@dataclass(frozen=True)
class DiffReport:
    """What ``gc diff`` shows: the comparison, the two sides' names, the problems after."""

    diff: DatasetDiff
    base: str
    head: str
    problems: Sequence[Diagnostic]


# The words for each part of a change (``diffing.Change.what``).
_WHAT_PLAIN = {"id": "diff.what.id", "name": "diff.what.name", "batch": "diff.what.batch"}
_WHAT_STAGE = {"total": "diff.what.total", "verdict": "diff.what.verdict"}
_WHAT_PROJECT = {
    "project_added": "diff.what.project_added",
    "project_removed": "diff.what.project_removed",
}
_FIELD = {
    "status": "diff.field.status",
    "due": "diff.field.due",
    "done_on": "diff.field.done_on",
    "budget": "diff.field.budget",
    "spent": "diff.field.spent",
    "lead": "diff.field.lead",
    "funding": "diff.field.funding",
    "items": "diff.field.items",
}
_KIND = {
    "added": "diff.kind.added",
    "removed": "diff.kind.removed",
    "broken": "diff.kind.broken",
    "repaired": "diff.kind.repaired",
}


def _share(share: Share | None) -> str:
    return tr("diff.unknown") if share is None else percent(share.share)


def _target(change: ShareChange) -> str:
    side = change.after or change.before
    return percent(side.target) if side is not None else tr("diff.unknown")


def share_line(change: ShareChange) -> str:
    """ "2022 年达标比例：58.8% → 64.7%（目标 65%）" """
    if not change.changed:
        return tr(
            "diff.share_same", year=change.year, share=_share(change.after), target=_target(change)
        )
    return tr(
        "diff.share",
        year=change.year,
        before=_share(change.before),
        after=_share(change.after),
        target=_target(change),
    )


def forecast_line(change: ShareChange) -> str | None:
    """ "2022 年预测（待定社区按自评分通过）：达标 11 → 12 个，64.7% → 70.6%，可以达到目标",
    or None when the forecast did not change (or a side has none)."""
    before, after = change.before, change.after
    if before is None or after is None or not change.forecast_changed:
        return None
    if after.projected_met:
        verdict = tr("diff.forecast.met")
    elif before.projected_met:
        verdict = tr("diff.forecast.no_longer_met")
    else:
        verdict = tr("diff.forecast.not_met")
    return tr(
        "diff.forecast",
        year=change.year,
        before=before.projected_passed,
        after=after.projected_passed,
        share_before=percent(before.projected_share),
        share_after=percent(after.projected_share),
        verdict=verdict,
    )


def _forecast_json(share: Share | None) -> dict[str, object] | None:
    if share is None:
        return None
    return {
        "passed": share.projected_passed,
        "share": share_value(share.projected_share),
        "met": share.projected_met,
    }


def _share_notes(change: ShareChange) -> list[str]:
    notes = []
    if change.changed and change.before is not None and change.after is not None:
        notes.append(
            tr(
                "diff.counts",
                before=change.before.passed,
                after=change.after.passed,
                denominator=change.after.denominator,
            )
        )
    if change.after is not None:
        notes.append(tr("diff.met") if change.after.met else tr("diff.not_met"))
        if not change.after.complete:
            notes.append(tr("diff.incomplete"))
    elif change.before is not None:
        notes.append(tr("diff.not_computable"))
    return notes


def _value(change: Change, value: str | None) -> str:
    if value is None:
        return tr("diff.unknown")
    head = change.what[0]
    if head == "status":
        return labels.status(value)
    if head == "verdict":
        return labels.verdict(value)
    if head == "project" and change.what[2] == "status":
        return labels.project_status(value)
    return value


def describe(change: Change) -> str:
    """What changed, in words: "2022 年区级初审总分"."""
    what = change.what
    head = str(what[0])
    if head in _WHAT_STAGE:
        return tr(_WHAT_STAGE[head], year=what[1], stage=labels.stage(str(what[2])))
    if head == "item":
        return tr("diff.what.item", year=what[1], stage=labels.stage(str(what[2])), item=what[3])
    if head == "status":
        return tr("diff.what.status", year=what[1])
    if head == "project":
        return tr("diff.what.project", id=what[1], field=tr(_FIELD[str(what[2])]))
    if head in _WHAT_PROJECT:
        return tr(_WHAT_PROJECT[head], id=what[1])
    return tr(_WHAT_PLAIN[head])


def _community(change: CommunityChange) -> str:
    return tr("community.name_id", name=change.name, id=change.id)


def _rows(change: CommunityChange) -> list[tuple[str, str, str]]:
    rows = [(tr(_KIND[change.kind]), "", "")] if change.kind in _KIND else []
    if change.renamed:
        rows.append(
            (tr("diff.renamed", before=change.path_before, after=change.path_after), "", "")
        )
    rows += [(describe(c), _value(c, c.before), _value(c, c.after)) for c in change.changes]
    return rows


# The words for a changed sheet and its values (``sheetdiff``).
_SHEET_KIND = {
    "added": "diff.sheet.kind.added",
    "removed": "diff.sheet.kind.removed",
    "changed": "diff.sheet.kind.changed",
    "broken": "diff.sheet.kind.broken",
    "repaired": "diff.sheet.kind.repaired",
}
_SHEET_WHAT = {
    "title": "diff.sheet.what.title",
    "total": "diff.sheet.what.total",
    "score_step": "diff.sheet.what.score_step",
}


def sheet_line(sheet: SheetChange) -> str:
    """ "criteria/2022.yaml（2022 年起施行）：修改" """
    since = (
        tr("diff.sheet.first") if sheet.since is None else tr("diff.sheet.since", year=sheet.since)
    )
    return tr("diff.sheet.line", path=sheet.path, since=since, kind=tr(_SHEET_KIND[sheet.kind]))


def _sheet_rows(sheet: SheetChange) -> list[tuple[str, str, str]]:
    """What changed in a sheet: its values, then the pass rule's clauses dropped
    and added (the clause before → nothing, nothing → the clause)."""
    none = tr("diff.unknown")
    rows = []
    for value in sheet.values:
        head = value.what[0]
        what = (
            tr("diff.sheet.what.item", item=value.what[1])
            if head == "item"
            else tr(_SHEET_WHAT[head])
        )
        rows.append((what, value.before or none, value.after or none))
    rows += [(tr("clause.pass_rule"), labels.clause(c), none) for c in sheet.removed]
    rows += [(tr("clause.pass_rule"), none, labels.clause(c)) for c in sheet.added]
    return rows


def effect_line(effect: SheetEffect) -> tuple[str, str, str]:
    """A verdict the change of sheets turns: who, and before → after."""
    who = tr("community.name_id", name=effect.name, id=effect.id)
    what = tr("diff.effect", community=who, year=effect.year, stage=labels.stage(effect.stage))
    return what, labels.verdict(effect.before), labels.verdict(effect.after)


def _sheet_lines(diff: DatasetDiff) -> list[str]:
    if not diff.sheets:
        return []
    lines = ["", tr("diff.sheets")]
    for sheet in diff.sheets:
        lines.append(f"  {sheet_line(sheet)}")
        lines += [f"    {what}: {before} → {after}" for what, before, after in _sheet_rows(sheet)]
    lines.append("  " + (tr("diff.effects") if diff.effects else tr("diff.no_effects")))
    lines += ["    {}: {} → {}".format(*effect_line(e)) for e in diff.effects]
    return lines


def _sheet_markdown(diff: DatasetDiff) -> list[str]:
    if not diff.sheets:
        return []
    esc = markdown.escape
    lines = ["", f"#### {esc(tr('diff.sheets'))}", ""]
    rows = []
    for sheet in diff.sheets:
        rows.append([esc(sheet_line(sheet)), "", "", ""])
        rows += [["", esc(w), esc(b), esc(a)] for w, b, a in _sheet_rows(sheet)]
    header = [tr("diff.col.sheet"), tr("diff.col.change")]
    header += [tr("diff.col.before"), tr("diff.col.after")]
    lines += markdown.table([esc(h) for h in header], rows)
    lines += ["", esc(tr("diff.effects") if diff.effects else tr("diff.no_effects"))]
    if diff.effects:
        header = [tr("diff.col.community"), tr("diff.col.before"), tr("diff.col.after")]
        lines.append("")
        effects = [[esc(part) for part in effect_line(e)] for e in diff.effects]
        lines += markdown.table([esc(h) for h in header], effects)
    return lines


def _sheets_json(diff: DatasetDiff) -> list[dict[str, object]]:
    return [
        {
            "path": sheet.path,
            "since": sheet.since,
            "kind": sheet.kind,
            "values": [
                {"what": list(v.what), "before": v.before, "after": v.after} for v in sheet.values
            ],
            "clauses_removed": [labels.clause(c) for c in sheet.removed],
            "clauses_added": [labels.clause(c) for c in sheet.added],
        }
        for sheet in diff.sheets
    ]


def _effects_json(diff: DatasetDiff) -> list[dict[str, object]]:
    return [
        {
            "id": e.id,
            "name": e.name,
            "year": e.year,
            "stage": e.stage,
            "before": e.before,
            "after": e.after,
        }
        for e in diff.effects
    ]


def text(report: DiffReport) -> str:
    diff = report.diff
    lines = [tr("diff.title", base=report.base, head=report.head), ""]
    for change in diff.shares:
        notes = _share_notes(change)
        lines.append(share_line(change) + (f"  [{' · '.join(notes)}]" if notes else ""))
        forecast = forecast_line(change)
        if forecast is not None:
            lines.append(f"  {forecast}")
    lines += _sheet_lines(diff)
    lines += ["", tr("diff.communities")]
    if not diff.communities:
        lines.append("  " + tr("diff.no_community_changes"))
    for community in diff.communities:
        lines.append(f"  {_community(community)}")
        for what, before, after in _rows(community):
            lines.append(f"    {what}: {before} → {after}" if before or after else f"    {what}")
    lines += [
        "",
        tr("diff.diagnostics"),
        "  " + tr("diff.errors", before=diff.errors_before, after=diff.errors_after),
    ]
    for key, found in (("diff.introduced", diff.introduced), ("diff.fixed", diff.fixed)):
        if found:
            lines.append("  " + trn(key, len(found)))
            lines += [f"    {d.place} {d.code} {d.message}" for d in found]
    return "\n".join(lines) + "\n"


def _problem_rows(found: Sequence[Diagnostic]) -> list[list[str]]:
    return [[markdown.escape(d.place), d.code, markdown.escape(d.message)] for d in found]


def markdown_summary(report: DiffReport) -> str:
    """The job summary: shares first, then communities, then every problem."""
    diff = report.diff
    esc = markdown.escape
    lines = [f"### {esc(tr('diff.title', base=report.base, head=report.head))}", ""]
    for change in diff.shares:
        line = esc(share_line(change))
        notes = _share_notes(change)
        suffix = f" — {esc(' · '.join(notes))}" if notes else ""
        lines.append(f"- {'**' + line + '**' if change.changed else line}{suffix}")
        forecast = forecast_line(change)
        if forecast is not None:
            lines.append(f"  - **{esc(forecast)}**")
    lines += _sheet_markdown(diff)
    lines += ["", f"#### {esc(tr('diff.communities'))}", ""]
    rows = []
    for community in diff.communities:
        name = esc(_community(community))
        for index, (what, before, after) in enumerate(_rows(community)):
            rows.append([name if index == 0 else "", esc(what), esc(before), esc(after)])
    if rows:
        header = [tr("diff.col.community"), tr("diff.col.change")]
        header += [tr("diff.col.before"), tr("diff.col.after")]
        lines += markdown.table([esc(h) for h in header], rows)
    else:
        lines.append(esc(tr("diff.no_community_changes")))
    lines += [
        "",
        f"#### {esc(tr('diff.diagnostics'))}",
        "",
        esc(tr("diff.errors", before=diff.errors_before, after=diff.errors_after)),
    ]
    header = [esc(tr("diff.col.place")), esc(tr("diff.col.code")), esc(tr("diff.col.problem"))]
    for key, found in (("diff.introduced", diff.introduced), ("diff.fixed", diff.fixed)):
        if found:
            lines += ["", f"**{esc(trn(key, len(found)))}**", ""]
            lines += markdown.table(header, _problem_rows(found))
    lines.append("")
    if report.problems:
        # Inside raw HTML, where Markdown escapes would show as backslashes.
        summary = html.escape(trn("diff.all_problems", len(report.problems)))
        lines += ["<details open>", f"<summary>{summary}</summary>", ""]
        lines += markdown.table(header, _problem_rows(report.problems))
        lines += ["", "</details>"]
    else:
        lines.append(esc(tr("diff.no_problems")))
    return "\n".join(lines) + "\n"


def json(report: DiffReport) -> str:
    diff = report.diff
    return jsonout.dumps(
        {
            "base": report.base,
            "head": report.head,
            "communities": [
                {
                    "id": c.id,
                    "name": c.name,
                    "kind": c.kind,
                    "path_before": c.path_before,
                    "path_after": c.path_after,
                    "renamed": c.renamed,
                    "changes": [
                        {"what": list(x.what), "before": x.before, "after": x.after}
                        for x in c.changes
                    ],
                }
                for c in diff.communities
            ],
            "shares": [
                {
                    "year": s.year,
                    "before": jsonout.share(s.before),
                    "after": jsonout.share(s.after),
                    "changed": s.changed,
                    "forecast": {
                        "before": _forecast_json(s.before),
                        "after": _forecast_json(s.after),
                        "changed": s.forecast_changed,
                    },
                }
                for s in diff.shares
            ],
            "diagnostics": {
                "introduced": [jsonout.diagnostic(d) for d in diff.introduced],
                "fixed": [jsonout.diagnostic(d) for d in diff.fixed],
                "errors_before": diff.errors_before,
                "errors_after": diff.errors_after,
            },
            "summary": _summary(diff),
            "problems": [jsonout.diagnostic(d) for d in report.problems],
            "sheets": _sheets_json(diff),
            "sheet_effects": _effects_json(diff),
        }
    )


def _summary(diff: DatasetDiff) -> list[str]:
    """One line per target year, each followed by its forecast when that changed."""
    lines = []
    for change in diff.shares:
        lines.append(share_line(change))
        forecast = forecast_line(change)
        if forecast is not None:
            lines.append(forecast)
    return lines


FORMATS: dict[str, Callable[[DiffReport], Rendered]] = {
    formats.TEXT: text,
    formats.MARKDOWN: markdown_summary,
    formats.JSON: json,
}
