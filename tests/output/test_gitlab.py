"""`gc validate --format gitlab`: GitLab's Code Quality report, one finding per
diagnostic with the fields GitLab reads, paths relative to the work tree's
root wherever gc runs, and a fingerprint of its own for each finding that a
second run gives again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.loading.dataset import CheckedFile
from greencommunity.output import gitlab
from greencommunity.validation import ValidationResult
from tests.output.conftest import ODD_NAME, diagnostics, validate

FIELDS = ["description", "check_name", "fingerprint", "severity", "location"]


def _report(data: Path) -> list[dict[str, Any]]:
    code, output = validate(data, "gitlab")
    assert code == 1
    assert output.endswith("\n")
    findings: list[dict[str, Any]] = json.loads(output)
    return findings


def test_every_diagnostic_is_a_finding(problems: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(problems)
    expected = diagnostics(problems)
    assert {d["severity"] for d in expected} == {"error", "warning"}
    findings = _report(problems)
    assert len(findings) == len(expected) == 3
    for finding, d in zip(findings, expected, strict=True):
        assert list(finding) == FIELDS
        assert finding["description"] == f"{d['code']} {d['message']}"
        assert finding["check_name"] == d["code"]
        assert finding["severity"] == {"error": "major", "warning": "minor"}[d["severity"]]
        # Relative to the work tree's root although gc ran in data/.
        assert finding["location"] == {"path": "data/" + d["path"], "lines": {"begin": d["line"]}}
    assert [(f["check_name"], f["location"]["path"]) for f in findings] == [
        ("GC311", "data/communities/huaqin.yaml"),
        ("GC203", "data/communities/songxin.yaml"),
        ("GC102", f"data/communities/{ODD_NAME}"),
    ]
    assert findings[0]["location"]["lines"] == {"begin": 92}


def test_fingerprints_are_unique_and_the_same_on_every_run(
    problems: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(problems.parent)
    first = _report(problems)
    fingerprints = [f["fingerprint"] for f in first]
    assert len(set(fingerprints)) == len(fingerprints)
    assert all(len(f) == 32 and set(f) <= set("0123456789abcdef") for f in fingerprints)
    assert _report(problems) == first
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert _report(problems) == first


def test_a_problem_moved_to_another_line_keeps_its_fingerprint(
    problems: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(problems)
    before = {f["check_name"]: f for f in _report(problems)}
    songxin = problems / "communities" / "songxin.yaml"
    songxin.write_text("# 一行注释\n" + songxin.read_text("utf-8"), encoding="utf-8")
    after = {f["check_name"]: f for f in _report(problems)}
    assert after["GC203"]["location"]["lines"] == {"begin": 7}
    assert after["GC203"]["fingerprint"] == before["GC203"]["fingerprint"]


def test_the_same_problem_twice_in_a_file_is_two_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    same = [
        Diagnostic("x.yaml", line, 3, "GC201", Severity.ERROR, "未知的键 a。") for line in (2, 5, 9)
    ]
    other = Diagnostic("y.yaml", 2, 3, "GC201", Severity.ERROR, "未知的键 a。")
    result = ValidationResult([*same, other], (CheckedFile("x.yaml", "community"),))
    findings = json.loads(gitlab.render(result))
    fingerprints = [f["fingerprint"] for f in findings]
    assert len(set(fingerprints)) == 4
    # The first of a kind has SARIF's fingerprint: the file, code and message.
    sarif = json.loads(_sarif(result))["runs"][0]["results"]
    assert fingerprints[0] == sarif[0]["partialFingerprints"]["gcProblem/v1"]
    assert fingerprints[3] == sarif[3]["partialFingerprints"]["gcProblem/v1"]


def _sarif(result: ValidationResult) -> str:
    from greencommunity.output import sarif

    return sarif.render(result)


def test_clean_data_is_an_empty_report(data_copy: Path) -> None:
    assert validate(data_copy, "gitlab") == (0, "[]\n")


def test_warnings_alone_exit_0(problems: Path) -> None:
    (problems / "communities" / ODD_NAME).unlink()
    songxin = problems / "communities" / "songxin.yaml"
    songxin.write_text(songxin.read_text("utf-8").replace("二〇二一", "2021"), encoding="utf-8")
    code, output = validate(problems, "gitlab")
    assert code == 0
    assert [(f["check_name"], f["severity"]) for f in json.loads(output)] == [("GC311", "minor")]


def test_odd_characters_are_json_escaped(problems: Path) -> None:
    output = validate(problems, "gitlab")[1]
    assert '"path": "data/communities/坏 & <文件> \\"q\\".yaml"' in output
