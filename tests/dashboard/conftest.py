"""The shipped data, copied outside any git repository.

The site of the project's own checkout would carry the project's history
(one load of the data per commit): slower, and different in every clone.
The history page is tested on a repository made for it (test_site_browser).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_DATA


@pytest.fixture(scope="session")
def shipped_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Read-only: tests that edit the data make their own copy."""
    data = tmp_path_factory.mktemp("shipped") / "data"
    shutil.copytree(SHIPPED_DATA, data)
    return data
