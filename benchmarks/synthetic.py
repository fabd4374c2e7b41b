"""Realistic synthetic data for benchmarks and scale tests.

    .venv/bin/python -m benchmarks.synthetic 5000 /tmp/town5000

writes a data folder with the shipped town.yaml and criteria.yaml (its urban
communities raised to fit), N community files of about 160 lines each and
their evidence, valid under every rule, and prints the expected results as JSON.

Each community follows one of a few stories (passed in 2021; failed in 2021
then passed in 2022; passed by the district in 2021 but overturned by the
city's sample, then passed in 2022; a 2022 batch passed in 2022; under review;
still creating; failed in 2022).  The expected number of passing communities
per year is counted from the stories, never by the scoring code, so a
benchmark run also checks the answers.
"""

from __future__ import annotations

import json
import math
import shutil
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "data"

# story → (batch, passed by the end of 2021, passed by the end of 2022)
STORIES: dict[str, tuple[int, bool, bool]] = {
    "passed_2021": (2021, True, True),
    "failed_then_passed": (2021, False, True),
    "overturned_then_passed": (2021, False, True),
    "passed_2022": (2022, False, True),
    "under_review": (2022, False, False),
    "creating": (2022, False, False),
    "failed_2022": (2022, False, False),
}
# How often each story occurs, out of 20 communities.
MIX = (
    ["passed_2021"] * 6
    + ["failed_then_passed"] * 2
    + ["overturned_then_passed"] * 1
    + ["passed_2022"] * 5
    + ["under_review"] * 2
    + ["creating"] * 2
    + ["failed_2022"] * 2
)
# The evidence file every scored item of a submitted sheet cites.
BINDER = "创建工作台账-{year}.md"
LEADS = ["镇三大整治办", "镇规保办", "社区办", "房管所", "水务所", "网格化中心"]
FUNDING = ["城镇老旧小区改造", "海绵城市建设", "智慧城市建设", "绿色建筑"]


@dataclass(frozen=True)
class Item:
    id: str
    points: float


def _items() -> list[Item]:
    from greencommunity.loading.dataset import load_dataset

    sheets = load_dataset(SHIPPED).criteria_by_year()
    assert sheets is not None
    criteria = sheets.latest()
    return [Item(i.id, i.points) for i in criteria.items().values()]


def _sheet(items: list[Item], share: float) -> dict[str, float]:
    """Every item at *share* of its points, down to the half point; the
    required items (1.2 at full marks, 5.2 at 2 or more) kept passing."""
    scores = {i.id: math.floor(i.points * share * 2) / 2 for i in items}
    scores["1.2"] = next(i.points for i in items if i.id == "1.2")
    scores["5.2"] = max(scores["5.2"], 2.0)
    return scores


def _scores(scores: dict[str, float], indent: str) -> str:
    return "".join(f'{indent}"{k}": {v:g}\n' for k, v in scores.items())


def _assessment(
    year: int,
    items: list[Item],
    self_share: float,
    district: float | None,
    city: float | None,
    submitted: bool = True,
) -> str:
    out = f"  - year: {year}\n"
    if submitted:
        out += f"    submitted: {year}-10-20\n"
    out += f"    self:\n      date: {year}-10-15\n      scores:\n"
    out += _scores(_sheet(items, self_share), "        ")
    out += '      notes:\n        "1.1": 党建引领，居民议事会每月召开\n'
    if submitted:
        # Every scored item has evidence (rule GC333): the year's ledger binder.
        scored = [i for i, score in _sheet(items, self_share).items() if score > 0]
        out += "      evidence:\n"
        out += "".join(f'        "{i}": [{BINDER.format(year=year)}]\n' for i in scored)
    if district is not None:
        out += f"    district:\n      date: {year}-11-10\n      reviewers: 区精细化推进办\n"
        out += "      scores:\n" + _scores(_sheet(items, district), "        ")
    if city is not None:
        out += f"    city:\n      date: {year}-11-25\n      reviewers: 市城市管理精细化推进办\n"
        out += "      scores:\n" + _scores(_sheet(items, city), "        ")
    return out


