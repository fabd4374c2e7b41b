"""Message catalogs, one module per domain, each holding ``ZH`` and ``EN``.

Keeping both languages of a domain in one module makes a missing translation
visible in review; ``tests/test_i18n.py`` checks that the two catalogs have the
same keys and placeholders.
"""

from __future__ import annotations

from types import ModuleType

from greencommunity.locales import cli, git, loading, progress, report, rules, schema

DOMAINS: tuple[ModuleType, ...] = (cli, git, loading, progress, report, rules, schema)


def _merge(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for module in DOMAINS:
        catalog: dict[str, str] = getattr(module, lang)
        duplicated = merged.keys() & catalog.keys()
        if duplicated:
            raise RuntimeError(f"message keys defined twice: {sorted(duplicated)}")
        merged.update(catalog)
    return merged


CATALOGS: dict[str, dict[str, str]] = {"zh": _merge("ZH"), "en": _merge("EN")}
