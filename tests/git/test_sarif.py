"""`gc validate --format sarif` validates against the SARIF 2.1.0 schema, its
rules are the code registry, and its URIs are relative to the git work tree's
root (defined by ``originalUriBaseIds``) wherever gc runs."""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from greencommunity import __version__
from greencommunity.cli.app import app
from greencommunity.i18n import set_language
from greencommunity.output import sarif
from greencommunity.rules import registry
from tests.git.conftest import GitData

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


# ------------------------------------------------------------- where the files are


def _break_songxin(data: Path) -> None:
    songxin = data / "communities" / "songxin.yaml"
    songxin.write_text(
        songxin.read_text("utf-8").replace("batch: 2021", "batch: 二〇二一"), encoding="utf-8"
    )


def _places(log: Any) -> tuple[dict[str, Any], list[dict[str, Any]], list[str]]:
    """The run's base URIs, each result's artifact location and fingerprint."""
    [run] = log["runs"]
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    fingerprints = [r["partialFingerprints"]["gcProblem/v1"] for r in run["results"]]
    return run["originalUriBaseIds"], locations, fingerprints


def _srcroot(folder: Path) -> dict[str, Any]:
    return {
        "%SRCROOT%": {
            "uri": folder.resolve().as_uri() + "/",
            "description": {
                "text": "数据目录所在 git 工作区的根目录（不在 git 中时为数据目录的上一级目录）。"
            },
        }
    }


SONGXIN = {"uri": "data/communities/songxin.yaml", "uriBaseId": "%SRCROOT%"}


@pytest.mark.parametrize("where", ["data", "root", "outside"])
def test_uris_are_relative_to_the_work_tree_wherever_gc_runs(
    repo: GitData, where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From data/, from the repository's root and from outside it: the same log."""
    _break_songxin(repo.data)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir({"data": repo.data, "root": repo.top, "outside": outside}[where])
    bases, locations, fingerprints = _places(_sarif(repo.data))
    assert bases == _srcroot(repo.top)
    assert bases["%SRCROOT%"]["uri"].startswith("file:///")
    assert locations == [SONGXIN]
    monkeypatch.chdir(repo.top)
    assert _places(_sarif(repo.data))[2] == fingerprints  # the same problem everywhere


def test_data_folder_deeper_in_the_work_tree(
    repo: GitData, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A repository holding several towns: paths start at the repository's root."""
    town = repo.top / "towns" / "zhaoxiang"
    town.mkdir(parents=True)
    data = repo.data.rename(town / "data")
    _break_songxin(data)
    monkeypatch.chdir(data / "communities")
    bases, locations, _ = _places(_sarif(data))
    assert bases == _srcroot(repo.top)
    assert locations == [
        {"uri": "towns/zhaoxiang/data/communities/songxin.yaml", "uriBaseId": "%SRCROOT%"}
    ]


def test_without_git_the_data_folders_parent_is_the_root(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _break_songxin(data_copy)
    monkeypatch.chdir(data_copy / "communities")
    bases, locations, _ = _places(_sarif(data_copy))
    assert bases == _srcroot(data_copy.parent)
    assert locations == [SONGXIN]


def test_a_file_outside_the_root_keeps_its_absolute_uri(
    repo: GitData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stray = tmp_path / "其他" / "x.yaml"
    stray.parent.mkdir()
    stray.write_text("id: x\n", encoding="utf-8")
    monkeypatch.chdir(repo.top)
    result = runner.invoke(
        app, ["validate", "--data", str(repo.data), "--format", "sarif", str(stray)]
    )
    log = json.loads(result.output)
    jsonschema.validate(log, SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    _, locations, _ = _places(log)
    assert locations == [{"uri": stray.resolve().as_uri()}]
    assert "%E5%85%B6%E4%BB%96/x.yaml" in locations[0]["uri"]


def test_information_uri_only_when_the_package_declares_a_home_page(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No public URL yet (pyproject.toml has no [project.urls]): left out, as SARIF allows.
    assert sarif.information_uri() is None
    assert "informationUri" not in _sarif(data_copy)["runs"][0]["tool"]["driver"]

    home = "https://example.org/greencommunity"
    metadata = {"Project-URL": [f"Issues, {home}/issues", f"Homepage, {home}"]}
    monkeypatch.setattr(importlib.metadata, "metadata", lambda name: _Metadata(metadata))
    assert sarif.information_uri() == home
    driver = _sarif(data_copy)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == home
    assert list(driver)[:3] == ["name", "fullName", "informationUri"]


class _Metadata:
    def __init__(self, fields: dict[str, list[str]]) -> None:
        self.fields = fields

    def get_all(self, name: str) -> list[str] | None:
        return self.fields.get(name)
