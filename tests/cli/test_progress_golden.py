"""Exact output of `gc progress --format markdown` and `gc status --format json`
on the shipped data (regenerate with GC_UPDATE_GOLDEN=1 and review the diff).

The data is a copy outside git and today is fixed: the progress document says
what it was computed from ("不在 git 中") and the day it speaks as of."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app

GOLDEN = Path(__file__).parent / "golden"
runner = CliRunner()

CASES = {
    "progress-2021.md": ["progress", "--year", "2021", "--format", "markdown"],
    "progress-2022.md": ["progress", "--year", "2022", "--format", "markdown"],
    "status-2022-11-01.json": ["status", "--as-of", "2022-11-01", "--format", "json"],
    # After the district's review: 佳煌's 3.3 answered, 3.4 open and a day overdue.
    "status-2022-12-21.json": ["status", "--as-of", "2022-12-21", "--format", "json"],
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.usefixtures("frozen_today")
def test_golden(name: str, data_copy: Path) -> None:
    result = runner.invoke(app, [*CASES[name], "--data", str(data_copy)])
    assert result.exit_code == 0, result.output
    path = GOLDEN / name
    if os.environ.get("GC_UPDATE_GOLDEN"):
        path.write_text(result.output, encoding="utf-8")
    assert result.output == path.read_text(encoding="utf-8")
