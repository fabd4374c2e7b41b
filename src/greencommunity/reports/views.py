"""View models: the plain values each document template receives.

Templates never see raw files or pydantic models, only these frozen dataclasses
of strings, numbers, dates and tuples, built from the loaded models and the
results of ``greencommunity.scoring``, ``status`` and ``progress``.  The wording
of the documents lives in the templates; the numbers are computed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from greencommunity.models import Community, Criteria, Town
from greencommunity.models.community import Assessment, Project, ProjectStatus
from greencommunity.progress import Progress, compute_progress
from greencommunity.scoring import Blocker, Evaluation, evaluate
from greencommunity.status import CommunityYear, StageResult, Status, community_status

# The town office that collects and forwards the submission (方案四（三）) and
# the district office it goes to.  Used when town.yaml does not name them.
DEFAULT_ISSUER = "镇三大整治办"
RECIPIENT = "区精细化推进办"
NO_FUNDING = "未列专项资金"


class ReportDataError(Exception):
    """The data cannot make the asked document; the message says why."""


# --------------------------------------------------------------------------- shared


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


@dataclass(frozen=True)
class BlockerView:
    kind: str  # total / category / required
    subject: str
    title: str
    actual: float
    required: float
    short: float
    points: float
    min_share: float | None


@dataclass(frozen=True)
class RuleLine:
    """One clause of the pass rule, e.g. "总分不低于 70 分"."""

    kind: str  # total / category / required
    subject: str
    title: str
    value: float  # points for total and required, share for category


@dataclass(frozen=True)
class CategoryRow:
    id: int
    title: str
    points: float
    score: float
    share: float
    min_share: float | None
    ok: bool


@dataclass(frozen=True)
class ScoreView:
    """An evaluation as the documents show it."""

    points: float
    score: float
    min_total: float
    passed: bool
    categories: tuple[CategoryRow, ...]
    blockers: tuple[BlockerView, ...]


def _blocker(b: Blocker) -> BlockerView:
    return BlockerView(
        kind=b.kind,
        subject=b.subject,
        title=b.title,
        actual=b.actual,
        required=b.required,
        short=b.short,
        points=b.points,
        min_share=b.min_share,
    )


def score_view(criteria: Criteria, evaluation: Evaluation) -> ScoreView:
    blocked = {b.subject for b in evaluation.blockers if b.kind == "category"}
    return ScoreView(
        points=evaluation.points,
        score=evaluation.total,
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
            )
            for c in evaluation.categories
        ),
        blockers=tuple(_blocker(b) for b in evaluation.blockers),
    )


def rule_lines(criteria: Criteria) -> tuple[RuleLine, ...]:
    rule = criteria.pass_rule
    lines = [RuleLine("total", "total", "", rule.min_total)]
    if rule.min_category_share is not None:
        lines.append(RuleLine("category", "*", "", rule.min_category_share))
    for category in criteria.categories:
        if category.min_share is not None:
            lines.append(RuleLine("category", str(category.id), category.title, category.min_share))
    items = criteria.items()
    for required in rule.required_items:
        item = items.get(required.item)
        if item is None:
            continue
        minimum = required.min_score if required.min_score is not None else item.points
        lines.append(RuleLine("required", item.id, item.title, minimum))
    return tuple(lines)


def _issuer(town: Town) -> str:
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


def _meta(
    kind: str,
    title: str,
    town: Town,
    year: int,
    issued: dt.date | None,
    communities: Sequence[Community],
) -> Meta:
    return Meta(
        kind=kind,
        title=title,
        town=town.name,
        district=town.district,
        city=town.city,
        plan_title=town.plan_title,
        year=year,
        issued=issued,
        issuer=_issuer(town),
        issuer_full=_full_name(town.name, _issuer(town)),
        recipient=RECIPIENT,
        illustrative=tuple(c.name for c in communities if c.illustrative),
        all_illustrative=bool(communities) and all(c.illustrative for c in communities),
    )


# --------------------------------------------------------------------------- community


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
    done_on: dt.date | None
    status: str  # as of the document's date: planned / in_progress / done
    note: str | None


def project_status_as_of(project: Project, as_of: dt.date | None) -> str:
    """The project's status on *as_of*: a project finished later was still in
    progress then, one started later was still planned."""
    status = project.status
    if as_of is None:
        return status.value
    if project.start is not None and project.start > as_of:
        return ProjectStatus.PLANNED.value
    if project.done_on is not None:
        return (ProjectStatus.DONE if project.done_on <= as_of else ProjectStatus.IN_PROGRESS).value
    return status.value


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
        done_on=project.done_on
        if project.done_on and (as_of is None or project.done_on <= as_of)
        else None,
        status=project_status_as_of(project, as_of),
        note=project.note,
    )


def projects_for_year(community: Community, year: int) -> list[Project]:
    """Projects a year's documents report: not cancelled, started by that year."""
    return [
        p
        for p in community.plan
        if p.status is not ProjectStatus.CANCELLED and (p.start is None or p.start.year <= year)
    ]


