"""criteria.yaml: the score sheet (5 standard elements → items) and the pass rule.

Every rule a district's sheet states is data here, never code: the pass mark,
minimums per category (a share or points) and per item, k of n items, a number
of categories with any score, vetoes (一票否决), bonus and deduction categories
(加分项、扣分项) with their caps, levels above the pass mark, the score step.
``core/passrule.py`` compiles them into integer checks.
"""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field

from greencommunity.models.base import Strict
from greencommunity.models.types import (
    IndicatorId,
    ItemId,
    NonEmptyStr,
    Number,
    Points,
    Share,
    VetoId,
    Whole,
    WholeNumber,
)


class Item(Strict):
    id: ItemId = Field(description='条目编号，加引号，如 "2.3"（类别号.序号）')
    title: NonEmptyStr = Field(description="条目内容")
    points: Points = Field(gt=0, description="本条分值")
    evidence: list[NonEmptyStr] = Field(default_factory=list, description="需提供的佐证材料")
    lead: NonEmptyStr | None = Field(
        default=None, description="通常的牵头部门（town.yaml 中的部门名称）"
    )


class CategoryKind(StrEnum):
    """How a category's score counts towards the total."""

    SCORED = "scored"  # 计分项: its points make up the total
    BONUS = "bonus"  # 加分项: added on top of the total, up to its cap
    DEDUCTION = "deduction"  # 扣分项: each item's score is points taken off, up to its cap


class Category(Strict):
    id: Whole = Field(ge=1, le=99, description="类别编号 1–5")
    title: NonEmptyStr = Field(description="标准要素名称")
    kind: CategoryKind = Field(
        default=CategoryKind.SCORED,
        description="scored（计分项，缺省）/ bonus（加分项，加在总分上）/ deduction（扣分项，"
        "得分即扣去的分数）；加分项和扣分项的分值不计入满分 total",
    )
    # A plain number, not Points: a cap written -10 ("扣分最多 −10 分") is a
    # slip rule GC341 words, not a bare "must be ≥ 0".
    cap: Number | None = Field(
        default=None,
        allow_inf_nan=False,
        description="加分项最多加、扣分项最多扣的分数（正数；缺省为本类各条分值之和）",
    )
    source: str | None = Field(default=None, description="实施方案中对应的条文")
    min_share: Share | None = Field(
        default=None, description="本类得分占本类分值的最低比例，覆盖 pass_rule.min_category_share"
    )
    min_points: Points | None = Field(default=None, description="本类得分的最低分数（可选）")
    items: list[Item] = Field(min_length=1, description="评分条目")

    @property
    def points(self) -> float:
        return sum(item.points for item in self.items)

    @property
    def scored(self) -> bool:
        """A category whose points make up the total (not a bonus or deduction)."""
        return self.kind is CategoryKind.SCORED


class RequiredItem(Strict):
    item: ItemId = Field(description="必须达到的条目编号")
    min_score: Points | None = Field(
        default=None, description="该条目的最低得分；min_score 和 min_share 都省略时为满分"
    )
    min_share: Share | None = Field(
        default=None, description='该条目得分占其分值的最低比例，如 "60%"（可选）'
    )


class AtLeast(Strict):
    count: Whole = Field(ge=1, description="至少几个条目达到要求（k）")
    items: list[ItemId] = Field(min_length=1, description="从这些条目中（n 个）")
    min_share: Share | None = Field(
        default=None, description='每个条目得分占其分值的比例达到多少算达到，缺省为满分（"100%"）'
    )
    title: NonEmptyStr | None = Field(default=None, description="这条规则在评分表中的说法（可选）")


class Veto(Strict):
    id: VetoId = Field(description="否决项编号，如 safety、V1；考评中按此编号记录")
    title: NonEmptyStr = Field(description="否决情形，如 发生重大安全生产责任事故")
    item: ItemId | None = Field(
        default=None, description="该条目得 0 分时自动否决（可选）；省略时由考评或自评记录"
    )


