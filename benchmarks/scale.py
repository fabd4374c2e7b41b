"""City scale: gc on 50, 500 and 5,000 generated communities, against references
measured in the same run.

    make bench      # or: .venv/bin/python -m benchmarks.scale [--sizes 50,500,5000] [--rounds 3]

Every figure is the median wall time of whole commands (a fresh process
each, as an officer runs them); the machines are shared, so the figures to
quote are the ratios, each against its reference measured alongside:

- cold ``gc validate`` (no cache) against check-jsonschema checking the same
  community files against gc's own published schema (target <= 0.5x);
- cold ``gc validate`` on one core (GC_WORKERS=1) and on every core against a
  bare loop of ruamel's C safe load over the same files in one process
  (targets <= 1.2x on one core, < 1x on every core);
- warm ``gc validate`` (nothing changed since the run before, the cache
  kept) against cold (target <= 0.05x);
- cold ``gc progress`` against cold ``gc validate`` (target <= 1.0x);
- the peak memory of ``gc progress`` (target < 600 MiB).

The data comes from ``benchmarks/synthetic.py`` (each size generated once per
run, in a temporary folder).  Start-up rows come from ``benchmarks/startup.py``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.synthetic import generate
from benchmarks.timing import wall_seconds

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "schemas" / "community.schema.json"
BIN = Path(sys.executable).parent
GC = [sys.executable, "-m", "greencommunity"]

BARE_LOOP = """
import sys
from pathlib import Path
from ruamel.yaml import YAML
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    YAML(typ="safe", pure=False).load(path.read_bytes())
"""

# Peak resident memory of a command, read back from the operating system.
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], capture_output=True, check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def median(command: Sequence[str], env: dict[str, str], rounds: int) -> float:
    return statistics.median(wall_seconds(command, env) for _ in range(rounds))


def measure(size: int, folder: Path, rounds: int) -> dict[str, float]:
    data = folder / f"n{size}" / "data"
    generate(size, data)
    files = [str(p) for p in sorted((data / "communities").glob("*.yaml"))]
    base = {**os.environ, "GC_CACHE_DIR": str(folder / f"cache{size}")}
    serial = {**base, "GC_WORKERS": "1"}
    validate = [*GC, "validate", "--data", str(data)]
    cold = [*validate, "--no-cache"]
    progress = [*GC, "progress", "--data", str(data), "--year", "2022", "--format", "json"]
    figures = {
        "check-jsonschema": median(
            [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA), *files], base, 1
        ),
        "bare C safe load": median(
            [sys.executable, "-c", BARE_LOOP, str(data / "communities")], base, rounds
        ),
        "validate cold, one core": median(cold, serial, rounds),
        "validate cold": median(cold, base, rounds),
        "progress cold": median([*progress, "--no-cache"], base, rounds),
    }
    wall_seconds(validate, base)  # fills the cache
    figures["validate warm"] = median(validate, base, rounds)
    peak = subprocess.run(
        [sys.executable, "-c", PEAK, *progress, "--no-cache"],
        env=base,
        capture_output=True,
        text=True,
        check=True,
    )
    figures["progress peak MiB"] = int(peak.stdout.strip()) / 1024
    return figures


# (label, numerator, denominator, target, "at most" or "below")
RATIOS = (
    ("cold validate / check-jsonschema", "validate cold", "check-jsonschema", 0.5),
    (
        "cold validate, one core / bare C safe load",
        "validate cold, one core",
        "bare C safe load",
        1.2,
    ),
    ("cold validate, every core / bare C safe load", "validate cold", "bare C safe load", 1.0),
    ("warm validate / cold validate", "validate warm", "validate cold", 0.05),
    ("cold progress / cold validate", "progress cold", "validate cold", 1.0),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,500,5000", help="communities (50,500,5000)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each command (3)")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        results = {size: measure(size, Path(folder), options.rounds) for size in sizes}
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"gc at scale: median of {options.rounds} runs (check-jsonschema: 1), {cores} cores,")
    print(f"load average {os.getloadavg()[0]:.1f} at the end; ratios are the figures to quote")
    header = "".join(f"{n:>12,}" for n in sizes)
    print(f"\n{'seconds':52}{header}")
    for label in results[sizes[0]]:
        if label != "progress peak MiB":
            print(f"{label:52}" + "".join(f"{results[n][label]:12.2f}" for n in sizes))
    print(f"\n{'ratio (target)':52}{header}")
    for label, top, bottom, target in RATIOS:
        cells = "".join(f"{results[n][top] / results[n][bottom]:11.2f}x" for n in sizes)
        print(f"{label + f' (<= {target:g}x)':52}{cells}")
    peaks = "".join(f"{results[n]['progress peak MiB']:12.0f}" for n in sizes)
    print(f"{'progress peak memory, MiB (< 600)':52}{peaks}")


if __name__ == "__main__":
    main()
