"""Many towns at once, for ``gc rollup`` and ``gc site --rollup``: one pipeline.

``check_towns`` finds the towns under the folders given (``loading/towns.py``)
and checks each one's data folder (``validation.validate``); ``one_count``
sees that no town is counted twice; the caller chooses the year;
``roll_up_towns`` gives each town's standing in that year and their totals
(``core/rollup.py``).

One town, one count: the same town (its name and district) reached through
two folders, a copy or a link say, is counted once when the two hold the same
data (every data file, byte for byte: a SHA-256 of their names and bytes), and
refused when they differ, since no one can tell which one the district should
add up.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class OneCount:
    """The towns to count, each once, and the repeats found."""

    towns: tuple[CheckedTown, ...]
    repeated: tuple[tuple[str, Path, Path], ...]  # (town, folder counted, folder left out)
    differing: tuple[tuple[str, Path, Path], ...]  # (town, one folder, the other)


def one_count(towns: Sequence[CheckedTown]) -> OneCount:
    """*towns* with each town (name and district) once: a repeat with the
    same data is left out, a repeat with other data is *differing*."""
    kept: list[CheckedTown] = []
    first: dict[tuple[str, str], tuple[CheckedTown, str]] = {}
    repeated: list[tuple[str, Path, Path]] = []
    differing: list[tuple[str, Path, Path]] = []
    for checked in towns:
        town = checked.town
        if town is None:  # no name to know it by: its errors keep it out of the totals
            kept.append(checked)
            continue
        key = (town.name, town.district)
        digest = _data_digest(checked.result)
        if key not in first:
            first[key] = (checked, digest)
            kept.append(checked)
        elif first[key][1] == digest:
            repeated.append((town.name, first[key][0].folder, checked.folder))
        else:
            differing.append((town.name, first[key][0].folder, checked.folder))
    return OneCount(tuple(kept), tuple(repeated), tuple(differing))


def _data_digest(result: ValidationResult) -> str:
    """A SHA-256 of every data file of a checked folder: names and bytes."""
    digest = hashlib.sha256()
    dataset = result.dataset
    if dataset is None:
        return ""
    for path in sorted(dataset.files):
        digest.update(path.relative_to(dataset.root).as_posix().encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0unreadable")
        digest.update(b"\0")
    return digest.hexdigest()


def roll_up_towns(
    year: int, towns: Sequence[CheckedTown], repeated: Sequence[tuple[str, Path, Path]] = ()
) -> Rollup:
    """The towns' standings in *year*, grouped by district, and their totals."""
    return roll_up(year, [town.standing(year) for town in towns], repeated)
