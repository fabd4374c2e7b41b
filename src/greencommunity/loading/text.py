"""Bytes → text: only UTF-8 is accepted, and every other encoding is named.

Officers' files come from Notepad, WPS and Excel on Chinese Windows; a file in
GBK or UTF-16 is refused with a message that says which it is and how to
convert it, at the place where decoding failed.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

from greencommunity.codes import ENCODING, Code
from greencommunity.i18n import tr

if TYPE_CHECKING:
    from greencommunity.loading.slips import Repair


class LoadError(Exception):
    """A file could not be turned into data; carries the diagnostic to report.

    ``repair`` (a ``slips.Repair``) is what was meant, when the error is a
    keyboard slip the text can be read on past; ``earlier`` are the slips
    repaired before reading stopped here (``parser.read``).
    """

    def __init__(
        self, code: Code, line: int, column: int, message: str, repair: Repair | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.line = line
        self.column = column
        self.message = message
        self.repair = repair
        self.earlier: tuple[LoadError, ...] = ()


def position_of_offset(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of the character at *offset* in *text*."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


_PRINTABLE_ASCII = frozenset(b"\t\n\r" + bytes(range(0x20, 0x7F)))


def _looks_utf16(raw: bytes) -> bool:
    """A UTF-16 BOM, or ASCII text with every other byte zero (UTF-16 without BOM)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    head = raw[:256]
    if len(head) < 8:
        return False
    for zeros, chars in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):
        if zeros.count(0) >= 0.8 * len(zeros) and (
            sum(b in _PRINTABLE_ASCII for b in chars) >= 0.8 * len(chars)
        ):
            return True
    return False


def _looks_gbk(raw: bytes) -> bool:
    """Decodes as GB18030 into text that has Chinese and no control characters.

    GB18030 accepts most byte strings, so decoding alone proves nothing.
    """
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    has_cjk = any("\u4e00" <= char <= "\u9fff" for char in text)
    controls = any(ord(char) < 0x20 and char not in "\t\n\r" for char in text)
    return has_cjk and not controls


def decode(raw: bytes) -> str:
    """Decode a data file; only UTF-8 (with or without BOM) is accepted."""
    if _looks_utf16(raw):
        raise LoadError(ENCODING, 1, 1, tr("load.utf16"))
    nul = raw.find(b"\x00")
    if nul >= 0:
        prefix = raw[:nul].decode("utf-8", errors="replace")
        line, column = position_of_offset(prefix, len(prefix))
        raise LoadError(ENCODING, line, column, tr("load.binary"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", errors="replace")
        line, column = position_of_offset(prefix, len(prefix))
        key = "load.gbk" if _looks_gbk(raw) else "load.not_utf8"
        raise LoadError(ENCODING, line, column, tr(key)) from None


def readable(raw: bytes) -> str | None:
    """What can be shown of bytes that are not UTF-8 text, to point at the bad
    place: each undecodable byte as U+FFFD, so that columns count as in the
    diagnostic.  None for UTF-16, whose every other byte is zero."""
    if _looks_utf16(raw):
        return None
    return raw.decode("utf-8-sig", errors="replace")
