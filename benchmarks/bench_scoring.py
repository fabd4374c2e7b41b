"""Benchmark of scoring on synthetic communities, with references measured in the same run.

    .venv/bin/python -m benchmarks.bench_scoring [COMMUNITIES]   # default 1000

Writes COMMUNITIES synthetic communities (benchmarks/synthetic.py), loads them
once, then times ``evaluate`` over every sheet they hold (self, district and
city), the first evaluation of a fresh ``Criteria`` (which compiles it), and
``compute_progress``.  The references are the same sheets added up with
``fractions.Fraction`` (as scoring did before it counted in integer units) and
with a bare float ``sum``; only ratios within one run are comparable, the
machines being shared.
"""

from __future__ import annotations

import sys
import tempfile
from fractions import Fraction
from pathlib import Path

from benchmarks.synthetic import generate
from benchmarks.timing import median_seconds
from greencommunity.core.progress import compute_progress
from greencommunity.core.scoring import evaluate
from greencommunity.figures import exact
from greencommunity.models import Criteria
from greencommunity.validation import validate


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "town"
        generate(count, folder)
        checked = validate(folder).checked()
    assert checked is not None, "the synthetic data is valid"
    # The synthetic data has one sheet (criteria.yaml), in force every year.
    criteria = checked.criteria.latest()
    sheets = [
        sheet.scores
        for community in checked.communities
        for assessment in community.assessments
        for sheet in (assessment.self, assessment.district, assessment.city)
        if sheet is not None
    ]
    n = len(sheets)
    print(f"{count} communities, {n} sheets of {len(criteria.items())} items")

    def score_all() -> None:
        for scores in sheets:
            evaluate(criteria, scores)

    def fraction_sums() -> None:
        for scores in sheets:
            sum((exact(v) for v in scores.values()), Fraction(0))

    def float_sums() -> None:
        for scores in sheets:
            sum(scores.values())

    evaluate(criteria, sheets[0])  # compiled once, before timing
    per_call = median_seconds(score_all, 5) / n * 1e6
    per_fraction = median_seconds(fraction_sums, 5) / n * 1e6
    per_float = median_seconds(float_sums, 5) / n * 1e6
    print(f"evaluate, per sheet                       {per_call:8.1f} µs")
    print(f"  the sheet's Fraction sum (reference)    {per_fraction:8.1f} µs")
    print(f"  the sheet's float sum (reference)       {per_float:8.1f} µs")

    dump = criteria.model_dump()

    def first_evaluation() -> None:
        evaluate(Criteria.model_validate(dump), sheets[0])

    def validation_only() -> None:
        Criteria.model_validate(dump)

    first = (median_seconds(first_evaluation, 21) - median_seconds(validation_only, 21)) * 1e6
    print(f"first evaluate of a new Criteria          {first:8.1f} µs")

    year = max(t.year for t in checked.town.targets)
    progress = median_seconds(
        lambda: compute_progress(checked.town, checked.criteria, checked.communities, year), 3
    )
    print(f"compute_progress {year}                      {progress * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
