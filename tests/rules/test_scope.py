"""A one-file rule (``Scope.FILE``) finds about each community file what it finds
when it is shown that file alone: what the cache relies on to keep its findings.

Checked on the shipped data with every corpus case that loads placed in it
(the cases are the rules' mistakes, so each rule finds something somewhere).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from greencommunity.loading.dataset import Dataset, load_dataset
from greencommunity.rules import all_rules
from greencommunity.rules.base import Context, Scope
from tests.corpus.cases import load_cases, small_data

FILE_RULES = {code: r for code, r in all_rules().items() if r.scope is Scope.FILE}
CASES = [c for c in load_cases() if c.loads and c.target.startswith("communities/")]


def test_most_rules_are_one_file_rules() -> None:
    assert len(FILE_RULES) >= 12
    # Across files by nature: names used twice, the number of files, evidence on disk.
    assert {"GC302", "GC307", "GC308", "GC314"}.isdisjoint(FILE_RULES)


def _check(dataset: Dataset) -> int:
    files = {c.doc.display for c in dataset.communities}
    seen = 0
    for code, registered in FILE_RULES.items():
        together = list(registered.check(Context(dataset, registered.code)))
        alone = [
            d
            for community in dataset.communities
            for d in registered.check(Context(dataset, registered.code, [community]))
        ]
        in_files = [d for d in together if d.path in files]
        assert sorted(in_files) == sorted(d for d in alone if d.path in files), code
        # Elsewhere only town.yaml or a criteria file, whatever the files shown.
        others = {d.path for d in together if d.path not in files}
        criteria = {f.doc.display for f in dataset.criteria_files()}
        assert all(p.endswith("town.yaml") or p in criteria for p in others), code
        seen += len(in_files)
    return seen


@pytest.mark.slow
def test_file_rules_look_at_one_file(tmp_path: Path) -> None:
    found = 0
    for n, case in enumerate(CASES):
        data = small_data(tmp_path / f"case{n}", communities=("longlian", "songxin", "jiayu"))
        case.place(data, tmp_path / f"outside{n}")
        found += _check(load_dataset(data, base=data))
    assert found >= len(CASES) // 2
