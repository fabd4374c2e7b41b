"""What the reports for code hosts and CI servers share: a file whose name is
not UTF-8 (a lone surrogate in Python) is reported by each, never a traceback."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.output.conftest import validate


@pytest.fixture
def undecodable(problems: Path) -> Path:
    folder = os.fsencode(problems / "communities")
    try:
        Path(os.fsdecode(folder + b"/bad\xffname.yaml")).write_text("a: [\n", encoding="utf-8")
    except OSError:  # a file system that refuses such names
        pytest.skip("this file system refuses a file name that is not UTF-8")
    return problems


def test_gitlab_json_stays_utf_8(undecodable: Path) -> None:
    code, output = validate(undecodable, "gitlab")
    assert code == 1
    output.encode("utf-8")  # no lone surrogate left
    paths = [f["location"]["path"] for f in json.loads(output)]
    assert "data/communities/bad\ufffdname.yaml" in paths


def test_junit_stays_well_formed(undecodable: Path) -> None:
    code, output = validate(undecodable, "junit")
    assert code == 1
    names = [case.get("name") for case in ET.fromstring(output).iter("testcase")]
    assert "data/communities/bad\ufffdname.yaml" in names


def test_sarif_percent_encodes_the_bytes(undecodable: Path) -> None:
    code, output = validate(undecodable, "sarif")
    assert code == 1
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(output)["runs"][0]["results"]
    ]
    assert "data/communities/bad%FFname.yaml" in uris