def _assessment(community: Community, year: int) -> Assessment:
    assessment = community.assessment(year)
    if assessment is None or assessment.self is None:
        raise ReportDataError(f"{community.id}:{year}")
    return assessment


def _as_of(assessment: Assessment, issued: dt.date | None) -> dt.date | None:
    if assessment.submitted is not None:
        return assessment.submitted
    if issued is not None:
        return issued
    return assessment.self.date if assessment.self is not None else None


# --------------------------------------------------------------------------- application


@dataclass(frozen=True)
class ItemNote:
    item_id: str
    title: str
    note: str


@dataclass(frozen=True)
class ElementView:
    """One of the five standard elements, with what the community did under it."""

    id: int
    title: str
    source: str | None
    points: float
    score: float
    projects: tuple[ProjectView, ...]
    notes: tuple[ItemNote, ...]


@dataclass(frozen=True)
class FundingRow:
    channel: str
    projects: int
    budget: float
    spent: float


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
    funding: tuple[FundingRow, ...]
    budget_total: float
    spent_total: float
    project_count: int
    done_count: int
    score: ScoreView
    rules: tuple[RuleLine, ...]
    evidence: tuple[EvidenceRow, ...]
    illustrative: bool


def _funding_rows(projects: Sequence[Project]) -> tuple[FundingRow, ...]:
    order: list[str] = []
    rows: dict[str, list[Project]] = {}
    for p in projects:
        key = p.funding or NO_FUNDING
        if key not in rows:
            order.append(key)
            rows[key] = []
        rows[key].append(p)
    order.sort(key=lambda k: k == NO_FUNDING)
    return tuple(
        FundingRow(
            channel=k,
            projects=len(rows[k]),
            budget=round(sum(p.budget or 0.0 for p in rows[k]), 2),
            spent=round(sum(p.spent or 0.0 for p in rows[k]), 2),
        )
        for k in order
    )


