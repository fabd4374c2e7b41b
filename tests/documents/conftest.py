from __future__ import annotations

import pytest

from greencommunity.validation import CheckedData
from tests.documents.helpers import small_data


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> CheckedData:
    """The small data set (helpers.write_small_data), written once per module."""
    return small_data(tmp_path_factory.mktemp("small") / "data")
