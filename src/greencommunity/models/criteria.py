"""criteria.yaml: the score sheet (5 standard elements → items) and the pass rule."""

from __future__ import annotations

from pydantic import Field

from greencommunity.models.base import Strict
from greencommunity.models.types import ItemId, NonEmptyStr, Number, Points, Share, Whole


class Item(Strict):
    id: ItemId = Field(description='条目编号，加引号，如 "2.3"（类别号.序号）')
    title: NonEmptyStr = Field(description="条目内容")
    points: Points = Field(gt=0, description="本条分值")
    evidence: list[NonEmptyStr] = Field(default_factory=list, description="需提供的佐证材料")
    lead: NonEmptyStr | None = Field(
        default=None, description="通常的牵头部门（town.yaml 中的部门名称）"
    )


class Category(Strict):
    id: Whole = Field(ge=1, le=99, description="类别编号 1–5")
    title: NonEmptyStr = Field(description="标准要素名称")
    source: str | None = Field(default=None, description="实施方案中对应的条文")
    min_share: Share | None = Field(
        default=None, description="本类得分占本类分值的最低比例，覆盖 pass_rule.min_category_share"
    )
    items: list[Item] = Field(min_length=1, description="评分条目")

    @property
    def points(self) -> float:
        return sum(item.points for item in self.items)


class RequiredItem(Strict):
    item: ItemId = Field(description="必须达到的条目编号")
    min_score: Points | None = Field(default=None, description="该条目的最低得分，缺省为满分")


class PassRule(Strict):
    min_total: Points = Field(description="总分达到此分数（含）方为达标")
    min_category_share: Share | None = Field(
        default=None, description="每类得分占该类分值的最低比例（可选）"
    )
    required_items: list[RequiredItem] = Field(default_factory=list, description="必达条目（可选）")


class Criteria(Strict):
    title: NonEmptyStr = Field(description="评分表名称")
    total: Points = Field(gt=0, description="满分，各条分值之和须等于此数")
    score_step: Number = Field(
        default=0.5,
        gt=0,
        allow_inf_nan=False,
        description="评分步长：每个得分须是它的整数倍（缺省 0.5，即可给半分），须能整除每条分值",
    )
    pass_rule: PassRule = Field(description="达标规则")
    categories: list[Category] = Field(min_length=1, description="5 类标准要素")

    def items(self) -> dict[str, Item]:
        return {item.id: item for category in self.categories for item in category.items}
