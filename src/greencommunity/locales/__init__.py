"""Message catalogs, one module per domain, each holding ``ZH`` and ``EN``.

Keeping both languages of a domain in one module makes a missing translation
visible in review; ``tests/test_i18n.py`` checks that the two catalogs have the
same keys and placeholders, and that every key the code uses exists and every
key that exists is used.

A key's prefix, the part before its first dot, names its domain, and each
prefix lives in one module: ``rule.*`` in ``rules.py``, ``document.*`` in
``documents.py`` …  Only ``help.*`` spans modules: each command's help lives
with the command's other texts, so there ``help.<command>`` is the prefix
(``tests/test_i18n.py`` checks both).

A message is a ``str.format`` template, or a ``Plural`` when it counts
something: English has a singular and a plural form, Chinese one form.

Dictionaries rather than gettext/Babel: two languages whose plural rules fit
in ``Plural``, no compile step between editing a message and running it, the
catalogs are type-checked Python, and the tests read them directly to prove
that both languages hold every key with the same placeholders.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Plural:
    """The forms of a counted message; ``{count}`` is the number counted.

    ``one`` is used for a count of exactly 1 in languages that have a singular
    (English); ``other`` for every other count, and for every count in Chinese.
    """

    other: str
    one: str | None = None

    def forms(self) -> tuple[str, ...]:
        return (self.other,) if self.one is None else (self.one, self.other)


Message = str | Plural

# One module per domain of messages; a new domain is a module and its name here.
DOMAINS: tuple[str, ...] = (
    "audit",
    "authoring",
    "cli",
    "criteria",
    "documents",
    "evaluation",
    "git",
    "labels",
    "loading",
    "progress",
    "provenance",
    "review",
    "rollup",
    "rules",
    "schema",
    "sheets",
    "site",
    "verify",
)


def _merge(lang: str) -> dict[str, Message]:
    merged: dict[str, Message] = {}
    for name in DOMAINS:
        module = importlib.import_module(f"greencommunity.locales.{name}")
        catalog: dict[str, Message] = getattr(module, lang)
        duplicated = merged.keys() & catalog.keys()
        if duplicated:
            raise RuntimeError(f"message keys defined twice: {sorted(duplicated)}")
        merged.update(catalog)
    return merged


CATALOGS: dict[str, dict[str, Message]] = {"zh": _merge("ZH"), "en": _merge("EN")}
