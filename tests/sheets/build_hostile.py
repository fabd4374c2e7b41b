"""Builds the hostile and broken workbooks of ``tests/sheets/hostile/``.

Each case starts from a sheet exported from the shipped data (佳福东 2022,
filled; 嘉煌 2023, blank) and breaks it one way: a macro, a link, a zip bomb,
a formula, text where a score belongs…  ``hostile/expected.toml`` says what an
import must report for each.  Run ``.venv/bin/python -m tests.sheets.build_hostile``
after changing the export or the shipped criteria (their fingerprint is in
every sheet); ``test_hostile.py`` checks that the folder is what this script
builds.  The oversized file is not kept: it is built by its test.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from greencommunity import xlsx
from greencommunity.sheets import layout
from greencommunity.sheets.export import export_workbook
from greencommunity.validation import validate

HERE = Path(__file__).parent
FOLDER = HERE / "hostile"
SHIPPED_DATA = HERE.parents[1] / "data"
# Fixed times, so that building twice gives the same parts.
STAMP = dt.datetime(2022, 10, 20, 9, 0, 0)
ZIP_TIME = (2022, 10, 20, 9, 0, 0)
MIB = 1024 * 1024
SHEET = "自测评分表"
# The parts whose content changes with every save (openpyxl stamps the time).
VOLATILE = frozenset({"docProps/core.xml"})


@cache
def exported(community: str, year: int) -> bytes:
    checked = validate(SHIPPED_DATA).checked()
    assert checked is not None
    found = next(c for c in checked.communities if c.id == community)
    return export_workbook(checked.town.name, checked.criteria.criteria_for(year), found, year)


def filled() -> bytes:
    """佳福东居委会 2022: every score filled, as exported."""
    return exported("jiafudong", 2022)


def blank() -> bytes:
    """嘉煌居委会 2023: no self-evaluation yet."""
    return exported("jiahuang", 2023)


def parts(data: bytes) -> dict[str, bytes]:
    """The unpacked parts of a workbook (for comparing two builds)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def rezip(
    data: bytes,
    add: Mapping[str, bytes] = {},
    replace: Mapping[str, bytes] = {},
) -> bytes:
    """*data* with parts added or replaced, at a fixed time."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in {**parts(data), **replace, **add}.items():
            target.writestr(zipfile.ZipInfo(name, ZIP_TIME), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def edit(data: bytes, cells: Mapping[str, Any], sheet: str = SHEET) -> bytes:
    """*data* with *cells* set as Excel would store what an officer typed:
    a text beginning with = is a formula, ``("s", text)`` is a text cell,
    ``("e", "#N/A")`` an error value."""
    book = load_workbook(io.BytesIO(data))
    for ref, value in cells.items():
        cell = book[sheet][ref]
        if isinstance(value, tuple):
            kind, text = value
            cell.value = text
            cell.data_type = kind
        else:
            cell.value = value
    book.properties.created = STAMP
    return rezip(xlsx.workbook_bytes(book))


def meta(data: bytes, key: str, value: str) -> bytes:
    row = layout.META_KEYS.index(key) + 1
    return edit(data, {f"B{row}": ("s", value)}, sheet=layout.META_SHEET)


def _content_types(data: bytes) -> bytes:
    main = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    macro = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    return parts(data)["[Content_Types].xml"].replace(main, macro)


ENTITIES = b"""<!DOCTYPE workbook [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
"""


def _billion_laughs() -> bytes:
    """The workbook part declares nested entities (an expansion to gigabytes
    if the parser followed them) and uses the biggest in a sheet's name."""
    workbook = parts(filled())["xl/workbook.xml"]
    body = workbook.replace('name="自测评分表"'.encode(), b'name="&d;"', 1)
    return rezip(filled(), replace={"xl/workbook.xml": ENTITIES + body})


def _not_ours() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    xlsx.put_row(sheet, 1, ["编号", "自评得分"])
    xlsx.put_row(sheet, 2, ["1.1", 5])
    book.properties.created = STAMP
    return rezip(xlsx.workbook_bytes(book))


def _broken_part(data: bytes, name: str, *, encrypted: bool = False) -> bytes:
    """*data* with the part *name* broken in its zip entry: flagged as encrypted
    with a zip password, or else its compressed data starting with a block of
    the invalid type 3, which no inflater reads."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        header = archive.getinfo(name).header_offset
    broken = bytearray(data)
    if encrypted:
        encoded = name.encode()
        central = broken.index(b"PK\x01\x02")
        while broken[central + 46 : central + 46 + len(encoded)] != encoded:
            central = broken.index(b"PK\x01\x02", central + 4)
        broken[header + 6] |= 1
        broken[central + 8] |= 1
    else:
        name_length, extra_length = struct.unpack("<HH", broken[header + 26 : header + 30])
        broken[header + 30 + name_length + extra_length] |= 0b110
    return bytes(broken)


# name → how it is built.  Cells of the filled sheet: E3 the date; items 1.1,
# 1.2, 1.3 (5, 5 and 4 points) in rows 7, 8, 9; 1.4 (6 points) in row 10.
CASES: dict[str, Callable[[], bytes]] = {
    "macro_enabled.xlsm": filled,
    "vba_project.xlsx": lambda: rezip(filled(), add={"xl/vbaProject.bin": b"\xd0\xcf" * 64}),
    "macro_content_type.xlsx": lambda: rezip(
        filled(), replace={"[Content_Types].xml": _content_types(filled())}
    ),
    "macro_sheet.xlsx": lambda: rezip(
        filled(), add={"xl/macrosheets/sheet1.xml": b"<xm:macrosheet/>"}
    ),
    "activex.xlsx": lambda: rezip(filled(), add={"xl/activeX/activeX1.xml": b"<ax:ocx/>"}),
    "external_link.xlsx": lambda: rezip(
        filled(), add={"xl/externalLinks/externalLink1.xml": b"<externalLink/>"}
    ),
    "data_connection.xlsx": lambda: rezip(filled(), add={"xl/connections.xml": b"<connections/>"}),
    # 60 MiB of zeros compress to about 60 KB: more than a workbook may unpack to.
    "zip_bomb.xlsx": lambda: rezip(filled(), add={"xl/media/image1.bin": bytes(60 * MIB)}),
    # 2 MiB of zeros at a ratio near 1000:1, small enough in total.
    "zip_bomb_ratio.xlsx": lambda: rezip(filled(), add={"xl/media/image1.bin": bytes(2 * MIB)}),
    "too_many_parts.xlsx": lambda: rezip(
        filled(), add={f"xl/media/image{n}.png": b"" for n in range(400)}
    ),
    "not_a_zip.xlsx": lambda: "编号,自评得分\n1.1,4\n".encode(),
    "legacy_xls.xlsx": lambda: bytes.fromhex("d0cf11e0a1b11ae1") + bytes(512),
    "billion_laughs.xlsx": _billion_laughs,
    "damaged.xlsx": lambda: rezip(
        filled(), replace={"xl/workbook.xml": parts(filled())["xl/workbook.xml"][:200]}
    ),
    "corrupt_part.xlsx": lambda: _broken_part(filled(), "[Content_Types].xml"),
    "encrypted_part.xlsx": lambda: _broken_part(filled(), "[Content_Types].xml", encrypted=True),
    "not_ours.xlsx": _not_ours,
    "other_criteria.xlsx": lambda: meta(filled(), "criteria", "sha256:" + "0" * 64),
    "unknown_community.xlsx": lambda: meta(filled(), "community", "nowhere"),
    "formulas.xlsx": lambda: edit(filled(), {"E3": "=TODAY()", "E7": "=4+1", "F8": "=A1"}),
    "not_numbers.xlsx": lambda: edit(
        filled(),
        {"E7": ("s", "四分"), "E8": True, "E9": ("e", "#N/A"), "E10": dt.datetime(2022, 5, 1)},
    ),
    "out_of_range.xlsx": lambda: edit(filled(), {"E7": 6, "E8": -1}),
    "off_step.xlsx": lambda: edit(filled(), {"E7": 4.3, "E9": 2.123456}),
    "bad_date.xlsx": lambda: edit(filled(), {"E3": ("s", "2022年10月20日")}),
    "rows_changed.xlsx": lambda: edit(filled(), {"A8": ("s", "1.1")}),
    "no_date.xlsx": lambda: edit(blank(), {"E7": 4, "E8": 5}),
    "repeated_1.xlsx": lambda: edit(filled(), {"E7": 5}),
    "repeated_2.xlsx": lambda: edit(filled(), {"E7": 4}),
}


def build(folder: Path = FOLDER) -> None:
    folder.mkdir(exist_ok=True)
    for name, make in CASES.items():
        (folder / name).write_bytes(make())


if __name__ == "__main__":
    build()
