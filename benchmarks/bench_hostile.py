"""Bounded work on hostile input: the slowest corpus file for each command, and
the largest file the size limit lets through (1 MiB of unknown keys, the most
diagnostics one file can produce).

The corpus is tests/corpus: each file of files/ is placed at its target in a
copy of the shipped data, as tests/corpus/expected.toml says (cases with a
setup, such as symlinks, are left out).

    .venv/bin/python -m benchmarks.bench_hostile
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import tomllib
from pathlib import Path

from typer.testing import CliRunner

from greencommunity.cli.app import app
from greencommunity.loading.parser import MAX_FILE_BYTES

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "corpus"
DEFAULT_TARGET = "communities/testcase.yaml"

# (name, target relative to the data folder, bytes placed there)
Case = tuple[str, str, bytes]


def corpus_cases() -> list[Case]:
    """The corpus files with their targets, line ends converted where asked."""
    tables = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))
    cases: list[Case] = []
    for name, table in sorted(tables.items()):
        path = CORPUS / "files" / name
        if "setup" in table or not path.is_file():
            continue
        raw = path.read_bytes()
        if table.get("crlf", False):
            raw = raw.replace(b"\n", b"\r\n")
        cases.append((name, str(table.get("target", DEFAULT_TARGET)), raw))
    return cases


def largest_bad_file() -> bytes:
    head = "id: testcase\nname: 测试居委会\nbatch: 2022\nprofile:\n"
    lines, size, index = [head], len(head.encode()), 0
    while True:
        line = f"  key{index}: {index}\n"
        if size + len(line) > MAX_FILE_BYTES:
            return "".join(lines).encode()
        lines.append(line)
        size += len(line)
        index += 1


def main() -> None:
    runner = CliRunner()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "b",
        "GIT_AUTHOR_EMAIL": "b@example.invalid",
        "GIT_COMMITTER_NAME": "b",
        "GIT_COMMITTER_EMAIL": "b@example.invalid",
    }
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        shutil.copytree(REPO / "data", repo / "data")
        for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "data"]):
            subprocess.run(["git", "-C", str(repo), *args], check=True, env=env)
        data = str(repo / "data")
        commands = {
            "validate": ["validate", "--data", data, "-f", "json"],
            "progress": ["progress", "--data", data, "--year", "2022"],
            "report": [
                "report",
                "summary",
                "--data",
                data,
                "--year",
                "2022",
                "--output",
                str(repo / "out"),
            ],
            "diff": ["diff", "--data", data, "-f", "json"],
        }
        runner.invoke(app, commands["validate"])  # warm-up: imports
        started = time.perf_counter()
        runner.invoke(app, commands["validate"])
        reference = time.perf_counter() - started
        print(f"reference: validate the shipped data  {reference * 1000:7.0f} ms")
        cases = corpus_cases()
        big: Case = ("largest file within the limit", DEFAULT_TARGET, largest_bad_file())
        for title, group in ((f"corpus ({len(cases)} files)", cases), (big[0], [big])):
            print(title)
            for label, args in commands.items():
                worst = (0.0, "")
                for name, relative, raw in group:
                    target = repo / "data" / relative
                    shipped = REPO / "data" / relative
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(raw)
                    started = time.perf_counter()
                    runner.invoke(app, args)
                    elapsed = time.perf_counter() - started
                    if shipped.is_file():
                        shutil.copy2(shipped, target)
                    else:
                        target.unlink()
                    worst = max(worst, (elapsed, name))
                print(
                    f"  {label:9s} slowest {worst[0] * 1000:7.0f} ms "
                    f"({worst[0] / reference:5.1f}x the reference; {worst[1]})"
                )


if __name__ == "__main__":
    main()