class PassRule(Strict):
    min_total: Points = Field(description="总分达到此分数（含）方为达标")
    min_category_share: Share | None = Field(
        default=None, description="每类得分占该类分值的最低比例（可选）"
    )
    min_categories_scored: Annotated[int, WholeNumber(ge=1)] | None = Field(
        default=None, description="至少有几类计分项得分（大于 0）（可选）"
    )
    required_items: list[RequiredItem] = Field(default_factory=list, description="必达条目（可选）")
    at_least: list[AtLeast] = Field(
        default_factory=list,
        description="n 项中至少 k 项达到要求（可选），如 4 项中至少 2 项得满分",
    )
    vetoes: list[Veto] = Field(
        default_factory=list, description="一票否决情形（可选）：出现即不达标，不论得分"
    )


class Level(Strict):
    title: NonEmptyStr = Field(description="等级名称，如 示范、优秀")
    min_total: Points = Field(description="达标且总分达到此分数（含）为该等级，不低于达标分数")


class Indicator(Strict):
    """An effect a community's annual evaluation (年度评估) may report in figures."""

    id: IndicatorId = Field(description="指标编号，如 households_served；年度评估按此编号填写")
    title: NonEmptyStr = Field(description="指标名称，如 受益户数")
    unit: NonEmptyStr | None = Field(default=None, description="单位，如 户、处（可选）")


class Criteria(Strict):
    title: NonEmptyStr = Field(description="评分表名称")
    total: Points = Field(gt=0, description="满分：计分项各条分值之和须等于此数")
    score_step: Number = Field(
        default=0.5,
        gt=0,
        allow_inf_nan=False,
        description="评分步长：每个得分须是它的整数倍（缺省 0.5，即可给半分），须能整除每条分值",
    )
    pass_rule: PassRule = Field(description="达标规则")
    levels: list[Level] = Field(
        default_factory=list, description="达标以上的等级（可选），如 示范：总分 ≥ 90"
    )
    categories: list[Category] = Field(
        min_length=1, description="标准要素（类别），如方案的 5 类；加分项、扣分项也各为一类"
    )
    indicators: list[Indicator] = Field(
        default_factory=list,
        description="年度评估可填报的成效指标（可选），如 受益户数、新增设施",
    )

    def items(self) -> dict[str, Item]:
        return {item.id: item for category in self.categories for item in category.items}

    def scored_points(self) -> float:
        """The points of the scored categories: what ``total`` must equal."""
        return sum(c.points for c in self.categories if c.scored)


# Fields added after score sheets began to carry a fingerprint of their
# criteria, with the value that means "not used".  ``canonical`` leaves them
# out at that value, so a sheet exported before they existed still matches.
_LATER_DEFAULTS: dict[str, dict[str, object]] = {
    "criteria": {"levels": []},
    "pass_rule": {"min_categories_scored": None, "at_least": [], "vetoes": []},
    "category": {"kind": CategoryKind.SCORED.value, "cap": None, "min_points": None},
    "required": {"min_share": None},
}


def canonical(criteria: Criteria) -> dict[str, Any]:
    """*criteria*'s data as JSON values, fields at their "not used" value left
    out when they came after the first fingerprints (what fingerprints hash)."""

    def drop(data: dict[str, Any], kind: str) -> dict[str, Any]:
        later = _LATER_DEFAULTS[kind]
        return {k: v for k, v in data.items() if k not in later or v != later[k]}

    data = drop(criteria.model_dump(mode="json"), "criteria")
    # The indicators of the annual evaluation are not part of the score sheet:
    # a workbook scores the same whatever they are.
    data.pop("indicators", None)
    rule = drop(data["pass_rule"], "pass_rule")
    rule["required_items"] = [drop(r, "required") for r in rule["required_items"]]
    data["pass_rule"] = rule
    data["categories"] = [drop(c, "category") for c in data["categories"]]
    return data


FINGERPRINT_PREFIX = "sha256:"


def fingerprint(criteria: Criteria) -> str:
    """``sha256:`` and the hex digest of *criteria*'s canonical JSON: which
    sheet a workbook was exported from, or a town scores by.  The hash is of
    the data, not the file's text: a comment or a change of quotes changes
    nothing a sheet depends on."""
    text = json.dumps(
        canonical(criteria), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return FINGERPRINT_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()
