"""Cold, warm, serial and parallel runs say the same, byte for byte.

On generated data above the parallel threshold, with a few broken files added
so that validation has something to say; the progress figures are also checked
against the counts of the stories the data was generated from.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.synthetic import generate

from greencommunity.loading import cache, parallel

pytestmark = pytest.mark.slow

COUNT = parallel.THRESHOLD + 40


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    root = tmp_path_factory.mktemp("town") / "data"
    expected = generate(COUNT, root)
    communities = root / "communities"
    (communities / "zz-broken.yaml").write_text("id: broken\nname: [坏\n", encoding="utf-8")
    second = (communities / "c00002.yaml").read_text(encoding="utf-8")
    (communities / "c00002.yaml").write_text(second + "unknown: 1\n", encoding="utf-8")
    first = (communities / "c00001.yaml").read_text(encoding="utf-8")
    (communities / "zz-renamed.yaml").write_text(first.replace("c00001", "c09999"), "utf-8")
    return root, expected


def _run(root: Path, workers: int, cache_dir: Path | None, *args: str) -> bytes:
    env = {**os.environ, parallel.WORKERS_VARIABLE: str(workers)}
    if cache_dir is not None:
        env[cache.DIR_VARIABLE] = str(cache_dir)
    command = [sys.executable, "-m", "greencommunity", *args, "--data", str(root)]
    if cache_dir is None:
        command.append("--no-cache")
    done = subprocess.run(command, env=env, capture_output=True, timeout=300, check=False)
    assert done.returncode == (1 if args[0] == "validate" else 0), done.stderr.decode()
    return done.stdout


@pytest.mark.parametrize("command", [["validate", "--format", "json"]])
def test_validate_says_the_same_every_way(
    town: tuple[Path, dict[str, object]], tmp_path: Path, command: list[str]
) -> None:
    root, _ = town
    serial = _run(root, 1, None, *command)
    assert json.loads(serial)["summary"]["errors"] >= 3
    assert _run(root, 2, None, *command) == serial  # parallel
    assert _run(root, 2, tmp_path / "cache", *command) == serial  # cold, writing the cache
    assert _run(root, 2, tmp_path / "cache", *command) == serial  # warm
    assert _run(root, 1, tmp_path / "cache", *command) == serial  # warm, serial


def test_progress_says_the_same_every_way_and_the_right_figures(
    town: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    root, expected = town
    # Progress needs valid data: the generated folder without the broken files.
    for name in ("zz-broken.yaml", "zz-renamed.yaml"):
        (root / "communities" / name).rename(tmp_path / name)
    broken = (root / "communities" / "c00002.yaml").read_text(encoding="utf-8")
    (root / "communities" / "c00002.yaml").write_text(broken.replace("unknown: 1\n", ""), "utf-8")
    try:
        outputs = {
            _run(root, workers, where, "progress", "--year", "2021", "--format", "json")
            for workers, where in ((1, None), (2, None), (2, tmp_path / "c"), (2, tmp_path / "c"))
        }
        assert len(outputs) == 1
        passed = expected["passed"]
        assert isinstance(passed, dict)
        assert json.loads(outputs.pop())["passed"] == passed["2021"]
    finally:
        (root / "communities" / "c00002.yaml").write_text(broken, encoding="utf-8")
        for name in ("zz-broken.yaml", "zz-renamed.yaml"):
            (tmp_path / name).rename(root / "communities" / name)
