"""Parsing many files on every core the process may use.

Above ``THRESHOLD`` files, parsing and checking against the schema (about
1 ms a file) outweighs starting workers; below it, and on one core, files are
parsed in this process.  Results come back in the order of the jobs, so a
parallel run says exactly what a serial one says.  Workers start in the
interface language of this process, and a pool that cannot start (no
``/dev/shm``, a sandbox) or breaks leaves the work to this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from greencommunity.i18n import get_language, set_language
from greencommunity.loading import collector

THRESHOLD = 200
# Several chunks per worker: files differ in size, and a worker that
# finishes early takes the next chunk.
CHUNKS_PER_WORKER = 4

R = TypeVar("R")


WORKERS_VARIABLE = "GC_WORKERS"


def workers() -> int:
    """The processes to parse with: ``GC_WORKERS`` when it is a whole number
    (1: none besides this one, on a shared server say), else the cores this
    process may run on."""
    chosen = os.environ.get(WORKERS_VARIABLE, "").strip()
    if chosen.isdigit() and int(chosen) > 0:
        return int(chosen)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _start(language: str) -> None:
    """A worker: in the caller's language, with the cycle collector off."""
    set_language(language)
    collector.pause_in_worker()


def map_files(
    function: Callable[..., R],
    jobs: Sequence[tuple[object, ...]],
    done: Callable[[int], None] | None = None,
) -> list[R] | None:
    """``function(*job)`` for every job, in order, on every core; None when
    there is one core, or the pool cannot run (the caller then works alone).
    *done* is told of each job finished, as its result arrives."""
    count = min(workers(), len(jobs))
    if count < 2:
        return None
    # fork where there is one: workers inherit the imported modules and start at once.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(jobs) // (count * CHUNKS_PER_WORKER))
    try:
        with ProcessPoolExecutor(
            count, mp_context=context, initializer=_start, initargs=(get_language(),)
        ) as pool:
            results = []
            for result in pool.map(function, *zip(*jobs, strict=True), chunksize=chunk):
                results.append(result)
                if done is not None:
                    done(1)
            return results
    except (OSError, BrokenProcessPool):
        return None
