"""Both catalogs hold the same messages with the same placeholders."""

from __future__ import annotations

import string

import pytest

from greencommunity.i18n import language_from_env, set_language, tr
from greencommunity.locales import CATALOGS
from greencommunity.rule_docs import all_docs
from greencommunity.rules import all_rules


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_catalogs_have_the_same_keys() -> None:
    assert set(CATALOGS["zh"]) == set(CATALOGS["en"])


@pytest.mark.parametrize("key", sorted(CATALOGS["zh"]))
def test_placeholders_agree(key: str) -> None:
    assert _placeholders(CATALOGS["zh"][key]) == _placeholders(CATALOGS["en"][key])


def test_every_rule_has_a_message_and_documentation_in_both_languages() -> None:
    for code in all_rules():
        assert f"rule.{code}" in CATALOGS["zh"], code
    set_language("zh")
    chinese = all_docs()
    set_language("en")
    english = all_docs()
    assert chinese.keys() == english.keys()
    for code in chinese:
        zh_doc, en_doc = chinese[code][1], english[code][1]
        assert len(zh_doc) > 20, code
        # The English part must not leak into the Chinese one, nor the reverse.
        assert sum(not c.isascii() for c in zh_doc) > len(zh_doc) / 3, code
        assert sum(c.isascii() for c in en_doc) > 0.9 * len(en_doc), code


def test_rule_docstrings_have_both_languages() -> None:
    for code, registered in all_rules().items():
        assert "\n--\n" in (registered.check.__doc__ or "").replace("    ", ""), code


def test_language_from_env() -> None:
    assert language_from_env({}) == "zh"
    assert language_from_env({"GC_LANG": "en_US"}) == "en"
    assert language_from_env({"GC_LANG": "zh_CN", "LANG": "en_US.UTF-8"}) == "zh"
    assert language_from_env({"LANG": "en_US.UTF-8"}) == "zh"


def test_tr_formats_and_survives_missing_params() -> None:
    set_language("en")
    assert tr("load.too_deep", limit=3).startswith("Nesting is too deep (over 3 levels)")
    # A missing parameter leaves the template rather than raising mid-report.
    assert "{limit}" in tr("load.too_deep", other=1)
