"""A community's standing in a year: passed, failed, rectifying, under review,
creating, not scheduled.

Pure functions over loaded models.  The official result of a
year is the city's sample result if the city sampled the community, else the
district's.  A stated ``verdict`` is the official conclusion; without one the
verdict follows from the review's scores under the pass rule of the sheet in
force in the assessment's year (``CriteriaByYear.criteria_for``): a pass in
2021 stays a 2021 pass when the sheet changes in 2022.  A verdict of
``rectify`` (需整改) is neither: the community is rectifying, and counts as
passed only once a review says pass (the same review's verdict changed, or a
later one).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from greencommunity.core.projects import is_open
from greencommunity.core.scoring import Blocker, Evaluation, evaluate_sheet
from greencommunity.models import Community, Criteria
from greencommunity.models.community import Assessment, Project, Review, Verdict
from greencommunity.models.editions import CriteriaByYear

Stage = Literal["self", "district", "city"]
# The sheets of an assessment, in the order they are made.
STAGES: tuple[Stage, ...] = ("self", "district", "city")


class Status(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    RECTIFYING = "rectifying"
    UNDER_REVIEW = "under_review"
    CREATING = "creating"
    NOT_SCHEDULED = "not_scheduled"


# Not passed, not failed: still on the way to a pass this year (the projection
# and the path to the target count them).
PENDING = (Status.RECTIFYING, Status.UNDER_REVIEW, Status.CREATING)


@dataclass(frozen=True)
class StageResult:
    stage: Stage
    date: dt.date
    evaluation: Evaluation | None  # None when the sheet holds no scores
    verdict_stated: Verdict | None
    passed: bool | None  # stated verdict, else the scores' verdict; None if neither
    # (a stated rectify is not a pass: False)

    @property
    def computed_passed(self) -> bool | None:
        return self.evaluation.passed if self.evaluation is not None else None

    @property
    def rectifying(self) -> bool:
        return self.verdict_stated is Verdict.RECTIFY

    @property
    def outcome(self) -> str | None:
        """The result as a verdict value: pass, fail, rectify; None if there is none."""
        if self.rectifying:
            return Verdict.RECTIFY.value
        if self.passed is None:
            return None
        return Verdict.PASS.value if self.passed else Verdict.FAIL.value

    @property
    def contradicts(self) -> bool:
        """A stated pass or fail that the scores do not give (rule GC315); a
        rectify may come with passing scores or failing ones."""
        computed = self.computed_passed
        if self.verdict_stated in (None, Verdict.RECTIFY) or computed is None:
            return False
        return (self.verdict_stated is Verdict.PASS) != computed


@dataclass(frozen=True)
class CommunityYear:
    community: Community
    year: int
    status: Status
    passed_in: int | None  # the year of the first official pass ≤ year
    passed_result: StageResult | None  # the official result of that pass
    self_result: StageResult | None
    district_result: StageResult | None
    city_result: StageResult | None
    official: StageResult | None  # the year's official result, if any
    blockers: tuple[Blocker, ...]  # why it does not pass (official, else self sheet)
    open_projects: tuple[Project, ...]  # plan projects not done that serve missing items

    @property
    def id(self) -> str:
        return self.community.id

    @property
    def name(self) -> str:
        return self.community.name

    @property
    def projected_pass(self) -> bool:
        """Pending and its self score passes: counted in the projection."""
        return (
            self.status in PENDING
            and self.self_result is not None
            and self.self_result.passed is True
        )


def _known(day: dt.date | None, as_of: dt.date | None) -> bool:
    return day is not None and (as_of is None or day <= as_of)


def review_result(criteria: Criteria, stage: Stage, review: Review) -> StageResult:
    # A veto decides without scores; a review with neither has no evaluation.
    evaluation = evaluate_sheet(criteria, review) if review.scores or review.vetoes else None
    if review.verdict is not None:
        passed: bool | None = review.verdict is Verdict.PASS
    else:
        passed = evaluation.passed if evaluation is not None else None
    return StageResult(stage, review.date, evaluation, review.verdict, passed)


def _self_result(
    criteria: Criteria, assessment: Assessment, as_of: dt.date | None
) -> StageResult | None:
    if assessment.self is None or not _known(assessment.self.date, as_of):
        return None
    evaluation = evaluate_sheet(criteria, assessment.self)
    return StageResult("self", assessment.self.date, evaluation, None, evaluation.passed)


def _review_results(
    criteria: Criteria, assessment: Assessment, as_of: dt.date | None
) -> tuple[StageResult | None, StageResult | None]:
    district = city = None
    if assessment.district is not None and _known(assessment.district.date, as_of):
        district = review_result(criteria, "district", assessment.district)
    if assessment.city is not None and _known(assessment.city.date, as_of):
        city = review_result(criteria, "city", assessment.city)
    return district, city


def official_result(district: StageResult | None, city: StageResult | None) -> StageResult | None:
    """The city's sample result overrides the district's; a result with neither a
    verdict nor scores is not a result yet."""
    for result in (city, district):
        if result is not None and result.passed is not None:
            return result
    return None


def _open_projects(
    community: Community, missing: frozenset[str], as_of: dt.date | None
) -> tuple[Project, ...]:
    return tuple(p for p in community.plan if is_open(p, as_of) and missing.intersection(p.items))


def community_status(
    criteria: CriteriaByYear, community: Community, year: int, as_of: dt.date | None = None
) -> CommunityYear:
    """Where *community* stands for *year*; with *as_of*, anything dated later is
    treated as not yet happened.  Each assessment is scored by the sheet in force
    in its own year."""
    passed_in: int | None = None
    passed_result: StageResult | None = None
    # Only the reviews decide a pass; those of the year asked are used again below.
    reviewed: dict[int, tuple[StageResult | None, StageResult | None]] = {}
    for assessment in sorted(community.assessments, key=lambda a: a.year):
        if assessment.year > year:
            break
        sheet = criteria.criteria_for(assessment.year)
        reviewed[assessment.year] = _review_results(sheet, assessment, as_of)
        official = official_result(*reviewed[assessment.year])
        if official is not None and official.passed:
            passed_in, passed_result = assessment.year, official
            break

    current = community.assessment(year)
    self_result = district = city = official = None
    submitted = False
    if current is not None:
        sheet = criteria.criteria_for(year)
        self_result = _self_result(sheet, current, as_of)
        district, city = reviewed.get(year) or _review_results(sheet, current, as_of)
        official = official_result(district, city)
        submitted = _known(current.submitted, as_of) or official is not None

    if passed_in is not None:
        status = Status.PASSED
    elif official is not None and official.rectifying:
        status = Status.RECTIFYING
    elif official is not None:
        status = Status.FAILED
    elif submitted:
        status = Status.UNDER_REVIEW
    elif community.batch <= year:
        status = Status.CREATING
    else:
        status = Status.NOT_SCHEDULED

    blockers: tuple[Blocker, ...] = ()
    missing: frozenset[str] = frozenset()
    if status is not Status.PASSED:
        basis = official if official is not None else self_result
        if basis is not None and basis.evaluation is not None:
            blockers = basis.evaluation.blockers
            missing = basis.evaluation.missing_items()
    return CommunityYear(
        community=community,
        year=year,
        status=status,
        passed_in=passed_in,
        passed_result=passed_result,
        self_result=self_result,
        district_result=district,
        city_result=city,
        official=official,
        blockers=blockers,
        open_projects=_open_projects(community, missing, as_of),
    )
