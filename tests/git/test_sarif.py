"""`gc validate --format sarif` validates against the SARIF 2.1.0 schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app

runner = CliRunner()
SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text("utf-8"))


def _sarif(data: Path) -> Any:
    result = runner.invoke(app, ["validate", "--data", str(data), "--format", "sarif"])
    log = json.loads(result.output)
    jsonschema.validate(log, SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return log


def test_clean_data_is_a_valid_log_without_results(data_copy: Path) -> None:
    log = _sarif(data_copy)
    [run] = log["runs"]
    assert run["results"] == []
    assert run["tool"]["driver"]["name"] == "gc"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "GC101" in ids and "GC307" in ids


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
        )
        for r in run["results"]
    }
    assert (
        "GC203",
        "error",
        "data/communities/songxin.yaml",
        6,
    ) in found
    assert any(uri == "data/communities/%E5%9D%8F%E6%96%87%E4%BB%B6.yaml" for *_, uri, _ in found)
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    as_json = json.loads(
        runner.invoke(app, ["validate", "--data", str(data_copy), "-f", "json"]).output
    )
    assert len(run["results"]) == len(as_json["diagnostics"])
