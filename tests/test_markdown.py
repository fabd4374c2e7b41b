"""The one Markdown escaper: data renders as exactly the text it is."""

from __future__ import annotations

import pytest

from greencommunity import markdown


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("<script>", "\\<script\\>"),
        ("a|b", "a\\|b"),
        ("C:\\data", "C:\\\\data"),  # a backslash stays a backslash
        ("*bold* _it_", "\\*bold\\* \\_it\\_"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("1. first", "1\\. first"),
        ("&lt;", "&amp;lt;"),
        ("two\nlines", "two lines"),
        (None, ""),
        (12.5, "12.5"),
    ],
)
def test_escape(value: object, escaped: str) -> None:
    assert markdown.escape(value) == escaped


def test_table() -> None:
    assert markdown.table(["a", "b"], [["1", "2"]]) == ["| a | b |", "| --- | --- |", "| 1 | 2 |"]
