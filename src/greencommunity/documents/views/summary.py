"""The town's summary of a year's applications (申报汇总表), sent to the district."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from greencommunity.core.evaluations import year_lines
from greencommunity.core.progress import Progress, compute_progress
from greencommunity.core.status import community_status
from greencommunity.core.submissions import on_file, submitted_by
from greencommunity.core.years import assessment_years
from greencommunity.documents.errors import DocumentRequestError, years_text
from greencommunity.documents.kinds import Subject
from greencommunity.documents.views.common import CommunityRow, Meta, community_row, meta


@dataclass(frozen=True)
class CategoryHead:
    """A category as a column of the summary: its subtotals are in each row's
    ``StageView.categories``, in this order."""

    id: int
    title: str
    points: float


@dataclass(frozen=True)
class SummaryView:
    meta: Meta
    rows: tuple[CommunityRow, ...]  # communities that submitted this year
    not_submitted: tuple[CommunityRow, ...]  # on file for the year but not submitted
    progress: Progress | None  # None when town.yaml has no target for the year
    submission_due: str
    criteria_title: str
    min_total: float
    self_passing: int
    categories: tuple[CategoryHead, ...] = ()
    # The year's annual evaluations (年度评估): who filed one, who owes one.
    evaluations: tuple[EvaluationLine, ...] = ()


@dataclass(frozen=True)
class EvaluationLine:
    name: str
    filed: dt.date | None  # None: owed and not filed


def no_year(subject: Subject) -> DocumentRequestError:
    years = years_text(assessment_years(subject.data.communities))
    return DocumentRequestError("report.no_year", year=subject.year, years=years)


def unavailable(subject: Subject) -> DocumentRequestError | None:
    """The summary of a year needs some community's assessment of that year."""
    return None if on_file(subject.data.communities, subject.year) else no_year(subject)


def build(subject: Subject) -> SummaryView:
    data, year, as_of = subject.data, subject.year, subject.as_of
    sheet = data.criteria.criteria_for(year)
    present = on_file(data.communities, year)
    statuses = [community_status(data.criteria, c, year, as_of) for c in present]
    # Submitted by the day the summary speaks as of; the rest are pending.
    sent = [s for s in statuses if submitted_by(s.community.assessment(year), as_of)]
    pending = [s for s in statuses if s not in sent]
    rows = tuple(community_row(n, s) for n, s in enumerate(sent, 1))
    return SummaryView(
        meta=meta(subject.kind, data.town, year, subject.issued, present, subject.provenance),
        rows=rows,
        not_submitted=tuple(community_row(n, s) for n, s in enumerate(pending, len(rows) + 1)),
        progress=(
            compute_progress(data.town, data.criteria, data.communities, year, as_of)
            if data.town.target_for(year) is not None
            else None
        ),
        submission_due=data.town.calendar.submission_due,
        criteria_title=sheet.title,
        min_total=sheet.pass_rule.min_total,
        self_passing=sum(1 for r in rows if r.self is not None and r.self.passed),
        categories=tuple(CategoryHead(c.id, c.title, c.points) for c in sheet.categories),
        evaluations=tuple(
            EvaluationLine(line.community.name, line.filed)
            for line in year_lines(data.criteria, data.communities, year, as_of or subject.issued)
        ),
    )