PASS, FAIL = 0.85, 0.55


def _assessments(story: str, items: list[Item]) -> str:
    if story == "passed_2021":
        return _assessment(2021, items, PASS, PASS, None)
    if story == "failed_then_passed":
        return _assessment(2021, items, PASS, FAIL, None) + _assessment(
            2022, items, PASS, PASS, None
        )
    if story == "overturned_then_passed":
        return _assessment(2021, items, PASS, PASS, FAIL) + _assessment(
            2022, items, PASS, PASS, None
        )
    if story == "passed_2022":
        return _assessment(2022, items, PASS, PASS, PASS)
    if story == "under_review":
        return _assessment(2022, items, PASS, None, None)
    if story == "creating":
        return _assessment(2022, items, FAIL, None, None, submitted=False)
    return _assessment(2022, items, PASS, FAIL, None)  # failed_2022


def _plan(n: int, batch: int) -> str:
    out = "plan:\n"
    for p in range(1, 6):
        lead = LEADS[(n + p) % len(LEADS)]
        funding = FUNDING[(n + p) % len(FUNDING)]
        item = f"{(p % 5) + 1}.1"
        out += (
            f"  - id: p{p}\n"
            f"    title: 第 {p} 项创建工程（{item}）\n"
            f'    items: ["{item}"]\n'
            f"    lead: {lead}\n"
            f"    partners: [社区办]\n"
            f"    funding: {funding}\n"
            f"    budget: {10 + p * 5}\n"
            f"    spent: {5 + p * 3}\n"
            f"    start: {batch}-03-01\n"
            f"    due: {batch}-09-30\n"
            f"    done_on: {batch}-09-{10 + p:02d}\n"
            f"    status: done\n"
        )
    return out


def community_text(n: int, story: str, items: list[Item]) -> str:
    batch = STORIES[story][0]
    cid = f"c{n:05d}"
    return (
        "# 示意数据：由 benchmarks/synthetic.py 生成。\n"
        f"id: {cid}\n"
        f"name: 第{n:05d}居委会\n"
        f"batch: {batch}\n"
        "illustrative: true\n"
        "profile:\n"
        f"  address: 上海市青浦区赵巷镇示意路 {n} 号\n"
        f"  households: {800 + n % 900}\n"
        f"  population: {2000 + n % 3000}\n"
        "  estates: [示意小区一期, 示意小区二期]\n"
        "  built: 2000–2005 年\n"
        "  contacts:\n    - name: 张三\n      role: 居委会主任\n"
        "  summary: 示意社区，用于测量 gc 在大量社区上的速度。\n"
        "  features: [议事平台, 垃圾分类]\n"
        f"{_plan(n, batch)}"
        "assessments:\n"
        f"{_assessments(story, items)}"
    )


def generate(count: int, target: Path) -> dict[str, object]:
    """Write *count* communities under *target*; the expected results."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy(SHIPPED / "criteria.yaml", target / "criteria.yaml")
    denominator = count + count // 10
    town = (SHIPPED / "town.yaml").read_text(encoding="utf-8")
    town = town.replace("urban_communities: 17", f"urban_communities: {denominator}")
    (target / "town.yaml").write_text(town, encoding="utf-8")
    folder = target / "communities"
    folder.mkdir()
    items = _items()
    stories: Counter[str] = Counter()
    for n in range(1, count + 1):
        story = MIX[n % len(MIX)]
        stories[story] += 1
        (folder / f"c{n:05d}.yaml").write_text(community_text(n, story, items), "utf-8")
        evidence = target / "evidence" / f"c{n:05d}"
        evidence.mkdir(parents=True)
        for year in (2021, 2022):
            (evidence / BINDER.format(year=year)).write_text("# 示意台账\n", "utf-8")
    passed = {
        str(year): sum(stories[s] for s, (_, p21, p22) in STORIES.items() if (p21, p22)[i])
        for i, year in enumerate((2021, 2022))
    }
    return {"communities": count, "denominator": denominator, "passed": passed, "stories": stories}


def main() -> None:
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    print(json.dumps(generate(count, target), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
