"""How far a long job has got, told to whoever listens.

The core never prints: loading calls ``task(total, what)`` and advances it,
and the command line's progress bar (``cli/progressbar.py``) listens when a
person is watching a terminal.  Nobody listens by default, and then a task
costs one function call per step.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol


class Listener(Protocol):
    def begin(self, total: int, what: str) -> None:
        """A task of *total* steps starts; *what* is the catalog key saying what it does."""

    def advance(self, steps: int) -> None: ...

    def end(self) -> None: ...


class _Nobody:
    def begin(self, total: int, what: str) -> None:
        pass

    def advance(self, steps: int) -> None:
        pass

    def end(self) -> None:
        pass


_NOBODY = _Nobody()
# Who listens in this run (or thread); _Nobody holds no state, so one is shared.
_listener: ContextVar[Listener] = ContextVar("gc_listener", default=_NOBODY)


@contextmanager
def listening(listener: Listener | None) -> Iterator[None]:
    """Tell *listener* about every task run inside the block (None: nobody)."""
    token = _listener.set(listener if listener is not None else _NOBODY)
    try:
        yield
    finally:
        _listener.reset(token)


class Task:
    def __init__(self, listener: Listener) -> None:
        self._listener = listener

    def advance(self, steps: int = 1) -> None:
        self._listener.advance(steps)


@contextmanager
def task(total: int, what: str) -> Iterator[Task]:
    listener = _listener.get()
    listener.begin(total, what)
    try:
        yield Task(listener)
    finally:
        listener.end()
