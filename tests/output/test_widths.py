"""The terminal views of gc progress, gc status and gc rollup fit the width
they are shown at, in display cells (a Chinese character takes two), without
cutting a community's name or status (output/layout.py, cli/io.pipe_width)."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests.conftest import SHIPPED_DATA

runner = CliRunner()
DATA = str(SHIPPED_DATA)
VIEWS = {
    "progress": ["progress", "--data", DATA, "--year", "2022"],
    "progress-2021": ["progress", "--data", DATA, "--year", "2021", "--as-of", "2021-11-20"],
    "status": ["status", "--data", DATA, "--as-of", "2022-11-20"],
    "status-capped": ["status", "--data", DATA],
    "rollup": ["rollup", DATA, "--year", "2022"],
}


def _view(args: list[str], columns: str | None) -> str:
    env = {"COLUMNS": columns} if columns is not None else {"COLUMNS": ""}
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("name", sorted(VIEWS))
@pytest.mark.parametrize("width", [80, 100, 120])
def test_no_line_is_wider_than_the_width(name: str, width: int) -> None:
    out = _view(VIEWS[name], str(width))
    widest = max(cell_len(line) for line in out.splitlines())
    assert widest <= width


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_piped_without_columns_is_80_wide(name: str) -> None:
    assert max(cell_len(line) for line in _view(VIEWS[name], None).splitlines()) <= 80


@pytest.mark.parametrize("width", [80, 100, 120])
def test_names_and_statuses_are_whole(width: int) -> None:
    out = _view(VIEWS["progress"], str(width))
    listed = _view([*VIEWS["progress"], "--format", "json"], "200")
    for community in json.loads(listed)["communities"]:
        name = f"{community['name']}（{community['id']}）"
        [row] = [line for line in out.splitlines() if name in line]
        assert community["status_text"] in row
    assert "…" not in out


def test_reasons_go_under_the_table_when_they_do_not_fit() -> None:
    narrow = _view(VIEWS["progress"], "80")
    assert "  佳煌居委会：区级初审要求整改，整改后复核通过方计入达标\n" in narrow
    assert "原因" not in narrow.split("\n\n")[0]
    wide = _view(VIEWS["progress"], "200")
    [row] = [line for line in wide.splitlines() if "佳煌居委会（jiahuang）" in line]
    assert "区级初审要求整改，整改后复核通过方计入达标" in row


@pytest.mark.parametrize("width", ["60", "80"])
def test_score_wraps_between_words_never_before_a_comma(width: str) -> None:
    out = _view(["score", "xiangjia", "--data", DATA, "--year", "2022"], width)
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= int(width)
    assert not [line for line in lines if line.lstrip().startswith(("、", "，", "；", "。"))]
