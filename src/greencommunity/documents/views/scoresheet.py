"""The self-evaluation score sheet (自测评分表) of one community for one year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from greencommunity.core.scoring import evaluate_sheet
from greencommunity.documents.kinds import Subject
from greencommunity.documents.views.application import (
    community_meta,
    rectifications,
    self_evaluation,
    unavailable,
)
from greencommunity.documents.views.common import (
    CategoryRow,
    Meta,
    ProfileView,
    ReviewRectifications,
    ScoreView,
    evidence_label,
    profile_view,
    score_view,
)
from greencommunity.loading.provenance import Record, sheet_records

__all__ = ["ScoresheetView", "build", "unavailable"]


@dataclass(frozen=True)
class SheetItem:
    id: str
    title: str
    points: float
    score: float | None
    files: tuple[str, ...]  # the evidence attached
    asked: tuple[str, ...]  # the evidence criteria.yaml asks for
    note: str | None
    lost: float

    @property
    def unsupported(self) -> bool:
        """Scored, asked for evidence, and none attached (rule GC333)."""
        return bool(self.score) and bool(self.asked) and not self.files


@dataclass(frozen=True)
class SheetCategory(CategoryRow):
    """A category row of the score sheet, with its items."""

    items: tuple[SheetItem, ...] = ()  # after CategoryRow's fields with defaults


@dataclass(frozen=True)
class ScoresheetView:
    meta: Meta
    community: ProfileView
    criteria_title: str
    submitted: dt.date | None
    self_date: dt.date
    categories: tuple[SheetCategory, ...]
    score: ScoreView
    # What the reviews asked to rectify by the signing date; () before any review.
    rectifications: tuple[ReviewRectifications, ...] = ()
    # Who recorded the self-evaluation and each review, from git: (sheet, record).
    recorded: tuple[tuple[str, Record], ...] = ()


def build(subject: Subject) -> ScoresheetView:
    community, year = subject.the_community, subject.year
    found = self_evaluation(community, year)
    assert found is not None, "unavailable() is checked first"
    assessment, sheet = found
    criteria = subject.data.criteria.criteria_for(year)
    evaluation = evaluate_sheet(criteria, sheet)
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
                    files=tuple(evidence_label(f) for f in sheet.evidence.get(i.item_id, ())),
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
        meta=community_meta(subject, assessment),
        community=profile_view(community),
        criteria_title=criteria.title,
        submitted=assessment.submitted,
        self_date=sheet.date,
        categories=categories,
        score=score,
        rectifications=rectifications(subject, assessment),
        recorded=sheet_records(subject.records, community.id, year),
    )
