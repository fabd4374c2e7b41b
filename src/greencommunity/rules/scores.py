"""Score rules: every mark lies within the item's points; submitted sheets are complete."""

from __future__ import annotations

from collections.abc import Iterator

from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.i18n import tr
from greencommunity.rules import Context, rule

STAGES = ("self", "district", "city")


@rule("GC306")
def score_within_points(ctx: Context) -> Iterator[Diagnostic]:
    """每个条目的得分必须在 0 与该条目分值（criteria.yaml 中的 points）之间。超出分值
    通常是录入错误，或评分表改版后分值变了。按评分表更正得分。
    --
    Every score must lie between 0 and the item's points in criteria.yaml. A higher
    mark is usually a typing error or a score sheet whose points changed. Correct
    the score.
    """
    criteria = ctx.dataset.criteria_model
    if criteria is None:
        return
    items = criteria.items()
    for loaded in ctx.dataset.communities:
        if loaded.model is None:
            continue
        for a_index, assessment in enumerate(loaded.model.assessments):
            for stage in STAGES:
                sheet = getattr(assessment, stage)
                if sheet is None:
                    continue
                for item_id, score in sheet.scores.items():
                    item = items.get(item_id)
                    if item is not None and score > item.points:
                        yield ctx.report(
                            loaded.doc,
                            ("assessments", a_index, stage, "scores", item_id),
                            item=item_id,
                            score=_fmt(score),
                            points=_fmt(item.points),
                            stage=tr(f"stage.{stage}"),
                        )


@rule("GC320", Severity.WARNING)
def complete_sheet(ctx: Context) -> Iterator[Diagnostic]:
    """已报送（有 submitted 日期）的自测评分表应对 criteria.yaml 的每个条目打分；未评的
    条目按 0 分计算，可能使社区不达标。补上缺少的条目（确实不得分时写 0）。
    --
    A submitted self-evaluation sheet should score every item of criteria.yaml;
    an item left out counts as 0, which may make the community fail. Add the
    missing items (write 0 where nothing was earned).
    """
    criteria = ctx.dataset.criteria_model
    if criteria is None:
        return
    all_items = list(criteria.items())
    for loaded in ctx.dataset.communities:
        if loaded.model is None:
            continue
        for a_index, assessment in enumerate(loaded.model.assessments):
            if assessment.self is None or assessment.submitted is None:
                continue
            missing = [i for i in all_items if i not in assessment.self.scores]
            if missing:
                yield ctx.report(
                    loaded.doc,
                    ("assessments", a_index, "self", "scores"),
                    key=True,
                    items="、".join(missing),
                    year=assessment.year,
                )


def _fmt(value: float) -> str:
    return f"{value:g}"
