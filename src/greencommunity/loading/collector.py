"""Python's cycle collector paused while a data folder is loaded and checked.

Loading thousands of files allocates millions of small objects (nodes, dicts,
models) that form no reference cycles.  The collector, started every 700
allocations, traversed the growing heap again and again: 13 % of a cold
``gc validate`` of 5,000 communities on one core.  Reference counting still
frees every object at once; the collector runs again afterwards and finds
whatever cycles there are.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off inside the block, as it was after it."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def keep_loaded() -> None:
    """What is loaded stays for the rest of the run: the collector leaves it out
    of every later collection (``gc.freeze``).  For the command line, whose
    process ends with the command; a collection while scoring, importing the
    output's modules or rendering traversed the loaded data of 5,000
    communities each time."""
    gc.freeze()


def pause_in_worker() -> None:
    """A parsing worker lives for one load: the collector stays off (``paused``)."""
    gc.disable()
