"""Deadlines behind ``gc status``: what is late as of a date.

Late or missing submissions, overdue district and city reviews, overdue plan
projects by lead department.  Pure functions over loaded models; everything is
computed against an explicit ``as_of`` date, so the same data and date always
give the same answer.  The year looked at is the calendar year of ``as_of``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from greencommunity.core.status import CommunityYear, Status, community_status
from greencommunity.core.submissions import in_order
from greencommunity.models import Community, Town
from greencommunity.models.community import Project, ProjectStatus
from greencommunity.models.editions import CriteriaByYear
from greencommunity.models.types import day_in_year


@dataclass(frozen=True)
class Submission:
    community: Community
    due: dt.date
    submitted: dt.date | None
    days_late: int


@dataclass(frozen=True)
class OverdueProject:
    community: Community
    project: Project
    days_overdue: int


@dataclass(frozen=True)
class Deadlines:
    as_of: dt.date
    year: int
    submission_due: dt.date
    district_due: dt.date
    city_from: dt.date
    city_due: dt.date
    rows: tuple[CommunityYear, ...]
    missing: tuple[Submission, ...]  # creating, deadline passed, nothing submitted
    late: tuple[Submission, ...]  # submitted after the deadline
    not_yet_submitted: tuple[Community, ...]  # creating, deadline still ahead
    district_overdue: tuple[CommunityYear, ...]
    city_pending: tuple[CommunityYear, ...]  # district passed, city window open or ahead
    city_overdue: tuple[CommunityYear, ...]  # window over, no city result at all this year
    overdue_projects: tuple[tuple[str, tuple[OverdueProject, ...]], ...]  # by lead department


def _overdue_projects(
    town: Town, communities: Sequence[Community], as_of: dt.date
) -> tuple[tuple[str, tuple[OverdueProject, ...]], ...]:
    groups: dict[str, list[OverdueProject]] = {}
    for community in communities:
        for project in community.plan:
            if project.status not in (ProjectStatus.PLANNED, ProjectStatus.IN_PROGRESS):
                continue
            if project.due is None or project.due >= as_of:
                continue
            groups.setdefault(project.lead, []).append(
                OverdueProject(community, project, (as_of - project.due).days)
            )
    order = {d.name: i for i, d in enumerate(town.departments)}
    return tuple(
        (lead, tuple(sorted(items, key=lambda o: (o.project.due, o.community.id, o.project.id))))
        for lead, items in sorted(groups.items(), key=lambda kv: (order.get(kv[0], 999), kv[0]))
    )


def programme_end(town: Town) -> dt.date:
    """The last day the programme has a target for: the deadline of its last
    target, 31 December of that year when none is written."""
    last = max(town.targets, key=lambda t: t.year)
    return last.deadline or dt.date(last.year, 12, 31)


def deadlines(
    town: Town, criteria: CriteriaByYear, communities: Sequence[Community], as_of: dt.date
) -> Deadlines:
    year = as_of.year
    calendar = town.calendar
    submission_due = day_in_year(year, calendar.submission_due)
    district_due = day_in_year(year, calendar.district_review_due)
    city_from = day_in_year(year, calendar.city_review_from)
    city_due = day_in_year(year, calendar.city_review_due)
    ordered = in_order(communities)
    rows = tuple(community_status(criteria, c, year, as_of) for c in ordered)

    missing: list[Submission] = []
    late: list[Submission] = []
    ahead: list[Community] = []
    for row in rows:
        if row.status is Status.CREATING:
            if as_of > submission_due:
                missing.append(
                    Submission(row.community, submission_due, None, (as_of - submission_due).days)
                )
            else:
                ahead.append(row.community)
        current = row.community.assessment(year)
        if current is not None and current.submitted is not None:
            submitted = current.submitted
            if submitted <= as_of and submitted > submission_due:
                late.append(
                    Submission(
                        row.community, submission_due, submitted, (submitted - submission_due).days
                    )
                )

    district_overdue = tuple(
        r
        for r in rows
        if r.status is Status.UNDER_REVIEW and r.district_result is None and as_of > district_due
    )
    district_passed = [
        r
        for r in rows
        if r.district_result is not None
        and r.district_result.passed
        and r.city_result is None
        and r.passed_in in (None, year)
    ]
    any_city = any(r.city_result is not None for r in rows)
    city_pending: tuple[CommunityYear, ...] = ()
    city_overdue: tuple[CommunityYear, ...] = ()
    if as_of <= city_due:
        city_pending = tuple(district_passed)
    elif not any_city:
        city_overdue = tuple(district_passed)

    return Deadlines(
        as_of=as_of,
        year=year,
        submission_due=submission_due,
        district_due=district_due,
        city_from=city_from,
        city_due=city_due,
        rows=rows,
        missing=tuple(missing),
        late=tuple(late),
        not_yet_submitted=tuple(ahead),
        district_overdue=district_overdue,
        city_pending=city_pending,
        city_overdue=city_overdue,
        overdue_projects=_overdue_projects(town, ordered, as_of),
    )