def application_view(
    town: Town,
    criteria: Criteria,
    community: Community,
    year: int,
    issued: dt.date | None = None,
) -> ApplicationView:
    assessment = _assessment(community, year)
    sheet = assessment.self
    assert sheet is not None
    as_of = _as_of(assessment, issued)
    evaluation = evaluate(criteria, sheet.scores)
    by_category = {c.id: c for c in evaluation.categories}
    projects = projects_for_year(community, year)
    items = criteria.items()
    elements = []
    for category in criteria.categories:
        ids = [i.id for i in category.items]
        serving = [p for p in projects if any(i in ids for i in p.items)]
        notes = tuple(
            ItemNote(i, items[i].title, sheet.notes[i]) for i in ids if sheet.notes.get(i)
        )
        scored = by_category[category.id]
        elements.append(
            ElementView(
                id=category.id,
                title=category.title,
                source=category.source,
                points=scored.points,
                score=scored.score,
                projects=tuple(project_view(p, as_of) for p in serving),
                notes=notes,
            )
        )
    involved: list[str] = []
    for p in projects:
        for name in (p.lead, *p.partners):
            if name not in involved:
                involved.append(name)
    evidence = tuple(
        EvidenceRow(item.id, item.title, tuple(sheet.evidence[item.id]))
        for category in criteria.categories
        for item in category.items
        if sheet.evidence.get(item.id)
    )
    views = [project_view(p, as_of) for p in projects]
    return ApplicationView(
        meta=_meta(
            "application",
            f"{community.name}绿色社区创建申请报告",
            town,
            year,
            issued if issued is not None else assessment.submitted,
            [community],
        ),
        community=profile_view(community),
        submitted=assessment.submitted,
        self_date=sheet.date,
        as_of=as_of,
        leads=tuple(
            DepartmentView(d.name, tuple(d.duties)) for d in town.departments if d.role == "lead"
        ),
        participants=tuple(d.name for d in town.departments if d.role == "participant"),
        departments_involved=tuple(involved),
        elements=tuple(elements),
        funding=_funding_rows(projects),
        budget_total=round(sum(p.budget or 0.0 for p in projects), 2),
        spent_total=round(sum(p.spent or 0.0 for p in projects), 2),
        project_count=len(views),
        done_count=sum(v.status == ProjectStatus.DONE.value for v in views),
        score=score_view(criteria, evaluation),
        rules=rule_lines(criteria),
        evidence=evidence,
        illustrative=community.illustrative,
    )


# --------------------------------------------------------------------------- score sheet


@dataclass(frozen=True)
class SheetItem:
    id: str
    title: str
    points: float
    score: float | None
    files: tuple[str, ...]
    asked: tuple[str, ...]
    note: str | None
    lost: float


@dataclass(frozen=True)
class SheetCategory(CategoryRow):
    """A category row of the score sheet, with its items."""

    items: tuple[SheetItem, ...]


@dataclass(frozen=True)
class ScoresheetView:
    meta: Meta
    community: ProfileView
    criteria_title: str
    submitted: dt.date | None
    self_date: dt.date
    categories: tuple[SheetCategory, ...]
    score: ScoreView
    rules: tuple[RuleLine, ...]
    illustrative: bool


def scoresheet_view(
    town: Town,
    criteria: Criteria,
    community: Community,
    year: int,
    issued: dt.date | None = None,
) -> ScoresheetView:
    assessment = _assessment(community, year)
    sheet = assessment.self
    assert sheet is not None
    evaluation = evaluate(criteria, sheet.scores)
    score = score_view(criteria, evaluation)
    rows = {r.id: r for r in score.categories}
    asked = {i.id: tuple(i.evidence) for i in criteria.items().values()}
    categories = tuple(
        SheetCategory(
            **vars(rows[c.id]),
            items=tuple(
                SheetItem(
                    id=i.item_id,
                    title=i.title,
                    points=i.points,
                    score=i.score,
                    files=tuple(sheet.evidence.get(i.item_id, ())),
                    asked=asked.get(i.item_id, ()),
                    note=sheet.notes.get(i.item_id) or None,
                    lost=i.lost,
                )
                for i in c.items
            ),
        )
        for c in evaluation.categories
    )
    return ScoresheetView(
        meta=_meta(
            "scoresheet",
            criteria.title,
            town,
            year,
            issued if issued is not None else assessment.submitted,
            [community],
        ),
        community=profile_view(community),
        criteria_title=criteria.title,
        submitted=assessment.submitted,
        self_date=sheet.date,
        categories=categories,
        score=score,
        rules=rule_lines(criteria),
        illustrative=community.illustrative,
    )


# --------------------------------------------------------------------------- town level


@dataclass(frozen=True)
class StageView:
    date: dt.date
    score: float | None
    passed: bool | None
    stated: bool  # the verdict is stated in the data rather than computed


def _stage(result: StageResult | None) -> StageView | None:
    if result is None:
        return None
    return StageView(
        date=result.date,
        score=result.evaluation.total if result.evaluation is not None else None,
        passed=result.passed,
        stated=result.verdict_stated is not None,
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
    passed_in: int | None
    projected_pass: bool
    blockers: tuple[BlockerView, ...]
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
        passed_in=row.passed_in,
        projected_pass=row.projected_pass,
        blockers=tuple(_blocker(b) for b in row.blockers),
        open_projects=tuple(p.title for p in row.open_projects),
        illustrative=row.community.illustrative,
    )


