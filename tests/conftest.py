from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from greencommunity.core import years
from greencommunity.i18n import get_language, set_language
from greencommunity.loading import cache

REPO = Path(__file__).resolve().parent.parent
SHIPPED_DATA = REPO / "data"


@pytest.fixture(autouse=True)
def chinese_by_default() -> Iterator[None]:
    """Every test starts in Chinese, the default, whatever the last one chose."""
    before = get_language()
    set_language("zh")
    yield
    set_language(before)


@pytest.fixture(autouse=True, scope="session")
def wide_views() -> Iterator[None]:
    """The terminal views are laid out 200 columns wide (``COLUMNS``), so that a
    test of what a view says reads whole lines; the tests of how a view fits a
    width (tests/output/test_widths.py) set their own."""
    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "200"
    yield
    if before is None:
        del os.environ["COLUMNS"]
    else:
        os.environ["COLUMNS"] = before


@pytest.fixture(autouse=True, scope="session")
def cache_outside_the_repository(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands run by the tests keep their cache in a folder of the session's
    (``GC_CACHE_DIR``, inherited by subprocesses), never beside the shipped data.
    The cache stays on: the whole suite runs through it."""
    before = os.environ.get(cache.DIR_VARIABLE)
    os.environ[cache.DIR_VARIABLE] = str(tmp_path_factory.mktemp("gc_cache"))
    yield
    if before is None:
        del os.environ[cache.DIR_VARIABLE]
    else:
        os.environ[cache.DIR_VARIABLE] = before


# "Today" for the tests that make something as of the day it is made: a day
# after the shipped data's last event, so their output is the same every day.
TODAY = dt.datetime(2023, 1, 15, 9, 0, tzinfo=years.PROGRAMME_ZONE)


@pytest.fixture
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """core/years' clock stopped at TODAY; the day it gives."""
    monkeypatch.setattr(years, "clock", lambda: TODAY)
    return TODAY.date()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data folder."""
    target = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, target)
    return target
