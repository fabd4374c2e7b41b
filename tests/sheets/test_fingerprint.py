"""A criteria fingerprint changes with what a sheet depends on, not with how
criteria.yaml is written."""

from __future__ import annotations

from pathlib import Path

from greencommunity.sheets.fingerprint import fingerprint, shown
from tests.sheets.helpers import checked


def _after(data: Path, old: str, new: str) -> str:
    path = data / "criteria.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return fingerprint(checked(data).criteria.latest())


def test_comments_quotes_and_layout_do_not_count(data_copy: Path) -> None:
    before = fingerprint(checked(data_copy).criteria.latest())
    assert before.startswith("sha256:") and len(before) == len("sha256:") + 64
    assert _after(data_copy, "total: 100", "total: 100   # 满分") == before
    assert (
        _after(
            data_copy,
            "title: 赵巷镇绿色社区创建自测评分表",
            'title: "赵巷镇绿色社区创建自测评分表"',
        )
        == before
    )
    assert _after(data_copy, 'min_category_share: "50%"', "min_category_share: 0.5") == before


def test_items_points_and_the_pass_rule_count(data_copy: Path) -> None:
    before = fingerprint(checked(data_copy).criteria.latest())
    after = _after(data_copy, "min_total: 70", "min_total: 75")
    assert after != before
    assert (
        _after(data_copy, "title: 推动城市精细化管理进社区", "title: 推动精细化管理进社区") != after
    )


def test_messages_show_the_start_of_the_hash() -> None:
    assert shown("sha256:85fcb74c6057aaaa") == "85fcb74c6057"
