"""The words for the tool's fixed values: one table per kind of value.

Each table maps a value (a ``Status``, a stage, a ``ProjectStatus`` … compared
as the text it is) to its catalog key, written out so that the catalog tests
see every key.  The CLI and the documents both call these functions, so a
status reads the same on screen and on paper.  Tables are keyed by text so
that importing this module costs nothing at start-up; ``tests/test_labels.py``
checks that each table covers its enum.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from greencommunity.figures import exact, percent, points
from greencommunity.i18n import join, tr

if TYPE_CHECKING:
    from greencommunity.core.scoring import Blocker, Clause

STATUS: dict[str, str] = {
    "passed": "status.passed",
    "failed": "status.failed",
    "rectifying": "status.rectifying",
    "under_review": "status.under_review",
    "creating": "status.creating",
    "not_scheduled": "status.not_scheduled",
}
STAGE: dict[str, str] = {
    "self": "stage.self",
    "district": "stage.district",
    "city": "stage.city",
}
PROJECT_STATUS: dict[str, str] = {
    "planned": "project.planned",
    "in_progress": "project.in_progress",
    "done": "project.done",
    "cancelled": "project.cancelled",
}
# A review's verdict (``Verdict``); a bare True/False is an evaluation's pass or fail.
VERDICT: dict[str, str] = {
    "pass": "verdict.pass",
    "fail": "verdict.fail",
    "rectify": "verdict.rectify",
}
# A category's ``CategoryKind``: how its score counts towards the total.
CATEGORY_KIND: dict[str, str] = {
    "scored": "kind.scored",
    "bonus": "kind.bonus",
    "deduction": "kind.deduction",
}
# A person's role in town.yaml's roles (``models.town.Role``).
ROLE: dict[str, str] = {
    "town": "role.town",
    "district": "role.district",
    "city": "role.city",
}
# A commit's signature as git reports it (``%G?``).
SIGNATURE: dict[str, str] = {
    "G": "signature.good",
    "U": "signature.unknown_key",
    "X": "signature.expired",
    "Y": "signature.expired_key",
    "R": "signature.revoked_key",
    "E": "signature.cannot_check",
    "B": "signature.bad",
    "N": "signature.none",
}
# How a plan project stands at the end of an evaluated year
# (``core.evaluations.Timing``).
TIMING: dict[str, str] = {
    "on_time": "timing.on_time",
    "late": "timing.late",
    "overdue": "timing.overdue",
    "open": "timing.open",
}
# A passed community's annual evaluation of a later year (``core.evaluations.Owed``):
# 长效管理.
OWED: dict[str, str] = {
    "filed": "owed.filed",
    "due": "owed.due",
    "overdue": "owed.overdue",
}
SEVERITY: dict[str, str] = {
    "error": "severity.error",
    "warning": "severity.warning",
}


def status(value: str) -> str:
    """已达标, 考评中 …"""
    return tr(STATUS[value])


def status_in_year(value: str, passed_in: int | None, year: int) -> str:
    """The status of a year; a pass of an earlier year says which: 已达标（2021年）."""
    if value == "passed" and passed_in is not None and passed_in != year:
        return tr("status.passed_in", year=passed_in)
    return status(value)


def stage(value: str) -> str:
    """自评, 区级初审, 市级抽样考评."""
    return tr(STAGE[value])


def role(value: str) -> str:
    """镇, 区, 市."""
    return tr(ROLE[value])


def signature(value: str) -> str:
    """未签名, 签名公钥未登记 …"""
    key = SIGNATURE.get(value, SIGNATURE["E"])  # a letter of a later git: cannot be checked
    return tr(key)


def project_status(value: str) -> str:
    """未开工, 实施中, 已完成, 已取消."""
    return tr(PROJECT_STATUS[value])


def verdict(value: bool | str | None) -> str:
    """达标, 未达标, 需整改, or 无结论 when there is none.

    *value* is a sheet's pass (True) or fail (False), or a review's verdict
    (``Verdict``, or ``StageResult.outcome``: pass, fail, rectify)."""
    if value is None:
        return tr("verdict.none")
    if isinstance(value, bool):
        value = "pass" if value else "fail"
    return tr(VERDICT[value])


def category_kind(value: str) -> str:
    """计分项, 加分项, 扣分项."""
    return tr(CATEGORY_KIND[value])


def cap(kind: str, stated: float | None, whole: float) -> str:
    """How far a bonus or deduction category counts: 最多加 10 分, 最多扣 5 分
    (its cap, else all its points *whole*; a negative cap, GC341, counts nothing)."""
    most = whole if stated is None else max(stated, 0.0)
    key = "score.bonus_cap" if kind == "bonus" else "score.deduction_cap"
    return tr(key, cap=points(most))


def timing(value: str) -> str:
    """按期完成, 逾期完成, 逾期未完成, 进行中"""
    return tr(TIMING[value])


def owed(value: str) -> str:
    """已报送, 待报送, 逾期未报送: a passed community's annual evaluation."""
    return tr(OWED[value])


