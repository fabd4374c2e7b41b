"""Small data sets for tests: models built in code, and tiny data folders on disk.

The score sheet here is deliberately simple: two categories of 50 points,
pass at a total of 70 with at least 50 % per category, and item 2.1 required
at 10 points or more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from greencommunity.models import Community, Criteria, Town
from greencommunity.models.editions import CriteriaByYear

CRITERIA: dict[str, Any] = {
    "title": "测试评分表",
    "total": 100,
    "pass_rule": {
        "min_total": 70,
        "min_category_share": "50%",
        "required_items": [{"item": "2.1", "min_score": 10}],
    },
    "categories": [
        {
            "id": 1,
            "title": "机制",
            "items": [
                {"id": "1.1", "title": "议事平台", "points": 30},
                {"id": "1.2", "title": "精细化管理", "points": 20},
            ],
        },
        {
            "id": 2,
            "title": "设施",
            "items": [
                {"id": "2.1", "title": "垃圾分类", "points": 20},
                {"id": "2.2", "title": "光伏", "points": 30},
            ],
        },
    ],
}


def criteria_data(**changes: Any) -> dict[str, Any]:
    data = {**CRITERIA, **changes}
    return data


def make_criteria(**changes: Any) -> Criteria:
    return Criteria.model_validate(criteria_data(**changes))


def make_sheets(**changes: Any) -> CriteriaByYear:
    """The test sheet, in force in every year (criteria.yaml alone)."""
    return CriteriaByYear.single(make_criteria(**changes))


def town_data(
    urban_communities: int = 20, targets: dict[int, str] | None = None, **changes: Any
) -> dict[str, Any]:
    targets = targets if targets is not None else {2021: "45%", 2022: "65%"}
    data: dict[str, Any] = {
        "name": "测试镇",
        "district": "测试区",
        "city": "上海市",
        "urban_communities": urban_communities,
        "targets": [{"year": y, "share": s} for y, s in targets.items()],
        "calendar": {
            "submission_due": "10-30",
            "district_review_due": "11-15",
            "city_review_from": "11-21",
            "city_review_due": "11-30",
        },
        "departments": [
            {"name": "镇三大整治办", "role": "lead"},
            {"name": "镇规保办", "role": "lead"},
            {"name": "社区办", "role": "participant"},
        ],
        "funding_channels": [{"name": "海绵城市建设"}, {"name": "智慧城市建设"}],
    }
    data.update(changes)
    return data


def make_town(
    urban_communities: int = 20, targets: dict[int, str] | None = None, **changes: Any
) -> Town:
    return Town.model_validate(town_data(urban_communities, targets, **changes))


def sheet(total: float) -> dict[str, float]:
    """A sheet whose items share *total* in proportion to their points (passes every
    category and required rule when total ≥ 70)."""
    ratio = total / 100
    return {"1.1": 30 * ratio, "1.2": 20 * ratio, "2.1": 20 * ratio, "2.2": 30 * ratio}


PASS = sheet(80)
FAIL = sheet(60)


def assessment(
    year: int,
    *,
    self_scores: Mapping[str, float] | None = None,
    submitted: str | None = "auto",
    district: Mapping[str, float] | str | None = None,
    city: Mapping[str, float] | str | None = None,
    district_verdict: str | None = None,
    city_verdict: str | None = None,
) -> dict[str, Any]:
    """One year's assessment.  ``district``/``city`` are score sheets, or "pass"/"fail"
    for a bare verdict."""
    data: dict[str, Any] = {"year": year}
    if submitted == "auto":
        submitted = f"{year}-10-20" if self_scores is not None else None
    if submitted is not None:
        data["submitted"] = submitted
    if self_scores is not None:
        data["self"] = {"date": f"{year}-10-15", "scores": dict(self_scores)}
    for stage, value, verdict, day in (
        ("district", district, district_verdict, f"{year}-11-10"),
        ("city", city, city_verdict, f"{year}-11-25"),
    ):
        if value is None and verdict is None:
            continue
        review: dict[str, Any] = {"date": day}
        if isinstance(value, str):
            review["verdict"] = value
        elif value is not None:
            review["scores"] = dict(value)
        if verdict is not None:
            review["verdict"] = verdict
        data[stage] = review
    return data


def community_data(
    cid: str,
    batch: int = 2021,
    assessments: list[dict[str, Any]] | None = None,
    plan: list[dict[str, Any]] | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": cid,
        "name": name or f"{cid}居委会",
        "batch": batch,
        "assessments": assessments or [],
    }
    if plan:
        data["plan"] = plan
    return data


def make_community(
    cid: str,
    batch: int = 2021,
    assessments: list[dict[str, Any]] | None = None,
    plan: list[dict[str, Any]] | None = None,
    name: str | None = None,
) -> Community:
    return Community.model_validate(community_data(cid, batch, assessments, plan, name))


def passed_in(cid: str, year: int, batch: int | None = None) -> dict[str, Any]:
    """A community with an official district pass in *year*."""
    return community_data(cid, batch or year, [assessment(year, self_scores=PASS, district=PASS)])


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def write_yaml(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    yaml = YAML()
    yaml.default_flow_style = False
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(_plain(data), handle)


def write_data(
    root: Path,
    communities: list[dict[str, Any]],
    town: dict[str, Any] | None = None,
    criteria: dict[str, Any] | None = None,
) -> Path:
    """Write a tiny data folder under *root* and return it."""
    write_yaml(root / "town.yaml", town or town_data())
    write_yaml(root / "criteria.yaml", criteria or criteria_data())
    (root / "communities").mkdir(parents=True, exist_ok=True)
    for community in communities:
        write_yaml(root / "communities" / f"{community['id']}.yaml", community)
    return root
