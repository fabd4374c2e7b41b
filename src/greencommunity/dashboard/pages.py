"""The public dashboard's page models: plain values built from the checked data.

Like the documents' view models (``documents/views/``), they hold text,
numbers and dates only; figures are written by ``figures`` and statuses by
``labels`` in the site's language, so the site says what ``gc progress`` says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from greencommunity import labels
from greencommunity.core.progress import Progress, compute_progress
from greencommunity.core.scoring import Evaluation
from greencommunity.core.status import CommunityYear, StageResult, community_status
from greencommunity.core.submissions import in_order
from greencommunity.loading.provenance import Record, RecordKey, sheet_records
from greencommunity.models import Community
from greencommunity.models.editions import CriteriaByYear
from greencommunity.models.folder import CheckedData

# Communities per list page: a page an officer can scroll, and 5,000
# communities are 50 small pages rather than one large one.
PAGE_SIZE = 100


@dataclass(frozen=True)
class Row:
    """A community in a list."""

    id: str
    name: str
    batch: int
    status: str  # the status value (for filtering)
    status_text: str  # its words: 已达标（2021年）
    passed_in: int | None
    score: float | None  # the score the status rests on: official, else self
    illustrative: bool


@dataclass(frozen=True)
class BatchCount:
    year: int
    communities: int
    passed: int


@dataclass(frozen=True)
class CategoryLine:
    id: int
    title: str
    points: float
    score: float
    share: Fraction


@dataclass(frozen=True)
class Scores:
    stage: str  # whose scores: 自评, 区级初审 …
    date: dt.date
    total: float
    points: float
    passed: bool | None
    categories: tuple[CategoryLine, ...]
    blockers: tuple[str, ...]


@dataclass(frozen=True)
class ProjectLine:
    title: str
    items: tuple[str, ...]
    lead: str
    partners: tuple[str, ...]
    funding: str
    status: str
    due: dt.date | None
    done_on: dt.date | None


@dataclass(frozen=True)
class EvidenceLine:
    year: int
    item: str
    title: str
    files: tuple[str, ...]


@dataclass(frozen=True)
class RecordedLine:
    """Who recorded a sheet of the year, from git."""

    stage: str  # 自评, 区级初审 …
    name: str
    day: dt.date
    commit: str  # short
    signed: bool


@dataclass(frozen=True)
class CommunityPage:
    row: Row
    year: int
    address: str | None
    households: int | None
    summary: str | None
    scores: Scores | None
    projects: tuple[ProjectLine, ...]
    evidence: tuple[EvidenceLine, ...]
    recorded: tuple[RecordedLine, ...] = ()


@dataclass(frozen=True)
class TownSite:
    """Everything the town's pages show."""

    town: str
    district: str
    city: str
    plan_title: str | None
    year: int  # the year the lists speak of
    standings: tuple[Progress, ...]  # every target year, ascending
    rows: tuple[Row, ...]  # every community on file, batch then id
    pages: tuple[CommunityPage, ...]
    denominator: int
    illustrative: bool

    @property
    def passed(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.status == "passed")

    @property
    def statuses(self) -> tuple[tuple[str, str], ...]:
        """The statuses present, (value, words), in the order of ``labels.STATUS``."""
        present = {r.status for r in self.rows}
        return tuple((s, labels.status(s)) for s in labels.STATUS if s in present)

    @property
    def small(self) -> bool:
        """Few enough communities to list them all on the first page."""
        return len(self.rows) <= PAGE_SIZE

    @property
    def batch_counts(self) -> tuple[BatchCount, ...]:
        return tuple(
            BatchCount(year, len(rows), sum(r.status == "passed" for r in rows))
            for year, rows in self.batches
        )

    @property
    def batches(self) -> tuple[tuple[int, tuple[Row, ...]], ...]:
        years = sorted({r.batch for r in self.rows})
        return tuple((y, tuple(r for r in self.rows if r.batch == y)) for y in years)

    def list_pages(self) -> list[tuple[Row, ...]]:
        """The community list cut into pages of PAGE_SIZE."""
        rows = self.rows
        return [rows[i : i + PAGE_SIZE] for i in range(0, len(rows), PAGE_SIZE)] or [()]


