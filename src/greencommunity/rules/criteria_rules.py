"""Rules on the score sheets themselves (criteria.yaml and every
criteria/<year>.yaml): points add up, ids fit their category, the pass rule
can be met, the score step fits every item, and each rule kind is consistent:
k of n, caps, levels, and keys that fit their category's kind."""

from __future__ import annotations

from collections.abc import Iterator

from greencommunity import labels
from greencommunity.diagnostics import Diagnostic
from greencommunity.figures import exact, number, points
from greencommunity.i18n import join
from greencommunity.loading.dataset import Loaded
from greencommunity.models import Criteria
from greencommunity.models.criteria import CategoryKind
from greencommunity.rules.base import Context, rule
from greencommunity.rules.references import pass_rule_items


def sheets(ctx: Context) -> Iterator[tuple[Loaded[Criteria], Criteria]]:
    """Every criteria file that passed the schema, with its model."""
    for loaded in ctx.dataset.criteria_files():
        if loaded.model is not None:
            yield loaded, loaded.model


@rule("GC312")
def points_add_up(ctx: Context) -> Iterator[Diagnostic]:
    """分值之和等于满分，达标分数可以达到
    评分表中计分项（加分项、扣分项除外）所有条目的分值之和必须等于满分（total）；达标总分
    （pass_rule.min_total）不能超过满分，必达条目的最低得分不能超过该条目分值，一类的最低分
    （min_points）不能超过该类分值。否则没有社区能正确计分。调整分值、满分或达标规则，使它们一致。
    --
    Points add up to the total, and the pass mark can be reached
    The points of all items of a score sheet's scored categories (not bonus or
    deduction ones) must add up to ``total``; the pass mark cannot exceed the
    total, nor a required item's minimum its points, nor a category's
    ``min_points`` the category's points. Otherwise no community can be scored
    correctly. Make them agree.
    """
    for loaded, criteria in sheets(ctx):
        yield from _points_add_up(ctx, loaded, criteria)


