"""Whether the PDF will have a Chinese font, asked of fontconfig before anything is laid out.

WeasyPrint finds every font through Pango, and Pango through fontconfig: a
machine whose fontconfig knows no font covering Simplified Chinese makes a PDF
of empty boxes without any error.  So before the first page is laid out, the
same fontconfig is asked which font families cover ``zh-cn`` (what
``fc-list :lang=zh-cn family`` prints), and an empty answer refuses the PDF
(``NoChineseFontError``; the CLI names what to install).

No font is shipped with gc: the Noto CJK families weigh some 20 MB per weight,
the style sheet names the fonts each system already has (宋体 on Windows, 宋体-简
on macOS, Noto CJK on Linux), and officers expect the official documents in
their system's 宋体 rather than in a font gc brings along.

fontconfig is called through ``ctypes`` (the standard library): its C library
is the one WeasyPrint itself loads, already in the process once WeasyPrint is
imported.  When the library cannot be found at all, the check cannot be made
and the PDF is not refused on a guess.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

# Simplified Chinese: the language fontconfig checks a font's coverage against.
LANGUAGE = "zh-cn"
# The names WeasyPrint itself tries for fontconfig (weasyprint/text/ffi.py).
_LIBRARIES = (
    "libfontconfig.so.1",
    "libfontconfig-1.dll",
    "libfontconfig.1.dylib",
    "fontconfig-1",
    "fontconfig",
)
_MATCH = 0  # FcResultMatch


class NoChineseFontError(Exception):
    """fontconfig knows no font covering Simplified Chinese: the PDF would show boxes."""


class _FontSet(ctypes.Structure):
    _fields_ = [
        ("nfont", ctypes.c_int),
        ("sfont", ctypes.c_int),
        ("fonts", ctypes.POINTER(ctypes.c_void_p)),
    ]


def _fontconfig() -> ctypes.CDLL | None:
    found = ctypes.util.find_library("fontconfig")
    for name in (*_LIBRARIES, *([found] if found else [])):
        try:
            library = ctypes.CDLL(name)
        except OSError:
            continue
        library.FcNameParse.restype = ctypes.c_void_p
        library.FcNameParse.argtypes = [ctypes.c_char_p]
        library.FcObjectSetCreate.restype = ctypes.c_void_p
        library.FcObjectSetCreate.argtypes = []
        library.FcObjectSetAdd.restype = ctypes.c_int
        library.FcObjectSetAdd.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        library.FcFontList.restype = ctypes.POINTER(_FontSet)
        library.FcFontList.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
        library.FcPatternGetString.restype = ctypes.c_int
        library.FcPatternGetString.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_char_p),
        ]
        library.FcFontSetDestroy.argtypes = [ctypes.POINTER(_FontSet)]
        library.FcObjectSetDestroy.argtypes = [ctypes.c_void_p]
        library.FcPatternDestroy.argtypes = [ctypes.c_void_p]
        return library
    return None


@functools.cache
def chinese_families() -> tuple[str, ...] | None:
    """The font families fontconfig offers for Simplified Chinese, sorted; None
    when fontconfig cannot be asked (its library is not found)."""
    fc = _fontconfig()
    if fc is None:
        return None
    pattern = fc.FcNameParse(f":lang={LANGUAGE}".encode())
    objects = fc.FcObjectSetCreate()
    fc.FcObjectSetAdd(objects, b"family")
    # The current configuration (NULL): the one Pango loads, FONTCONFIG_FILE included.
    fonts = fc.FcFontList(None, pattern, objects)
    families: set[str] = set()
    try:
        if fonts:
            for index in range(fonts.contents.nfont):
                name = ctypes.c_char_p()
                font = fonts.contents.fonts[index]
                if fc.FcPatternGetString(font, b"family", 0, ctypes.byref(name)) == _MATCH:
                    families.add((name.value or b"").decode("utf-8", "replace"))
    finally:
        if fonts:
            fc.FcFontSetDestroy(fonts)
        fc.FcObjectSetDestroy(objects)
        fc.FcPatternDestroy(pattern)
    return tuple(sorted(families))


def require_chinese_font() -> None:
    """Raise ``NoChineseFontError`` when fontconfig knows no Chinese font."""
    if chinese_families() == ():
        raise NoChineseFontError(LANGUAGE)
