"""Score rules: every mark lies within the item's points and on the score step;
submitted sheets are complete.  Each assessment is checked against the score
sheet in force for its year (``Dataset.criteria_for``)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TypedDict

from greencommunity import labels
from greencommunity.core.rectifications import REVIEW_STAGES
from greencommunity.core.scoring import evaluate_sheet
from greencommunity.core.status import STAGES
from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.figures import exact, number, points
from greencommunity.i18n import join, tr
from greencommunity.models.community import Verdict
from greencommunity.rules.base import Context, Scope, rule

# Decimals of a score as written in a message: 4.123456 is shown as written.
WRITTEN_DIGITS = 9


@rule("GC306", scope=Scope.FILE)
def score_within_points(ctx: Context) -> Iterator[Diagnostic]:
    """得分不超过条目分值
    每个条目的得分必须在 0 与该条目分值（该年评分表中的 points）之间。超出分值
    通常是录入错误，或评分表改版后分值变了。按评分表更正得分。
    --
    Scores within the item's points
    Every score must lie between 0 and the item's points in the year's score sheet.
    A higher mark is usually a typing error or a score sheet whose points changed.
    Correct the score.
    """
    for doc, model in ctx.communities():
        for a_index, assessment in enumerate(model.assessments):
            criteria = ctx.dataset.criteria_for(assessment.year)
            if criteria is None:
                continue  # no sheet for the year (GC346), or one that did not load
            items = criteria.items()
            for stage in STAGES:
                sheet = getattr(assessment, stage)
                if sheet is None:
                    continue
                for item_id, score in sheet.scores.items():
                    item = items.get(item_id)
                    if item is not None and score > item.points:
                        yield ctx.report(
                            doc,
                            ("assessments", a_index, stage, "scores", item_id),
                            "rule.GC306",
                            item=item_id,
                            score=points(score),
                            points=points(item.points),
                            stage=labels.stage(stage),
                        )


@functools.lru_cache(maxsize=4096)
def on_step(value: float, step: float) -> bool:
    """*value* is a whole multiple of *step*, exactly as written (never float modulo:
    0.3 % 0.1 is not 0).  Cached: a town's sheets use a handful of marks."""
    return (exact(value) / exact(step)).denominator == 1


class Neighbours(TypedDict):
    """A mark off the step and the multiples either side, as messages name them."""

    score: str
    step: str
    below: str
    above: str


