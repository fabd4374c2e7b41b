"""The corpus: the files under ``files/`` and their expectations in ``expected.toml``.

Each table of ``expected.toml`` is one case, named like its file:

    ["unknown_item.yaml"]
    target = "communities/testcase.yaml"   # optional; this is the default
    expect = ["GC303@9:20"]                # every diagnostic of the target, sorted
    crlf = true                            # optional: LF -> CRLF before placing
    setup = "target_links_outside"         # optional: see SETUPS

A case is placed in a fresh copy of the shipped data folder: the file replaces
or adds the target file, then validation must find exactly ``expect`` in it.
A case with a ``setup`` may have no file of its own (a missing criteria.yaml,
a folder named like a community file).
"""

from __future__ import annotations

import re
import shutil
import tomllib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
FILES = HERE / "files"
EXPECTED = HERE / "expected.toml"
SHIPPED_DATA = HERE.parents[1] / "data"
DEFAULT_TARGET = "communities/testcase.yaml"
# The shipped community small_data() keeps by default: assessments in 2021 and
# 2022, district reviews, evidence files.  Every command exits on every corpus
# case as it does with all twelve communities.
SMALL_DATA_COMMUNITIES = ("longlian",)
EXPECTATION = re.compile(r"^(GC\d{3})@(\d+):(\d+)$")
# Created by a file that manages to run a command (python_object_apply.yaml...).
PWNED = Path("/tmp/gc-hostile-pwned")
# What a Python value looks like when it leaks into a message unformatted.
PYTHONISMS = (
    re.compile(r"\b(?:None|True|False)\b"),  # constants
    re.compile(r"\[\d+\]"),  # a 0-based index: plan[0]
    re.compile(r"'(?:str|int|float|bool|dict|list|NoneType)'"),  # type names
    re.compile(r"<class |object at 0x|Traceback"),  # reprs
    re.compile(r"\b(?:Decimal|Fraction|datetime\.date)\("),
)

# What a setup does besides placing the file (if any) at the target.
SETUPS = {
    # The target is a folder (holding the file, if any): it cannot be read.
    "target_is_directory": False,
    # The file lies outside the data folder; the target is a symlink to it.
    "target_links_outside": True,
    # The target is removed from the data folder (criteria.yaml, say).
    "target_missing": False,
    # The file is placed; evidence/testcase/photo.jpg is a symlink leaving the data folder.
    "evidence_links_outside": True,
    # The file is placed; criteria.yaml becomes criteria/2022.yaml, the only sheet.
    "criteria_from_2022": True,
}
# Where criteria_from_2022 moves criteria.yaml.
SHEET_2022 = "criteria/2022.yaml"
# Setups that place the case's file somewhere (the value above is True).
NEEDS_FILE = {name for name, needs in SETUPS.items() if needs}


@dataclass(frozen=True)
class Case:
    name: str
    target: str
    expect: tuple[str, ...]
    crlf: bool = False
    setup: str | None = None

    def __str__(self) -> str:
        return self.name

    @property
    def file(self) -> Path:
        return FILES / self.name

    @property
    def has_file(self) -> bool:
        return self.file.is_file()

    @property
    def codes(self) -> set[str]:
        return {item.partition("@")[0] for item in self.expect}

    @property
    def loads(self) -> bool:
        """The target becomes a model: nothing went wrong reading it (GC1xx) or
        in its format (GC2xx)."""
        return not any(code.startswith(("GC1", "GC2")) for code in self.codes)

    def raw(self) -> bytes:
        """The bytes placed at the target, line ends converted for ``crlf``."""
        raw = self.file.read_bytes() if self.has_file else b""
        return raw.replace(b"\n", b"\r\n") if self.crlf else raw

    def place(self, data: Path, outside: Path) -> Path:
        """Put the case into the data folder *data* (*outside* is a folder outside
        it, for symlinks leaving it) and return the target path."""
        target = data / self.target
        target.parent.mkdir(parents=True, exist_ok=True)
        if self.setup == "target_is_directory":
            target.unlink(missing_ok=True)
            target.mkdir()
            if self.has_file:
                (target / self.name).write_bytes(self.raw())
        elif self.setup == "target_missing":
            target.unlink(missing_ok=True)
        elif self.setup == "target_links_outside":
            outside.mkdir(parents=True, exist_ok=True)
            real = outside / self.name
            real.write_bytes(self.raw())
            target.unlink(missing_ok=True)
            target.symlink_to(real)
        else:
            target.write_bytes(self.raw())
            if self.setup == "criteria_from_2022":
                (data / SHEET_2022).parent.mkdir(exist_ok=True)
                (data / "criteria.yaml").rename(data / SHEET_2022)
            if self.setup == "evidence_links_outside":
                outside.mkdir(parents=True, exist_ok=True)
                photo = outside / "photo.jpg"
                photo.write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
                folder = data / "evidence" / "testcase"
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "photo.jpg").symlink_to(photo)
        return target


