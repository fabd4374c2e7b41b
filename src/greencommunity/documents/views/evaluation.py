"""The annual evaluation (创建情况和实施效果年度评估) of one community for one year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from greencommunity import labels
from greencommunity.core.evaluations import Timing, account
from greencommunity.core.funding import Funding
from greencommunity.core.status import StageResult
from greencommunity.documents.errors import DocumentRequestError, years_text
from greencommunity.documents.kinds import Subject
from greencommunity.documents.views.common import Meta, ProjectView, meta, project_view


@dataclass(frozen=True)
class ProjectRow:
    project: ProjectView
    timing: str  # core.evaluations.Timing, worded by the template's timing_label


@dataclass(frozen=True)
class ScoreRow:
    year: int
    self_score: float | None
    official_score: float | None
    outcome: str | None  # the year's official verdict: pass, fail, rectify
    status: str  # the year's standing, worded: 已达标（2021年）


@dataclass(frozen=True)
class OpenRectificationRow:
    year: int
    stage: str
    item: str
    title: str
    comment: str
    due: dt.date
    days_overdue: int


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    title: str
    unit: str | None
    value: float


@dataclass(frozen=True)
class EvaluationView:
    meta: Meta
    community: str
    batch: int
    passed_in: int | None
    as_of: dt.date
    filed: dt.date
    text: str
    indicators: tuple[IndicatorRow, ...]
    projects: tuple[ProjectRow, ...]
    on_time: int
    late: int
    overdue: int
    open: int
    funding: Funding
    scores: tuple[ScoreRow, ...]
    rectifications: tuple[OpenRectificationRow, ...]


def unavailable(subject: Subject) -> DocumentRequestError | None:
    """The annual evaluation needs the community's own account of the year."""
    community, year = subject.the_community, subject.year
    if community.evaluation_of(year) is not None:
        return None
    return DocumentRequestError(
        "report.no_evaluation",
        community=community.name,
        year=year,
        years=years_text(sorted(e.year for e in community.evaluation)),
    )


def build(subject: Subject) -> EvaluationView:
    community, year, data = subject.the_community, subject.year, subject.data
    own = community.evaluation_of(year)
    assert own is not None, "unavailable() is checked first"
    # The year as the community saw it when it filed its account (or earlier,
    # if an earlier day is asked for).
    day = own.date if subject.as_of is None else min(subject.as_of, own.date)
    found = account(data.town, data.criteria, community, year, day)
    criteria = data.criteria.criteria_for(year)
    named = {i.id: i for i in criteria.indicators}
    last = found.scores[-1].standing if found.scores else None
    return EvaluationView(
        meta=meta(
            subject.kind,
            data.town,
            year,
            subject.issued if subject.issued is not None else own.date,
            [community],
            subject.provenance,
            community,
        ),
        community=community.name,
        batch=community.batch,
        passed_in=last.passed_in if last is not None else None,
        as_of=found.as_of,
        filed=own.date,
        text=own.text,
        indicators=tuple(
            IndicatorRow(
                key,
                named[key].title if key in named else key,
                named[key].unit if key in named else None,
                value,
            )
            for key, value in own.indicators.items()
        ),
        projects=tuple(
            ProjectRow(project_view(p.project, found.as_of), p.timing.value) for p in found.projects
        ),
        on_time=found.count(Timing.ON_TIME),
        late=found.count(Timing.LATE),
        overdue=found.count(Timing.OVERDUE),
        open=found.count(Timing.OPEN),
        funding=found.funding,
        scores=tuple(
            ScoreRow(
                year=move.year,
                self_score=_total(move.standing.self_result),
                official_score=_total(move.standing.official),
                outcome=move.standing.official.outcome if move.standing.official else None,
                status=labels.status_in_year(
                    move.standing.status, move.standing.passed_in, move.year
                ),
            )
            for move in found.scores
        ),
        rectifications=tuple(
            OpenRectificationRow(r.year, r.stage, r.item, r.title, r.comment, r.due, r.days_overdue)
            for r in found.rectifications
        ),
    )


def _total(result: StageResult | None) -> float | None:
    if result is None or result.evaluation is None:
        return None
    return result.evaluation.total
