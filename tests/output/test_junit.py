"""`gc validate --format junit`: well-formed XML, valid against Jenkins' JUnit
schema (``junit-10.xsd``, see README.md here), a suite per kind of file, a
test case per file checked, a failure per error, every problem in the case's
output, and the counts in the attributes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from greencommunity.cli.app import app
from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.loading.dataset import CheckedFile
from greencommunity.output import junit
from greencommunity.validation import ValidationResult
from tests.output.conftest import ODD_NAME, diagnostics, runner, validate

SCHEMA = xmlschema.XMLSchema10(Path(__file__).with_name("junit-10.xsd"))


def _report(data: Path, expected_code: int = 1) -> ET.Element:
    code, output = validate(data, "junit")
    assert code == expected_code
    SCHEMA.validate(output)
    assert output.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    return ET.fromstring(output)


def test_structure_and_counts(problems: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(problems)
    expected = diagnostics(problems)
    errors = [d for d in expected if d["severity"] == "error"]
    document = _report(problems)
    assert document.attrib == {
        "name": "gc validate",
        "tests": "15",
        "failures": str(len(errors)),
        "errors": "0",
    }
    failures = document.findall("./testsuite/testcase/failure")
    assert len(failures) == len(errors) == 2
    suites = {s.get("name"): s for s in document.findall("testsuite")}
    assert list(suites) == ["town", "criteria", "community"]
    assert [(s.get("tests"), s.get("failures")) for s in suites.values()] == [
        ("1", "0"),
        ("1", "0"),
        ("13", "2"),
    ]
    assert all(s.get("errors") == s.get("skipped") == "0" for s in suites.values())
    # One test case per file checked, named from the work tree's root.
    cases = document.findall("./testsuite/testcase")
    assert len(cases) == 15 == sum(int(s.get("tests", "")) for s in suites.values())
    assert cases[0].attrib == {"name": "data/town.yaml", "classname": "town"}
    names = [c.get("name") for c in suites["community"]]
    assert names[-1] == f"data/communities/{ODD_NAME}"
    assert "data/communities/songxin.yaml" in names


def test_failures_and_output(problems: Path) -> None:
    document = _report(problems)
    cases = {c.get("name"): c for c in document.iter("testcase")}
    songxin = cases["data/communities/songxin.yaml"]
    [failure] = songxin.findall("failure")
    line = "data/communities/songxin.yaml:6:8: 错误 GC203 batch 应为整数，实际是 “二〇二一”。"
    assert failure.attrib == {"type": "GC203", "message": "batch 应为整数，实际是 “二〇二一”。"}
    assert failure.text == line
    assert songxin.findtext("system-out") == line + "\n"
    # A warning fails nothing; it is in the case's output.
    huaqin = cases["data/communities/huaqin.yaml"]
    assert huaqin.findall("failure") == []
    assert huaqin.findtext("system-out") == (
        "data/communities/huaqin.yaml:92:16: 警告 GC311 报送日期 2021-11-02 晚于截止日 "
        "2021-10-30（迟 3 天）。如确为迟报，请在申请报告中说明原因。\n"
    )
    odd = cases[f"data/communities/{ODD_NAME}"]
    assert [f.get("type") for f in odd.findall("failure")] == ["GC102"]
    assert odd.findtext("failure", "").startswith(f"data/communities/{ODD_NAME}:2:1: 错误 GC102 ")
    clean = cases["data/communities/jiayu.yaml"]
    assert list(clean) == []


def test_odd_names_are_escaped_in_the_xml_text(problems: Path) -> None:
    output = validate(problems, "junit")[1]
    assert 'name="data/communities/坏 &amp; &lt;文件&gt; &quot;q&quot;.yaml"' in output


def test_clean_data_has_no_failure(data_copy: Path) -> None:
    document = _report(data_copy, expected_code=0)
    assert (document.get("tests"), document.get("failures")) == ("14", "0")
    assert list(document.iter("failure")) == list(document.iter("system-out")) == []


def test_a_path_given_that_is_not_a_data_file_is_a_case_of_its_own(
    data_copy: Path, tmp_path: Path
) -> None:
    stray = tmp_path / "notes.yaml"  # beside data/: the root has no .git
    stray.write_text("a: 1\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--data", str(data_copy), "-f", "junit", str(stray)])
    assert result.exit_code == 0
    SCHEMA.validate(result.stdout)
    document = ET.fromstring(result.stdout)
    [suite] = document.findall("testsuite")
    assert (suite.get("name"), suite.get("tests"), suite.get("failures")) == ("other", "1", "0")
    [case] = suite
    assert case.get("name") == "notes.yaml"
    assert "GC110" in case.findtext("system-out", "")


def test_characters_xml_cannot_hold_become_replacement_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    # A bell in a message, a lone surrogate (an undecodable byte of a file name).
    bad = Diagnostic("a\udcff.yaml", 1, 1, "GC201", Severity.ERROR, "未知的键 a\x07b。")
    result = ValidationResult([bad], (CheckedFile("a\udcff.yaml", "community"),))
    output = junit.render(result)
    SCHEMA.validate(output)
    [case] = ET.fromstring(output).iter("testcase")
    assert case.get("name") == "a\ufffd.yaml"
    assert case.findtext("failure") == "a\ufffd.yaml:1:1: 错误 GC201 未知的键 a\ufffdb。"
    assert case.find("failure") is not None
    assert case.find("failure").get("message") == "未知的键 a\ufffdb。"  # type: ignore[union-attr]


def test_the_suites_are_the_kinds_of_data_file() -> None:
    from greencommunity.schema import KINDS

    assert tuple(KINDS) == junit.SUITES