def inside(raw: bytes, line: int, column: int) -> bool:
    """The position lies in the text of *raw*: an existing line, at most one
    column past its end."""
    text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    return 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1


def pythonisms(message: str) -> list[str]:
    """The pieces of *message* that look like Python rather than prose."""
    return [m.group(0) for pattern in PYTHONISMS for m in pattern.finditer(message)]


def _case(name: str, table: dict[str, object]) -> Case:
    unknown = set(table) - {"target", "expect", "crlf", "setup"}
    assert not unknown, f"{name}: unknown keys {sorted(unknown)}"
    target, expect = table.get("target", DEFAULT_TARGET), table["expect"]
    crlf, setup = table.get("crlf", False), table.get("setup")
    assert isinstance(target, str), name
    assert isinstance(expect, list), name
    assert all(isinstance(e, str) and EXPECTATION.match(e) for e in expect), (name, expect)
    assert expect == sorted(expect, key=sort_key), f"{name}: expect is not sorted"
    assert isinstance(crlf, bool), name
    assert setup is None or setup in SETUPS, (name, setup)
    return Case(name, target, tuple(expect), crlf, setup if isinstance(setup, str) else None)


def sort_key(item: str) -> tuple[str, int, int]:
    """Expectations sort by code, then line and column as numbers."""
    match = EXPECTATION.match(item)
    assert match, item
    code, line, column = match.groups()
    return code, int(line), int(column)


def load_cases() -> list[Case]:
    tables = tomllib.loads(EXPECTED.read_text(encoding="utf-8"))
    return [_case(name, table) for name, table in sorted(tables.items())]


CASES = load_cases()


def found(diagnostics: Iterable[tuple[str, int, int]]) -> list[str]:
    """Diagnostics as sorted ``CODE@line:col`` strings, the form of ``expect``."""
    return sorted((f"{code}@{line}:{column}" for code, line, column in diagnostics), key=sort_key)


def small_data(target: Path, communities: tuple[str, ...] = SMALL_DATA_COMMUNITIES) -> Path:
    """Copy the shipped data folder to *target*, keeping only *communities*.

    For tests that run every command, or validation many times, on one changed
    file: each run loads the whole folder, and the other communities would
    multiply the time without reaching any other code.
    """
    shutil.copytree(SHIPPED_DATA, target)
    for path in (target / "communities").iterdir():
        if path.stem not in communities:
            path.unlink()
            # Its evidence goes with it, as when a town deletes a community (GC334).
            shutil.rmtree(target / "evidence" / path.stem, ignore_errors=True)
    return target


@contextmanager
def placed(case: Case, data: Path, outside: Path) -> Iterator[Path]:
    """Place *case* in *data*, then leave *data* as it was: for a data folder
    shared by several cases, such as a git work tree."""
    target = data / case.target
    before = target.read_bytes() if target.is_file() else None
    new_folder = next((p for p in reversed(target.parents) if not p.exists()), None)
    evidence = data / "evidence" / "testcase"
    assert not evidence.exists(), evidence
    sheet = data / "criteria.yaml"
    try:
        yield case.place(data, outside)
    finally:
        if case.setup == "criteria_from_2022":
            (data / SHEET_2022).rename(sheet)
            (data / SHEET_2022).parent.rmdir()
        if target.is_symlink() or target.is_file():
            target.unlink()
        elif target.is_dir():
            shutil.rmtree(target)
        if before is not None:
            target.write_bytes(before)
        if new_folder is not None:
            shutil.rmtree(new_folder)
        if evidence.exists():
            shutil.rmtree(evidence)