@dataclass(frozen=True)
class TargetView:
    year: int
    target: float
    deadline: dt.date
    denominator: int
    needed: int
    passed: int
    share: float
    met: bool
    short_by: int
    projected_passed: int
    projected_share: float
    projected_met: bool
    counts: tuple[tuple[str, int], ...]


def target_view(progress: Progress) -> TargetView:
    return TargetView(
        year=progress.year,
        target=progress.target,
        deadline=progress.deadline,
        denominator=progress.denominator,
        needed=progress.needed,
        passed=progress.passed,
        share=progress.share,
        met=progress.met,
        short_by=progress.short_by,
        projected_passed=progress.projected_passed,
        projected_share=progress.projected_share,
        projected_met=progress.projected_met,
        counts=tuple((s.value, progress.count(s)) for s in Status),
    )


@dataclass(frozen=True)
class SummaryView:
    meta: Meta
    rows: tuple[CommunityRow, ...]  # communities that submitted this year
    not_submitted: tuple[CommunityRow, ...]  # on file for the year but not submitted
    progress: TargetView | None  # None when town.yaml has no target for the year
    submission_due: str
    criteria_title: str
    min_total: float
    self_passing: int


def _progress_or_none(
    town: Town, criteria: Criteria, communities: Sequence[Community], year: int
) -> Progress | None:
    if town.target_for(year) is None:
        return None
    return compute_progress(town, criteria, communities, year)


def applicants(communities: Sequence[Community], year: int) -> list[Community]:
    """Communities with a self-evaluation for *year*, in batch then id order."""
    found = [c for c in communities if (a := c.assessment(year)) is not None and a.self is not None]
    return sorted(found, key=lambda c: (c.batch, c.id))


def summary_view(
    town: Town,
    criteria: Criteria,
    communities: Sequence[Community],
    year: int,
    issued: dt.date | None = None,
) -> SummaryView:
    on_file = sorted(
        (c for c in communities if c.assessment(year) is not None), key=lambda c: (c.batch, c.id)
    )
    if not on_file:
        raise ReportDataError(str(year))
    statuses = [community_status(criteria, c, year) for c in on_file]
    submitted = [s for s in statuses if (a := s.community.assessment(year)) and a.submitted]
    pending = [s for s in statuses if s not in submitted]
    rows = tuple(community_row(n, s) for n, s in enumerate(submitted, 1))
    progress = _progress_or_none(town, criteria, communities, year)
    return SummaryView(
        meta=_meta(
            "summary",
            f"{town.name}{year}年度绿色社区创建申报汇总表",
            town,
            year,
            issued,
            on_file,
        ),
        rows=rows,
        not_submitted=tuple(community_row(n, s) for n, s in enumerate(pending, len(rows) + 1)),
        progress=target_view(progress) if progress is not None else None,
        submission_due=town.calendar.submission_due,
        criteria_title=criteria.title,
        min_total=criteria.pass_rule.min_total,
        self_passing=sum(1 for r in rows if r.self is not None and r.self.passed),
    )


# --------------------------------------------------------------------------- progress


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str
    value: str


@dataclass(frozen=True)
class ChartGroup:
    label: str
    x: float  # centre of the group's label
    bars: tuple[Bar, ...]
    target_y: float
    target_x1: float
    target_x2: float
    target_label: str


@dataclass(frozen=True)
class ChartView:
    """Geometry of the progress chart, drawn as inline SVG by the template."""

    width: int
    height: int
    left: float
    top: float
    bottom: float
    right: float
    ticks: tuple[tuple[float, str], ...]  # (y, label)
    groups: tuple[ChartGroup, ...]


def _pct_text(share: float) -> str:
    from greencommunity.reports.filters import pct

    return pct(share)


