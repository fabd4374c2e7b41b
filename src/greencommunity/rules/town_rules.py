"""Rules tying communities to the town: batches and the denominator."""

from __future__ import annotations

from collections.abc import Iterator

from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import join
from greencommunity.rules.base import Context, Scope, rule


@rule("GC313", scope=Scope.FILE)
def batch_is_target_year(ctx: Context) -> Iterator[Diagnostic]:
    """批次是目标年份
    社区的批次（batch）必须是 town.yaml 中某个目标的年份（实施方案为 2021 和 2022）。
    批次决定社区从哪一年起计入创建计划；不对应任何目标年份时，进度无法归入正确的年度。
    更正批次，或在 town.yaml 的 targets 中增加该年度目标。
    --
    The batch is a target year
    A community's batch must be the year of one of the town's targets (2021 and
    2022 in the plan); otherwise its progress belongs to no target year. Correct
    the batch or add a target for that year.
    """
    town = ctx.dataset.town_model
    if town is None:
        return
    years = sorted(t.year for t in town.targets)
    for doc, model in ctx.communities():
        if model.batch not in years:
            yield ctx.report(
                doc,
                ("batch",),
                "rule.GC313",
                batch=model.batch,
                years=join([str(y) for y in years]),
            )


@rule("GC314")
def within_denominator(ctx: Context) -> Iterator[Diagnostic]:
    """社区文件不多于城市社区总数
    社区文件的数量不能多于 town.yaml 的 urban_communities（全镇城市社区总数，即进度
    比例的分母）。多出来说明分母写小了，或有重复、多余的社区文件；此时比例会超过实际，
    工具不会用它计算进度。更正 urban_communities 或删除多余的文件。
    --
    No more community files than urban communities
    There cannot be more community files than ``urban_communities`` in town.yaml
    (the number of urban communities, the progress denominator). More files mean
    the denominator is too small or a file is extra; the share would be inflated,
    so progress is not computed. Correct the number or remove the extra file.
    """
    loaded = ctx.dataset.town
    if loaded is None or loaded.model is None:
        return
    count = len(ctx.dataset.communities)
    if count > loaded.model.urban_communities:
        yield ctx.report(
            loaded.doc,
            ("urban_communities",),
            "rule.GC314",
            count=count,
            denominator=loaded.model.urban_communities,
        )
