"""The one translation function every user-facing string goes through.

Messages are looked up by a stable key in the active catalog (Chinese by
default, English on request).  Both catalogs hold the same keys with the same
placeholders; a test enforces it, and another scans the code for keys that are
used but missing, or defined but never used.

The interface language is settled once per run, before any help text is shown
(``cli/app.py``); submitted documents are always rendered in
``DOCUMENT_LANGUAGE`` (``using``), whatever the interface language.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from greencommunity.locales import CATALOGS, Plural

DEFAULT_LANGUAGE = "zh"
# The documents are submitted to the district and the city: Chinese, always.
DOCUMENT_LANGUAGE = "zh"
LANGUAGES: tuple[str, ...] = tuple(CATALOGS)
LANGUAGE_VARIABLE = "GC_LANG"


class UnknownLanguageError(ValueError):
    """A language asked for (``--lang`` or ``GC_LANG``) that has no catalog."""

    def __init__(self, requested: str) -> None:
        super().__init__(requested)
        self.requested = requested


class MessageError(LookupError):
    """A key missing from the catalog, or a message used with the wrong parameters.

    Always a defect of gc, never of the data: the catalog tests catch it.
    """


def parse_language(value: str) -> str:
    """``zh``, ``zh_CN``, ``zh-CN``, ``en_US.UTF-8`` … → ``zh`` or ``en``.

    Anything else raises ``UnknownLanguageError``; an unknown language is never
    silently replaced by the default.
    """
    base = value.strip().lower().replace("-", "_").split(".", 1)[0].split("_", 1)[0]
    if base in LANGUAGES:
        return base
    raise UnknownLanguageError(value)


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """The language asked for in ``GC_LANG``; Chinese when it is unset or empty.

    The system locale is deliberately ignored: officers' machines and CI runners
    often run an English or C locale, yet the officers read Chinese.
    """
    env = os.environ if environ is None else environ
    explicit = env.get(LANGUAGE_VARIABLE, "").strip()
    return parse_language(explicit) if explicit else DEFAULT_LANGUAGE


# The run's language: settled once per run (``cli/translated.py``), switched for
# a block by ``using``.  A context variable, so that a thread or a task sees
# the language of the code that started it.
_language: ContextVar[str] = ContextVar("gc_language", default=DEFAULT_LANGUAGE)


def set_language(lang: str) -> None:
    if lang not in CATALOGS:
        raise UnknownLanguageError(lang)
    _language.set(lang)


def get_language() -> str:
    return _language.get()


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Translate in *lang* for the duration of the block (documents: Chinese)."""
    if lang not in CATALOGS:
        raise UnknownLanguageError(lang)
    token = _language.set(lang)
    try:
        yield
    finally:
        _language.reset(token)


def _lookup(key: str) -> str | Plural:
    language = _language.get()
    try:
        return CATALOGS[language][key]
    except KeyError:
        raise MessageError(f"no message {key!r} in the {language} catalog") from None


@lru_cache(maxsize=4096)
def _fields(template: str) -> frozenset[str]:
    """The named placeholders of *template* ("{count}"; "{}" is not one)."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _format(key: str, template: str, params: Mapping[str, object]) -> str:
    missing = _fields(template) - params.keys()
    if missing:
        raise MessageError(f"message {key!r} needs {sorted(missing)}")
    # Always formatted, so that "{{" in a catalog is one brace with or without parameters.
    return template.format(**params)


def tr(key: str, /, **params: object) -> str:
    """The message *key* in the active language, formatted with *params*."""
    message = _lookup(key)
    if isinstance(message, Plural):
        raise MessageError(f"message {key!r} counts something: use trn()")
    return _format(key, message, params)


def trn(key: str, count: int, /, **params: object) -> str:
    """The counted message *key* for *count*: "1 error", "2 errors", "2 个错误".

    The count is available to the template as ``{count}``.
    """
    message = _lookup(key)
    if not isinstance(message, Plural):
        raise MessageError(f"message {key!r} does not count anything: use tr()")
    form = message.one if count == 1 and message.one is not None else message.other
    return _format(key, form, {**params, "count": count})


def join(items: Iterable[str]) -> str:
    """A list in the active language: 甲、乙、丙 or "a, b, c"."""
    return tr("list.separator").join(items)


class Listing:
    """A list put into words when the message holding it is: 甲、乙 or "a, b" in
    the language of that message, not of the code that found the list.  The
    documents find their refusals in Chinese (``using(DOCUMENT_LANGUAGE)``),
    and the command line words them in the interface language."""

    def __init__(self, items: Iterable[str], empty: str = "") -> None:
        self.items = tuple(items)
        self.empty = empty

    def __str__(self) -> str:
        return join(self.items) or self.empty

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Listing):
            return (self.items, self.empty) == (other.items, other.empty)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.items, self.empty))

    def __repr__(self) -> str:
        return f"Listing({list(self.items)!r})"
