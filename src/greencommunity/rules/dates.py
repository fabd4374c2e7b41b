"""Date rules: plan dates, statuses and the yearly calendar agree with each other."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

from greencommunity import labels
from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.i18n import tr
from greencommunity.loading.document import Loc
from greencommunity.models.community import Assessment, ProjectStatus
from greencommunity.models.types import day_in_year
from greencommunity.rules.base import Context, Scope, rule


# The dates of one year's assessment, in the order they must come, with the
# catalog key of each one's name.
def _assessment_dates(base: Loc, a: Assessment) -> list[tuple[str, Loc, dt.date]]:
    steps: list[tuple[str, Loc, dt.date | None]] = [
        ("field.self_date", (*base, "self", "date"), a.self.date if a.self else None),
        ("field.submitted", (*base, "submitted"), a.submitted),
        (
            "field.district_date",
            (*base, "district", "date"),
            a.district.date if a.district else None,
        ),
        ("field.city_date", (*base, "city", "date"), a.city.date if a.city else None),
    ]
    return [(key, loc, day) for key, loc, day in steps if day is not None]


@rule("GC309", scope=Scope.FILE)
def dates_in_order(ctx: Context) -> Iterator[Diagnostic]:
    """日期先后顺序合理
    日期先后必须合理：项目开工（start）不晚于计划完成（due）和实际完成（done_on）；
    自评日期不晚于报送日期（submitted）；区级考评不早于报送，市级抽样不早于区级考评。
    日期颠倒通常是录入错误。更正其中错误的日期。
    --
    Dates in order
    Dates must be in order: a project's start is not after its due date or its
    done_on date; the self-evaluation is not after the submission; the district
    review is not before the submission and the city review not before the
    district's. Correct the wrong date.
    """
    for doc, model in ctx.communities():
        for index, project in enumerate(model.plan):
            for later, name in (("due", "field.due"), ("done_on", "field.done_on")):
                day: dt.date | None = getattr(project, later)
                if project.start and day and day < project.start:
                    yield ctx.report(
                        doc,
                        ("plan", index, later),
                        "rule.GC309",
                        first=tr(name),
                        first_date=day,
                        second=tr("field.start"),
                        second_date=project.start,
                    )
        for index, a in enumerate(model.assessments):
            present = _assessment_dates(("assessments", index), a)
            for (k1, _, d1), (k2, loc2, d2) in itertools.pairwise(present):
                if d2 < d1:
                    yield ctx.report(
                        doc,
                        loc2,
                        "rule.GC309",
                        first=tr(k2),
                        first_date=d2,
                        second=tr(k1),
                        second_date=d1,
                    )


@rule("GC321", Severity.WARNING, scope=Scope.FILE)
def dates_in_assessment_year(ctx: Context) -> Iterator[Diagnostic]:
    """报送和考评在申报年度内
    报送日期（submitted）和区级、市级考评日期应在申报年度（year）内：2022 年的申报
    在 2022 年报送和考评。年份不同往往是把日期或年度写错了；自评可以在上一年开始，
    所以自评日期不在此列。核对年份。
    --
    Submission and reviews in the assessment's year
    The submission date and the district and city review dates fall in the
    assessment's year: a 2022 application is submitted and reviewed in 2022. A
    different year usually means a mistyped date or year; a self-evaluation may
    start the year before, so its date is not checked. Check the year.
    """
    for doc, model in ctx.communities():
        for index, a in enumerate(model.assessments):
            for key, loc, day in _assessment_dates(("assessments", index), a):
                if key != "field.self_date" and day.year != a.year:
                    yield ctx.report(doc, loc, "rule.GC321", field=tr(key), date=day, year=a.year)


@rule("GC310", scope=Scope.FILE)
def status_matches_dates(ctx: Context) -> Iterator[Diagnostic]:
    """项目状态与完成日期一致
    项目状态要与日期一致：状态为 done（已完成）的项目必须写实际完成日期 done_on；
    写了 done_on 的项目状态应为 done。否则进度和逾期统计会出错。补写日期或改正状态。
    --
    Project status agrees with its completion date
    A project's status must agree with its dates: a done project needs its done_on
    date, and a project with done_on should be done. Otherwise progress and overdue
    counts are wrong. Add the date or correct the status.
    """
    for doc, model in ctx.communities():
        for index, project in enumerate(model.plan):
            if project.status is ProjectStatus.DONE and project.done_on is None:
                yield ctx.report(
                    doc,
                    ("plan", index, "status"),
                    "rule.GC310.done_without_date",
                    id=project.id,
                )
            elif project.status is not ProjectStatus.DONE and project.done_on is not None:
                yield ctx.report(
                    doc,
                    ("plan", index, "done_on"),
                    "rule.GC310.date_without_done",
                    id=project.id,
                    status=labels.project_status(project.status),
                )


@rule("GC311", Severity.WARNING, scope=Scope.FILE)
def submitted_on_time(ctx: Context) -> Iterator[Diagnostic]:
    """按时报送
    创建申请报告和自测评分表应在当年报送截止日（town.yaml 的 calendar.submission_due，
    实施方案为 10 月 30 日）之前报送镇三大整治办。晚于截止日的报送可能赶不上区级初审。
    这是提醒：如确为迟报，请在报告中说明原因。
    --
    Submitted on time
    The application and self-evaluation should reach 镇三大整治办 by the year's
    submission date (calendar.submission_due in town.yaml; 30 October in the plan).
    A later submission may miss the district review. A reminder: explain the delay
    in the report if it is real.
    """
    town = ctx.dataset.town_model
    if town is None:
        return
    for doc, model in ctx.communities():
        for index, a in enumerate(model.assessments):
            if a.submitted is None:
                continue
            due = day_in_year(a.year, town.calendar.submission_due)
            if a.submitted > due:
                yield ctx.report(
                    doc,
                    ("assessments", index, "submitted"),
                    "rule.GC311",
                    date=a.submitted,
                    due=due,
                    days=(a.submitted - due).days,
                )


@rule("GC319", scope=Scope.FILE)
def reviews_follow_submission(ctx: Context) -> Iterator[Diagnostic]:
    """考评有前一步
    考评必须有前一步：区级考评（district）需要该年度已报送（submitted），市级抽样
    （city）需要区级考评已有结果——市里只抽查区级初审通过的社区。缺少前一步时无法判断
    考评针对的是哪次申报。补上报送日期或区级考评，或删除多余的考评。
    --
    A review follows the step before it
    A review needs the step before it: a district review needs a submission date
    for that year, and a city sample needs a district review, since the city only
    samples communities the district passed. Add the missing step or remove the
    review.
    """
    for doc, model in ctx.communities():
        for index, a in enumerate(model.assessments):
            if a.district is not None and a.submitted is None:
                yield ctx.report(
                    doc,
                    ("assessments", index, "district"),
                    "rule.GC319.district",
                    on_key=True,
                    year=a.year,
                )
            if a.city is not None and a.district is None:
                yield ctx.report(
                    doc,
                    ("assessments", index, "city"),
                    "rule.GC319.city",
                    on_key=True,
                    year=a.year,
                )
