"""What every document's view model is made of: the heading and footer (Meta),
a score sheet's result, a community's profile and projects, a row of a table
of communities.

View models are frozen dataclasses of text, numbers, dates and tuples; the
templates see nothing else.  Numbers stay exact here and are written by the
templates' filters (``figures``); sentences (why a sheet fails, the pass rule)
are worded here by ``labels``, in the document language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from greencommunity import labels
from greencommunity.core.projects import done_on_as_of, status_as_of
from greencommunity.core.rectifications import ReviewStage, of_year
from greencommunity.core.scoring import CategoryScore, Evaluation, pass_rule_clauses
from greencommunity.core.status import CommunityYear, StageResult, review_result
from greencommunity.figures import points, signed_points
from greencommunity.i18n import tr
from greencommunity.models import Community, Criteria, Town
from greencommunity.models.community import Project, Review
from greencommunity.models.editions import CriteriaByYear

if TYPE_CHECKING:
    from greencommunity.documents.kinds import DocumentKind
    from greencommunity.provenance import Provenance

# The town office that collects and forwards the submission (方案四（三）) and
# the district office it goes to; used when town.yaml does not name them.
DEFAULT_ISSUER = "镇三大整治办"
RECIPIENT = "区精细化推进办"


@dataclass(frozen=True)
class Meta:
    """What every document shows in its heading and footer."""

    kind: str
    title: str
    town: str
    district: str
    city: str
    plan_title: str | None
    year: int
    issued: dt.date | None
    issuer: str
    issuer_full: str  # with the town's name: 赵巷镇三大整治办
    recipient: str
    illustrative: tuple[str, ...]  # names of communities whose data are illustrative
    all_illustrative: bool  # every community the document covers is illustrative
    draft: bool  # a community's document not yet submitted
    provenance: Provenance  # what it was computed from, as of the day it speaks of


def issuer(town: Town) -> str:
    """The department that signs the town's documents (镇三大整治办 in the plan)."""
    names = [d.name for d in town.departments]
    if DEFAULT_ISSUER in names:
        return DEFAULT_ISSUER
    leads = [d.name for d in town.departments if d.role == "lead"]
    return leads[0] if leads else DEFAULT_ISSUER


def _full_name(town: str, department: str) -> str:
    """赵巷镇 + 镇三大整治办 → 赵巷镇三大整治办 (the 镇 is not repeated)."""
    if department.startswith("镇") and town.endswith("镇"):
        return town + department[1:]
    return town + department


def title(kind: DocumentKind, town: Town, year: int, community: Community | None = None) -> str:
    """The document's title, from the catalog: the same in its heading and the index."""
    return tr(kind.title, town=town.name, year=year, community=community.name if community else "")


def meta(
    kind: DocumentKind,
    town: Town,
    year: int,
    issued: dt.date | None,
    covered: Sequence[Community],
    provenance: Provenance,
    community: Community | None = None,
    draft: bool = False,
) -> Meta:
    signer = issuer(town)
    return Meta(
        kind=kind.name,
        title=title(kind, town, year, community),
        town=town.name,
        district=town.district,
        city=town.city,
        plan_title=town.plan_title,
        year=year,
        issued=issued,
        issuer=signer,
        issuer_full=_full_name(town.name, signer),
        recipient=RECIPIENT,
        illustrative=tuple(c.name for c in covered if c.illustrative),
        all_illustrative=bool(covered) and all(c.illustrative for c in covered),
        draft=draft,
        provenance=provenance,
    )


# --------------------------------------------------------------------- score sheets


@dataclass(frozen=True)
class CategoryRow:
    id: int
    title: str
    points: float
    score: float
    share: Fraction
    min_share: float | None
    ok: bool
    # A scored category's minimum in points; a bonus's or deduction's cap and
    # what it counts (shown instead of the share, which means nothing there).
    note: str = ""
    scored: bool = True


