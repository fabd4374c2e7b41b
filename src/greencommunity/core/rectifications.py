"""The review loop: items a district or city review asked to rectify (整改), and
the community's answers.

Pure functions over loaded models.  Everything is seen as of a day: a review
dated later has asked nothing yet, an answer dated later has not been given.
A rectification is open until it is answered, and overdue once its due date
has passed (``due < as_of``, as a plan project is).  Whether the verdict then
turns to pass is the reviewers' decision, written in the review's ``verdict``
(``core/status``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from greencommunity.core.submissions import in_order
from greencommunity.models import Community, Criteria, Town
from greencommunity.models.community import Answer, Assessment, Review
from greencommunity.models.editions import CriteriaByYear

ReviewStage = Literal["district", "city"]
REVIEW_STAGES: tuple[ReviewStage, ...] = ("district", "city")


@dataclass(frozen=True)
class Rectification:
    """One item a review asked to rectify, as of a day."""

    community: Community
    year: int
    stage: ReviewStage
    review: Review
    item: str
    title: str  # the item's title in criteria.yaml; "" for an unknown item (GC303)
    lead: str | None  # the item's usual lead department in criteria.yaml
    comment: str
    due: dt.date
    answer: Answer | None  # None: not answered by the day
    days_overdue: int  # 0 when answered or not yet due

    @property
    def open(self) -> bool:
        return self.answer is None

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


def _known(day: dt.date, as_of: dt.date | None) -> bool:
    return as_of is None or day <= as_of


def of_assessment(
    criteria: Criteria, community: Community, assessment: Assessment, as_of: dt.date | None = None
) -> tuple[Rectification, ...]:
    """The rectifications the year's reviews asked for by *as_of* (all without
    it): the district's, then the city's, each in the criteria's item order."""
    items = criteria.items()
    order = {item_id: n for n, item_id in enumerate(items)}
    found: list[Rectification] = []
    for stage in REVIEW_STAGES:
        review: Review | None = getattr(assessment, stage)
        if review is None or not _known(review.date, as_of):
            continue
        for item_id in sorted(review.rectifications, key=lambda i: order.get(i, len(order))):
            asked = review.rectifications[item_id]
            answer = asked.answer
            if answer is not None and not _known(answer.date, as_of):
                answer = None
            late = 0
            if answer is None and as_of is not None and asked.due < as_of:
                late = (as_of - asked.due).days
            item = items.get(item_id)
            found.append(
                Rectification(
                    community=community,
                    year=assessment.year,
                    stage=stage,
                    review=review,
                    item=item_id,
                    title=item.title if item is not None else "",
                    lead=item.lead if item is not None else None,
                    comment=asked.comment,
                    due=asked.due,
                    answer=answer,
                    days_overdue=late,
                )
            )
    return tuple(found)


def of_year(
    criteria: CriteriaByYear, community: Community, year: int, as_of: dt.date | None = None
) -> tuple[Rectification, ...]:
    """The rectifications of *community*'s reviews of *year*, by *as_of*."""
    assessment = community.assessment(year)
    if assessment is None:
        return ()
    return of_assessment(criteria.criteria_for(year), community, assessment, as_of)


@dataclass(frozen=True)
class OpenRectifications:
    """Every rectification not answered by ``as_of``, overdue ones first."""

    as_of: dt.date
    items: tuple[Rectification, ...]
    departments: tuple[str, ...]  # town.yaml's departments, in its order

    @property
    def overdue(self) -> int:
        return sum(r.overdue for r in self.items)

    def by_community(self) -> tuple[tuple[Community, tuple[Rectification, ...]], ...]:
        """Grouped by community, communities in the usual order."""
        groups: dict[str, list[Rectification]] = {}
        for r in self.items:
            groups.setdefault(r.community.id, []).append(r)
        ordered = in_order([rows[0].community for rows in groups.values()])
        return tuple((c, tuple(groups[c.id])) for c in ordered)

    def by_lead(self) -> tuple[tuple[str | None, tuple[Rectification, ...]], ...]:
        """Grouped by the item's lead department: town.yaml's order, then any
        other name, then the items without one."""
        groups: dict[str | None, list[Rectification]] = {}
        for r in self.items:
            groups.setdefault(r.lead, []).append(r)
        position = {name: n for n, name in enumerate(self.departments)}

        def key(lead: str | None) -> tuple[int, int, str]:
            if lead is None:
                return (2, 0, "")
            return (0, position[lead], lead) if lead in position else (1, 0, lead)

        return tuple((lead, tuple(groups[lead])) for lead in sorted(groups, key=key))


def open_rectifications(
    town: Town, criteria: CriteriaByYear, communities: Sequence[Community], as_of: dt.date
) -> OpenRectifications:
    """The rectifications of every year not answered by *as_of*: a rectification
    stays open until the community answers it, whatever the year."""
    rank = {c.id: n for n, c in enumerate(in_order(communities))}
    found = [
        r
        for community in communities
        for assessment in community.assessments
        for r in of_assessment(criteria.criteria_for(assessment.year), community, assessment, as_of)
        if r.open
    ]
    found.sort(
        key=lambda r: (
            not r.overdue,
            r.due,
            rank[r.community.id],
            r.year,
            REVIEW_STAGES.index(r.stage),
        )
    )
    return OpenRectifications(as_of, tuple(found), tuple(d.name for d in town.departments))
