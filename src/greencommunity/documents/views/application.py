"""The application report (创建申请报告) of one community for one year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from greencommunity.core.funding import Funding, by_channel
from greencommunity.core.projects import projects_of_year
from greencommunity.core.scoring import evaluate_sheet
from greencommunity.core.submissions import submitted_by
from greencommunity.documents.errors import DocumentRequestError, years_text
from greencommunity.documents.kinds import Subject
from greencommunity.documents.views.common import (
    Meta,
    ProfileView,
    ProjectView,
    ReviewRectifications,
    ScoreView,
    evidence_label,
    meta,
    profile_view,
    project_view,
    rectification_views,
    score_view,
)
from greencommunity.models import Community
from greencommunity.models.community import Assessment, SelfAssessment


@dataclass(frozen=True)
class ItemNote:
    item_id: str
    title: str
    note: str


@dataclass(frozen=True)
class ListedElsewhere:
    """A project listed under another element that also serves items of this one."""

    title: str
    items: tuple[str, ...]  # the items of this element it serves
    element: int  # where it is listed: the position of that element (1 = （一）)
    element_title: str


@dataclass(frozen=True)
class ElementView:
    """One of the standard elements (a category), with what the community did under it.

    A project is listed once, under the element of its first item (the data
    name first what a project is mainly for: 2.3 before 1.4 for a sorting
    station that also serves the mechanism item), so that the projects and
    the money are counted once; every other element it serves says where it
    is listed (``elsewhere``).
    """

    id: int
    title: str
    source: str | None
    points: float
    score: float
    projects: tuple[ProjectView, ...]
    notes: tuple[ItemNote, ...]
    elsewhere: tuple[ListedElsewhere, ...] = ()


@dataclass(frozen=True)
class DepartmentView:
    name: str
    duties: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceRow:
    item_id: str
    title: str
    files: tuple[str, ...]


@dataclass(frozen=True)
class ApplicationView:
    meta: Meta
    community: ProfileView
    submitted: dt.date | None
    self_date: dt.date
    as_of: dt.date | None
    leads: tuple[DepartmentView, ...]
    participants: tuple[str, ...]
    departments_involved: tuple[str, ...]
    elements: tuple[ElementView, ...]
    funding: Funding
    project_count: int
    done_count: int
    score: ScoreView
    evidence: tuple[EvidenceRow, ...]
    # What the reviews asked to rectify by the signing date; () before any review.
    rectifications: tuple[ReviewRectifications, ...] = ()
    # The standard elements the sheet scores (bonus and deduction categories aside).
    element_count: int = 5


def self_evaluation(community: Community, year: int) -> tuple[Assessment, SelfAssessment] | None:
    """The year's assessment and its self-evaluation, if the community has one."""
    assessment = community.assessment(year)
    if assessment is None or assessment.self is None:
        return None
    return assessment, assessment.self


def unavailable(subject: Subject) -> DocumentRequestError | None:
    """A community's documents of a year need its self-evaluation of that
    year, made by the day they are signed."""
    community, year = subject.the_community, subject.year
    found = self_evaluation(community, year)
    if found is None:
        years = sorted(a.year for a in community.assessments if a.self is not None)
        return DocumentRequestError(
            "report.no_self_assessment",
            community=community.name,
            year=year,
            years=years_text(years),
        )
    evaluated = found[1].date
    if subject.issued is not None and subject.issued < evaluated:
        return DocumentRequestError(
            "report.before_self_evaluation",
            community=community.name,
            year=year,
            date=subject.issued.isoformat(),
            evaluated=evaluated.isoformat(),
        )
    return None


def signed_on(subject: Subject, assessment: Assessment) -> dt.date | None:
    """The day a community's document is signed: the date asked for, else the
    submission date (if it was submitted by the day the run speaks as of);
    None for a draft, whose date is left blank."""
    if subject.issued is not None:
        return subject.issued
    return assessment.submitted if submitted_by(assessment, subject.as_of) else None


