"""A data folder as models: what the core computes over, the loading left behind.

``CheckedData`` is a folder without errors, what every command that scores
or writes uses.  ``FolderModels`` is what each file of a folder gave, however
broken, for the comparisons of ``gc diff`` and ``gc history``, which look at
revisions that may not load.  ``loading`` makes both (``Dataset.models``,
``validation.ValidationResult.checked``); ``core`` only reads them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from greencommunity.models.community import Community
from greencommunity.models.criteria import Criteria
from greencommunity.models.editions import CriteriaByYear, in_force, sheets_by_year
from greencommunity.models.town import Town


@dataclass(frozen=True)
class CheckedData:
    """A data folder without errors: what progress, scores and documents use.

    ``criteria`` holds every score sheet by year: a sheet, a status or a
    document of a year takes ``criteria.criteria_for(year)``."""

    root: Path
    town: Town
    criteria: CriteriaByYear
    communities: tuple[Community, ...]


@dataclass(frozen=True)
class SheetFile:
    """One criteria file: ``criteria.yaml`` or ``criteria/<year>.yaml``."""

    name: str  # its place in the data folder, the same on both sides of a change
    since: int | None  # the first year it is in force; None: criteria.yaml
    path: str  # as diagnostics show it
    criteria: Criteria | None  # None: the file did not load


@dataclass(frozen=True)
class CommunityFile:
    path: str  # as diagnostics show it
    community: Community


@dataclass(frozen=True)
class FolderModels:
    """What each file of a data folder gave, however broken."""

    town: Town | None  # None: town.yaml did not load
    sheets: tuple[SheetFile, ...]  # criteria.yaml first, then the year files by year
    communities: tuple[CommunityFile, ...]  # the community files that loaded, in file order
    broken: frozenset[str]  # stems of the community files that did not load (their id unknown)

    def criteria_by_year(self) -> CriteriaByYear | None:
        """Every sheet by year, when every criteria file loaded; None otherwise."""
        return sheets_by_year([(sheet.since, sheet.criteria) for sheet in self.sheets])

    def criteria_for(self, year: int) -> Criteria | None:
        """The sheet in force in *year*; None when its file did not load or no
        file covers the year."""
        index = in_force([sheet.since for sheet in self.sheets], year)
        return None if index is None else self.sheets[index].criteria

    def community_models(self) -> list[Community]:
        return [file.community for file in self.communities]


@dataclass(frozen=True)
class Commit:
    sha: str
    time: dt.datetime  # committer time, with its offset
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:8]


@dataclass(frozen=True)
class Snapshot:
    """A commit and the data folder as it was there."""

    commit: Commit
    folder: FolderModels | None  # None: the data folder did not exist in that commit
