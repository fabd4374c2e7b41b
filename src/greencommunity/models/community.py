"""communities/<id>.yaml: one community's profile, creation plan and assessments."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from greencommunity.models.base import Strict
from greencommunity.models.types import (
    Amount,
    CommunityId,
    Flag,
    IndicatorId,
    IsoDate,
    ItemId,
    NonEmptyStr,
    Points,
    ProjectId,
    VetoId,
    WholeNumber,
    Year,
)


class Contact(Strict):
    name: NonEmptyStr = Field(description="姓名")
    role: str | None = Field(default=None, description="职务，如 居委会主任")
    phone: str | None = Field(default=None, max_length=40, description="联系电话")


class Profile(Strict):
    address: NonEmptyStr | None = Field(default=None, description="居委会地址")
    households: Annotated[int, WholeNumber(ge=0, le=1_000_000)] | None = Field(
        default=None, description="户数"
    )
    population: Annotated[int, WholeNumber(ge=0, le=10_000_000)] | None = Field(
        default=None, description="常住人口"
    )
    area_ha: Amount | None = Field(default=None, description="辖区面积（公顷）")
    estates: list[NonEmptyStr] = Field(default_factory=list, description="辖区内住宅小区")
    built: str | None = Field(default=None, max_length=100, description="建成年代，如 2005–2010 年")
    contacts: list[Contact] = Field(default_factory=list, description="联系人")
    summary: str | None = Field(default=None, max_length=5000, description="社区概况")
    features: list[NonEmptyStr] = Field(default_factory=list, description="创建特色与亮点")
    problems: list[NonEmptyStr] = Field(default_factory=list, description="存在问题")
    next_steps: list[NonEmptyStr] = Field(default_factory=list, description="下一步工作")


class ProjectStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class Project(Strict):
    id: ProjectId = Field(description="项目编号，本社区内唯一，如 p1；字母、数字、- 和 _")
    title: NonEmptyStr = Field(description="项目名称")
    items: list[ItemId] = Field(min_length=1, description='服务的评分条目编号，如 ["2.1", "2.3"]')
    lead: NonEmptyStr = Field(description="牵头部门（town.yaml 中的部门名称）")
    partners: list[NonEmptyStr] = Field(default_factory=list, description="配合部门")
    funding: NonEmptyStr | None = Field(
        default=None, description="资金渠道（town.yaml 中的资金渠道名称）；无专项资金可省略"
    )
    budget: Amount | None = Field(default=None, description="计划投资（万元）")
    spent: Amount | None = Field(default=None, description="已支出（万元）")
    start: IsoDate | None = Field(default=None, description="开工日期 YYYY-MM-DD")
    due: IsoDate | None = Field(default=None, description="计划完成日期 YYYY-MM-DD")
    done_on: IsoDate | None = Field(default=None, description="实际完成日期 YYYY-MM-DD")
    status: ProjectStatus = Field(description="planned / in_progress / done / cancelled")
    note: str | None = Field(default=None, max_length=5000, description="备注")


class Verdict(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    # 需整改: neither a pass nor a fail; the community is counted only once the
    # review (or a later one) says pass.
    RECTIFY = "rectify"


class SelfAssessment(Strict):
    date: IsoDate = Field(description="自评日期")
    vetoes: dict[VetoId, NonEmptyStr] = Field(
        default_factory=dict,
        description="适用的一票否决情形：键为 criteria.yaml 中的否决项编号，值为事由",
    )
    scores: dict[ItemId, Points] = Field(description="各条目自评得分，键为条目编号")
    notes: dict[ItemId, str] = Field(default_factory=dict, description="各条目的说明")
    evidence: dict[ItemId, list[NonEmptyStr]] = Field(
        default_factory=dict,
        description="各条目的佐证材料路径，相对于 data/evidence/<社区编号>/",
    )


class Answer(Strict):
    date: IsoDate = Field(description="社区答复日期（整改完成或报告整改情况的日期）")
    note: str | None = Field(default=None, max_length=5000, description="整改情况：社区做了什么")
    evidence: list[NonEmptyStr] = Field(
        default_factory=list,
        description="整改佐证材料路径，相对于 data/evidence/<社区编号>/",
    )


class Rectification(Strict):
    comment: NonEmptyStr = Field(description="整改意见：考评指出的问题和整改要求")
    due: IsoDate = Field(description="整改期限 YYYY-MM-DD")
    answer: Answer | None = Field(default=None, description="社区的整改答复；尚未答复则省略")


class Review(Strict):
    # Fields in the order a file lists them (gc fmt lays keys out in this
    # order): who reviewed and the verdict above the long list of scores.
    date: IsoDate = Field(description="考评日期")
    reviewers: str | None = Field(default=None, description="考评单位或人员")
    verdict: Verdict | None = Field(
        default=None,
        description="pass / fail / rectify（需整改）：正式结论；省略时按评分和达标规则计算",
    )
    note: str | None = Field(default=None, max_length=5000, description="考评意见")
    # Short, and decisive whatever the scores: above them, as the verdict is.
    vetoes: dict[VetoId, NonEmptyStr] = Field(
        default_factory=dict,
        description="考评认定的一票否决情形：键为 criteria.yaml 中的否决项编号，值为事由",
    )
    # Keyed by item, as scores are: one rectification per item and review (a
    # repeated item is a duplicate key the loader names), and gc fmt orders them.
    rectifications: dict[ItemId, Rectification] = Field(
        default_factory=dict, description='需整改的条目，键为条目编号，如 "2.3"'
    )
    scores: dict[ItemId, Points] = Field(default_factory=dict, description="各条目考评得分（可选）")


class Assessment(Strict):
    year: Year = Field(description="申报年度")
    submitted: IsoDate | None = Field(
        default=None, description="向镇三大整治办报送申请报告和自测评分表的日期；未报送则省略"
    )
    self: SelfAssessment | None = Field(default=None, description="自测评分")
    district: Review | None = Field(default=None, description="区精细化推进办实地考察测评（初审）")
    city: Review | None = Field(
        default=None, description="市城市管理精细化推进办实地抽样考评；未抽中则省略"
    )


class YearEvaluation(Strict):
    """创建情况和实施效果年度评估: the community's own account of a year's effects."""

    year: Year = Field(description="评估年度")
    date: IsoDate = Field(description="评估日期（报送镇三大整治办的日期）")
    text: NonEmptyStr = Field(description="创建情况和实施效果的简要说明")
    indicators: dict[IndicatorId, Amount] = Field(
        default_factory=dict,
        description="成效指标：键为 criteria.yaml 的 indicators 中的指标编号，值为数量",
    )


class Community(Strict):
    id: CommunityId = Field(description="社区编号：小写拼音，与文件名一致，如 songxin")
    name: NonEmptyStr = Field(description="居委会名称，如 崧鑫居委会")
    batch: Year = Field(description="列入创建计划的年度（批次）")
    illustrative: Flag = Field(default=False, description="true 表示本文件为示意数据，报告中会注明")
    kind: Literal["urban"] = Field(default="urban", description="社区类型：城市社区")
    profile: Profile = Field(default_factory=Profile, description="社区概况")
    plan: list[Project] = Field(default_factory=list, description="创建计划（项目）")
    assessments: list[Assessment] = Field(default_factory=list, description="各年度申报与考评")
    evaluation: list[YearEvaluation] = Field(
        default_factory=list, description="创建情况和实施效果年度评估，每年一项"
    )

    def assessment(self, year: int) -> Assessment | None:
        return next((a for a in self.assessments if a.year == year), None)

    def evaluation_of(self, year: int) -> YearEvaluation | None:
        return next((e for e in self.evaluation if e.year == year), None)
