"""`gc validate --format sarif` validates against the SARIF 2.1.0 schema, and
its rules are the code registry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from greencommunity import __version__
from greencommunity.cli.app import app
from greencommunity.i18n import set_language
from greencommunity.rules import registry

runner = CliRunner()
SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text("utf-8"))


def _sarif(data: Path, lang: str | None = None) -> Any:
    options = ["--lang", lang] if lang else []
    result = runner.invoke(app, [*options, "validate", "--data", str(data), "--format", "sarif"])
    log = json.loads(result.output)
    jsonschema.validate(log, SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return log


def _expected_rules(lang: str) -> list[dict[str, object]]:
    set_language(lang)  # a code's title and documentation are in the interface language
    return [
        {
            "id": code.id,
            "shortDescription": {"text": code.title},
            "fullDescription": {"text": code.doc},
            "help": {"text": code.doc},
            "defaultConfiguration": {"level": "error" if code.severity == "error" else "warning"},
        }
        for code in registry().values()
    ]


def test_clean_data_is_a_valid_log_without_results(data_copy: Path) -> None:
    log = _sarif(data_copy)
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    assert run["results"] == []
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["fullName"]) == ("gc", "gc 绿色社区数据检查")
    assert driver["version"] == driver["semanticVersion"] == __version__
    _check_rules(driver["rules"], "zh")
    assert {r["id"]: r["shortDescription"] for r in driver["rules"]}["GC307"] == {
        "text": "佐证材料文件存在"
    }


def test_english_rules(data_copy: Path) -> None:
    rules = _sarif(data_copy, "en")["runs"][0]["tool"]["driver"]["rules"]
    _check_rules(rules, "en")
    assert {r["id"]: r["shortDescription"] for r in rules}["GC307"] == {
        "text": "Evidence files exist"
    }


def _check_rules(rules: list[dict[str, Any]], lang: str) -> None:
    """The rules are the code registry, in its order: each code's title and documentation."""
    assert rules == _expected_rules(lang)
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)


def test_problems_become_results_at_their_place(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(data_copy.parent)
    songxin = data_copy / "communities" / "songxin.yaml"
    songxin.write_text(
        songxin.read_text("utf-8").replace("batch: 2021", "batch: 二〇二一"), encoding="utf-8"
    )
    (data_copy / "communities" / "坏文件.yaml").write_text("a: [\n", encoding="utf-8")
    log = _sarif(data_copy)
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    found = {
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in run["results"]
    }
    assert ("GC203", "error", "data/communities/songxin.yaml", 6, 8) in found
    assert any(
        uri == "data/communities/%E5%9D%8F%E6%96%87%E4%BB%B6.yaml" for *_, uri, _, _ in found
    )
    [songxin_result] = [r for r in run["results"] if r["ruleId"] == "GC203"]
    assert songxin_result["message"] == {"text": "batch 应为整数，实际是 “二〇二一”。"}
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == (
            "%SRCROOT%"
        )
    as_json = json.loads(
        runner.invoke(app, ["validate", "--data", str(data_copy), "-f", "json"]).output
    )
    assert [(r["ruleId"], r["message"]["text"]) for r in run["results"]] == [
        (d["code"], d["message"]) for d in as_json["diagnostics"]
    ]