@dataclass(frozen=True)
class ScoreView:
    """An evaluation as the documents show it."""

    points: float
    score: float
    share: Fraction
    min_total: float
    passed: bool
    categories: tuple[CategoryRow, ...]
    blockers: tuple[str, ...]  # why it does not pass, one sentence per rule
    clauses: tuple[str, ...]  # the pass rule, clause by clause
    level: str | None = None  # a level above the pass the sheet reaches (优秀)


def _note(category: CategoryScore, short: set[str]) -> str:
    if not category.scored:
        return tr(
            "document.counted",
            cap=labels.cap(category.kind, category.cap, category.points),
            counted=signed_points(category.counted),
        )
    if category.min_points is None:
        return ""
    key = "document.min_points_short" if str(category.id) in short else "document.min_points"
    return tr(key, points=points(category.min_points))


def score_view(criteria: Criteria, evaluation: Evaluation) -> ScoreView:
    blocked = {b.subject for b in evaluation.blockers if b.kind == "category"}
    short = {b.subject for b in evaluation.blockers if b.kind == "category_points"}
    return ScoreView(
        points=evaluation.points,
        score=evaluation.total,
        share=evaluation.share,
        min_total=criteria.pass_rule.min_total,
        passed=evaluation.passed,
        categories=tuple(
            CategoryRow(
                id=c.id,
                title=c.title,
                points=c.points,
                score=c.score,
                share=c.share,
                min_share=c.min_share,
                ok=str(c.id) not in blocked,
                note=_note(c, short),
                scored=c.scored,
            )
            for c in evaluation.categories
        ),
        blockers=tuple(labels.blocker(b) for b in evaluation.blockers),
        clauses=tuple(labels.clause(c) for c in pass_rule_clauses(criteria)),
        level=evaluation.level,
    )


# ------------------------------------------------------------------------- evidence

# A year at the end of a file name: 议事会会议记录-2021, 公约_2022.
_YEAR_SUFFIX = re.compile(r"[-_ ]((?:19|20)\d\d)$")


def evidence_label(reference: str) -> str:
    """An evidence file as a reader names it: 议事会会议记录-2021.md → 议事会会议记录（2021年）.

    The printed list names each attached material; its file name on disk
    (the extension, the hyphen before the year) is the data repository's
    business.  A file in a sub-folder keeps the folder: 照片/议事会.jpg →
    照片／议事会.
    """
    path = PurePosixPath(reference)
    name = _YEAR_SUFFIX.sub(lambda m: f"（{m.group(1)}年）", path.stem or path.name)
    return "／".join((*path.parts[:-1], name))


# ------------------------------------------------------------------ rectifications


@dataclass(frozen=True)
class RectificationRow:
    item: str
    title: str
    comment: str
    due: dt.date
    answered: dt.date | None  # None: not answered by the document's date
    note: str | None
    files: tuple[str, ...]
    days_overdue: int  # as of the document's date; 0 when answered or not yet due


@dataclass(frozen=True)
class ReviewRectifications:
    """What one review asked to rectify, and the answers, as of a day."""

    stage: str
    date: dt.date
    reviewers: str | None
    outcome: str | None  # the review's verdict: pass, fail, rectify
    rows: tuple[RectificationRow, ...]


def rectification_views(
    criteria: CriteriaByYear, community: Community, year: int, as_of: dt.date | None
) -> tuple[ReviewRectifications, ...]:
    """The year's reviews that asked for rectifications by *as_of* (the day the
    document is signed: a review after it has asked nothing yet)."""
    groups: dict[ReviewStage, list[RectificationRow]] = {}
    reviews: dict[ReviewStage, Review] = {}
    for r in of_year(criteria, community, year, as_of):
        reviews[r.stage] = r.review
        answer = r.answer
        groups.setdefault(r.stage, []).append(
            RectificationRow(
                item=r.item,
                title=r.title,
                comment=r.comment,
                due=r.due,
                answered=answer.date if answer is not None else None,
                note=answer.note if answer is not None else None,
                files=tuple(evidence_label(f) for f in answer.evidence) if answer else (),
                days_overdue=r.days_overdue,
            )
        )
    return tuple(
        ReviewRectifications(
            stage=stage,
            date=reviews[stage].date,
            reviewers=reviews[stage].reviewers,
            outcome=review_result(criteria.criteria_for(year), stage, reviews[stage]).outcome,
            rows=tuple(rows),
        )
        for stage, rows in groups.items()
    )


