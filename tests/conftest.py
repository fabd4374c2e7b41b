from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from greencommunity.i18n import get_language, set_language

REPO = Path(__file__).resolve().parent.parent
SHIPPED_DATA = REPO / "data"


@pytest.fixture(autouse=True)
def chinese_by_default() -> Iterator[None]:
    """Every test starts in Chinese, the default, whatever the last one chose."""
    before = get_language()
    set_language("zh")
    yield
    set_language(before)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data folder."""
    target = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, target)
    return target
