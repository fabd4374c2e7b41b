"""``gc status``: what is late as of a date, the rectifications not answered,
and the money by funding channel, as terminal text and as JSON."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from greencommunity import formats, labels
from greencommunity.figures import money, money_value
from greencommunity.i18n import join, tr, trn
from greencommunity.output import jsonout, layout

if TYPE_CHECKING:
    from rich.console import RenderableType

    from greencommunity.core.deadlines import Deadlines
    from greencommunity.core.evaluations import OwedEvaluation
    from greencommunity.core.funding import Funding
    from greencommunity.core.rectifications import OpenRectifications, Rectification
    from greencommunity.core.status import CommunityYear
    from greencommunity.output import Rendered


@dataclass(frozen=True)
class StatusReport:
    """What ``gc status`` shows: the town, its deadlines as of a day, its money."""

    town: str
    deadlines: Deadlines
    funding: Funding
    rectifications: OpenRectifications
    # No day was asked and today is past the programme's last target: the view
    # is as of the programme's end (``core.deadlines.default_day``).
    capped: bool = False
    # 长效管理: the annual evaluations passed communities owe, filed or not.
    evaluations: tuple[OwedEvaluation, ...] = ()

    @property
    def evaluations_owed(self) -> tuple[OwedEvaluation, ...]:
        """The evaluations not filed: overdue ones first, then those due."""
        owed = [o for o in self.evaluations if o.state != "filed"]
        return tuple(sorted(owed, key=lambda o: o.state != "overdue"))


def _names(rows: Sequence[CommunityYear]) -> list[str]:
    return [tr("community.name_id", name=r.name, id=r.id) for r in rows]


def deadline_lines(view: Deadlines) -> list[tuple[str, str]]:
    """(style, text) lines: the year's dates, then everything late."""
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
            name = tr("community.name_id", name=s.community.name, id=s.community.id)
            line = tr("calendar.late_line", name=name, batch=s.community.batch)
            out.append(("", f"  - {line}"))
    elif view.not_yet_submitted:
        names = join(
            [tr("community.name_id", name=c.name, id=c.id) for c in view.not_yet_submitted]
        )
        out.append(("yellow", tr("calendar.not_yet_due", due=due, names=names)))
    else:
        out.append(("green", tr("calendar.none_late")))
    if view.late:
        out.append(("yellow", tr("calendar.late_submitted", due=due)))
        for s in view.late:
            line = tr(
                "calendar.late_submitted_line",
                name=tr("community.name_id", name=s.community.name, id=s.community.id),
                date=s.submitted.isoformat() if s.submitted else "",
                days=trn("count.days", s.days_late),
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
                    days=trn("count.days", o.days_overdue),
                    status=labels.project_status(o.project.status),
                )
                out.append(("", f"    - {line}"))
    else:
        out.append(("green", tr("calendar.no_projects_overdue")))
    return out


def _overdue(r: Rectification) -> str:
    return _overdue_days(r.days_overdue)


def rectification_lines(view: OpenRectifications) -> list[tuple[str, str]]:
    """(style, text) lines: the open rectifications by community, then by the
    items' lead departments; overdue ones first in each."""
    if not view.items:
        return [("green", tr("rectification.none"))]
    count = trn("count.rectifications", len(view.items))
    if view.overdue:
        heading = tr("rectification.by_community_overdue", count=count, overdue=view.overdue)
    else:
        heading = tr("rectification.by_community", count=count)
    out: list[tuple[str, str]] = [("bold red" if view.overdue else "yellow", heading)]
    for community, items in view.by_community():
        out.append(("bold", f"  {tr('community.name_id', name=community.name, id=community.id)}"))
        for r in items:
            line = tr(
                "rectification.line",
                item=r.item,
                title=r.title,
                comment=r.comment,
                year=r.year,
                stage=labels.stage(r.stage),
                due=r.due.isoformat(),
                overdue=_overdue(r),
            )
            out.append(("red" if r.overdue else "", f"    - {line}"))
    out.append(("bold", tr("rectification.by_lead")))
    for lead, items in view.by_lead():
        out.append(("bold", f"  {lead if lead is not None else tr('rectification.no_lead')}"))
        for r in items:
            line = tr(
                "rectification.lead_line",
                community=r.community.name,
                item=r.item,
                title=r.title,
                due=r.due.isoformat(),
                overdue=_overdue(r),
            )
            out.append(("red" if r.overdue else "", f"    - {line}"))
    return out