def severity(value: str) -> str:
    """错误 or 警告."""
    return tr(SEVERITY[value])


def funding_channel(name: str | None) -> str:
    """A funding channel's name, or the words for projects without dedicated funding."""
    return name if name is not None else tr("funding.none")


def blocker(b: Blocker) -> str:
    """Why a sheet does not pass, one rule: 总分 68 分，低于达标分数 70 分，差 2 分."""
    short = points(b.short)
    if b.kind == "total":
        return tr(
            "blocker.total", actual=points(b.actual), required=points(b.required), short=short
        )
    if b.kind == "category":
        share = exact(b.actual) / exact(b.points) if b.points else 0
        return tr(
            "blocker.category",
            category=b.subject,
            title=b.title,
            actual=points(b.actual),
            points=points(b.points),
            share=percent(share),
            min=percent(b.min_share or 0),
            required=points(b.required),
            short=short,
        )
    if b.kind == "required":
        return tr(
            "blocker.required",
            item=b.subject,
            title=b.title,
            actual=points(b.actual),
            required=points(b.required),
            short=short,
        )
    return _more_blocker(b)


def _more_blocker(b: Blocker) -> str:
    """The rule kinds a district's sheet may add: a veto, a category's minimum
    in points, k of n items, a number of categories with a score."""
    if b.kind == "veto":
        if b.reason:
            return tr("blocker.veto", title=b.title, reason=b.reason)
        return tr("blocker.veto_item", title=b.title, item=join(b.items))
    if b.kind == "category_points":
        return tr(
            "blocker.category_points",
            category=b.subject,
            title=b.title,
            actual=points(b.actual),
            required=points(b.required),
            short=points(b.short),
        )
    if b.kind == "at_least":
        # A rule the sheet names (十六项标准全部达到) is called so, not by its items.
        return tr(
            "blocker.at_least_titled" if b.title else "blocker.at_least",
            title=b.title,
            items=join(b.subject.split(",")),
            count=int(b.required),
            mark=_mark(b.min_share),
            actual=int(b.actual),
            short=int(b.short),
            below=join(b.items),
            lacking=points(b.lacking),
        )
    return tr(
        "blocker.categories",
        required=int(b.required),
        actual=int(b.actual),
        short=int(b.short),
        empty=tr("category.ids", ids=join(b.items)),
    )


def _mark(share: float | None) -> str:
    """What k of n asks of each item: full marks, or a share of its points."""
    if share is None or exact(share) == 1:
        return tr("mark.full")
    return tr("mark.share", share=percent(share))


def clause(c: Clause) -> str:
    """One clause of the pass rule: 总分不低于 70 分."""
    if c.kind == "total":
        return tr("clause.total", points=points(c.value))
    if c.kind == "category" and c.subject == "*":
        return tr("clause.every_category", share=percent(c.value))
    if c.kind == "category":
        return tr("clause.category", category=c.subject, title=c.title, share=percent(c.value))
    if c.kind == "required":
        return tr("clause.required", item=c.subject, title=c.title, points=points(c.value))
    if c.kind == "veto" and c.items:
        return tr("clause.veto_item", title=c.title, item=join(c.items))
    if c.kind == "veto":
        return tr("clause.veto", title=c.title)
    if c.kind == "category_points":
        return tr(
            "clause.category_points", category=c.subject, title=c.title, points=points(c.value)
        )
    if c.kind == "at_least" and c.title:
        return tr(
            "clause.at_least_titled",
            title=c.title,
            listed=len(c.items),
            count=c.count,
            mark=_mark(c.value),
        )
    if c.kind == "at_least":
        return tr("clause.at_least", items=join(c.items), count=c.count, mark=_mark(c.value))
    if c.kind == "categories":
        return tr("clause.categories", count=c.count)
    if c.kind == "level":
        return tr("clause.level", title=c.title, points=points(c.value))
    key = "clause.bonus" if c.kind == "bonus" else "clause.deduction"
    return tr(key, category=c.subject, title=c.title, points=points(c.value))


def level(value: str | None) -> str:
    """The level a sheet reaches: a level of criteria.yaml (示范), else 达标."""
    return value if value is not None else tr("level.pass")
