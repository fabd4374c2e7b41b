"""The registry of codes is the one list: every code raised is in it, each has
its documentation in both languages, and gc explain lists exactly it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from typer.testing import CliRunner

from greencommunity.cli.app import app
from greencommunity.diagnostics import Severity
from greencommunity.i18n import set_language
from greencommunity.rules import all_rules, registry

SRC = Path(__file__).resolve().parents[1] / "src" / "greencommunity"
CODE = re.compile(r"\bGC\d{3}\b")
# The only places a code may be written: where it is declared (the package
# codes/: the registry and the families declared in modules of their own).
DECLARED_IN = "codes"
# A rule's messages are catalog keys named after it: "rule.GC312.sum".
MESSAGE_KEY = re.compile(r"rule\.GC\d{3}[\w.]*")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.add(id(value))
    return found


def test_codes_are_written_only_where_declared() -> None:
    """Raise sites use the registry's Code objects, never a code as a string
    (comments and docstrings may name codes; ``@rule("GC3xx")`` declares one)."""
    stray = []
    for path in sorted(SRC.rglob("*.py")):
        if path.relative_to(SRC).parts[0] == DECLARED_IN or "locales" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        declared = {
            id(d.args[0])
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef)
            for d in node.decorator_list
            if isinstance(d, ast.Call) and isinstance(d.func, ast.Name) and d.func.id == "rule"
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            if id(node) in docstrings or id(node) in declared:
                continue
            if CODE.search(MESSAGE_KEY.sub("", node.value)):
                stray.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value!r}")
    assert stray == []


def test_every_rule_is_in_the_registry_with_its_severity() -> None:
    codes = registry()
    for code, rule in all_rules().items():
        assert codes[code] is rule.code


def test_code_ranges() -> None:
    for code in registry():
        assert code[:3] in ("GC1", "GC2", "GC3", "GC4", "GC5"), code


def test_every_code_is_documented_in_both_languages() -> None:
    codes = registry()
    set_language("zh")
    chinese = {c: (code.title, code.doc) for c, code in codes.items()}
    set_language("en")
    english = {c: (code.title, code.doc) for c, code in codes.items()}
    for c in codes:
        zh_title, zh_doc = chinese[c]
        en_title, en_doc = english[c]
        assert zh_title and en_title and len(zh_doc) > 20 and len(en_doc) > 20, c
        # Neither language leaks into the other.
        assert sum(not ch.isascii() for ch in zh_doc) > len(zh_doc) / 3, c
        assert sum(ch.isascii() for ch in en_doc) > 0.9 * len(en_doc), c
        assert "\n" not in zh_title + en_title, c


def test_explain_lists_exactly_the_registry() -> None:
    result = CliRunner().invoke(app, ["explain"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert listed == list(registry())


def test_explain_one_code() -> None:
    result = CliRunner().invoke(app, ["--lang", "en", "explain", "gc321"])
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "GC321 Submission and reviews in the assessment's year (warning)\n"
    )


def test_explain_unknown_code_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["explain", "GC999"])
    assert result.exit_code == 2
    assert result.stderr == "错误：没有规则 GC999。运行 gc explain 查看全部规则。\n"


def test_warnings_are_few_and_named() -> None:
    warnings = sorted(c for c, code in registry().items() if code.severity is Severity.WARNING)
    assert warnings == [
        "GC110",
        "GC207",
        "GC311",
        "GC315",
        "GC317",
        "GC320",
        "GC321",
        "GC333",
        "GC334",
    ]


def test_explain_syntax_names_the_keyboard_slips() -> None:
    """gc explain GC102 lists what a Chinese input method types instead of YAML's ASCII."""
    result = CliRunner().invoke(app, ["explain", "GC102"])
    assert result.exit_code == 0
    slips = ("全角冒号“：”", "U+3000", "中文逗号“，”", "顿号“、”", "中文引号“”‘’", "中文括号【】")
    for slip in (*slips, "制表符（Tab）"):
        assert slip in result.stdout, slip
    english = CliRunner().invoke(app, ["--lang", "en", "explain", "GC102"])
    for slip in ("full-width colon ：", "U+3000", "Chinese comma ，", "Chinese quotes", "tab"):
        assert slip in english.stdout, slip
