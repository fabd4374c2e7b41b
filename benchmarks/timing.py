"""How the benchmarks time things: an action in this process, or a whole command.

One home for the clock and the medians, so every script measures alike.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """The median wall time of *action*, run *repeat* times in this process."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def run(command: Sequence[str], env: Mapping[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of *command* (with every process it waited for);
    stops the benchmark, showing the command's last words, when it fails: a
    time of a failed run means nothing."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(list(command), env=env, capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command[:6])}… exited {done.returncode}: {done.stderr[-500:]!r}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def wall_seconds(command: Sequence[str], env: Mapping[str, str] | None = None) -> float:
    """Wall seconds of *command* (see ``run``)."""
    return run(command, env)[0]