def evaluation_lines(report: StatusReport) -> list[tuple[str, str]]:
    """(style, text) lines: the annual evaluations passed communities have not
    filed; nothing when none is owed."""
    owed = report.evaluations_owed
    if not owed:
        return []
    out: list[tuple[str, str]] = [("bold", tr("owed.heading", count=len(owed)))]
    for o in owed:
        line = tr(
            "owed.line",
            name=o.community.name,
            year=o.year,
            state=labels.owed(o.state),
            due=o.due.isoformat(),
            overdue=_overdue_days(o.days_overdue),
        )
        out.append(("red" if o.days_overdue else "yellow", f"  - {line}"))
    return out


def _overdue_days(days: int) -> str:
    return tr("rectification.overdue", days=trn("count.days", days)) if days else ""


def table(report: StatusReport) -> RenderableType:
    """The terminal view: deadlines, then the budget table."""
    from rich.console import Group
    from rich.text import Text

    view = report.deadlines
    title = tr("calendar.title", town=report.town, date=view.as_of.isoformat())
    parts: list[RenderableType] = [layout.line(title, style="bold")]
    if report.capped:
        notice = tr("calendar.capped", year=view.year, date=view.as_of.isoformat())
        parts.append(layout.line(notice, style="yellow"))
    parts += [layout.line(text, style=style) for style, text in deadline_lines(view)]
    rectifications = rectification_lines(report.rectifications)
    parts += [layout.line(text, style=style) for style, text in rectifications]
    parts += [layout.line(text, style=style) for style, text in evaluation_lines(report)]
    parts.append(layout.line(tr("calendar.budget"), style="bold"))
    grid = layout.table()
    grid.add_column(tr("calendar.col.channel"), no_wrap=True)
    grid.add_column(tr("calendar.col.projects"), justify="right")
    grid.add_column(tr("calendar.col.budget"), justify="right")
    grid.add_column(tr("calendar.col.spent"), justify="right")
    for line in report.funding.lines:
        grid.add_row(
            Text(labels.funding_channel(line.channel)),
            str(line.projects),
            money(line.budget),
            money(line.spent),
        )
    grid.add_row(
        tr("calendar.total"),
        str(report.funding.projects),
        money(report.funding.budget),
        money(report.funding.spent),
        style="bold",
    )
    parts.append(grid)
    return Group(*parts)


def _rectification(r: Rectification) -> dict[str, object]:
    return {
        "community": r.community.id,
        "year": r.year,
        "stage": r.stage,
        "review_date": r.review.date.isoformat(),
        "item": r.item,
        "title": r.title,
        "lead": r.lead,
        "comment": r.comment,
        "due": r.due.isoformat(),
        "days_overdue": r.days_overdue,
    }


def json(report: StatusReport) -> str:
    view = report.deadlines
    open_ = report.rectifications

    def ids(rows: Sequence[CommunityYear]) -> list[str]:
        return [r.id for r in rows]

    return jsonout.dumps(
        {
            "as_of": view.as_of.isoformat(),
            "as_of_capped": report.capped,
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
            # Open until answered; overdue ones first in each group.
            "open_rectifications": {
                "count": len(open_.items),
                "overdue": open_.overdue,
                "by_community": [
                    {
                        "id": community.id,
                        "name": community.name,
                        "items": [_rectification(r) for r in items],
                    }
                    for community, items in open_.by_community()
                ],
                "by_lead": [
                    {"lead": lead, "items": [_rectification(r) for r in items]}
                    for lead, items in open_.by_lead()
                ],
            },
            # 长效管理: annual evaluations passed communities have not filed.
            "evaluations_owed": [
                {
                    "community": o.community.id,
                    "year": o.year,
                    "due": o.due.isoformat(),
                    "state": o.state,
                    "days_overdue": o.days_overdue,
                }
                for o in report.evaluations_owed
            ],
            "funding": [
                {
                    "channel": f.channel,
                    "projects": f.projects,
                    "budget": money_value(f.budget),
                    "spent": money_value(f.spent),
                }
                for f in report.funding.lines
            ],
            "budget_total": money_value(report.funding.budget),
            "spent_total": money_value(report.funding.spent),
        }
    )


FORMATS: dict[str, Callable[[StatusReport], Rendered]] = {
    formats.TEXT: table,
    formats.JSON: json,
}
