"""Translation: both catalogs complete and alike, every key the code uses exists,
every key that exists is used, and no key is assembled at run time."""

from __future__ import annotations

import ast
import importlib
import re
import string
from pathlib import Path

import pytest

from greencommunity.i18n import (
    MessageError,
    UnknownLanguageError,
    join,
    language_from_env,
    parse_language,
    set_language,
    tr,
    trn,
    using,
)
from greencommunity.locales import CATALOGS, DOMAINS, Plural

SRC = Path(__file__).resolve().parents[1] / "src" / "greencommunity"
KEY_LIKE = re.compile(r"^[a-z_]+(\.[A-Za-z0-9_]+)+$")
# File names read like keys ("history.html"); no key ends with a file suffix.
FILE_SUFFIXES = {
    "html",
    "j2",
    "js",
    "css",
    "md",
    "pdf",
    "json",
    "yaml",
    "yml",
    "svg",
    "xlsx",
    "docx",
}
NAMESPACES = {key.split(".", 1)[0] for key in CATALOGS["zh"]}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _forms(message: str | Plural) -> tuple[str, ...]:
    return message.forms() if isinstance(message, Plural) else (message,)


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "locales" not in p.parts)


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("tr", "trn")
        and node.args
    ]


# Templates that call the catalog: t("key", ...) and tn("key", count).
TEMPLATE_CALL = re.compile(r"""\bt[n]?\(\s*["']([a-z_]+(?:\.[A-Za-z0-9_]+)+)["']""")


def _key_literals() -> dict[str, list[str]]:
    """Every string constant of the code, and every key a template passes to the
    catalog, that reads as a catalog key, and where."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.j2")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for key in TEMPLATE_CALL.findall(line):
                found.setdefault(key, []).append(f"{path.name}:{number}")
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if (
                    KEY_LIKE.match(text)
                    and text.split(".", 1)[0] in NAMESPACES
                    and text.rsplit(".", 1)[1] not in FILE_SUFFIXES
                ):
                    found.setdefault(text, []).append(f"{path.name}:{node.lineno}")
    return found


def test_catalogs_have_the_same_keys() -> None:
    assert set(CATALOGS["zh"]) == set(CATALOGS["en"])


def _domain_modules() -> dict[str, tuple[dict[str, object], dict[str, object]]]:
    modules = {name: importlib.import_module(f"greencommunity.locales.{name}") for name in DOMAINS}
    return {name: (module.ZH, module.EN) for name, module in modules.items()}


def _prefix(key: str) -> str:
    """What names a key's domain: the part before the first dot; for a
    command's help, ``help.<command>``."""
    parts = key.split(".")
    return ".".join(parts[:2]) if parts[0] == "help" else parts[0]


def test_a_module_holds_both_languages_of_its_keys() -> None:
    for name, (zh, en) in _domain_modules().items():
        assert set(zh) == set(en), name


def test_each_prefix_lives_in_one_module() -> None:
    """rollup.* in rollup.py only, rule.* in rules.py only …: whoever looks for a
    message, or adds one, finds its domain's module by its key."""
    homes: dict[str, set[str]] = {}
    for name, (zh, en) in _domain_modules().items():
        for key in (*zh, *en):
            homes.setdefault(_prefix(key), set()).add(name)
    assert {prefix: sorted(names) for prefix, names in homes.items() if len(names) > 1} == {}


@pytest.mark.parametrize("key", sorted(CATALOGS["zh"]))
def test_placeholders_agree(key: str) -> None:
    zh, en = CATALOGS["zh"][key], CATALOGS["en"][key]
    assert isinstance(zh, Plural) == isinstance(en, Plural), key
    wanted = _placeholders(_forms(zh)[-1])
    for form in (*_forms(zh), *_forms(en)):
        assert _placeholders(form) == wanted, (key, form)


def test_chinese_has_one_plural_form_and_english_two() -> None:
    for key, message in CATALOGS["zh"].items():
        if isinstance(message, Plural):
            assert message.one is None, key
            english = CATALOGS["en"][key]
            assert isinstance(english, Plural) and english.one is not None, key


def test_every_key_used_in_the_code_exists() -> None:
    missing = {k: where for k, where in _key_literals().items() if k not in CATALOGS["zh"]}
    assert missing == {}


def test_every_key_in_the_catalogs_is_used() -> None:
    used = _key_literals()
    unused = sorted(k for k in CATALOGS["zh"] if k not in used)
    assert unused == []


def test_no_key_is_assembled_at_run_time() -> None:
    """tr("status." + value), tr(f"rule.{code}") … cannot be checked: use a table."""
    assembled = []
    for path in _modules():
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(call.args[0], ast.JoinedStr | ast.BinOp | ast.Call):
                assembled.append(f"{path.name}:{call.lineno}")
    assert assembled == []


def test_an_unknown_key_is_an_error() -> None:
    with pytest.raises(MessageError):
        tr("no.such.key")
    with pytest.raises(MessageError):
        tr("load.too_deep")  # its {limit} is missing
    with pytest.raises(MessageError):
        tr("count.errors")  # a counted message needs trn()


def test_plural_forms() -> None:
    set_language("en")
    assert trn("count.errors", 1) == "1 error"
    assert trn("count.errors", 2) == "2 errors"
    assert trn("count.errors", 0) == "0 errors"
    set_language("zh")
    assert trn("count.errors", 1) == "1 个错误"


def test_languages_are_parsed_strictly() -> None:
    assert parse_language("zh_CN.UTF-8") == "zh"
    assert parse_language("en-US") == "en"
    assert language_from_env({}) == "zh"
    assert language_from_env({"GC_LANG": "en_US"}) == "en"
    assert language_from_env({"GC_LANG": "zh_CN", "LANG": "en_US.UTF-8"}) == "zh"
    assert language_from_env({"LANG": "en_US.UTF-8"}) == "zh"
    with pytest.raises(UnknownLanguageError):
        language_from_env({"GC_LANG": "fr"})
    with pytest.raises(UnknownLanguageError):
        parse_language("klingon")


def test_using_restores_the_language() -> None:
    set_language("en")
    with using("zh"):
        assert tr("severity.error") == "错误"
    assert tr("severity.error") == "error"


def test_join_uses_the_language_separator() -> None:
    assert join(["甲", "乙"]) == "甲、乙"
    set_language("en")
    assert join(["a", "b"]) == "a, b"


def test_doubled_braces_are_one_brace_with_or_without_parameters() -> None:
    """A catalog writes a literal brace doubled, as str.format wants; the text is
    formatted even without parameters, so the officer never sees "{{"."""
    assert "{ }" in tr("yaml.flow_unclosed") and "{{" not in tr("yaml.flow_unclosed")
    assert tr("usage.default").endswith("{}]")
    assert "{{" not in tr("load.syntax", detail=tr("yaml.flow_unclosed"))


def test_a_listing_is_worded_in_the_language_of_its_message() -> None:
    """A list found while the documents speak Chinese is joined in English when
    an English message shows it."""
    from greencommunity.i18n import Listing, using

    with using("zh"):
        found = Listing(["markdown", "html", "pdf"])
        assert f"{found}" == "markdown、html、pdf"
    with using("en"):
        assert tr("report.format_not_for_kind", kind="progress", format="docx", formats=found) == (
            "progress has no docx format. Available: markdown, html, pdf."
        )
    assert str(Listing([], "—")) == "—"
    assert Listing(["a"]) == Listing(["a"]) and Listing(["a"]) != Listing(["b"])