def _points_add_up(
    ctx: Context, loaded: Loaded[Criteria], criteria: Criteria
) -> Iterator[Diagnostic]:
    scored = [c for c in criteria.categories if c.scored]
    total = sum((exact(c.points) for c in scored), exact(0))
    if total != exact(criteria.total):
        yield ctx.report(
            loaded.doc,
            ("total",),
            "rule.GC312.sum",
            total=points(criteria.total),
            sum=points(total),
            parts=join([f"{c.id}: {points(c.points)}" for c in scored]),
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
    for index, category in enumerate(criteria.categories):
        minimum = category.min_points
        if category.scored and minimum is not None and exact(minimum) > exact(category.points):
            yield ctx.report(
                loaded.doc,
                ("categories", index, "min_points"),
                "rule.GC312.category",
                category=category.id,
                min_points=points(minimum),
                points=points(category.points),
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
    for loaded, criteria in sheets(ctx):
        for c_index, category in enumerate(criteria.categories):
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
    for loaded, criteria in sheets(ctx):
        step = criteria.score_step
        for c_index, category in enumerate(criteria.categories):
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


@rule("GC340")
def counts_fit(ctx: Context) -> Iterator[Diagnostic]:
    """要求的项数不超过可数的项数
    “n 项中至少 k 项”（pass_rule.at_least）的 k（count）不能大于列出的条目数 n；
    “至少几类有得分”（min_categories_scored）不能大于计分项的类数。否则没有社区能达标。
    更正 count 或 min_categories_scored，或补上条目。
    --
    A count asks no more than there is
    In "at least k of these n items" (``pass_rule.at_least``) k (``count``) cannot
    exceed the n items listed; ``min_categories_scored`` cannot exceed the number
    of scored categories. Otherwise no community can pass. Correct the count, or
    list the missing items.
    """
    for loaded, criteria in sheets(ctx):
        rule = criteria.pass_rule
        for index, at_least in enumerate(rule.at_least):
            listed = len(dict.fromkeys(at_least.items))
            if at_least.count > listed:
                yield ctx.report(
                    loaded.doc,
                    ("pass_rule", "at_least", index, "count"),
                    "rule.GC340.at_least",
                    count=at_least.count,
                    listed=listed,
                )
        scored = sum(c.scored for c in criteria.categories)
        if rule.min_categories_scored is not None and rule.min_categories_scored > scored:
            yield ctx.report(
                loaded.doc,
                ("pass_rule", "min_categories_scored"),
                "rule.GC340.categories",
                count=rule.min_categories_scored,
                scored=scored,
            )


@rule("GC341")
def caps_not_negative(ctx: Context) -> Iterator[Diagnostic]:
    """加分、扣分上限不是负数
    加分项最多加、扣分项最多扣的分数（cap）写正数：扣分项“最多扣 10 分”写 cap: 10，不写 -10。
    负数的上限不加也不扣，得分不会按评分表计算。去掉负号。
    --
    Caps are not negative
    The most a bonus category adds, or a deduction category takes off (``cap``),
    is written as a positive number: "at most 10 points off" is ``cap: 10``, not
    -10. A negative cap adds or takes off nothing. Remove the minus sign.
    """
    for loaded, criteria in sheets(ctx):
        for index, category in enumerate(criteria.categories):
            if category.cap is not None and category.cap < 0:
                yield ctx.report(
                    loaded.doc,
                    ("categories", index, "cap"),
                    "rule.GC341",
                    category=category.id,
                    cap=points(category.cap),
                    positive=points(-category.cap),
                )


@rule("GC342")
def levels_above_pass_mark(ctx: Context) -> Iterator[Diagnostic]:
    """等级分数在达标分数和最高可得分之间
    达标以上的等级（levels，如 示范）的分数 min_total 不能低于达标分数 pass_rule.min_total，
    也不能高于一个社区最多能得的分数（满分加各加分项的上限）。否则该等级和达标混淆，或没有
    社区能达到。更正该等级的分数。
    --
    Levels lie between the pass mark and the highest possible total
    A level above the pass (``levels``, e.g. 示范) cannot ask less than the pass
    mark ``pass_rule.min_total``, nor more than a community can score (the total
    plus every bonus category's cap). Otherwise the level is confused with a pass,
    or nobody can reach it. Correct the level's min_total.
    """
    for loaded, criteria in sheets(ctx):
        pass_mark = exact(criteria.pass_rule.min_total)
        highest = exact(criteria.total) + sum(
            (
                exact(max(c.cap if c.cap is not None else c.points, 0))
                for c in criteria.categories
                if c.kind is CategoryKind.BONUS
            ),
            exact(0),
        )
        for index, level in enumerate(criteria.levels):
            minimum = exact(level.min_total)
            if minimum < pass_mark:
                key, limit = "rule.GC342.below", pass_mark
            elif minimum > highest:
                key, limit = "rule.GC342.above", highest
            else:
                continue
            yield ctx.report(
                loaded.doc,
                ("levels", index, "min_total"),
                key,
                title=level.title,
                min_total=points(level.min_total),
                limit=points(limit),
            )


@rule("GC344")
def keys_fit_kind(ctx: Context) -> Iterator[Diagnostic]:
    """规则与类别的计分方式相符
    上限 cap 只用于加分项（bonus）和扣分项（deduction）；最低得分率 min_share 和最低分
    min_points 只用于计分项；必达条目、“n 项中至少 k 项”和按条目否决不能引用扣分项的条目
    （扣分项得 0 分最好）。否则这条规则不起作用或与本意相反。删除该键，或更正类别的 kind。
    --
    Rules fit their category's kind
    ``cap`` belongs to bonus and deduction categories only; ``min_share`` and
    ``min_points`` to scored categories only; a required item, a k of n rule and
    a veto by item cannot name an item of a deduction category (whose best score
    is 0). Otherwise the rule does nothing, or the opposite of what was meant.
    Remove the key, or correct the category's kind.
    """
    for loaded, criteria in sheets(ctx):
        deducted: set[str] = set()
        for index, category in enumerate(criteria.categories):
            if category.kind is CategoryKind.DEDUCTION:
                deducted.update(item.id for item in category.items)
            keys = ("min_share", "min_points") if not category.scored else ("cap",)
            for key in keys:
                if getattr(category, key) is not None:
                    yield ctx.report(
                        loaded.doc,
                        ("categories", index, key),
                        "rule.GC344.category",
                        on_key=True,
                        key=key,
                        category=category.id,
                        kind=labels.category_kind(category.kind.value),
                        value=category.kind.value,
                    )
        for loc, item in pass_rule_items(criteria):
            if item in deducted:
                yield ctx.report(loaded.doc, ("pass_rule", *loc), "rule.GC344.item", item=item)
