"""``gc diff`` as text, Markdown (the pull-request job summary) and JSON.

Pure functions from a ``DatasetDiff`` to a string; every word goes through ``tr``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from greencommunity.diagnostics import Diagnostic
from greencommunity.diffing import Change, CommunityChange, DatasetDiff, Share, ShareChange
from greencommunity.i18n import tr
from greencommunity.scoring import fmt_percent


def _percent(share: Share | None) -> str:
    if share is None:
        return tr("diff.unknown")
    return tr("diff.percent", value=fmt_percent(share.share))


def _target(change: ShareChange) -> str:
    side = change.after or change.before
    return fmt_percent(side.target) if side is not None else tr("diff.unknown")


def share_line(change: ShareChange) -> str:
    """ "2022 年达标比例：58.8 % → 64.7 %（目标 65 %）" """
    if not change.changed:
        share = _percent(change.after)
        return tr("diff.share_same", year=change.year, share=share, target=_target(change))
    return tr(
        "diff.share",
        year=change.year,
        before=_percent(change.before),
        after=_percent(change.after),
        target=_target(change),
    )


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
        notes.append(tr("diff.met" if change.after.met else "diff.not_met"))
        if not change.after.complete:
            notes.append(tr("diff.incomplete"))
    return notes


def _value(change: Change, value: str | None) -> str:
    if value is None:
        return tr("diff.unknown")
    head = change.what[0]
    if head == "status":
        return tr(f"status.{value}")
    if head == "verdict":
        return tr(f"diff.verdict.{value}")
    if head == "project" and change.what[2] == "status":
        return tr(f"project.{value}")
    return value


def describe(change: Change) -> str:
    """What changed, in words: "2022 年区级考评总分"."""
    what = change.what
    head = str(what[0])
    if head in ("total", "verdict"):
        return tr(f"diff.what.{head}", year=what[1], stage=tr(f"stage.{what[2]}"))
    if head == "item":
        return tr("diff.what.item", year=what[1], stage=tr(f"stage.{what[2]}"), item=what[3])
    if head == "status":
        return tr("diff.what.status", year=what[1])
    if head == "project":
        return tr("diff.what.project", id=what[1], field=tr(f"diff.field.{what[2]}"))
    if head in ("project_added", "project_removed"):
        return tr(f"diff.what.{head}", id=what[1])
    return tr(f"diff.what.{head}")


def _community(change: CommunityChange) -> str:
    return tr("diff.community", name=change.name, id=change.id)


def _rows(change: CommunityChange) -> list[tuple[str, str, str]]:
    rows = [(tr(f"diff.kind.{change.kind}"), "", "")] if change.kind != "changed" else []
    if change.renamed:
        rows.append(
            (tr("diff.renamed", before=change.path_before, after=change.path_after), "", "")
        )
    rows += [(describe(c), _value(c, c.before), _value(c, c.after)) for c in change.changes]
    return rows


def _place(d: Diagnostic) -> str:
    return f"{d.path}:{d.line}:{d.column}"


# ---------------------------------------------------------------------------- text


def diff_text(diff: DatasetDiff, base: str, head: str, problems: Sequence[Diagnostic]) -> str:
    lines = [tr("diff.title", base=base, head=head), ""]
    for change in diff.shares:
        notes = _share_notes(change)
        lines.append(share_line(change) + (f"  [{' · '.join(notes)}]" if notes else ""))
    lines.append("")
    lines.append(tr("diff.communities"))
    if not diff.communities:
        lines.append("  " + tr("diff.no_community_changes"))
    for community in diff.communities:
        lines.append(f"  {_community(community)}")
        for what, before, after in _rows(community):
            lines.append(f"    {what}: {before} → {after}" if before or after else f"    {what}")
    lines.append("")
    errors = tr("diff.errors", before=diff.errors_before, after=diff.errors_after)
    lines += [tr("diff.diagnostics"), f"  {errors}"]
    for key, found in (("diff.introduced", diff.introduced), ("diff.fixed", diff.fixed)):
        if found:
            lines.append("  " + tr(key, count=len(found)))
            lines += [f"    {_place(d)} {d.code} {d.message}" for d in found]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------ markdown


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(_cell(h) for h in header) + " |"]
    out.append("|" + "|".join("---" for _ in header) + "|")
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out


def _problem_rows(found: Sequence[Diagnostic]) -> list[list[str]]:
    return [[f"`{_place(d)}`", d.code, d.message] for d in found]


def diff_markdown(diff: DatasetDiff, base: str, head: str, problems: Sequence[Diagnostic]) -> str:
    """The job summary: shares first, then communities, then every problem."""
    lines = [f"### {_cell(tr('diff.title', base=base, head=head))}", ""]
    for change in diff.shares:
        line = share_line(change)
        notes = _share_notes(change)
        suffix = f" — {' · '.join(notes)}" if notes else ""
        lines.append(f"- {'**' + line + '**' if change.changed else line}{suffix}")
    lines += ["", f"#### {tr('diff.communities')}", ""]
    rows = []
    for community in diff.communities:
        name = _community(community)
        for index, (what, before, after) in enumerate(_rows(community)):
            rows.append([name if index == 0 else "", what, before, after])
    if rows:
        lines += _table(
            [
                tr("diff.col.community"),
                tr("diff.col.change"),
                tr("diff.col.before"),
                tr("diff.col.after"),
            ],
            rows,
        )
    else:
        lines.append(tr("diff.no_community_changes"))
    lines += [
        "",
        f"#### {tr('diff.diagnostics')}",
        "",
        tr("diff.errors", before=diff.errors_before, after=diff.errors_after),
    ]
    header = [tr("diff.col.place"), tr("diff.col.code"), tr("diff.col.problem")]
    for key, found in (("diff.introduced", diff.introduced), ("diff.fixed", diff.fixed)):
        if found:
            lines += ["", f"**{tr(key, count=len(found))}**", ""]
            lines += _table(header, _problem_rows(found))
    lines.append("")
    if problems:
        lines += [
            "<details open>",
            f"<summary>{tr('diff.all_problems', count=len(problems))}</summary>",
            "",
        ]
        lines += _table(header, _problem_rows(problems))
        lines += ["", "</details>"]
    else:
        lines.append(tr("diff.no_problems"))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- json


def diff_json(diff: DatasetDiff, base: str, head: str, problems: Sequence[Diagnostic]) -> str:
    payload: dict[str, object] = {"base": base, "head": head, **diff.to_json()}
    payload["summary"] = [share_line(s) for s in diff.shares]
    payload["problems"] = [d.to_json() for d in problems]
    return json.dumps(payload, ensure_ascii=False, indent=2)
