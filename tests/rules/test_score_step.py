"""GC322 and GC323: scores on the score step, and a step that fits every item;
checked exactly, never with float modulo."""

from __future__ import annotations

from pathlib import Path

import pytest

from greencommunity.rules.scores import on_step
from greencommunity.validation import validate
from tests.factories import (
    assessment,
    community_data,
    criteria_data,
    town_data,
    write_data,
    write_yaml,
)


@pytest.mark.parametrize(
    ("value", "step", "expected"),
    [
        (4.5, 0.5, True),
        (4.123456, 0.5, False),
        # Float modulo says 0.3 % 0.1 == 0.09999999999999998 and 0.7 % 0.1 != 0.
        (0.3, 0.1, True),
        (0.7, 0.1, True),
        (2.25, 0.25, True),
        (2.2, 0.25, False),
        (100, 0.5, True),
        (0, 0.5, True),
        (14.475, 0.0125, True),
        (5, 2, False),
    ],
)
def test_on_step_is_exact(value: float, step: float, expected: bool) -> None:
    assert on_step(value, step) is expected


def _found(root: Path, code: str) -> list[tuple[str, int, int, str]]:
    return [
        (Path(d.path).name, d.line, d.column, d.message)
        for d in validate(root).diagnostics
        if d.code == code
    ]


def _sheet(**scores: float) -> dict[str, float]:
    sheet = {"1.1": 24.0, "1.2": 16.0, "2.1": 16.0, "2.2": 24.0}
    sheet.update({k.removeprefix("i").replace("_", "."): v for k, v in scores.items()})
    return sheet


def test_a_score_off_the_default_step(tmp_path: Path) -> None:
    scores = _sheet(i1_1=24.3)
    community = community_data("a", 2021, [assessment(2021, self_scores=scores)])
    root = write_data(tmp_path, [community], town=town_data(5))
    [(name, _, _, message)] = _found(root, "GC322")
    assert name == "a.yaml"
    assert message == (
        "自评中条目 1.1 得 24.3 分，不是评分步长 0.5 分的整数倍（criteria.yaml 的 score_step）。"
        "请改为 24 或 24.5 分。"
    )


def test_the_step_named_is_that_of_the_years_sheet(tmp_path: Path) -> None:
    """2022 is scored by criteria/2022.yaml, whose step is 1: the message names
    that file, not criteria.yaml (in force before 2022, step 0.5)."""
    community = community_data("a", 2021, [assessment(2022, self_scores=_sheet(i1_1=24.5))])
    root = write_data(tmp_path, [community], town=town_data(5))
    write_yaml(root / "criteria" / "2022.yaml", criteria_data(score_step=1))
    [(_, _, _, message)] = _found(root, "GC322")
    assert message == (
        "自评中条目 1.1 得 24.5 分，不是评分步长 1 分的整数倍（criteria/2022.yaml 的 score_step）。"
        "请改为 24 或 25 分。"
    )


def test_every_stage_is_checked_with_a_written_step(tmp_path: Path) -> None:
    review = _sheet(i2_2=23.9)
    community = community_data(
        "a", 2021, [assessment(2021, self_scores=_sheet(i1_2=15.5), district=review)]
    )
    criteria = criteria_data(score_step=1)
    root = write_data(tmp_path, [community], town=town_data(5), criteria=criteria)
    found = [(name, message.split("，")[0]) for name, _, _, message in _found(root, "GC322")]
    assert found == [
        ("a.yaml", "自评中条目 1.2 得 15.5 分"),
        ("a.yaml", "区级初审中条目 2.2 得 23.9 分"),
    ]


def test_a_score_over_the_points_is_gc306_only(tmp_path: Path) -> None:
    community = community_data("a", 2021, [assessment(2021, self_scores=_sheet(i1_1=30.3))])
    root = write_data(tmp_path, [community], town=town_data(5))
    assert _found(root, "GC322") == []
    assert len(_found(root, "GC306")) == 1


def test_a_step_that_does_not_divide_the_points(tmp_path: Path) -> None:
    """A step of 4 fits 20 and 40 points but not 30: GC323 at both items of 30
    points, and their scores are not checked against the step (one cause)."""
    community = community_data("a", 2021, [assessment(2021, self_scores=_sheet(i1_1=25))])
    criteria = criteria_data(score_step=4)
    root = write_data(tmp_path, [community], town=town_data(5), criteria=criteria)
    found = _found(root, "GC323")
    assert [(name, message) for name, _, _, message in found] == [
        (
            "criteria.yaml",
            "条目 1.1 的分值 30 分不是评分步长 4 分（score_step）的整数倍，该条目无法按步长评分。"
            "请调整分值或 score_step。",
        ),
        (
            "criteria.yaml",
            "条目 2.2 的分值 30 分不是评分步长 4 分（score_step）的整数倍，该条目无法按步长评分。"
            "请调整分值或 score_step。",
        ),
    ]
    assert _found(root, "GC322") == []


@pytest.mark.parametrize("step", [0, -0.5])
def test_the_step_must_be_positive(tmp_path: Path, step: float) -> None:
    root = write_data(tmp_path, [], town=town_data(5), criteria=criteria_data(score_step=step))
    [diagnostic] = validate(root).diagnostics
    assert (diagnostic.code, Path(diagnostic.path).name) == ("GC203", "criteria.yaml")
    assert diagnostic.message == f"score_step 应大于 0，实际是 {step}。"


def test_the_shipped_criteria_state_the_step() -> None:
    text = (Path(__file__).resolve().parents[2] / "data" / "criteria.yaml").read_text("utf-8")
    assert "\nscore_step: 0.5 " in text
    assert "评分步长 score_step" in text  # listed among the assumptions
