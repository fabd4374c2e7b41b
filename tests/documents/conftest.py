from __future__ import annotations

from pathlib import Path

import pytest

from greencommunity.models.folder import CheckedData
from tests.documents.helpers import made_once, small_data, write_every_output


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> CheckedData:
    """The small data set (helpers.write_small_data), written once per module."""
    return small_data(tmp_path_factory.mktemp("small") / "data")


@pytest.fixture(scope="session")
def every_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every Markdown and HTML output (helpers.write_every_output), written once per run."""
    return made_once(tmp_path_factory, "every-output", write_every_output)
