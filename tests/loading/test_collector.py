"""The cycle collector is off while a data folder loads, and as it was after."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from greencommunity.loading import collector
from greencommunity.validation import validate

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def restore() -> Iterator[None]:
    was_on = gc.isenabled()
    yield
    if was_on:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("restore")
@pytest.mark.parametrize("on", [True, False])
def test_paused_turns_the_collector_off_and_back_as_it_was(on: bool) -> None:
    gc.enable() if on else gc.disable()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled() is on


@pytest.mark.usefixtures("restore")
def test_the_collector_is_back_after_an_error() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), collector.paused():
        raise RuntimeError
    assert gc.isenabled()


@pytest.mark.usefixtures("restore")
def test_validate_leaves_the_collector_as_it_found_it() -> None:
    gc.enable()
    assert validate(DATA).diagnostics == []
    assert gc.isenabled()


@pytest.mark.usefixtures("restore")
def test_a_worker_keeps_the_collector_off() -> None:
    gc.enable()
    collector.pause_in_worker()
    assert not gc.isenabled()
