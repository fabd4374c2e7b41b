from __future__ import annotations

from pathlib import Path

import pytest

from greencommunity.i18n import set_language
from greencommunity.validation import validate
from tests.factories import FAIL, PASS, assessment, community_data, town_data, write_data


@pytest.fixture(autouse=True)
def _english() -> object:
    set_language("en")
    yield
    set_language("zh")


def gc315(root: Path) -> list[tuple[str, int, str]]:
    result = validate(root)
    return [(Path(d.path).name, d.line, d.message) for d in result.diagnostics if d.code == "GC315"]


def test_stated_pass_with_failing_scores_warns(tmp_path: Path) -> None:
    community = community_data(
        "a", 2021, [assessment(2021, self_scores=PASS, district=FAIL, district_verdict="pass")]
    )
    root = write_data(tmp_path, [community], town=town_data(5))
    found = gc315(root)
    assert len(found) == 1
    name, _, message = found[0]
    assert name == "a.yaml"
    assert message == (
        "The District review of 2021 states the verdict pass, but its scores (60 points) give "
        "fail under the pass rule (total 60 below the pass mark 70: 10 points short). "
        "The stated verdict is taken as official; check the verdict or the scores."
    )
    assert validate(root).diagnostics[0].severity == "warning"


def test_consistent_or_bare_verdicts_do_not_warn(tmp_path: Path) -> None:
    communities = [
        community_data(
            "a", 2021, [assessment(2021, self_scores=PASS, district=PASS, district_verdict="pass")]
        ),
        community_data("b", 2021, [assessment(2021, self_scores=PASS, district="fail")]),
        community_data(
            "c",
            2021,
            [assessment(2021, self_scores=PASS, district=PASS, city=FAIL, city_verdict="fail")],
        ),
    ]
    root = write_data(tmp_path, communities, town=town_data(5))
    assert gc315(root) == []
