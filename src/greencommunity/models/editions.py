"""The score sheets in force year by year: ``criteria.yaml`` and ``criteria/<year>.yaml``.

A district may change its sheet between years.  ``criteria/2022.yaml`` is the
sheet in force from 2022 until the next year file; ``criteria.yaml`` is the
sheet in force in every year before the first year file (every year, when
there is none).  Each is a whole ``Criteria`` of its own file, so an officer
copies last year's file and edits it, and every position stays that file's.

``CriteriaByYear.criteria_for`` is the one place that chooses the sheet for a
year: every score, status, document, site page and workbook goes through it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from greencommunity.models.criteria import Criteria, Item


def in_force(since: Sequence[int | None], year: int) -> int | None:
    """Which of sheets first in force in *since* (None: criteria.yaml, listed
    first; then years in order) is in force in *year*: the last year file not
    after it, else criteria.yaml; None when there is neither."""
    found = None
    for index, first in enumerate(since):
        if first is None or first <= year:
            found = index
    return found


@dataclass(frozen=True)
class Edition:
    """One sheet and the first year it is in force (None: criteria.yaml, in
    force before the first year file)."""

    since: int | None
    criteria: Criteria


def sheets_by_year(sheets: Sequence[tuple[int | None, Criteria | None]]) -> CriteriaByYear | None:
    """Every sheet by year from (first year in force, the sheet; None when its
    file did not load), in force order; None unless every one loaded."""
    if not sheets or any(criteria is None for _, criteria in sheets):
        return None
    return CriteriaByYear(tuple(Edition(since, c) for since, c in sheets if c is not None))


@dataclass(frozen=True)
class CriteriaByYear:
    """Every sheet of a data folder: criteria.yaml's (if any) first, then the
    year files by year."""

    editions: tuple[Edition, ...]

    def __post_init__(self) -> None:
        assert self.editions, "at least one sheet"

    @classmethod
    def single(cls, criteria: Criteria) -> CriteriaByYear:
        """One sheet for every year: a data folder with criteria.yaml alone."""
        return cls((Edition(None, criteria),))

    def edition_for(self, year: int) -> Edition | None:
        """The sheet in force in *year*, None when the first year file is later
        and there is no criteria.yaml (rule GC346 reports an assessment then)."""
        index = in_force([edition.since for edition in self.editions], year)
        return None if index is None else self.editions[index]

    def criteria_for(self, year: int) -> Criteria:
        """The criteria in force in *year*.  A year before every sheet takes
        the earliest (validation reports an assessment in such a year, GC346)."""
        edition = self.edition_for(year)
        return (edition or self.editions[0]).criteria

    def latest(self) -> Criteria:
        """The newest sheet: the one a new community will be scored by."""
        return self.editions[-1].criteria

    def __iter__(self) -> Iterator[Criteria]:
        return (edition.criteria for edition in self.editions)

    def any_item(self, item_id: str) -> Item | None:
        """*item_id* in the newest sheet that has it (a plan's project serves
        an item across years)."""
        for criteria in reversed(list(self)):
            found = criteria.items().get(item_id)
            if found is not None:
                return found
        return None
