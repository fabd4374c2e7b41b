"""Every file the tool writes is replaced atomically: a failure or a kill in the
middle of a write leaves the previous file intact, never half a file."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests.corpus.cases import SHIPPED_DATA

runner = CliRunner()


def _fail_fsync(fd: int) -> None:
    raise OSError(28, "No space left on device")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(
    "args",
    [
        ["report", "summary", "--year", "2022", "--format", "html"],
        ["report", "application", "songxin", "--year", "2021", "--format", "markdown"],
        ["schema"],
    ],
    ids=["report-html", "report-md", "schema"],
)
def test_injected_failure_keeps_previous_files(
    args: list[str], data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first = runner.invoke(
        app,
        [*args, "--data", str(data_copy), "--output", str(out)]
        if args[0] != "schema"
        else [*args, "--output", str(out)],
    )
    assert first.exit_code == 0, first.output
    before = _snapshot(out)
    assert before
    # Make every file differ so that a partial replacement would be visible.
    for name in before:
        (out / name).write_bytes(before[name] + b"\n<!-- old -->\n")
    before = _snapshot(out)
    monkeypatch.setattr("greencommunity.atomic.os.fsync", _fail_fsync)
    second = runner.invoke(
        app,
        [*args, "--data", str(data_copy), "--output", str(out)]
        if args[0] != "schema"
        else [*args, "--output", str(out)],
    )
    assert second.exit_code == 2, second.output
    assert "无法写入" in second.output
    assert _snapshot(out) == before


def test_history_chart_failure_keeps_previous_chart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(SHIPPED_DATA, repo / "data")
    env = ["-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "-C", str(repo), "init", "-q"], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(repo), *env, "commit", "-q", "-m", "data"], check=True)
    chart = tmp_path / "history.svg"
    chart.write_text("<svg>old</svg>", encoding="utf-8")
    monkeypatch.setattr("greencommunity.atomic.os.fsync", _fail_fsync)
    result = runner.invoke(app, ["history", "--data", str(repo / "data"), "--output", str(chart)])
    assert result.exit_code == 2, result.output
    assert chart.read_text(encoding="utf-8") == "<svg>old</svg>"


@pytest.mark.slow
def test_killed_mid_write_never_leaves_half_a_file(data_copy: Path, tmp_path: Path) -> None:
    """Kill `gc report submission` at staggered moments; every document on disk
    is then either absent or complete, whatever was being written."""
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "greencommunity",
        "report",
        "submission",
        "--year",
        "2022",
        "--format",
        "html",
        "--data",
        str(data_copy),
        "--output",
        str(out),
    ]
    complete = subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert complete.returncode == 0, complete.stderr.decode()
    expected = {p.name: p.read_bytes() for p in out.iterdir()}
    shutil.rmtree(out)
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, timeout=120, check=True)
    full_run = time.perf_counter() - started
    shutil.rmtree(out)
    for step in range(8):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(full_run * (0.3 + 0.1 * step))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        if out.exists():
            for path in out.iterdir():
                if path.name.endswith(".tmp"):
                    continue  # the unfinished temporary file, never the document
                assert path.read_bytes() == expected[path.name], path.name
