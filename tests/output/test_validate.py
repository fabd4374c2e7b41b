from __future__ import annotations

from greencommunity.output.validate import SOURCE_WIDTH, _window


def test_short_line_is_shown_whole() -> None:
    assert _window("name: 崧鑫", 6) == ("name: 崧鑫", 6)


def test_long_line_is_cut_around_the_column() -> None:
    source = "a" * 300 + "X" + "b" * 300
    shown, offset = _window(source, 300)
    assert shown[offset] == "X"
    assert shown.startswith("…") and shown.endswith("…")
    assert len(shown) == SOURCE_WIDTH + 2


def test_column_near_the_end_keeps_the_tail() -> None:
    source = "a" * 300 + "X"
    shown, offset = _window(source, 300)
    assert shown[offset] == "X"
    assert shown.startswith("…") and not shown.endswith("…")
