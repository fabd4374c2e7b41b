"""The calendar view of ``gc status`` as rich text, and as JSON."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from greencommunity.calendar_view import CalendarView
from greencommunity.i18n import tr
from greencommunity.scoring import fmt_points
from greencommunity.status import CommunityYear


def _names(rows: Sequence[CommunityYear]) -> list[str]:
    return [f"{r.name}（{r.id}）" for r in rows]


def calendar_lines(view: CalendarView) -> list[tuple[str, str]]:
    """(style, text) lines of the view before the budget table."""
    out: list[tuple[str, str]] = [
        (
            "",
            tr(
                "calendar.year",
                year=view.year,
                submission=view.submission_due.isoformat(),
                district=view.district_due.isoformat(),
                city_from=view.city_from.isoformat(),
                city_due=view.city_due.isoformat(),
            ),
        )
    ]
    due = view.submission_due.isoformat()
    if view.missing:
        out.append(("bold red", tr("calendar.late_missing", due=due)))
        for s in view.missing:
            line = tr(
                "calendar.late_line",
                name=f"{s.community.name}（{s.community.id}）",
                batch=s.community.batch,
            )
            out.append(("", f"  - {line}"))
    elif view.not_yet_submitted:
        names = "、".join(f"{c.name}（{c.id}）" for c in view.not_yet_submitted)
        out.append(("yellow", tr("calendar.not_yet_due", due=due, names=names)))
    else:
        out.append(("green", tr("calendar.none_late")))
    if view.late:
        out.append(("yellow", tr("calendar.late_submitted", due=due)))
        for s in view.late:
            line = tr(
                "calendar.late_submitted_line",
                name=f"{s.community.name}（{s.community.id}）",
                date=s.submitted.isoformat() if s.submitted else "",
                days=s.days_late,
            )
            out.append(("", f"  - {line}"))
    if view.district_overdue:
        out.append(("bold red", tr("calendar.district_overdue", due=view.district_due.isoformat())))
        out.extend(("", f"  - {n}") for n in _names(view.district_overdue))
    if view.city_pending:
        out.append(
            (
                "yellow",
                tr(
                    "calendar.city_pending",
                    city_from=view.city_from.isoformat(),
                    city_due=view.city_due.isoformat(),
                ),
            )
        )
        out.extend(("", f"  - {n}") for n in _names(view.city_pending))
    if view.city_overdue:
        out.append(("yellow", tr("calendar.city_overdue", due=view.city_due.isoformat())))
        out.extend(("", f"  - {n}") for n in _names(view.city_overdue))
    if not (view.district_overdue or view.city_overdue):
        out.append(("green", tr("calendar.reviews_ok")))
    if view.overdue_projects:
        out.append(("bold red", tr("calendar.projects_overdue")))
        for lead, items in view.overdue_projects:
            out.append(("bold", f"  {lead}"))
            for o in items:
                line = tr(
                    "calendar.project_line",
                    community=o.community.name,
                    id=o.project.id,
                    title=o.project.title,
                    due=o.project.due.isoformat() if o.project.due else "",
                    days=o.days_overdue,
                    status=tr(f"project.{o.project.status.value}"),
                )
                out.append(("", f"    - {line}"))
    else:
        out.append(("green", tr("calendar.no_projects_overdue")))
    return out


def render_calendar(view: CalendarView, town_name: str, console: Console) -> None:
    console.print(
        f"[bold]{escape(tr('calendar.title', town=town_name, date=view.as_of.isoformat()))}[/]",
        soft_wrap=True,
    )
    for style, text in calendar_lines(view):
        console.print(escape(text), style=style or None, soft_wrap=True)
    console.print(escape(tr("calendar.budget")), style="bold", soft_wrap=True)
    table = Table()
    table.add_column(tr("calendar.col.channel"))
    table.add_column(tr("calendar.col.projects"), justify="right")
    table.add_column(tr("calendar.col.budget"), justify="right")
    table.add_column(tr("calendar.col.spent"), justify="right")
    for line in view.funding:
        table.add_row(
            escape(line.channel if line.channel is not None else tr("calendar.no_channel")),
            str(line.projects),
            fmt_points(line.budget),
            fmt_points(line.spent),
        )
    table.add_row(
        tr("calendar.total"),
        str(sum(f.projects for f in view.funding)),
        fmt_points(view.budget_total),
        fmt_points(view.spent_total),
        style="bold",
    )
    console.print(table)


def calendar_json(view: CalendarView) -> dict[str, object]:
    def ids(rows: Sequence[CommunityYear]) -> list[str]:
        return [r.id for r in rows]

    return {
        "as_of": view.as_of.isoformat(),
        "year": view.year,
        "deadlines": {
            "submission": view.submission_due.isoformat(),
            "district_review": view.district_due.isoformat(),
            "city_review_from": view.city_from.isoformat(),
            "city_review": view.city_due.isoformat(),
        },
        "not_submitted": [
            {"id": s.community.id, "name": s.community.name, "days_late": s.days_late}
            for s in view.missing
        ],
        "submitted_late": [
            {
                "id": s.community.id,
                "submitted": s.submitted.isoformat() if s.submitted else None,
                "days_late": s.days_late,
            }
            for s in view.late
        ],
        "not_yet_submitted": [c.id for c in view.not_yet_submitted],
        "district_review_overdue": ids(view.district_overdue),
        "city_review_pending": ids(view.city_pending),
        "city_review_overdue": ids(view.city_overdue),
        "overdue_projects": {
            lead: [
                {
                    "community": o.community.id,
                    "project": o.project.id,
                    "title": o.project.title,
                    "due": o.project.due.isoformat() if o.project.due else None,
                    "days_overdue": o.days_overdue,
                }
                for o in items
            ]
            for lead, items in view.overdue_projects
        },
        "funding": [
            {"channel": f.channel, "projects": f.projects, "budget": f.budget, "spent": f.spent}
            for f in view.funding
        ],
        "budget_total": view.budget_total,
        "spent_total": view.spent_total,
    }