def neighbours(value: float, step: float) -> Neighbours:
    """*value* and *step* as written, and the multiples of *step* either side of *value*."""
    below = (exact(value) // exact(step)) * exact(step)
    return Neighbours(
        score=number(value, WRITTEN_DIGITS),
        step=number(step, WRITTEN_DIGITS),
        below=number(below, WRITTEN_DIGITS),
        above=number(below + exact(step), WRITTEN_DIGITS),
    )


@rule("GC322", scope=Scope.FILE)
def score_on_step(ctx: Context) -> Iterator[Diagnostic]:
    """得分是评分步长的整数倍
    每个得分必须是该年评分表（criteria.yaml 或 criteria/<年份>.yaml）中评分步长
    score_step（缺省 0.5 分）的整数倍：步长 0.5 时可以得 4 分或 4.5 分，不能得 4.3 分或
    4.123456 分。这样的得分通常是录入错误（多敲了数字、小数点位置不对），也无法填进纸质
    评分表。改为相邻的整数倍。
    --
    Scores are multiples of the score step
    Every score must be a whole multiple of score_step in the year's score sheet
    (criteria.yaml or criteria/<year>.yaml; 0.5 by default): with a step of 0.5 a
    score may be 4 or 4.5, not 4.3 or 4.123456. Such a score is usually a typing
    error, and it cannot be written on the paper score sheet. Change it to a
    neighbouring multiple.
    """
    for doc, model in ctx.communities():
        for a_index, assessment in enumerate(model.assessments):
            loaded = ctx.dataset.criteria_file_for(assessment.year)
            criteria = loaded.model if loaded is not None else None
            if loaded is None or criteria is None:
                continue
            step = criteria.score_step
            # The file in force that year, which may not be criteria.yaml.
            name = ctx.dataset.relative(loaded.doc.path)
            # An item whose points are off the step is the sheet's problem (GC323).
            items = {i: item for i, item in criteria.items().items() if on_step(item.points, step)}
            for stage in STAGES:
                sheet = getattr(assessment, stage)
                if sheet is None:
                    continue
                for item_id, score in sheet.scores.items():
                    if item_id not in items or on_step(score, step):
                        continue
                    if score > items[item_id].points:
                        continue  # GC306 says the score is wrong
                    yield ctx.report(
                        doc,
                        ("assessments", a_index, stage, "scores", item_id),
                        "rule.GC322",
                        item=item_id,
                        stage=labels.stage(stage),
                        sheet=name,
                        **neighbours(score, step),
                    )


@rule("GC320", Severity.WARNING, scope=Scope.FILE)
def complete_sheet(ctx: Context) -> Iterator[Diagnostic]:
    """已报送的自测评分表完整
    已报送（有 submitted 日期）的自测评分表应对该年评分表计分项的每个条目打分；未评的
    条目按 0 分计算，可能使社区不达标。补上缺少的条目（确实不得分时写 0）。加分项和
    扣分项没有发生时可以不写。
    --
    Submitted self-evaluations are complete
    A submitted self-evaluation sheet should score every item of the scored
    categories of the year's score sheet; an item left out counts as 0, which
    may make the community fail. Add the missing items (write 0 where nothing
    was earned). Bonus and deduction items may be left out when they do not apply.
    """
    for doc, model in ctx.communities():
        for a_index, assessment in enumerate(model.assessments):
            if assessment.self is None or assessment.submitted is None:
                continue
            criteria = ctx.dataset.criteria_for(assessment.year)
            if criteria is None:
                continue
            all_items = [i.id for c in criteria.categories if c.scored for i in c.items]
            missing = [i for i in dict.fromkeys(all_items) if i not in assessment.self.scores]
            if missing:
                yield ctx.report(
                    doc,
                    ("assessments", a_index, "self", "scores"),
                    "rule.GC320",
                    on_key=True,
                    items=join(missing),
                    year=assessment.year,
                )


@rule("GC315", Severity.WARNING, scope=Scope.FILE)
def verdict_matches_scores(ctx: Context) -> Iterator[Diagnostic]:
    """写明的结论与评分一致
    区级或市级考评写了结论（verdict：pass 或 fail），同时录入了评分或一票否决情形，但按
    该年评分表的达标规则算出的结论与写的不同（需整改 rectify 不在此列）。工具以写明的
    结论为正式结果，所以这往往是结论或评分录错了。请对照考评意见核对：改正评分，或改正结论。
    --
    Stated verdicts agree with the scores
    A district or city review states a ``verdict`` (pass or fail; rectify is
    neither) and has scores or vetoes, but they give the other verdict under the
    pass rule of the year's score sheet. The stated verdict is
    taken as the official result, so one of the two is usually mistyped. Check them
    against the review's findings and correct the scores or the verdict.
    """

    for doc, model in ctx.communities():
        for a_index, assessment in enumerate(model.assessments):
            criteria = ctx.dataset.criteria_for(assessment.year)
            if criteria is None:
                continue
            for stage in REVIEW_STAGES:
                review = getattr(assessment, stage)
                # 需整改 is neither verdict: the scores may pass or fail with it.
                if review is None or review.verdict in (None, Verdict.RECTIFY):
                    continue
                if not (review.scores or review.vetoes):
                    continue
                evaluation = evaluate_sheet(criteria, review)
                stated = review.verdict.value == "pass"
                if stated == evaluation.passed:
                    continue
                reasons = tr("clause.separator").join(
                    labels.blocker(b) for b in evaluation.blockers
                )
                yield ctx.report(
                    doc,
                    ("assessments", a_index, stage, "verdict"),
                    "rule.GC315",
                    stage=labels.stage(stage),
                    year=assessment.year,
                    verdict=labels.verdict(stated),
                    computed=labels.verdict(evaluation.passed),
                    total=points(evaluation.total),
                    reasons=tr("rule.GC315.reasons", reasons=reasons) if reasons else "",
                )
