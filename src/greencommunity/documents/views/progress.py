"""The town's progress report (创建进度报告): each target year against its share,
the batches, and what remains to be done."""

from __future__ import annotations

from dataclasses import dataclass

from greencommunity.charts.progress_chart import ChartView, progress_chart
from greencommunity.core.progress import Progress, compute_progress
from greencommunity.core.status import Status, community_status
from greencommunity.core.submissions import in_order
from greencommunity.documents.errors import DocumentRequestError
from greencommunity.documents.kinds import Subject
from greencommunity.documents.views.common import CommunityRow, Meta, community_row, meta
from greencommunity.documents.views.summary import no_year

# What _chart.html.j2 writes before each target's share ("目标 65%").
CHART_TARGET_WORDS = "目标 "


@dataclass(frozen=True)
class BatchView:
    year: int
    rows: tuple[CommunityRow, ...]
    passed: int


@dataclass(frozen=True)
class ProgressView:
    meta: Meta
    current: Progress | None  # the report year's target, if it has one
    targets: tuple[Progress, ...]  # every target year
    batches: tuple[BatchView, ...]
    remaining: tuple[CommunityRow, ...]  # not yet passed, closest to passing first
    not_on_file: int
    chart: ChartView
    phases: tuple[tuple[str, str], ...]


def unavailable(subject: Subject) -> DocumentRequestError | None:
    """Progress of a year needs a community in the plan by then."""
    communities, year = subject.data.communities, subject.year
    started = any(c.batch <= year for c in communities) or any(
        a.year <= year for c in communities for a in c.assessments
    )
    return None if started else no_year(subject)


def build(subject: Subject) -> ProgressView:
    data, year, as_of = subject.data, subject.year, subject.as_of
    town, criteria, communities = data.town, data.criteria, data.communities
    targets = tuple(
        compute_progress(town, criteria, communities, t.year, as_of)
        for t in sorted(town.targets, key=lambda t: t.year)
    )
    current = next((t for t in targets if t.year == year), None)
    rows = (
        current.communities
        if current is not None
        else tuple(community_status(criteria, c, year, as_of) for c in in_order(communities))
    )
    numbered = {r.id: community_row(n, r) for n, r in enumerate(rows, 1)}
    batches = []
    for batch in sorted({r.community.batch for r in rows}):
        members = tuple(numbered[r.id] for r in rows if r.community.batch == batch)
        passed = sum(1 for m in members if m.status == Status.PASSED.value)
        batches.append(BatchView(batch, members, passed))
    if current is not None:
        remaining = [s.community.id for s in current.path_to_target]
        remaining += [r.id for r in rows if r.status is Status.FAILED]
    else:
        remaining = [r.id for r in rows if r.status is not Status.PASSED]
    return ProgressView(
        meta=meta(subject.kind, town, year, subject.issued, communities, subject.provenance),
        current=current,
        targets=targets,
        batches=tuple(batches),
        remaining=tuple(numbered[i] for i in remaining),
        not_on_file=town.urban_communities - len(communities),
        chart=progress_chart(targets, target_words=CHART_TARGET_WORDS),
        phases=tuple((p.name, p.summary) for p in town.phases),
    )
