"""The corpus covers the registry: every code, and every message of every rule,
has at least one example with an exact position; no example names a code the
registry does not know.  (Messages of GC1xx and GC2xx are checked in English by
test_commands.py, through the CLI.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from greencommunity.i18n import set_language, tr
from greencommunity.locales import CATALOGS
from greencommunity.rules import registry
from greencommunity.validation import validate
from tests.corpus.cases import CASES, SHIPPED_DATA, found, placed, pythonisms


def test_every_code_has_an_example() -> None:
    """Every code of the data files; the workbook codes (GC4xx) have theirs in
    tests/sheets/hostile/, since this corpus holds YAML files only, and the
    codes of gc audit (GC5xx), about commits, in tests/git/test_audit_cmd.py;
    GC334, about a folder with no community file, in tests/git/test_staged.py."""
    covered = {code for case in CASES for code in case.codes} | {"GC334"}
    files = {code for code in registry() if not code.startswith(("GC4", "GC5"))}
    assert sorted(files - covered) == []


def test_no_example_names_an_unknown_code() -> None:
    known = set(registry())
    unknown = {case.name: sorted(case.codes - known) for case in CASES if case.codes - known}
    assert unknown == {}


def _report_messages() -> set[str]:
    """The catalog keys a rule reports with: ``rule.GC3xx`` or its variants
    (``rule.GC312.sum``...), in whichever catalog module holds them, and the
    reasons GC308 gives.  A key below a key that is itself a message is a
    fragment of that message (``rule.GC315.reasons``)."""
    keys = set(CATALOGS["zh"])
    return {
        key
        for key in keys
        if (key.startswith("rule.") and key.rpartition(".")[0] not in keys)
        or key.startswith("evidence.")
    }


@pytest.mark.slow
def test_every_rule_message_has_an_example_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GC312's three conditions, GC310's two, GC319's two, GC308's reasons...:
    each is given by some corpus case.  Run in English, every case with a rule's
    code finds its expected diagnostics, in readable English."""
    used: set[str] = set()

    def recording(key: str, /, **params: object) -> str:
        used.add(key)
        return tr(key, **params)

    # Rules report through Context.report (rules/base.py); GC308 words its reason
    # in rules/evidence.py.
    monkeypatch.setattr("greencommunity.rules.base.tr", recording)
    monkeypatch.setattr("greencommunity.rules.evidence.tr", recording)
    set_language("en")
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    for case in CASES:
        if not any(code.startswith("GC3") for code in case.codes):
            continue
        with placed(case, data, tmp_path / "outside") as target:
            diagnostics = validate(data, [target]).diagnostics
        assert found((d.code, d.line, d.column) for d in diagnostics) == list(case.expect), case
        for diagnostic in diagnostics:
            assert diagnostic.message.strip(), diagnostic
            assert not pythonisms(diagnostic.message), diagnostic.message
    # GC334 is about a folder, which the corpus of files cannot hold.
    (data / "evidence" / "gone").mkdir(parents=True)
    (data / "evidence" / "gone" / "a.md").write_text("x", encoding="utf-8")
    assert [d.message for d in validate(data).diagnostics if d.code == "GC334"] == [
        "evidence/gone/ belongs to no community: there is no community file with the id gone. "
        "Delete the folder, or rename it to the community's new id."
    ]
    assert sorted(_report_messages() - used) == []
