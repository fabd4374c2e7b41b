"""Annual evaluation rules (年度评估): one account per year, in figures the
score sheet names."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import join, tr
from greencommunity.rules.base import Context, Scope, rule


@rule("GC360", scope=Scope.FILE)
def known_indicators(ctx: Context) -> Iterator[Diagnostic]:
    """年度评估的指标在评分表中列出
    年度评估（evaluation）的 indicators 中的每个指标编号，必须列在该年度施行的评分表
    （criteria.yaml 或 criteria/<年度>.yaml）的 indicators 中：汇总和报告按评分表的名称
    和单位写出指标。常见原因是编号写错，或评分表还没有列出这个指标。更正编号，或在评分表
    的 indicators 中加上它。
    --
    Evaluation indicators are listed in the score sheet
    Every indicator id in an annual evaluation's indicators must be listed under
    indicators in the score sheet in force for its year (criteria.yaml or
    criteria/<year>.yaml): documents name each indicator and its unit from there.
    Usually a typo, or an indicator the sheet does not list yet. Correct the id, or
    add it to the sheet's indicators.
    """
    for doc, model in ctx.communities():
        for index, evaluation in enumerate(model.evaluation):
            criteria = ctx.dataset.criteria_for(evaluation.year)
            if criteria is None:
                continue  # no sheet for the year (GC346), or one that did not load
            listed = [i.id for i in criteria.indicators]
            for key in evaluation.indicators:
                if key in listed:
                    continue
                close = difflib.get_close_matches(key, listed, n=1, cutoff=0.5)
                yield ctx.report(
                    doc,
                    ("evaluation", index, "indicators", key),
                    "rule.GC360",
                    on_key=True,
                    id=key,
                    year=evaluation.year,
                    listed=tr("rule.GC360.listed", ids=join(listed)) if listed else "",
                    hint=tr("schema.did_you_mean", name=close[0]) if close else "",
                )


@rule("GC361", scope=Scope.FILE)
def one_evaluation_a_year(ctx: Context) -> Iterator[Diagnostic]:
    """每年一项年度评估
    evaluation 中每个年度只能有一项：同一年写了两项，报告不知道用哪一项。合并为一项，
    或更正其中一项的年度（year）。
    --
    One annual evaluation a year
    evaluation holds one entry per year: two entries for the same year leave the
    report unable to choose. Merge them, or correct one entry's year.
    """
    for doc, model in ctx.communities():
        first: dict[int, int] = {}
        for index, evaluation in enumerate(model.evaluation):
            if evaluation.year in first:
                yield ctx.report(
                    doc,
                    ("evaluation", index, "year"),
                    "rule.GC361",
                    year=evaluation.year,
                    first=first[evaluation.year] + 1,
                )
            else:
                first[evaluation.year] = index
