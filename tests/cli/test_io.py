"""Output that cannot be written is a clear usage error (exit 2), not a defect:
a full disk (Linux's /dev/full) and a closed standard output, for a text
format and a terminal view, in a real process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FULL = Path("/dev/full")
MESSAGE = (
    "错误：无法写出结果：{detail}。"
    "请检查输出转向的文件或管道（磁盘是否已满、能否写入、是否已关闭）。\n"
)


def _gc(args: list[str], stdout: int | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "greencommunity", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("output_format", ["junit", "gitlab", "text"])
def test_a_full_disk(data_copy: Path, output_format: str) -> None:
    with FULL.open("w") as full:
        done = _gc(["validate", "--data", str(data_copy), "-f", output_format], full.fileno())
    assert (done.returncode, done.stderr) == (2, MESSAGE.format(detail="No space left on device"))


def test_a_closed_standard_output(data_copy: Path) -> None:
    script = (
        "import os, sys; os.close(1); sys.stdout = None; "
        "sys.argv = ['gc', 'validate', '--data', sys.argv[1], '-f', 'junit']; "
        "from greencommunity.cli.entry import main; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(data_copy)],
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (2, MESSAGE.format(detail="Bad file descriptor"))
