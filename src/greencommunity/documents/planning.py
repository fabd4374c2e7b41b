"""Which documents a ``gc report`` request makes: a ``Plan``.

The request names a kind of the table in ``kinds.py``; its scope decides the
rest: one document for the town, one per named community (or every applicant
with ``--all``), or a bundle of other kinds.  Whether a document can be made at
all is its view module's ``unavailable()``; a request that cannot be served
raises ``DocumentRequestError`` with a catalog key (an unknown community:
``submissions.UnknownCommunityError``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from greencommunity.core import years
from greencommunity.core.evaluations import evaluated, evaluation_years
from greencommunity.core.submissions import applicants, find_community, submitted
from greencommunity.documents.errors import DocumentRequestError, years_text
from greencommunity.documents.kinds import KINDS, SUBMISSION, DocumentKind, Subject
from greencommunity.documents.render import Document, IndexEntry
from greencommunity.documents.views.common import Meta, title
from greencommunity.i18n import DOCUMENT_LANGUAGE, Listing, tr, using
from greencommunity.models import Community
from greencommunity.models.folder import CheckedData
from greencommunity.provenance import Provenance, unknown

if TYPE_CHECKING:
    from greencommunity.loading.provenance import Record, RecordKey


@dataclass(frozen=True)
class Request:
    kind: str
    communities: tuple[str, ...] = ()
    all: bool = False
    year: int | None = None
    issued: dt.date | None = None
    as_of: dt.date | None = None
    format: str | None = None  # checked against the kind's formats when given
    # Who recorded each sheet, from git (loading/provenance.review_records);
    # empty outside git, and then the documents say nothing about it.
    records: Mapping[RecordKey, Record] = field(default_factory=dict)
    # What the data are (the command line's provenance.of); None: not in git.
    provenance: Provenance | None = None
    # The day taken for today when no day is asked for (a package rebuilt on
    # another day, gc verify --data); None: core/years.today.
    today: dt.date | None = None


@dataclass
class Plan:
    """What to write: the documents, and whether to add an index and a bundle."""

    kind: DocumentKind  # what was asked for
    year: int
    title: str
    # Of the whole set (the index, the combined file), for the year's criteria.
    provenance: Provenance
    documents: list[Document] = field(default_factory=list)
    index: bool = False
    bundle: list[Document] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)  # names left out of the bundle


def _day(request: Request, data: CheckedData) -> years.Day:
    """The day the documents speak as of: the one asked for (the date they are
    signed, ``--date``), else today as the town counts days.  A community's
    document signed on its submission date speaks as of that date
    (``views/application.signed_on``)."""
    asked = request.issued or request.as_of
    if asked is not None:
        return years.Day(asked, True)
    return years.Day(request.today or years.today(years.zone_of(data.town)), False)


def _year(
    request: Request, kind: DocumentKind, communities: Sequence[Community], day: dt.date
) -> int:
    """The asked year; else, as ``core/years.choose`` picks among them as of the
    document's day, the years of the named communities' self-evaluations; else
    the years with any assessment."""
    if kind.every == "evaluations":
        chosen = communities
        if request.communities and not request.all:
            chosen = [find_community(token, communities) for token in request.communities]
        year = years.choose(evaluation_years(chosen), day, request.year)
        if year is None:
            raise DocumentRequestError("report.no_evaluations")
        return year
    candidates = years.assessment_years(communities)
    if kind.scope == "community" and request.communities and not request.all:
        chosen = [find_community(token, communities) for token in request.communities]
        candidates = years.self_evaluation_years(chosen) or candidates
    year = years.choose(candidates, day, request.year)
    if year is None:
        raise DocumentRequestError("report.no_assessments")
    return year


def make(subject: Subject) -> Document:
    """The document of *subject*, or the reason it cannot be made."""
    view = subject.kind.view()
    refusal = view.unavailable(subject)
    if refusal is not None:
        raise refusal
    community = subject.community
    model = view.build(subject)
    meta: Meta = model.meta  # type: ignore[attr-defined]
    return Document(
        kind=subject.kind,
        stem=subject.kind.stem(subject.year, community.id if community else None),
        title=title(subject.kind, subject.data.town, subject.year, community),
        view=model,
        provenance=meta.provenance,
        community=community.id if community else None,
        community_name=community.name if community else None,
        # An application is a draft until submitted by the day it is signed;
        # an annual evaluation is filed when it is written down.
        draft=meta.draft and subject.kind.every == "applicants",
    )


def _chosen(request: Request, data: CheckedData, year: int, day: dt.date) -> list[Community]:
    if request.all and KINDS[request.kind].every == "evaluations":
        found = evaluated(data.communities, year)
        if not found:
            known = years_text(evaluation_years(data.communities))
            raise DocumentRequestError("report.no_evaluations_in_year", year=year, years=known)
        return found
    if request.all:
        found = applicants(data.communities, year, day)
        if not found:
            known = years_text(years.assessment_years(data.communities))
            raise DocumentRequestError("report.no_applicants", year=year, years=known)
        return found
    if not request.communities:
        raise DocumentRequestError("report.need_community", kind=request.kind)
    chosen: list[Community] = []
    for token in request.communities:
        community = find_community(token, data.communities)
        if community not in chosen:
            chosen.append(community)
    return chosen


def plan_documents(request: Request, data: CheckedData) -> Plan:
    """The documents *request* asks for, built in the document language."""
    with using(DOCUMENT_LANGUAGE):
        return _plan(request, data)


def _plan(request: Request, data: CheckedData) -> Plan:
    kind = KINDS[request.kind]
    if request.format is not None and request.format not in kind.formats:
        formats = Listing(kind.formats)
        raise DocumentRequestError(
            "report.format_not_for_kind", kind=kind.name, format=request.format, formats=formats
        )
    day = _day(request, data)
    year = _year(request, kind, data.communities, day.date)
    base = request.provenance or unknown(day.date, built_today=not day.asked)
    provenance = base.for_criteria(data.criteria.criteria_for(year))

    def subject(of: DocumentKind, community: Community | None = None) -> Subject:
        return Subject(
            of, data, year, provenance, community, request.issued, day.date, request.records
        )

    if kind.scope != "community" and request.communities:
        raise DocumentRequestError("report.no_communities_for_kind", kind=kind.name)
    plan = Plan(
        kind=kind,
        year=year,
        title=title(KINDS[SUBMISSION], data.town, year),
        provenance=provenance,
    )
    if kind.scope == "community":
        for community in _chosen(request, data, year, day.date):
            plan.documents.append(make(subject(kind, community)))
        plan.index = request.all or len(plan.documents) > 1
    elif kind.scope == "town":
        plan.documents.append(make(subject(kind)))
    else:
        # A bundle: the town's documents first, then each submitting community's,
        # as the town forwards them to the district.  Drafts (not submitted by
        # the day it is signed) are listed in the summary but not bound.
        parts = [KINDS[name] for name in kind.parts]
        for part in parts:
            if part.scope == "town":
                plan.documents.append(make(subject(part)))
        sent = submitted(data.communities, year, day.date)
        evaluated = applicants(data.communities, year, day.date)
        if not sent:
            raise DocumentRequestError("report.nothing_submitted", year=year, drafts=len(evaluated))
        for community in sent:
            for part in parts:
                if part.scope == "community":
                    plan.documents.append(make(subject(part, community)))
        plan.drafts = [c.name for c in evaluated if c not in sent]
        plan.bundle = list(plan.documents)
        plan.index = True
    return plan


def index_entries(plan: Plan, names: Sequence[str]) -> list[IndexEntry]:
    """The index of what was written: *names* are the file names, documents first
    (in plan order), then the bundle if there is one."""
    with using(DOCUMENT_LANGUAGE):
        entries = [
            IndexEntry(
                group=doc.kind.name,
                title=doc.title,
                href=name,
                community=doc.community_name,
                note=tr("document.draft") if doc.draft else None,
            )
            for doc, name in zip(plan.documents, names, strict=False)
        ]
        if len(names) > len(plan.documents):
            # The index is headed by the submission's title: the entry says
            # what the file is, not the title again.
            bundle = tr("document.bundle_entry", count=len(plan.bundle))
            entries.append(IndexEntry(plan.kind.name, bundle, names[len(plan.documents)]))
    return entries