def chart_view(targets: Sequence[TargetView]) -> ChartView:
    width, height = 640, 300
    left, right, top, bottom = 56.0, 16.0, 24.0, 44.0
    plot_h = height - top - bottom
    plot_w = width - left - right

    def y_of(share: float) -> float:
        return round(top + plot_h * (1 - max(0.0, min(1.0, share))), 1)

    ticks = tuple((y_of(v / 100), f"{v}%") for v in range(0, 101, 20))
    groups = []
    n = max(1, len(targets))
    slot = plot_w / n
    bar_w = min(56.0, slot / 3.2)
    for index, t in enumerate(targets):
        centre = left + slot * (index + 0.5)
        bars = (
            Bar(
                x=round(centre - bar_w - 2, 1),
                y=y_of(t.share),
                width=round(bar_w, 1),
                height=round(top + plot_h - y_of(t.share), 1),
                css="passed",
                value=_pct_text(t.share),
            ),
            Bar(
                x=round(centre + 2, 1),
                y=y_of(t.projected_share),
                width=round(bar_w, 1),
                height=round(top + plot_h - y_of(t.projected_share), 1),
                css="projected",
                value=_pct_text(t.projected_share),
            ),
        )
        groups.append(
            ChartGroup(
                label=f"{t.year}年",
                x=round(centre, 1),
                bars=bars,
                target_y=y_of(t.target),
                target_x1=round(centre - bar_w - 14, 1),
                target_x2=round(centre + bar_w + 14, 1),
                target_label=_pct_text(t.target),
            )
        )
    return ChartView(
        width=width,
        height=height,
        left=left,
        top=top,
        bottom=height - bottom,
        right=width - right,
        ticks=ticks,
        groups=tuple(groups),
    )


@dataclass(frozen=True)
class BatchView:
    year: int
    rows: tuple[CommunityRow, ...]
    passed: int


@dataclass(frozen=True)
class ProgressView:
    meta: Meta
    current: TargetView | None  # the report year's target, if it has one
    targets: tuple[TargetView, ...]
    batches: tuple[BatchView, ...]
    remaining: tuple[CommunityRow, ...]  # not yet passed, in path-to-target order
    not_on_file: int
    chart: ChartView
    phases: tuple[tuple[str, str], ...] = field(default=())


def progress_view(
    town: Town,
    criteria: Criteria,
    communities: Sequence[Community],
    year: int,
    issued: dt.date | None = None,
) -> ProgressView:
    if not any(c.assessment(y) for c in communities for y in range(2000, year + 1)) and not any(
        c.batch <= year for c in communities
    ):
        raise ReportDataError(str(year))
    targets = tuple(
        target_view(compute_progress(town, criteria, communities, t.year))
        for t in sorted(town.targets, key=lambda t: t.year)
    )
    current_progress = _progress_or_none(town, criteria, communities, year)
    rows_by_id = {
        s.id: s
        for s in (
            current_progress.communities
            if current_progress is not None
            else tuple(community_status(criteria, c, year) for c in communities)
        )
    }
    ordered = sorted(rows_by_id.values(), key=lambda r: (r.community.batch, r.id))
    numbered = {r.id: community_row(n, r) for n, r in enumerate(ordered, 1)}
    batches = []
    for batch in sorted({r.community.batch for r in ordered}):
        members = tuple(numbered[r.id] for r in ordered if r.community.batch == batch)
        batches.append(
            BatchView(batch, members, sum(1 for m in members if m.status == Status.PASSED.value))
        )
    if current_progress is not None:
        remaining_ids = [s.community.id for s in current_progress.path_to_target] + [
            r.id for r in ordered if r.status is Status.FAILED
        ]
    else:
        remaining_ids = [r.id for r in ordered if r.status is not Status.PASSED]
    return ProgressView(
        meta=_meta(
            "progress",
            f"{town.name}绿色社区创建行动进度报告",
            town,
            year,
            issued,
            communities,
        ),
        current=target_view(current_progress) if current_progress is not None else None,
        targets=targets,
        batches=tuple(batches),
        remaining=tuple(numbered[i] for i in remaining_ids),
        not_on_file=town.urban_communities - len(communities),
        chart=chart_view(targets),
        phases=tuple((p.name, p.summary) for p in town.phases),
    )
