"""town.yaml: the town, its denominator, targets, calendar and organisation."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from greencommunity.models.base import Strict
from greencommunity.models.types import (
    CommunityId,
    Email,
    IsoDate,
    MonthDay,
    NonEmptyStr,
    Share,
    SigningKey,
    TimeZone,
    Whole,
    Year,
)

# The bounds of urban_communities (the denominator), for gc init's option too.
MIN_URBAN, MAX_URBAN = 1, 10000

# What gc init writes where the officer must supply a value
# (authoring/repository.py), by field of town.yaml: values no real town has,
# which rule GC317 warns about and gc report, gc site and gc rollup refuse
# until they are replaced.  The plan's title made from a placeholder town name
# holds it too.
PLACEHOLDERS: dict[str, str | int] = {
    "name": "某某镇",
    "district": "某某区",
    "city": "某某市",
    "urban_communities": 9999,
}


class Target(Strict):
    year: Year = Field(description="目标年份，例如 2021（年底前达到）")
    share: Share = Field(
        description='创建达标的城市社区占全镇城市社区的比例下限（含本数），写 0.45 或 "45%"'
    )
    deadline: IsoDate | None = Field(
        default=None, description="达到目标的截止日期，缺省为该年 12 月 31 日"
    )
    note: str | None = Field(default=None, description="目标出处或说明")


class Calendar(Strict):
    submission_due: MonthDay = Field(
        description="各创建社区向镇三大整治办报送创建申请报告和自测评分表的截止日（MM-DD）"
    )
    district_review_due: MonthDay = Field(
        description="区精细化推进办完成实地考察测评（初审）的截止日（MM-DD）"
    )
    city_review_from: MonthDay = Field(
        description="市级实地抽样考评的开始日（MM-DD），如 11 月下旬为 11-21"
    )
    city_review_due: MonthDay = Field(description="市级实地抽样考评的截止日（MM-DD），如 11-30")
    evaluation_due: MonthDay | None = Field(
        default=None,
        description="已达标社区报送以后各年度年度评估的截止日（MM-DD），缺省为 12-31",
    )


class Department(Strict):
    name: NonEmptyStr = Field(description="部门全称，如 镇三大整治办；计划项目按此名称引用")
    role: Literal["lead", "participant"] = Field(
        description="lead 为牵头部门，participant 为参与单位"
    )
    duties: list[NonEmptyStr] = Field(default_factory=list, description="职责")


class FundingChannel(Strict):
    name: NonEmptyStr = Field(description="资金渠道名称，计划项目按此名称引用")
    note: str | None = Field(default=None, description="说明")


class Phase(Strict):
    name: NonEmptyStr = Field(description="阶段名称，如 试点探索")
    summary: NonEmptyStr = Field(description="该阶段的工作内容")
    start: IsoDate | None = Field(default=None, description="开始日期（可选）")
    end: IsoDate | None = Field(default=None, description="结束日期（可选）")


# Who may record what (gc audit): the town office keeps plans, self-evaluations,
# submissions and town.yaml; the district its reviews and rectification requests;
# the city its sample reviews.
Role = Literal["town", "district", "city"]


class Person(Strict):
    name: NonEmptyStr = Field(description="姓名")
    email: Email = Field(
        description="git 提交中的邮箱（git config user.email），一人一个，用于认出提交人"
    )
    role: Role = Field(
        description="town：镇（计划、自评、报送、town.yaml）；district：区（区级考评、整改要求）；"
        "city：市（市级抽样考评）"
    )
    communities: list[CommunityId] = Field(
        default_factory=list, description="只可修改这些社区的文件（社区编号）；省略表示全部社区"
    )
    keys: list[SigningKey] = Field(
        default_factory=list,
        description="签名公钥：SSH 公钥一行（如 ~/.ssh/id_ed25519.pub 的内容），或 OpenPGP 公钥块",
    )


class Town(Strict):
    name: NonEmptyStr = Field(description="镇名，如 赵巷镇")
    district: NonEmptyStr = Field(description="所属区，如 青浦区")
    city: NonEmptyStr = Field(description="所属市，如 上海市")
    plan_title: NonEmptyStr | None = Field(default=None, description="实施方案标题")
    time_zone: TimeZone | None = Field(
        default=None,
        description="gc 计算“今天”所用的时区：IANA 名称（如 Asia/Urumqi）或 UTC+05:00；"
        "缺省为中国标准时间（UTC+08:00）",
    )
    urban_communities: Whole = Field(
        ge=MIN_URBAN,
        le=MAX_URBAN,
        description="全镇城市社区（居委会）总数：进度比例的分母，包括未列入创建计划的社区",
    )
    targets: list[Target] = Field(min_length=1, description="各年度创建达标比例目标")
    calendar: Calendar = Field(description="每年的申报与考评日程")
    departments: list[Department] = Field(min_length=1, description="牵头部门和参与单位")
    funding_channels: list[FundingChannel] = Field(min_length=1, description="可统筹使用的资金渠道")
    phases: list[Phase] = Field(default_factory=list, description="创建步骤（阶段）")
    roles: list[Person] = Field(
        default_factory=list,
        description="谁可以记录什么：各人的姓名、邮箱、角色和签名公钥（gc audit 据此核对每个提交）",
    )

    def target_for(self, year: int) -> Target | None:
        return next((t for t in self.targets if t.year == year), None)

    def person(self, email: str) -> Person | None:
        """The person of ``roles`` with *email* (git's e-mail addresses are compared
        without regard to case)."""
        wanted = email.casefold()
        return next((p for p in self.roles if p.email.casefold() == wanted), None)
