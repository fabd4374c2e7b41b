"""GC303's "did you mean" and the unknown key's: never a name the same map or
list already holds, since following the hint would write it twice."""

from __future__ import annotations

import copy
from pathlib import Path

from greencommunity.validation import validate
from tests.factories import (
    assessment,
    community_data,
    criteria_data,
    town_data,
    write_data,
    write_yaml,
)


def _messages(root: Path, code: str) -> list[str]:
    return [d.message for d in validate(root).diagnostics if d.code == code]


def test_an_unknown_item_is_not_told_to_become_one_the_map_has(tmp_path: Path) -> None:
    """2.3 is near 2.2 and 2.1, which the same scores already have: no suggestion."""
    scores = {"1.1": 24.0, "1.2": 16.0, "2.1": 16.0, "2.2": 24.0, "2.3": 1.0}
    community = community_data("a", 2021, [assessment(2021, self_scores=scores)])
    root = write_data(tmp_path, [community], town=town_data(5))
    assert _messages(root, "GC303") == ["评分条目 2.3 在 criteria.yaml 中不存在。"]


def test_a_free_item_is_still_suggested(tmp_path: Path) -> None:
    scores = {"1.1": 24.0, "1.2": 16.0, "2.1": 16.0, "2.3": 1.0}
    community = community_data("a", 2021, [assessment(2021, self_scores=scores)])
    root = write_data(tmp_path, [community], town=town_data(5))
    assert _messages(root, "GC303") == ["评分条目 2.3 在 criteria.yaml 中不存在。是不是要写 2.2？"]


def test_a_k_of_n_rule_is_not_told_to_name_an_item_twice(tmp_path: Path) -> None:
    criteria = copy.deepcopy(criteria_data())  # its parts are shared between calls
    criteria["pass_rule"]["at_least"] = [{"count": 1, "items": ["2.2", "2.3"]}]
    root = write_data(tmp_path, [], town=town_data(5), criteria=criteria)
    assert _messages(root, "GC303") == ["评分条目 2.3 在 criteria.yaml 中不存在。是不是要写 2.1？"]


def test_an_unknown_key_is_not_told_to_become_one_beside_it(tmp_path: Path) -> None:
    """name is there already: 'nmae' gets the list of keys, not 'name' twice."""
    community = community_data("a", 2021)
    root = write_data(tmp_path, [], town=town_data(5))
    write_yaml(root / "communities" / "a.yaml", {**community, "nmae": "x"})
    [message] = _messages(root, "GC201")
    assert "是不是要写" not in message and "此处可用的键：" in message
    del community["name"]
    write_yaml(root / "communities" / "a.yaml", {**community, "nmae": "x"})
    [message] = _messages(root, "GC201")
    assert "是不是要写 name？" in message