# ------------------------------------------------------------------------ community


@dataclass(frozen=True)
class ContactView:
    name: str
    role: str | None
    phone: str | None


@dataclass(frozen=True)
class ProfileView:
    id: str
    name: str
    batch: int
    address: str | None
    households: int | None
    population: int | None
    area_ha: float | None
    estates: tuple[str, ...]
    built: str | None
    summary: str | None
    contacts: tuple[ContactView, ...]
    features: tuple[str, ...]
    problems: tuple[str, ...]
    next_steps: tuple[str, ...]


def profile_view(community: Community) -> ProfileView:
    p = community.profile
    return ProfileView(
        id=community.id,
        name=community.name,
        batch=community.batch,
        address=p.address,
        households=p.households,
        population=p.population,
        area_ha=p.area_ha,
        estates=tuple(p.estates),
        built=p.built,
        summary=p.summary,
        contacts=tuple(ContactView(c.name, c.role, c.phone) for c in p.contacts),
        features=tuple(p.features),
        problems=tuple(p.problems),
        next_steps=tuple(p.next_steps),
    )


@dataclass(frozen=True)
class ProjectView:
    id: str
    title: str
    items: tuple[str, ...]
    lead: str
    partners: tuple[str, ...]
    funding: str | None
    budget: float | None
    spent: float | None
    start: dt.date | None
    due: dt.date | None
    done_on: dt.date | None  # only if done by the document's date
    status: str  # as of the document's date
    note: str | None


def project_view(project: Project, as_of: dt.date | None) -> ProjectView:
    return ProjectView(
        id=project.id,
        title=project.title,
        items=tuple(project.items),
        lead=project.lead,
        partners=tuple(project.partners),
        funding=project.funding,
        budget=project.budget,
        spent=project.spent,
        start=project.start,
        due=project.due,
        done_on=done_on_as_of(project, as_of),
        status=status_as_of(project, as_of).value,
        note=project.note,
    )


# ------------------------------------------------------------------- town's tables


@dataclass(frozen=True)
class StageView:
    date: dt.date
    score: float | None
    passed: bool | None
    stated: bool  # the verdict is stated in the data rather than computed
    outcome: str | None  # pass, fail, rectify (需整改); None without a result
    # Each category's subtotal, in the criteria's order; () when not scored.
    categories: tuple[float, ...] = ()


def _stage(result: StageResult | None) -> StageView | None:
    if result is None:
        return None
    evaluation = result.evaluation
    return StageView(
        date=result.date,
        score=evaluation.total if evaluation is not None else None,
        passed=result.passed,
        stated=result.verdict_stated is not None,
        outcome=result.outcome,
        categories=tuple(c.score for c in evaluation.categories) if evaluation else (),
    )


@dataclass(frozen=True)
class CommunityRow:
    no: int
    id: str
    name: str
    batch: int
    submitted: dt.date | None
    self: StageView | None
    district: StageView | None
    city: StageView | None
    status: str
    status_text: str  # 已达标（2021年）: the words of gc progress
    passed_in: int | None
    projected_pass: bool
    blockers: tuple[str, ...]
    open_projects: tuple[str, ...]
    illustrative: bool


def community_row(no: int, row: CommunityYear) -> CommunityRow:
    assessment = row.community.assessment(row.year)
    return CommunityRow(
        no=no,
        id=row.id,
        name=row.name,
        batch=row.community.batch,
        submitted=assessment.submitted if assessment is not None else None,
        self=_stage(row.self_result),
        district=_stage(row.district_result),
        city=_stage(row.city_result),
        status=row.status.value,
        status_text=labels.status_in_year(row.status, row.passed_in, row.year),
        passed_in=row.passed_in,
        projected_pass=row.projected_pass,
        blockers=tuple(labels.blocker(b) for b in row.blockers),
        open_projects=tuple(p.title for p in row.open_projects),
        illustrative=row.community.illustrative,
    )
