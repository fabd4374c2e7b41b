"""What ``gc site`` builds: the town's pages, its history when the data is in
git, and, with ``--rollup``, a district page linking every town's pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from greencommunity.core.years import progress_year
from greencommunity.dashboard.build import Page, district_page, slug, town_pages
from greencommunity.dashboard.pages import town_site
from greencommunity.models.folder import CheckedData

if TYPE_CHECKING:
    from greencommunity.history_view import HistoryReport

DISTRICT_PAGE = "district.html"


def _history(data: CheckedData) -> HistoryReport | None:
    """The share over the git history, when the data is in git."""
    from greencommunity.core.history import build_history
    from greencommunity.history_view import HistoryReport
    from greencommunity.loading.git import GitError, load_history

    try:
        snapshots = load_history(data.root)
    except GitError:
        return None  # not in git, or never committed: the site has no history page
    return HistoryReport(data.town.name, build_history(snapshots, None, "day"))


def build_pages(
    data: CheckedData, *, year: int | None, today: dt.date, rollup: Sequence[Path] = ()
) -> list[Page]:
    """Every page of the site: the town at the root, other towns under towns/."""
    chosen = progress_year(data.town, today, year)
    district = DISTRICT_PAGE if rollup else None
    pages = town_pages(town_site(data, chosen), history=_history(data), district=district)
    if rollup:
        pages += _district(data, chosen, rollup)
    return pages


def _district(data: CheckedData, year: int, folders: Sequence[Path]) -> list[Page]:
    from greencommunity.towns import check_towns, roll_up_towns

    towns = check_towns(folders)
    rollup = roll_up_towns(year, towns)
    counted = {town.folder for town in rollup.towns if town.counted}
    pages: list[Page] = []
    links: dict[Path, str] = {}
    taken: set[str] = set()
    for folder, result in towns:
        checked = result.checked()
        if result.dataset is not None and result.dataset.root.resolve() == data.root.resolve():
            links[folder] = "index.html"
        elif checked is not None and folder in counted:
            prefix = f"towns/{slug(folder.name, taken)}/"
            pages += town_pages(town_site(checked, year), prefix=prefix, district=DISTRICT_PAGE)
            links[folder] = f"{prefix}index.html"
    pages.append(district_page(rollup, links, DISTRICT_PAGE))
    return pages
