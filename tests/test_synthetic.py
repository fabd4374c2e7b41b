"""The benchmarks' synthetic data: valid under every rule, and the progress gc
computes equals the count of the stories it was generated from."""

from __future__ import annotations

from pathlib import Path

from benchmarks.synthetic import generate

from greencommunity.core.progress import compute_progress
from greencommunity.validation import validate


def test_generated_data_is_clean_and_gives_the_expected_answers(tmp_path: Path) -> None:
    expected = generate(40, tmp_path / "data")
    result = validate(tmp_path / "data")
    assert result.diagnostics == []
    data = result.checked()
    assert data is not None
    passed = expected["passed"]
    assert isinstance(passed, dict)
    for year in (2021, 2022):
        progress = compute_progress(data.town, data.criteria, data.communities, year)
        assert progress.passed == passed[str(year)], year
        assert progress.denominator == expected["denominator"]
