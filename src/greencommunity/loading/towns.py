"""Finding the towns under folders given to ``gc rollup``: a town's data folder,
a district's folder holding one folder per town, or a city's folder holding
one folder per district."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from greencommunity.i18n import tr
from greencommunity.loading.dataset import TOWN_FILE, DataNotFoundError

# A town folder is its data folder, or a repository holding data/.
_DATA = "data"
# district → towns → data: deeper than a city is never meant.
_MAX_LEVELS = 2


def is_town(folder: Path) -> bool:
    return (folder / TOWN_FILE).is_file() or (folder / _DATA / TOWN_FILE).is_file()


def _subfolders(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def _towns_in(folder: Path, levels: int) -> list[Path]:
    if is_town(folder):
        return [folder]
    if levels == 0 or not folder.is_dir():
        return []
    found: list[Path] = []
    for sub in _subfolders(folder):
        found.extend(_towns_in(sub, levels - 1))
    return found


def find_towns(folders: Iterable[Path]) -> list[Path]:
    """Every town folder under *folders*, in order, each once.

    Raises ``DataNotFoundError`` for a folder that holds no town at all.
    """
    towns: list[Path] = []
    for folder in folders:
        found = _towns_in(folder, _MAX_LEVELS)
        if not found:
            raise DataNotFoundError(tr("rollup.no_towns", path=str(folder)))
        for town in found:
            if town.resolve() not in [t.resolve() for t in towns]:
                towns.append(town)
    return towns
