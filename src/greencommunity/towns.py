"""Many towns at once, for ``gc rollup`` and ``gc site --rollup``: one pipeline.

``check_towns`` finds the towns under the folders given (``loading/towns.py``)
and checks each one's data folder (``validation.validate``); the caller
chooses the year; ``roll_up_towns`` gives each town's standing in that year
and their totals (``core/rollup.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from greencommunity.core.rollup import Rollup, TownResult, roll_up, town_result
from greencommunity.loading.dataset import find_data_dir
from greencommunity.loading.towns import find_towns
from greencommunity.models import Town
from greencommunity.validation import ValidationResult, validate


class CheckedTown(NamedTuple):
    folder: Path  # the town's folder, as given or found under the folders given
    result: ValidationResult  # its data folder, checked

    @property
    def town(self) -> Town | None:
        """The town's town.yaml, when it loaded."""
        dataset = self.result.dataset
        return dataset.town_model if dataset is not None else None

    def standing(self, year: int) -> TownResult:
        """The town's standing in *year*, or why it has none."""
        checked = self.result.checked()
        return town_result(self.folder, checked, year, town=self.town, errors=self.result.errors)


def check_towns(folders: Iterable[Path], *, cache: bool = False) -> list[CheckedTown]:
    """Every town under *folders*, in order, each once, its data checked
    (through the cache with *cache*).

    Raises ``DataNotFoundError`` for a folder that holds no town at all.
    """
    return [
        CheckedTown(folder, validate(find_data_dir(folder), cache=cache))
        for folder in find_towns(folders)
    ]


def roll_up_towns(year: int, towns: Sequence[CheckedTown]) -> Rollup:
    """The towns' standings in *year*, grouped by district, and their totals."""
    return roll_up(year, [town.standing(year) for town in towns])
