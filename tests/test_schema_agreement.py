"""gc and the published JSON Schemas say the same of a file: what an editor marks
red (the schema, through check-jsonschema) gc refuses, and what gc accepts the
schema accepts.

Numbers and true/false written in quotes are text, so both refuse them (gc says
"去掉引号"); a whole number written 2022.0 is a number to both.  Each probe is a
small file differing from a valid one in one value.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from greencommunity.diagnostics import Severity
from greencommunity.schema import file_name
from greencommunity.validation import validate
from tests.conftest import REPO, SHIPPED_DATA
from tests.tools import missing

SCHEMAS = REPO / "schemas"
TARGETS = {
    "community": "communities/testcase.yaml",
    "town": "town.yaml",
    "criteria": "criteria.yaml",
}
COMMUNITY = "id: testcase\nname: 测试居委会\nbatch: 2022\n"
ASSESSED = COMMUNITY + (
    "assessments:\n  - year: 2022\n    submitted: 2022-10-20\n"
    '    self:\n      date: 2022-10-15\n      scores:\n        "1.1": 4.5\n'
)
PLANNED = COMMUNITY + (
    'plan:\n  - id: p1\n    title: 垃圾分类投放点改造\n    items: ["2.3"]\n'
    "    lead: 镇三大整治办\n    budget: 36\n    status: planned\n"
)


def _shipped(name: str, old: str, new: str) -> Callable[[], str]:
    """The shipped town.yaml or criteria.yaml with one value changed."""

    def text() -> str:
        original = (SHIPPED_DATA / name).read_text(encoding="utf-8")
        assert old in original, (name, old)
        return original.replace(old, new, 1)

    return text


@dataclass(frozen=True)
class Probe:
    name: str
    kind: str
    text: Callable[[], str]
    valid: bool


def _const(text: str) -> Callable[[], str]:
    return lambda: text


PROBES = [
    # Quoted numbers and true/false: text, refused by both.
    Probe("batch_quoted", "community", _const(COMMUNITY.replace("2022", '"2022"')), False),
    Probe("flag_quoted", "community", _const(COMMUNITY + 'illustrative: "true"\n'), False),
    Probe("flag_yaml11_no", "community", _const(COMMUNITY + "illustrative: no\n"), False),
    Probe("flag_one", "community", _const(COMMUNITY + "illustrative: 1\n"), False),
    Probe("batch_true", "community", _const(COMMUNITY.replace("2022", "true")), False),
    Probe(
        "households_quoted",
        "community",
        _const(COMMUNITY + 'profile:\n  households: "2860"\n'),
        False,
    ),
    Probe("area_quoted", "community", _const(COMMUNITY + "profile:\n  area_ha: '32.5'\n"), False),
    Probe(
        "budget_quoted", "community", _const(PLANNED.replace("budget: 36", 'budget: "36"')), False
    ),
    Probe("score_quoted", "community", _const(ASSESSED.replace(": 4.5", ': "4.5"')), False),
    Probe(
        "year_quoted", "community", _const(ASSESSED.replace("year: 2022", 'year: "2022"')), False
    ),
    Probe("batch_full_width", "community", _const(COMMUNITY.replace("2022", "２０２２")), False),
    Probe(
        "date_one_digit_month",
        "community",
        _const(ASSESSED.replace("submitted: 2022-10-20", "submitted: 2022-1-5")),
        False,
    ),
    Probe(
        "denominator_quoted",
        "town",
        _shipped("town.yaml", "urban_communities: 17", 'urban_communities: "17"'),
        False,
    ),
    Probe("share_quoted", "town", _shipped("town.yaml", 'share: "45%"', 'share: "0.45"'), False),
    Probe("share_over_100", "town", _shipped("town.yaml", 'share: "45%"', 'share: "145%"'), False),
    Probe(
        "share_full_width", "town", _shipped("town.yaml", 'share: "45%"', 'share: "４５%"'), False
    ),
    Probe("share_exponent", "town", _shipped("town.yaml", 'share: "45%"', 'share: "1e1%"'), False),
    Probe(
        "total_quoted", "criteria", _shipped("criteria.yaml", "total: 100", 'total: "100"'), False
    ),
    Probe(
        "points_quoted",
        "criteria",
        _shipped("criteria.yaml", "points: 5\n", 'points: "5"\n'),
        False,
    ),
    Probe(
        "step_quoted",
        "criteria",
        _shipped("criteria.yaml", "score_step: 0.5", 'score_step: "0.5"'),
        False,
    ),
    # Accepted by both.
    Probe("batch_plain", "community", _const(COMMUNITY), True),
    Probe("batch_whole_float", "community", _const(COMMUNITY.replace("2022", "2022.0")), True),
    Probe("flag_plain", "community", _const(COMMUNITY + "illustrative: true\n"), True),
    Probe("scores_and_dates", "community", _const(ASSESSED), True),
    Probe(
        "date_quoted",
        "community",
        _const(ASSESSED.replace("submitted: 2022-10-20", 'submitted: "2022-10-20"')),
        True,
    ),
    Probe("budget_plain", "community", _const(PLANNED), True),
    Probe("share_percent", "town", _shipped("town.yaml", 'share: "45%"', "share: 0.45"), True),
    Probe("share_all", "town", _shipped("town.yaml", 'share: "45%"', 'share: "100.0 ％"'), True),
    Probe("share_decimal", "town", _shipped("town.yaml", 'share: "45%"', 'share: "33.3%"'), True),
    Probe(
        "step_plain",
        "criteria",
        _shipped("criteria.yaml", "score_step: 0.5", "score_step: 1"),
        True,
    ),
]


def _check_jsonschema() -> Path:
    """check-jsonschema, a dev dependency, next to this Python."""
    path = Path(sys.executable).parent / "check-jsonschema"
    if not path.is_file():
        missing("check-jsonschema", "run `make install` (a dev dependency)")
    return path


def schema_verdicts(kind: str, files: list[Path]) -> dict[str, bool]:
    """Whether the committed schema of *kind* accepts each file, by file name."""
    done = subprocess.run(
        [
            str(_check_jsonschema()),
            "--output-format",
            "json",
            "--schemafile",
            str(SCHEMAS / file_name(kind)),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(done.stdout)
    assert report.get("parse_errors", []) == [], report
    refused = {Path(error["filename"]).name for error in report["errors"]}
    return {f.name: f.name not in refused for f in files}


def gc_accepts(probe: Probe, data: Path) -> bool:
    """gc accepts the probe placed in a copy of the shipped data: no error in it."""
    target = data / TARGETS[probe.kind]
    before = target.read_bytes() if target.exists() else None
    target.write_text(probe.text(), encoding="utf-8")
    try:
        diagnostics = validate(data, [target]).diagnostics
    finally:
        if before is None:
            target.unlink()
        else:
            target.write_bytes(before)
    return not any(d.severity is Severity.ERROR for d in diagnostics)


def test_there_are_enough_probes_of_each_verdict() -> None:
    assert len(PROBES) >= 10
    assert sum(p.valid for p in PROBES) >= 5 and sum(not p.valid for p in PROBES) >= 10
    assert len({p.name for p in PROBES}) == len(PROBES)


@pytest.mark.slow
def test_gc_and_the_schema_agree_on_every_probe(data_copy: Path, tmp_path: Path) -> None:
    by_schema: dict[str, bool] = {}
    for kind in TARGETS:
        files = []
        for probe in (p for p in PROBES if p.kind == kind):
            path = tmp_path / f"{probe.name}.yaml"
            path.write_text(probe.text(), encoding="utf-8")
            files.append(path)
        by_schema.update(schema_verdicts(kind, files))
    verdicts = {
        probe.name: (by_schema[f"{probe.name}.yaml"], gc_accepts(probe, data_copy), probe.valid)
        for probe in PROBES
    }
    disagree = {name: v for name, v in verdicts.items() if len(set(v)) != 1}
    assert disagree == {}, "(schema, gc, expected) per probe"


@pytest.mark.parametrize("kind", list(TARGETS))
def test_every_shipped_file_passes_check_jsonschema(kind: str) -> None:
    if kind == "community":
        files = sorted((SHIPPED_DATA / "communities").glob("*.yaml"))
    else:
        files = [SHIPPED_DATA / f"{kind}.yaml"]
    assert files
    verdicts = schema_verdicts(kind, files)
    assert verdicts == {f.name: True for f in files}


def test_a_quoted_number_is_refused_with_remove_the_quotes(data_copy: Path) -> None:
    target = data_copy / "town.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("urban_communities: 17", 'urban_communities: "17"'), "utf-8")
    [diagnostic] = validate(data_copy, [target]).diagnostics
    assert diagnostic.code == "GC203"
    assert diagnostic.message == (
        "urban_communities 应为数字，但 “17” 加了引号，是文字。请去掉引号，写成 17。"
    )
