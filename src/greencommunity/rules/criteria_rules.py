"""Rules on criteria.yaml itself: points add up, ids fit their category, the
pass rule can be met, the score step fits every item."""

from __future__ import annotations

from collections.abc import Iterator

from greencommunity.diagnostics import Diagnostic
from greencommunity.figures import exact, number, points
from greencommunity.i18n import join
from greencommunity.rules.base import Context, rule


@rule("GC312")
def points_add_up(ctx: Context) -> Iterator[Diagnostic]:
    """分值之和等于满分，达标分数可以达到
    criteria.yaml 中所有条目的分值之和必须等于满分（total）；达标总分（pass_rule.min_total）
    不能超过满分，必达条目的最低得分不能超过该条目分值。否则没有社区能正确计分。
    调整分值、满分或达标规则，使它们一致。
    --
    Points add up to the total, and the pass mark can be reached
    The points of all items in criteria.yaml must add up to ``total``; the pass
    mark cannot exceed the total, nor a required item's minimum its points.
    Otherwise no community can be scored correctly. Make them agree.
    """
    loaded = ctx.dataset.criteria
    if loaded is None or loaded.model is None:
        return
    criteria = loaded.model
    total = sum((exact(c.points) for c in criteria.categories), exact(0))
    if total != exact(criteria.total):
        yield ctx.report(
            loaded.doc,
            ("total",),
            "rule.GC312.sum",
            total=points(criteria.total),
            sum=points(total),
            parts=join([f"{c.id}: {points(c.points)}" for c in criteria.categories]),
        )
    if criteria.pass_rule.min_total > criteria.total:
        yield ctx.report(
            loaded.doc,
            ("pass_rule", "min_total"),
            "rule.GC312.pass_mark",
            min_total=points(criteria.pass_rule.min_total),
            total=points(criteria.total),
        )
    items = criteria.items()
    for index, required in enumerate(criteria.pass_rule.required_items):
        item = items.get(required.item)
        if item is not None and required.min_score is not None and required.min_score > item.points:
            yield ctx.report(
                loaded.doc,
                ("pass_rule", "required_items", index, "min_score"),
                "rule.GC312.required",
                item=required.item,
                min_score=points(required.min_score),
                points=points(item.points),
            )


@rule("GC316")
def item_in_its_category(ctx: Context) -> Iterator[Diagnostic]:
    """条目编号与所在类别一致
    条目编号的前一部分必须是所在类别的编号：第 2 类下的条目编号为 2.1、2.2……
    编号放错类别时，分类小计和“某类得分率”会算到错误的类别。更正编号或把条目移到正确类别。
    --
    Item ids match their category
    An item id starts with its category's id: items of category 2 are 2.1, 2.2…
    A misplaced item is counted in the wrong category's subtotal. Correct the id
    or move the item.
    """
    loaded = ctx.dataset.criteria
    if loaded is None or loaded.model is None:
        return
    for c_index, category in enumerate(loaded.model.categories):
        for i_index, item in enumerate(category.items):
            if item.id.split(".", 1)[0] != str(category.id):
                yield ctx.report(
                    loaded.doc,
                    ("categories", c_index, "items", i_index, "id"),
                    "rule.GC316",
                    item=item.id,
                    category=category.id,
                )


@rule("GC323")
def step_fits_points(ctx: Context) -> Iterator[Diagnostic]:
    """评分步长能整除每条分值
    criteria.yaml 的评分步长 score_step（缺省 0.5 分）必须能整除每个条目的分值：步长 0.5 时
    分值可以是 4 分或 2.5 分，不能是 2.25 分；步长 2 时分值不能是 5 分。否则这个条目得不了满分，
    每个得分也无法按步长检查。调整该条目的分值或 score_step。
    --
    The score step divides every item's points
    score_step in criteria.yaml (0.5 by default) must divide the points of every
    item: with a step of 0.5 an item may have 4 or 2.5 points, not 2.25; with a
    step of 2, not 5. Otherwise the item cannot be given full marks and its scores
    cannot be checked against the step. Change the item's points or score_step.
    """
    loaded = ctx.dataset.criteria
    if loaded is None or loaded.model is None:
        return
    step = loaded.model.score_step
    for c_index, category in enumerate(loaded.model.categories):
        for i_index, item in enumerate(category.items):
            if (exact(item.points) / exact(step)).denominator != 1:
                yield ctx.report(
                    loaded.doc,
                    ("categories", c_index, "items", i_index, "points"),
                    "rule.GC323",
                    item=item.id,
                    points=number(item.points, 9),
                    step=number(step, 9),
                )
