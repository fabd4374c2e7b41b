"""The progress bar: shown only to a person at a terminal, only after a second,
gone at the end; never for a format read by programs, never in CI."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

import pytest
from rich.console import Console
from typer.testing import CliRunner

from greencommunity import reporting
from greencommunity.cli import progressbar
from greencommunity.cli.app import app
from greencommunity.cli.request import Request
from tests.conftest import SHIPPED_DATA


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    ticking = Clock()
    monkeypatch.setattr("greencommunity.cli.progressbar.time.monotonic", ticking)
    return ticking


@pytest.fixture
def screen(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """A terminal on both streams, outside CI; the bar drawn into a string."""
    drawn = io.StringIO()
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    terminal = Console(file=drawn, force_terminal=True, width=80)
    monkeypatch.setattr("greencommunity.cli.io.console", lambda err=False: terminal)
    yield drawn


def _run(bar: progressbar.Bar, clock: Clock, seconds: float, steps: int = 100) -> None:
    with reporting.listening(bar), reporting.task(steps, "progress.reading") as task:
        for _ in range(steps // 2):
            task.advance()
        clock.now += seconds
        for _ in range(steps // 2):
            task.advance()
            assert (bar._progress is not None) is (seconds >= progressbar.DELAY)


def test_a_long_job_shows_the_bar_then_removes_it(clock: Clock, screen: io.StringIO) -> None:
    bar = progressbar.Bar()
    _run(bar, clock, seconds=2, steps=100)
    assert "读取数据文件" in screen.getvalue()
    assert bar._progress is None  # stopped at the end (transient: erased)


def test_a_quick_job_shows_nothing(clock: Clock, screen: io.StringIO) -> None:
    _run(progressbar.Bar(), clock, seconds=0.2)
    assert screen.getvalue() == ""


def test_not_for_a_format_read_by_programs(clock: Clock, screen: io.StringIO) -> None:
    """A person at a terminal gets a bar for the plain view, none for JSON."""
    assert isinstance(Request(format="text").listener(), progressbar.Bar)
    for name in ("json", "markdown", "github", "sarif"):
        assert Request(format=name).listener() is None, name
    result = CliRunner().invoke(app, ["validate", "--format", "json", "--data", str(SHIPPED_DATA)])
    assert result.exit_code == 0
    assert screen.getvalue() == ""


def test_not_in_ci(clock: Clock, screen: io.StringIO, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert not progressbar.watched()


def test_not_in_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    progressbar.Bar()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert not progressbar.watched()
