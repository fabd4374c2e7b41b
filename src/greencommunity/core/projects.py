"""Plan projects over time: what a project's status was on a day, and which
projects a year's documents report.  Pure functions over the models."""

from __future__ import annotations

import datetime as dt

from greencommunity.models import Community
from greencommunity.models.community import Project, ProjectStatus


def status_as_of(project: Project, as_of: dt.date | None) -> ProjectStatus:
    """The project's status on *as_of*: a project finished later was still in
    progress then, one started later was still planned.  Without a date, the
    status written in the file."""
    if as_of is None:
        return project.status
    if project.start is not None and project.start > as_of:
        return ProjectStatus.PLANNED
    if project.done_on is not None:
        return ProjectStatus.DONE if project.done_on <= as_of else ProjectStatus.IN_PROGRESS
    return project.status


def done_on_as_of(project: Project, as_of: dt.date | None) -> dt.date | None:
    """The completion date, if the project was finished by *as_of*."""
    if project.done_on is None or (as_of is not None and project.done_on > as_of):
        return None
    return project.done_on


def is_open(project: Project, as_of: dt.date | None) -> bool:
    """Still to be done on *as_of* (cancelled projects never are)."""
    if project.status is ProjectStatus.CANCELLED:
        return False
    if project.status is ProjectStatus.DONE:
        return as_of is not None and project.done_on is not None and project.done_on > as_of
    return True


def projects_of_year(community: Community, year: int) -> list[Project]:
    """The projects a year's documents report: not cancelled, started by that year."""
    return [
        p
        for p in community.plan
        if p.status is not ProjectStatus.CANCELLED and (p.start is None or p.start.year <= year)
    ]