def _basis(row: CommunityYear) -> StageResult | None:
    """The result the status rests on: the official one, else the self-evaluation."""
    if row.passed_result is not None:
        return row.passed_result
    return row.official or row.self_result


def _scores(result: StageResult | None) -> Scores | None:
    if result is None or result.evaluation is None:
        return None
    e: Evaluation = result.evaluation
    return Scores(
        stage=labels.stage(result.stage),
        date=result.date,
        total=e.total,
        points=e.points,
        passed=result.passed,
        categories=tuple(
            CategoryLine(c.id, c.title, c.points, c.score, c.share) for c in e.categories
        ),
        blockers=tuple(labels.blocker(b) for b in e.blockers),
    )


def _row(status: CommunityYear) -> Row:
    basis = _basis(status)
    score = basis.evaluation.total if basis is not None and basis.evaluation else None
    return Row(
        id=status.id,
        name=status.name,
        batch=status.community.batch,
        status=status.status.value,
        status_text=labels.status_in_year(status.status, status.passed_in, status.year),
        passed_in=status.passed_in,
        score=score,
        illustrative=status.community.illustrative,
    )


def _evidence(community: Community, criteria: CriteriaByYear) -> tuple[EvidenceLine, ...]:
    """The evidence of each self-evaluation, year by year, with the items' titles
    (the year's criteria's items are gathered once per year, not once per item)."""
    lines: list[EvidenceLine] = []
    for a in sorted(community.assessments, key=lambda a: a.year):
        if a.self is None:
            continue
        items = criteria.criteria_for(a.year).items()
        lines += (
            EvidenceLine(a.year, item, items[item].title if item in items else "", tuple(files))
            for item, files in a.self.evidence.items()
        )
    return tuple(lines)


def _page(
    status: CommunityYear, criteria: CriteriaByYear, records: Mapping[RecordKey, Record]
) -> CommunityPage:
    community = status.community
    profile = community.profile
    return CommunityPage(
        row=_row(status),
        year=status.year,
        address=profile.address,
        households=profile.households,
        summary=profile.summary,
        scores=_scores(_basis(status)),
        projects=tuple(
            ProjectLine(
                title=p.title,
                items=tuple(p.items),
                lead=p.lead,
                partners=tuple(p.partners),
                funding=labels.funding_channel(p.funding),
                status=labels.project_status(p.status),
                due=p.due,
                done_on=p.done_on,
            )
            for p in community.plan
        ),
        evidence=_evidence(community, criteria),
        recorded=tuple(
            RecordedLine(labels.stage(sheet), r.name, r.day, r.short, r.signed)
            for sheet, r in sheet_records(records, community.id, status.year)
        ),
    )


def town_site(
    data: CheckedData, year: int, records: Mapping[RecordKey, Record] | None = None
) -> TownSite:
    """The town's pages for *year*; *records* say who recorded each sheet (from
    git: ``loading/provenance.review_records``), none when not given."""
    town, criteria = data.town, data.criteria
    standings = tuple(
        compute_progress(town, criteria, data.communities, t.year)
        for t in sorted(town.targets, key=lambda t: t.year)
    )
    ordered = in_order(data.communities)
    # The year's statuses: the standing of that year has them already (in the
    # same order); a year without a target is computed here.
    current = next((p for p in standings if p.year == year), None)
    statuses = (
        current.communities
        if current is not None
        else tuple(community_status(criteria, c, year) for c in ordered)
    )
    pages = tuple(_page(s, criteria, records or {}) for s in statuses)
    return TownSite(
        town=town.name,
        district=town.district,
        city=town.city,
        plan_title=town.plan_title,
        year=year,
        standings=standings,
        rows=tuple(p.row for p in pages),
        pages=pages,
        denominator=town.urban_communities,
        illustrative=any(c.illustrative for c in ordered),
    )
