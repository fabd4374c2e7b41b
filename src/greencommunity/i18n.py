"""The one translation function every user-facing string goes through.

Messages are looked up by a stable key in the active catalog (Chinese by
default, English on request).  Both catalogs must hold the same keys with the
same placeholders; a test enforces it, so a message can never exist in only one
language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from greencommunity.locales import CATALOGS

DEFAULT_LANGUAGE = "zh"


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """The language asked for in GC_LANG (``zh`` or ``en``); Chinese by default.

    The system locale is deliberately ignored: officers' machines and CI runners
    often run an English or C locale, yet the officers read Chinese.
    """
    env = os.environ if environ is None else environ
    explicit = env.get("GC_LANG", "").strip().lower()
    if explicit:
        return "en" if explicit.startswith("en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


_language = language_from_env()


def set_language(lang: str) -> None:
    global _language
    if lang not in CATALOGS:
        raise ValueError(f"unknown language {lang!r}; known: {sorted(CATALOGS)}")
    _language = lang


def get_language() -> str:
    return _language


def tr(key: str, /, **params: object) -> str:
    """Return the message *key* in the active language, formatted with *params*.

    A missing key is a programming error caught by the catalog tests; at run
    time it degrades to the key itself rather than crashing an officer's run.
    """
    template = CATALOGS[_language].get(key) or CATALOGS[DEFAULT_LANGUAGE].get(key) or key
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
