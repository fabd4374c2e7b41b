"""Every date option says what is wrong with a date, before anything is loaded:
--as-of of progress and status, --date of report.  Exit code 2, one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app

DATA = Path(__file__).resolve().parents[2] / "data"
runner = CliRunner()

# Each command with its date option, placed where an officer writes it.
COMMANDS = {
    "progress --as-of": ["progress", "--year", "2022", "--as-of"],
    "status --as-of": ["status", "--as-of"],
    "report --date": ["report", "summary", "--year", "2022", "--date"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (
            "2022-11-31",
            "错误：日期 2022-11-31 不存在：2022 年 11 月没有 31 日。\n",
            "Error: The date 2022-11-31 does not exist: month 11 of 2022 has no day 31.\n",
        ),
        (
            "2023-02-29",
            "错误：日期 2023-02-29 不存在：2023 年 2 月没有 29 日。\n",
            "Error: The date 2023-02-29 does not exist: month 2 of 2023 has no day 29.\n",
        ),
        (
            "2022-13-01",
            "错误：日期 2022-13-01 不存在：没有 13 月。\n",
            "Error: The date 2022-13-01 does not exist: there is no month 13.\n",
        ),
        (
            "2022/11/30",
            "错误：日期 2022/11/30 无效，请写 YYYY-MM-DD。\n",
            "Error: Invalid date 2022/11/30; write YYYY-MM-DD.\n",
        ),
    ],
)
def test_a_date_that_is_not_one_is_a_usage_error(
    command: str, value: str, zh: str, en: str
) -> None:
    args = [*COMMANDS[command], value, "--data", str(DATA)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == zh
    english = runner.invoke(app, ["--lang", "en", *args])
    assert english.exit_code == 2
    assert english.stderr == en


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_leap_day_is_a_date(command: str, tmp_path: Path) -> None:
    args = [*COMMANDS[command], "2024-02-29", "--data", str(DATA)]
    if command.startswith("report"):
        args += ["--output", str(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
