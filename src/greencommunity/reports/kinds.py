"""The report kinds: which documents a ``gc report`` request makes, and their files.

Errors carry a catalog key and parameters; the CLI translates them, so the core
never decides the wording of a message nor prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from greencommunity.models import Community, Criteria, Town
from greencommunity.reports.choices import Kind
from greencommunity.reports.render import Document, IndexEntry
from greencommunity.reports.views import (
    applicants,
    application_view,
    progress_view,
    scoresheet_view,
    summary_view,
)

PER_COMMUNITY = (Kind.application, Kind.scoresheet)

# Titles of the documents, as the index lists them (always Chinese, like the documents).
KIND_TITLES: dict[str, str] = {
    "application": "创建申请报告",
    "scoresheet": "自测评分表",
    "summary": "申报汇总表",
    "progress": "创建进度报告",
    "submission": "申报材料（合订本）",
}


class ReportRequestError(Exception):
    """The request cannot be served; ``key`` and ``params`` make the message.

    ``exit_code`` is 2 for wrong usage or no data (DESIGN.md §4).
    """

    def __init__(self, key: str, exit_code: int = 2, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        self.exit_code = exit_code


@dataclass(frozen=True)
class Request:
    kind: Kind
    communities: tuple[str, ...] = ()
    all: bool = False
    year: int | None = None
    issued: dt.date | None = None


@dataclass
class Plan:
    """What to write: the documents, whether to add an index and a bundle."""

    year: int
    title: str
    documents: list[Document] = field(default_factory=list)
    index: bool = False
    bundle: list[Document] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def years_with_data(communities: Sequence[Community]) -> list[int]:
    return sorted({a.year for c in communities for a in c.assessments})


def resolve_community(token: str, communities: Sequence[Community]) -> Community:
    """A community by id (songxin), full name (崧鑫居委会) or short name (崧鑫)."""
    wanted = token.strip()
    for community in communities:
        if wanted in (community.id, community.name):
            return community
    short = [c for c in communities if c.name.removesuffix("居委会") == wanted]
    if len(short) == 1:
        return short[0]
    known = "、".join(f"{c.id}（{c.name}）" for c in sorted(communities, key=lambda c: c.id))
    raise ReportRequestError("report.unknown_community", community=token, known=known or "—")


def _default_year(communities: Sequence[Community], request: Request) -> int:
    """The asked year; else the latest year of the named communities' self
    evaluations; else the latest year with any assessment."""
    if request.year is not None:
        return request.year
    if request.kind in PER_COMMUNITY and request.communities and not request.all:
        chosen = [resolve_community(token, communities) for token in request.communities]
        own = {a.year for c in chosen for a in c.assessments if a.self is not None}
        if own:
            return max(own)
    years = years_with_data(communities)
    if not years:
        raise ReportRequestError("report.no_assessments")
    return years[-1]


def _stem(year: int, kind: str, community: Community | None = None) -> str:
    return f"{year}-{community.id}-{kind}" if community is not None else f"{year}-{kind}"


def _community_doc(
    kind: Kind,
    town: Town,
    criteria: Criteria,
    community: Community,
    year: int,
    issued: dt.date | None,
) -> Document:
    assessment = community.assessment(year)
    if assessment is None or assessment.self is None:
        years = sorted(a.year for a in community.assessments if a.self is not None)
        raise ReportRequestError(
            "report.no_self_assessment",
            community=community.name,
            year=year,
            years="、".join(str(y) for y in years) or "—",
        )
    if kind is Kind.application:
        view: object = application_view(town, criteria, community, year, issued)
    else:
        view = scoresheet_view(town, criteria, community, year, issued)
    return Document(
        kind=kind.value,
        stem=_stem(year, kind.value, community),
        title=f"{community.name}{KIND_TITLES[kind.value]}",
        view=view,
        community=community.id,
        community_name=community.name,
    )


def _selected(request: Request, communities: Sequence[Community], year: int) -> list[Community]:
    if request.all:
        found = applicants(communities, year)
        if not found:
            raise ReportRequestError(
                "report.no_applicants",
                year=year,
                years="、".join(str(y) for y in years_with_data(communities)) or "—",
            )
        return found
    if not request.communities:
        raise ReportRequestError("report.need_community", kind=request.kind.value)
    chosen: list[Community] = []
    for token in request.communities:
        community = resolve_community(token, communities)
        if community not in chosen:
            chosen.append(community)
    return chosen


def _summary_doc(
    town: Town,
    criteria: Criteria,
    communities: Sequence[Community],
    year: int,
    issued: dt.date | None,
) -> Document:
    if not any(c.assessment(year) is not None for c in communities):
        raise ReportRequestError(
            "report.no_year",
            year=year,
            years="、".join(str(y) for y in years_with_data(communities)) or "—",
        )
    view = summary_view(town, criteria, communities, year, issued)
    return Document("summary", _stem(year, "summary"), f"{town.name}{year}年度申报汇总表", view)


def plan_documents(
    request: Request, town: Town, criteria: Criteria, communities: Sequence[Community]
) -> Plan:
    """The documents *request* asks for, or a ``ReportRequestError``."""
    year = _default_year(communities, request)
    title = f"{town.name}{year}年度绿色社区创建申报材料"
    plan = Plan(year=year, title=title)
    if request.kind in PER_COMMUNITY:
        for community in _selected(request, communities, year):
            plan.documents.append(
                _community_doc(request.kind, town, criteria, community, year, request.issued)
            )
        plan.index = request.all or len(plan.documents) > 1
        return plan
    if request.communities:
        raise ReportRequestError("report.no_communities_for_kind", kind=request.kind.value)
    if request.kind is Kind.summary:
        plan.documents.append(_summary_doc(town, criteria, communities, year, request.issued))
        return plan
    if request.kind is Kind.progress:
        if not any(c.batch <= year for c in communities) and not any(
            a.year <= year for c in communities for a in c.assessments
        ):
            raise ReportRequestError(
                "report.no_year",
                year=year,
                years="、".join(str(y) for y in years_with_data(communities)) or "—",
            )
        view = progress_view(town, criteria, communities, year, request.issued)
        plan.documents.append(
            Document("progress", _stem(year, "progress"), f"{town.name}绿色社区创建进度报告", view)
        )
        return plan
    # The whole submission of the year, as the town forwards it to the district:
    # the town summary first, then the application report and score sheet of
    # every community that submitted them.  Drafts (no submission date) are
    # listed in the summary but not bundled.
    summary = _summary_doc(town, criteria, communities, year, request.issued)
    plan.documents.append(summary)
    found = applicants(communities, year)
    submitted = [c for c in found if (a := c.assessment(year)) is not None and a.submitted]
    if not submitted:
        raise ReportRequestError("report.nothing_submitted", year=year, drafts=len(found))
    for community in submitted:
        for kind in PER_COMMUNITY:
            plan.documents.append(
                _community_doc(kind, town, criteria, community, year, request.issued)
            )
    plan.notes.extend(c.name for c in found if c not in submitted)
    plan.bundle = list(plan.documents)
    plan.index = True
    return plan


def index_entries(plan: Plan, names: Sequence[str]) -> list[IndexEntry]:
    """The index of what was written: *names* are the file names, documents first
    (in plan order), then the bundle if there is one."""
    entries: list[IndexEntry] = []
    for doc, name in zip(plan.documents, names, strict=False):
        draft = doc.community is not None and getattr(doc.view, "submitted", True) is None
        entries.append(
            IndexEntry(
                group=doc.kind,
                title=doc.title,
                href=name,
                community=doc.community_name,
                note="草稿（未报送）" if draft else None,
            )
        )
    if len(names) > len(plan.documents):
        entries.append(
            IndexEntry(
                group="submission",
                title=f"{plan.title}（{KIND_TITLES['submission']}，可整本打印）",
                href=names[len(plan.documents)],
            )
        )
    return entries
