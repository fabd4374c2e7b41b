"""Start-up time of gc, as ratios against a bare Python measured in the same run.

    make bench            # or: .venv/bin/python -m benchmarks.startup [--rounds N] [--gc PATH]

Each round runs every command once, in turn, so that the load of a shared
machine falls on all of them alike; the table gives each command's median and
its ratio to the median of `python -c pass`.  Two settings:

- cached: as an installed gc runs, its bytecode written once (to a temporary
  folder, by a first run not counted) and read by every run after;
- compiled: as in a checkout that never writes bytecode
  (PYTHONDONTWRITEBYTECODE=1): the same cache without gc's own modules, which
  are compiled anew on each run.

Targets: `gc --version` at most 6x, `gc progress` on the shipped town at most
15x.  Figures are only comparable within one run.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.timing import wall_seconds

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
# The folder of the greencommunity package that gc runs (PYTHONPATH may name another).
_SPEC = importlib.util.find_spec("greencommunity")
assert _SPEC is not None and _SPEC.submodule_search_locations is not None
PACKAGE = Path(_SPEC.submodule_search_locations[0]).resolve()

# (label, arguments of gc, or None for `python -c pass`; target ratio or None)
COMMANDS: tuple[tuple[str, list[str] | None, float | None], ...] = (
    ("python -c pass", None, None),
    ("gc --version", ["--version"], 6.0),
    ("gc --help", ["--help"], None),
    ("gc progress --year 2022", ["progress", "--data", str(DATA), "--year", "2022"], 15.0),
)


def run_ms(command: list[str], env: dict[str, str]) -> float:
    return wall_seconds(command, env) * 1000


def medians(gc: str, env: dict[str, str], rounds: int) -> list[float]:
    """The median wall time of each command, in the order of ``COMMANDS``."""
    commands = [
        [gc, *args] if args is not None else [sys.executable, "-c", "pass"]
        for _, args, _ in COMMANDS
    ]
    for command in commands:
        run_ms(command, env)  # not counted: writes the bytecode where it may
    samples: list[list[float]] = [[] for _ in commands]
    for _ in range(rounds):
        for index, command in enumerate(commands):
            samples[index].append(run_ms(command, env))
    return [statistics.median(s) for s in samples]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="runs of each command (15)")
    parser.add_argument(
        "--gc",
        default=str(Path(sys.executable).with_name("gc")),
        help="the gc executable to measure (the one beside this Python)",
    )
    options = parser.parse_args()
    rounds = options.rounds

    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as cache:
        base["PYTHONPYCACHEPREFIX"] = cache
        cached = medians(options.gc, base, rounds)
        shutil.rmtree(Path(cache) / str(PACKAGE).lstrip(os.sep), ignore_errors=True)
        compiled = medians(options.gc, {**base, "PYTHONDONTWRITEBYTECODE": "1"}, rounds)

    # Other work on a shared machine slows gc (many modules, much memory) more
    # than a bare Python: the ratios grow with the load.
    load = os.getloadavg()[0]
    print(f"gc start-up: median of {rounds} rounds, and its ratio to `python -c pass`")
    print(f"(load average {load:.1f} on {os.cpu_count()} cores at the end)")
    print(f"{'':26}{'cached':>18}{'compiled':>18}   target")
    for index, (label, _, target) in enumerate(COMMANDS):
        cells = "".join(
            f"{figures[index]:9.1f} ms {figures[index] / figures[0]:5.1f}x"
            for figures in (cached, compiled)
        )
        wanted = f"   <= {target:g}x" if target is not None else ""
        print(f"{label:26}{cells}{wanted}")


if __name__ == "__main__":
    main()
