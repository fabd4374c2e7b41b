"""The worker pool: results in order, one process when asked, and a pool that
breaks leaves the work to the caller rather than failing the command."""

from __future__ import annotations

import os

import pytest

from greencommunity.i18n import get_language, set_language
from greencommunity.loading import parallel


def square_with_language(n: int) -> tuple[int, str]:
    return n * n, get_language()


def die(n: int) -> int:
    os._exit(3)


def test_results_come_back_in_order_in_the_callers_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    set_language("en")
    results = parallel.map_files(square_with_language, [(n,) for n in range(50)])
    assert results == [(n * n, "en") for n in range(50)]


@pytest.mark.parametrize(("chosen", "expected"), [("1", 1), ("3", 3), (" 2 ", 2)])
def test_gc_workers_chooses(monkeypatch: pytest.MonkeyPatch, chosen: str, expected: int) -> None:
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, chosen)
    assert parallel.workers() == expected


@pytest.mark.parametrize("chosen", ["", "0", "many", "-2"])
def test_anything_else_means_every_core(monkeypatch: pytest.MonkeyPatch, chosen: str) -> None:
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, chosen)
    assert parallel.workers() >= 1


def test_one_worker_means_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "1")
    assert parallel.map_files(square_with_language, [(1,), (2,)]) is None


def test_a_broken_pool_leaves_the_work_to_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    assert parallel.map_files(die, [(n,) for n in range(4)]) is None