def as_of(subject: Subject, assessment: Assessment) -> dt.date | None:
    """The day a community's document speaks as of: the day it is signed; a
    draft, the day the run speaks as of (today, unless a date is asked for)."""
    return signed_on(subject, assessment) or subject.as_of


def community_meta(subject: Subject, assessment: Assessment) -> Meta:
    """The heading of a community's document: signed on the submission date
    unless another date is asked for; a draft until it is submitted."""
    community = subject.the_community
    signed = signed_on(subject, assessment)
    day = as_of(subject, assessment)
    return meta(
        subject.kind,
        subject.data.town,
        subject.year,
        signed,
        [community],
        subject.provenance.on(day) if day is not None else subject.provenance,
        community,
        draft=not submitted_by(assessment, day),
    )


def rectifications(subject: Subject, assessment: Assessment) -> tuple[ReviewRectifications, ...]:
    """The year's rectifications as of the document's day: a document signed at
    the submission shows none; one signed after a review (``gc report --date``)
    shows what it asked and what has been answered since."""
    return rectification_views(
        subject.data.criteria,
        subject.the_community,
        subject.year,
        as_of(subject, assessment),
    )


def build(subject: Subject) -> ApplicationView:
    community, year = subject.the_community, subject.year
    found = self_evaluation(community, year)
    assert found is not None, "unavailable() is checked first"
    assessment, sheet = found
    town, criteria = subject.data.town, subject.data.criteria.criteria_for(year)
    day = as_of(subject, assessment)
    evaluation = evaluate_sheet(criteria, sheet)
    by_category = {c.id: c for c in evaluation.categories}
    projects = projects_of_year(community, year)
    items = criteria.items()
    position = {c.id: n for n, c in enumerate(criteria.categories, 1)}
    category_of = {i.id: c for c in criteria.categories for i in c.items}
    # Each project, its view and the element it is listed under: that of its
    # first known item.
    placed = [
        (p, project_view(p, day), next((category_of[i] for i in p.items if i in category_of), None))
        for p in projects
    ]

    elements = []
    for category in criteria.categories:
        ids = [i.id for i in category.items]
        scored = by_category[category.id]
        elsewhere = []
        for p, _, listed in placed:
            served = tuple(i for i in p.items if i in ids)
            if served and listed is not None and listed.id != category.id:
                elsewhere.append(
                    ListedElsewhere(p.title, served, position[listed.id], listed.title)
                )
        elements.append(
            ElementView(
                id=category.id,
                title=category.title,
                source=category.source,
                points=scored.points,
                score=scored.score,
                projects=tuple(
                    view
                    for _, view, listed in placed
                    if listed is not None and listed.id == category.id
                ),
                notes=tuple(
                    ItemNote(i, items[i].title, sheet.notes[i]) for i in ids if sheet.notes.get(i)
                ),
                elsewhere=tuple(elsewhere),
            )
        )
    involved: list[str] = []
    for p in projects:
        for name in (p.lead, *p.partners):
            if name not in involved:
                involved.append(name)
    views = [view for _, view, _ in placed]
    return ApplicationView(
        meta=community_meta(subject, assessment),
        community=profile_view(community),
        submitted=assessment.submitted,
        self_date=sheet.date,
        as_of=day,
        leads=tuple(
            DepartmentView(d.name, tuple(d.duties)) for d in town.departments if d.role == "lead"
        ),
        participants=tuple(d.name for d in town.departments if d.role == "participant"),
        departments_involved=tuple(involved),
        elements=tuple(elements),
        element_count=sum(c.scored for c in criteria.categories),
        funding=by_channel(town, projects),
        project_count=len(views),
        done_count=sum(v.status == "done" for v in views),
        score=score_view(criteria, evaluation),
        evidence=tuple(
            EvidenceRow(
                item.id, item.title, tuple(evidence_label(f) for f in sheet.evidence[item.id])
            )
            for category in criteria.categories
            for item in category.items
            if sheet.evidence.get(item.id)
        ),
        rectifications=rectifications(subject, assessment),
    )
