"""The hostile and broken workbooks of ``hostile/``: each refused with exactly
its codes at exactly its cells, the dangerous ones before openpyxl opens them,
every message in words, nothing written."""

from __future__ import annotations

import io
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

from greencommunity.i18n import tr
from greencommunity.rules import registry
from greencommunity.sheets import limits, reading
from greencommunity.sheets.importing import plan_import
from tests.corpus.cases import pythonisms
from tests.sheets import build_hostile

HOSTILE = build_hostile.FOLDER
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads(
    (HOSTILE / "expected.toml").read_text(encoding="utf-8")
)
# Problems found in the zip's directory, before any XML is parsed.
BEFORE_OPENING = ("GC402", "GC403", "GC404")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_workbook_reports_exactly_its_problems(
    name: str, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = EXPECTED[name]
    refused_early = any(e.startswith(BEFORE_OPENING) for e in case["expect"])
    if refused_early:

        def never(*args: object, **kwargs: object) -> None:
            raise AssertionError("openpyxl opened a workbook the zip directory should refuse")

        monkeypatch.setattr("openpyxl.load_workbook", never)
    before = _snapshot(data_copy)
    files = [HOSTILE / other for other in case.get("with", [])] + [HOSTILE / name]
    plan = plan_import(data_copy, files, base=HOSTILE)
    assert [f"{d.code} {d.place}" for d in plan.problems] == case["expect"]
    for problem in plan.problems:
        assert problem.message.strip() and not pythonisms(problem.message), problem
    assert plan.ok is (case["expect"] == [])
    assert _snapshot(data_copy) == before


def test_every_workbook_has_its_table_and_every_table_its_workbook() -> None:
    on_disk = {p.name for p in HOSTILE.iterdir() if p.name != "expected.toml"}
    assert on_disk == set(EXPECTED) == set(build_hostile.CASES)


def test_every_workbook_code_has_a_case() -> None:
    codes = {c for c in registry() if c.startswith("GC4")}
    covered = {e.split()[0] for case in EXPECTED.values() for e in case["expect"]}
    assert sorted(codes - covered) == []


def _directory(data: bytes) -> dict[str, tuple[int, int]] | bytes:
    """A workbook's parts by CRC and size (not by their compressed bytes, which
    depend on the zlib at hand); other files as they are."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            i.filename: (i.CRC, i.file_size)
            for i in archive.infolist()
            if i.filename not in build_hostile.VOLATILE
        }


@pytest.mark.parametrize("name", sorted(build_hostile.CASES))
def test_the_folder_is_what_the_builder_builds(name: str) -> None:
    """Rebuild with ``python -m tests.sheets.build_hostile`` when this fails."""
    built = build_hostile.CASES[name]()
    assert _directory(built) == _directory((HOSTILE / name).read_bytes())


def test_an_oversized_file_is_refused_before_opening(
    tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    padding = {"xl/media/image1.png": bytes(range(256)) * (limits.MAX_FILE_BYTES // 200)}
    big = build_hostile.rezip(build_hostile.filled(), add=padding)
    # Stored, not deflated: a file that is big on disk.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, content in build_hostile.parts(big).items():
            archive.writestr(name, content)
    path = tmp_path / "大文件.xlsx"
    path.write_bytes(out.getvalue())
    assert path.stat().st_size > limits.MAX_FILE_BYTES
    monkeypatch.setattr("openpyxl.load_workbook", None)
    plan = plan_import(data_copy, [path], base=tmp_path)
    assert [(d.code, d.place) for d in plan.problems] == [("GC404", "大文件.xlsx")]
    assert str(path.stat().st_size) in plan.problems[0].message


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    b"<l>&c;</l>"
)


def test_openpyxl_never_expands_entities() -> None:
    """openpyxl reads a workbook's parts with defusedxml's iterparse, and its
    other XML either with defusedxml or, where lxml is installed (python-docx
    brings it), with lxml told not to resolve entities: neither expands one."""
    import io

    from openpyxl.xml import functions

    assert limits.xml_is_safe()
    assert functions.iterparse.__module__.startswith("defusedxml")
    try:
        parsed = functions.fromstring(LAUGHS)
    except Exception as refused:  # defusedxml: EntitiesForbidden
        assert "Entit" in type(refused).__name__
    else:  # lxml: the reference stays unexpanded
        assert len(parsed.text or "") < 100
    with pytest.raises(Exception, match=r"(?i)entit"):
        list(functions.iterparse(io.BytesIO(LAUGHS)))


def test_without_defusedxml_no_workbook_is_opened(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("openpyxl.DEFUSEDXML", False)
    with pytest.raises(reading.UnsafeXmlError):
        plan_import(data_copy, [HOSTILE / "repeated_1.xlsx"], base=HOSTILE)


@pytest.mark.parametrize("codec", ["utf-8", "utf-16"])
def test_a_part_with_a_dtd_is_refused_before_any_xml_is_parsed(codec: str, tmp_path: Path) -> None:
    """The DTD is found in the part's bytes, in any encoding XML allows, so the
    refusal does not depend on which parser openpyxl picked."""
    laughs = LAUGHS.replace(b'<?xml version="1.0"?>', b"").decode("ascii").encode(codec)
    path = tmp_path / "laughs.xlsx"
    path.write_bytes(build_hostile.rezip(build_hostile.filled(), add={"xl/custom.xml": laughs}))
    refused = limits.check(path, "laughs.xlsx")
    assert refused is not None
    assert (refused.code, refused.message) == ("GC401", tr("sheets.unreadable.unsafe_xml"))


@pytest.mark.slow
def test_the_billion_laughs_is_a_real_bomb() -> None:
    """Without defusedxml, openpyxl expands the entities: the case tests something."""
    script = (
        "from openpyxl import load_workbook\n"
        f"book = load_workbook({str(HOSTILE / 'billion_laughs.xlsx')!r})\n"
        "print(len(book.sheetnames[0]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", script],
        env={"OPENPYXL_DEFUSEDXML": "False", "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "320000\n"
