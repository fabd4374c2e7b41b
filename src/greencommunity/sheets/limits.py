"""What an office file must pass before openpyxl opens it.

An .xlsx file is a zip archive of XML parts.  Its directory (the zip's central
directory: names and declared sizes) is read first, without unpacking
anything, and the file is refused when it is too large, holds too many parts,
would unpack to too much or at an absurd compression ratio (a zip bomb), holds
macros or other active content, or links to other files.  Python's zipfile
never unpacks more than a part's declared size, so limits on the declared
sizes bound what opening the file can cost.

No part of an Office file has a document type declaration, so a part with one
(entity declarations: the "billion laughs", external entities) is refused
before any XML is parsed.  openpyxl parses the rest through defusedxml (a
dependency of gc) or, where lxml is installed, with lxml told not to resolve
entities; ``xml_is_safe`` says whether openpyxl has picked defusedxml up.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from greencommunity.codes import (
    WORKBOOK_LINKS,
    WORKBOOK_MACROS,
    WORKBOOK_TOO_BIG,
    WORKBOOK_UNREADABLE,
)
from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import tr

# A filled score sheet is about 11 KB and unpacks to about 60 KB; these leave
# room for any honest workbook (a logo, a few pictures) while keeping what
# openpyxl builds in memory small.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_PARTS = 300
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
# XML compresses 5–20 times; a part that unpacks to more than a megabyte at a
# ratio above this is a bomb, not a spreadsheet.
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024

MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam")
# The start of an OLE2 compound file: a legacy .xls/.et, or an .xlsx encrypted
# with a password to open.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Parts (lower-case) that hold programs: VBA, Excel 4.0 macro sheets, ActiveX
# controls, embedded OLE objects.
ACTIVE_PARTS = ("xl/macrosheets/", "xl/activex/", "xl/embeddings/", "xl/dialogsheets/")
ACTIVE_NAMES = ("vbaproject.bin", "vbadata.xml")
# Parts that fetch from elsewhere: links to other workbooks, data connections.
LINK_PARTS = ("xl/externallinks/", "xl/connections.xml", "xl/querytables/")
CONTENT_TYPES = "[Content_Types].xml"
MACRO_CONTENT = b"macroEnabled"
XML_SUFFIXES = (".xml", ".rels", ".vml")
# A DTD, however its part is encoded (Office writes UTF-8; XML allows UTF-16).
DOCTYPES = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))


def xml_is_safe() -> bool:
    """openpyxl parses through defusedxml (it would not if the package were
    missing, or with OPENPYXL_DEFUSEDXML=False in the environment)."""
    import openpyxl

    return bool(openpyxl.DEFUSEDXML)


def check(path: Path, display: str) -> Diagnostic | None:
    """The first reason not to open *path* with openpyxl, or None."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            return WORKBOOK_UNREADABLE.in_workbook(display, tr("sheets.unreadable.not_a_file"))
        with path.open("rb") as handle:
            head = handle.read(len(OLE2_MAGIC))
    except OSError as exc:
        if not path.exists():
            return WORKBOOK_UNREADABLE.in_workbook(display, tr("sheets.unreadable.missing"))
        detail = exc.strerror or str(exc)
        return WORKBOOK_UNREADABLE.in_workbook(display, tr("sheets.unreadable.os", detail=detail))
    if size > MAX_FILE_BYTES:
        message = tr("sheets.too_big.file", size=size, limit=MAX_FILE_BYTES)
        return WORKBOOK_TOO_BIG.in_workbook(display, message)
    if path.suffix.lower() in MACRO_SUFFIXES:
        message = tr("sheets.macros.suffix", suffix=path.suffix)
        return WORKBOOK_MACROS.in_workbook(display, message)
    if head == OLE2_MAGIC:
        return WORKBOOK_UNREADABLE.in_workbook(display, tr("sheets.unreadable.ole2"))
    try:
        with zipfile.ZipFile(path) as archive:
            return _directory(archive, display)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        zlib.error,  # a part whose compressed data does not inflate
        RuntimeError,  # a part encrypted with a zip password
        NotImplementedError,  # a compression method Python does not have
    ):
        return WORKBOOK_UNREADABLE.in_workbook(display, tr("sheets.unreadable.not_xlsx"))


def _directory(archive: zipfile.ZipFile, display: str) -> Diagnostic | None:
    """The checks on the archive's directory, then on its content types."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        message = tr("sheets.too_big.parts", count=len(parts), limit=MAX_PARTS)
        return WORKBOOK_TOO_BIG.in_workbook(display, message)
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        message = tr("sheets.too_big.unpacked", size=unpacked, limit=MAX_UNPACKED_BYTES)
        return WORKBOOK_TOO_BIG.in_workbook(display, message)
    for part in parts:
        ratio = part.file_size / max(1, part.compress_size)
        if part.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            message = tr(
                "sheets.too_big.ratio", part=part.filename, ratio=int(ratio), limit=MAX_RATIO
            )
            return WORKBOOK_TOO_BIG.in_workbook(display, message)
    for part in parts:
        name = part.filename.lower()
        if name.startswith(ACTIVE_PARTS) or name.rsplit("/", 1)[-1] in ACTIVE_NAMES:
            message = tr("sheets.macros.part", part=part.filename)
            return WORKBOOK_MACROS.in_workbook(display, message)
    for part in parts:
        if part.filename.lower().startswith(LINK_PARTS):
            message = tr("sheets.links.part", part=part.filename)
            return WORKBOOK_LINKS.in_workbook(display, message)
    names = {part.filename for part in parts}
    if CONTENT_TYPES not in names:
        return WORKBOOK_UNREADABLE.in_workbook(display, tr("sheets.unreadable.not_xlsx"))
    if MACRO_CONTENT in archive.read(CONTENT_TYPES):
        message = tr("sheets.macros.part", part=CONTENT_TYPES)
        return WORKBOOK_MACROS.in_workbook(display, message)
    for part in parts:
        # Whole parts: their sizes were bounded above, and a DTD may follow comments.
        if part.filename.lower().endswith(XML_SUFFIXES):
            text = archive.read(part)
            if any(doctype in text for doctype in DOCTYPES):
                return WORKBOOK_UNREADABLE.in_workbook(display, tr("sheets.unreadable.unsafe_xml"))
    return None
