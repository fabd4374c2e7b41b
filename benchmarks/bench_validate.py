"""Benchmark of loading and validation, with references measured in the same run.

    make bench            # or: .venv/bin/python -m benchmarks.bench_validate

Prints medians of repeated runs.  Figures are only comparable within one run:
the machines are shared, so the script reports ratios against references
measured alongside (ruamel round-trip load vs the C safe load used on the fast
path; the whole CLI vs a bare `python -c pass`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ruamel.yaml import YAML

from benchmarks.timing import median_seconds
from greencommunity.loading.parser import parse
from greencommunity.validation import validate

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
GC = Path(sys.executable).with_name("gc")


def median_ms(action: Callable[[], object], repeat: int) -> float:
    return median_seconds(action, repeat) * 1000


def scaled_copy(folder: Path, copies: int) -> Path:
    """The shipped data with every community file copied *copies* times."""
    target = folder / f"data-{copies}"
    shutil.copytree(DATA, target)
    town = target / "town.yaml"
    text = town.read_text(encoding="utf-8")
    town.write_text(
        text.replace("urban_communities: 17", f"urban_communities: {17 * copies}"), "utf-8"
    )
    sources = sorted((target / "communities").glob("*.yaml"))
    for n in range(1, copies):
        for source in sources:
            body = source.read_text(encoding="utf-8")
            new_id = f"{source.stem}-c{n}"
            body = body.replace(f"id: {source.stem}\n", f"id: {new_id}\n", 1)
            body = body.replace("居委会\n", f"居委会{n}\n", 1)
            (target / "communities" / f"{new_id}.yaml").write_text(body, "utf-8")
            evidence = target / "evidence" / source.stem
            if evidence.is_dir():
                shutil.copytree(evidence, target / "evidence" / new_id)
    return target


def main() -> None:
    community = DATA / "communities" / "songxin.yaml"
    text = community.read_text(encoding="utf-8")
    lines = text.count("\n")
    rt = YAML(typ="rt")
    safe_ms = median_ms(lambda: parse(text), 50)
    rt_ms = median_ms(lambda: rt.load(text), 20)
    c_compose = YAML(typ="safe", pure=False)
    compose_ms = median_ms(lambda: c_compose.compose(text), 50)
    print(f"one community file ({lines} lines):")
    print(f"  C safe load (fast path)           {safe_ms:8.2f} ms")
    print(
        f"  C compose (positions, on demand)  {compose_ms:8.2f} ms   "
        f"({compose_ms / safe_ms:.1f}x the fast path)"
    )
    print(
        f"  round-trip load (reference)       {rt_ms:8.2f} ms   "
        f"({rt_ms / safe_ms:.1f}x the fast path)"
    )

    in_process = median_ms(lambda: validate(DATA), 10)
    print(f"validate shipped data in-process (14 files)   {in_process:8.1f} ms")

    bare = median_ms(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), 5)
    cli = median_ms(
        lambda: subprocess.run(
            [str(GC), "validate", "--data", str(DATA)], check=True, capture_output=True
        ),
        5,
    )
    print(f"`gc validate --data data` wall time            {cli:8.1f} ms")
    print(
        f"  bare interpreter start-up (reference)        {bare:8.1f} ms   (gc = {cli / bare:.1f}x)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        for copies in (1, 10, 40):
            folder = scaled_copy(Path(tmp), copies)
            ms = median_ms(lambda folder=folder: validate(folder), 3)  # type: ignore[misc]
            files = 2 + 12 * copies
            print(
                f"validate {files:4d} files in-process            {ms:8.1f} ms"
                f"   ({ms / files:.2f} ms/file)"
            )


if __name__ == "__main__":
    main()
