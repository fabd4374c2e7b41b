"""A data folder with an error, a warning and a broken file with an odd name,
inside a work tree (``town/``, marked by ``.git`` as git marks one), for the
reports read by code hosts and CI servers (gitlab, junit)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests.conftest import SHIPPED_DATA

runner = CliRunner()
# Spaces, CJK, an ampersand, angle brackets and quotes: escaped by JSON and XML.
ODD_NAME = '坏 & <文件> "q".yaml'


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def problems(tmp_path: Path) -> Path:
    """The shipped data with a schema error (songxin), a late submission
    (huaqin, GC311 warning) and a YAML syntax error in a file named oddly; the
    data folder is ``town/data`` and ``town`` the work tree's root."""
    top = tmp_path / "town"
    (top / ".git").mkdir(parents=True)
    data = top / "data"
    shutil.copytree(SHIPPED_DATA, data)
    _edit(data / "communities" / "songxin.yaml", "batch: 2021", "batch: 二〇二一")
    _edit(data / "communities" / "huaqin.yaml", "submitted: 2021-10-21", "submitted: 2021-11-02")
    (data / "communities" / ODD_NAME).write_text("a: [\n", encoding="utf-8")
    return data


def validate(data: Path, output_format: str) -> tuple[int, str]:
    """gc validate's exit code and output in *output_format*."""
    result = runner.invoke(app, ["validate", "--data", str(data), "--format", output_format])
    return result.exit_code, result.stdout


def diagnostics(data: Path) -> list[dict[str, Any]]:
    """The diagnostics as --format json lists them."""
    diagnosed: list[dict[str, Any]] = json.loads(validate(data, "json")[1])["diagnostics"]
    return diagnosed
