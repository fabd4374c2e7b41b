"""The fast path gives exactly ruamel's data, or steps aside.

"Exactly" is strict: the same keys in the same order, the same types (True is
not 1, 1.0 is not 1) and the same values, compared with ``same``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greencommunity.loading.construct import Unusual, construct
from greencommunity.loading.parser import _load
from tests.conftest import SHIPPED_DATA

REPO = Path(__file__).resolve().parents[2]


def same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return [(type(k), k) for k in a] == [(type(k), k) for k in b] and all(
            same(a[k], b[k]) for k in a
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def agrees(text: str) -> bool:
    """True when the fast path gave ruamel's data; False when it stepped aside."""
    try:
        fast = construct(text)
    except Unusual:
        return False
    assert same(fast, _load(text)), text
    return True


SPELLINGS = [
    # ints and floats, common and unusual
    "0", "7", "-3", "+1", "-0", "010", "0o17", "0x1F", "0b101", "1_000", "1:20",
    "2.5", "0.25", "-0.5", "1.", ".5", "1e3", "1.0e+3", "+.inf", "-.INF", ".nan", "1.2.3",
    # null and booleans (1.1's yes/no/on are text in 1.2)
    "", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRue", "false",
    "yes", "no", "on", "off", "y", "n",
    # dates stay text
    "2021-10-30", "2021-10-30T10:00:00", "2021-1-3 10:00:00 +08:00", "2021/10/30",
    # text
    "'1'", '"true"', "'2021-10-30'", "赵巷镇", "a b", "|\n    block", ">\n    folded",
]  # fmt: skip


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_resolves_as_ruamel_resolves_it(spelling: str) -> None:
    assert agrees(f"key: {spelling}\n")
    assert agrees(f"list:\n  - {spelling}\n")


@pytest.mark.parametrize("key", ["1", "2.3", "1.10", "true", "null", "'2.3'", "-1"])
def test_keys_of_every_kind(key: str) -> None:
    assert agrees(f"{key}: value\nother: 1\n")


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchor and alias
        "a: !!str 1\n",  # tag
        "a: !custom 1\n",
        "base: &b {x: 1}\nc:\n  <<: *b\n",  # merge key
        "a: 1\na: 2\n",  # duplicate key
        "1: a\ntrue: b\n",  # keys equal in Python, not in YAML
        "? [a, b]\n: c\n",  # complex key
        "%YAML 1.1\n---\na: yes\n",  # directive
        "a: 1\n---\nb: 2\n",  # several documents
        "a: [1, 2\n",  # syntax error
        "a: =\n",  # the value key
        "<<: 1\n",
    ],
)
def test_what_needs_ruamels_loader_steps_aside(text: str) -> None:
    assert not agrees(text)


def test_every_yaml_file_of_the_repository() -> None:
    """Shipped data, examples, the corpus: the fast path takes almost all and
    agrees on every one it takes."""
    taken = aside = 0
    for path in sorted(REPO.glob("**/*.y*ml")):
        if ".venv" in path.parts or "node_modules" in path.parts or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if agrees(text):
            taken += 1
        else:
            aside += 1
    assert taken > 100
    for path in (SHIPPED_DATA / "communities").glob("*.yaml"):
        assert agrees(path.read_text(encoding="utf-8")), path


scalars = st.one_of(
    st.integers(-(10**20), 10**20).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.text(alphabet="0123456789.-+_eExobTtFfNnul~:", max_size=8),
    st.text(max_size=12).filter(lambda s: "\n" not in s and "\r" not in s),
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(scalars, min_size=1, max_size=5))
def test_any_plain_scalar(values: list[str]) -> None:
    for n, value in enumerate(values):
        agrees(f"k{n}: {value}\n")
