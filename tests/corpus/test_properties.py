"""Property-based tests: random mutations of the shipped files, random bytes.

Whatever a mutation does to a file, `gc validate --format json` exits 0 or 1,
prints one valid JSON object, and every diagnostic points inside its file; the
corpus (files/, expected.toml) keeps the inputs worth remembering.  Both run
in a data folder holding the town, the criteria and the two mutated communities
(cases.small_data): the other ten would double the time of each example.
Set GC_HYPOTHESIS_EXAMPLES to try more (the default keeps `make test` quick).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests.corpus.cases import SHIPPED_DATA, small_data

EXAMPLES = int(os.environ.get("GC_HYPOTHESIS_EXAMPLES", "150"))
COMMUNITIES = ("songxin", "longlian")
TARGETS = ["town.yaml", "criteria.yaml", *(f"communities/{c}.yaml" for c in COMMUNITIES)]
# Fragments that mean something to YAML or to the tool, to make mutations bite.
FRAGMENTS = [
    ":",
    ": ",
    "- ",
    "-",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "!x ",
    "{",
    "}",
    "[",
    "]",
    "'",
    '"',
    "\t",
    "  ",
    "#",
    "\n---\n",
    "<<: ",
    "? ",
    "%",
    "|",
    ">",
    "\\",
    "\x00",
    "\ufeff",
    "\u3000",
    "：",
    "2021-02-30",
    "1e999",
    ".nan",
    "-1",
    "99",
    "9" * 30,
    "~",
    "null",
    "no",
    '"1.1"',
    "1.10",
    "../",
    "/etc/passwd",
    "{{ 7*7 }}",
    "<script>",
    "测试",
    "\r",
    "\r\n",
]
runner = CliRunner()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield small_data(tmp_path_factory.mktemp("prop") / "data", COMMUNITIES)


def _lines(raw: bytes) -> list[str]:
    text = raw.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(TARGETS))
    lines = (SHIPPED_DATA / name).read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "insert", "indent", "replace_value", "truncate"]
            )
        )
        index = draw(st.integers(0, max(0, len(lines) - 1)))
        if kind == "delete" and len(lines) > 1:
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif kind == "insert":
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            piece = draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)))
            lines[index] = line[:at] + piece + line[at:]
        elif kind == "indent":
            delta = draw(st.sampled_from(["  ", " ", "\t"]))
            lines[index] = delta + lines[index] if draw(st.booleans()) else lines[index][1:]
        elif kind == "replace_value" and ": " in lines[index]:
            key = lines[index].split(": ", 1)[0]
            lines[index] = f"{key}: {draw(st.sampled_from(FRAGMENTS))}"
        elif kind == "truncate":
            lines = lines[: index + 1]
    return name, "\n".join(lines).encode("utf-8")


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=mutated())
def test_mutations_never_crash_and_stay_in_bounds(data_dir: Path, case: tuple[str, bytes]) -> None:
    name, raw = case
    path = data_dir / name
    original = (SHIPPED_DATA / name).read_bytes()
    path.write_bytes(raw)
    try:
        result = runner.invoke(app, ["validate", "--data", str(data_dir), "--format", "json"])
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        assert not crashed, result.exception
        assert result.exit_code in (0, 1), result.output
        payload = json.loads(result.output)
        for diagnostic in payload["diagnostics"]:
            shown = Path(diagnostic["path"])
            file = shown if shown.is_absolute() else Path.cwd() / shown
            lines = _lines(file.read_bytes()) if file.is_file() else [""]
            line, column = diagnostic["line"], diagnostic["column"]
            assert 1 <= line <= len(lines), diagnostic
            assert 1 <= column <= len(lines[line - 1]) + 1, diagnostic
    finally:
        path.write_bytes(original)


@pytest.mark.slow
@settings(
    max_examples=max(20, EXAMPLES // 5),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=st.binary(max_size=2000))
def test_arbitrary_bytes_as_a_community_file(data_dir: Path, raw: bytes) -> None:
    path = data_dir / "communities" / "fuzz.yaml"
    path.write_bytes(raw)
    try:
        result = runner.invoke(
            app, ["validate", "--data", str(data_dir), "--format", "json", str(path)]
        )
        assert result.exit_code in (0, 1), result.output
        json.loads(result.output)
    finally:
        path.unlink()
