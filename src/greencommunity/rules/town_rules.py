"""Rules tying communities to the town: batches and the denominator."""

from __future__ import annotations

from collections.abc import Iterator

from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.i18n import join
from greencommunity.models.town import PLACEHOLDERS
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


@rule("GC317", Severity.WARNING)
def no_placeholder(ctx: Context) -> Iterator[Diagnostic]:
    """town.yaml 中还有 gc init 写入的占位值
    gc init 在 town.yaml 中为镇名、所属区、所属市和全镇城市社区总数写入占位值
    （某某镇、某某区、某某市、9999），实施方案标题也由占位镇名生成。占位值不是本镇的
    实际情况：城市社区总数 9999 会让进度比例几乎为零。换成实际值之前，gc validate
    --strict 不通过，gc report、gc site 和 gc rollup 拒绝生成材料。
    --
    A placeholder gc init wrote is still in town.yaml
    gc init writes placeholders for the town's name, district and city and the
    number of urban communities (某某镇, 某某区, 某某市, 9999), and the plan's
    title made from the placeholder name. They are not the town's: 9999 urban
    communities makes the share almost nil. Until they are replaced, gc
    validate --strict fails and gc report, gc site and gc rollup refuse.
    """
    loaded = ctx.dataset.town
    if loaded is None or loaded.model is None:
        return
    town = loaded.model
    for field, placeholder in PLACEHOLDERS.items():
        value = getattr(town, field)
        if value == placeholder:
            yield ctx.report(loaded.doc, (field,), "rule.GC317", field=field, value=value)
    title = town.plan_title
    if title is not None and str(PLACEHOLDERS["name"]) in title:
        yield ctx.report(loaded.doc, ("plan_title",), "rule.GC317", field="plan_title", value=title)
