"""The submission as PDF, as ratios against WeasyPrint writing one page, measured in the same run.

    make bench     # or: .venv/bin/python -m benchmarks.bench_pdf [--rounds N] [--against DIR]

Measures ``gc report submission --year 2022 --format pdf --output DIR`` on the
shipped data (the documents of each submitting community, the summary and the
combined file) on every core and with ``GC_WORKERS=1``, and as reference a
Python that imports WeasyPrint and writes a one-page Chinese PDF/A-2a (what
every PDF command pays at least).  Each round runs every command once, in
turn, so that the load of a shared machine falls on all of them alike; the
table gives each command's median, its ratio to the reference's median, and
the CPU time of the command and its processes.  ``--against DIR`` adds the
same command run from the checkout *DIR* (its ``src`` first on PYTHONPATH),
say the commit before a change.  Figures are only comparable within one run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.timing import run

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
YEAR = "2022"

REFERENCE = """
import weasyprint
html = '''<html lang="zh-CN"><head><title>参照</title></head><body>
<h1 style="font-family: 'Noto Sans CJK SC'">绿色社区创建</h1>
<p style="font-family: 'Noto Serif CJK SC'">一页中文，字体嵌入并子集化。</p></body></html>'''
weasyprint.HTML(string=html).render(pdf_variant="pdf/a-2a").write_pdf(pdf_variant="pdf/a-2a")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="runs of each command (5)")
    parser.add_argument(
        "--gc",
        default=str(Path(sys.executable).with_name("gc")),
        help="the gc executable to measure (the one beside this Python)",
    )
    parser.add_argument("--against", type=Path, help="also run gc from this checkout's src/")
    options = parser.parse_args()

    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as folder:
        report = [options.gc, "report", "submission", "--year", YEAR, "--format", "pdf"]
        report += ["--data", str(DATA), "--output", folder]
        commands: list[tuple[str, list[str], dict[str, str]]] = [
            ("reference: one page", [sys.executable, "-c", REFERENCE], env),
            ("gc report submission", report, env),
            ("  GC_WORKERS=1", report, {**env, "GC_WORKERS": "1"}),
        ]
        if options.against is not None:
            src = str((options.against / "src").resolve())
            paths = [src, env.get("PYTHONPATH", "")]
            commands.append(
                (f"  from {options.against}", report, {**env, "PYTHONPATH": os.pathsep.join(paths)})
            )
        for _, command, command_env in commands:
            run(command, command_env)  # not counted: bytecode, font caches
        walls: list[list[float]] = [[] for _ in commands]
        cpus: list[list[float]] = [[] for _ in commands]
        for _ in range(options.rounds):
            for index, (_, command, command_env) in enumerate(commands):
                wall, cpu = run(command, command_env)
                walls[index].append(wall)
                cpus[index].append(cpu)

    wall_medians = [statistics.median(w) for w in walls]
    print(f"PDF: median of {options.rounds} rounds, and its ratio to the reference")
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end)")
    print(f"{'':34}{'wall':>10}{'ratio':>8}{'cpu':>10}")
    for index, (label, _, _) in enumerate(commands):
        wall = wall_medians[index]
        ratio = wall / wall_medians[0]
        cpu = statistics.median(cpus[index])
        print(f"{label:34}{wall:8.2f} s{ratio:7.1f}x{cpu:8.2f} s")


if __name__ == "__main__":
    main()
