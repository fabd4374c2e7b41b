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
from greencommunity.validation import CheckedData

if TYPE_CHECKING:
    from greencommunity.output.history import HistoryReport
    from greencommunity.provenance import Provenance

DISTRICT_PAGE = "district.html"


def _history(data: CheckedData) -> HistoryReport | None:
    """The share over the git history, when the data is in git."""
    from greencommunity.core.history import build_history
    from greencommunity.loading.git import GitError, load_history
    from greencommunity.output.history import HistoryReport

    try:
        snapshots = load_history(data.root)
    except GitError:
        return None  # not in git, or never committed: the site has no history page
    return HistoryReport(data.town.name, build_history(snapshots, None, "day"))


def build_pages(
    data: CheckedData,
    *,
    year: int | None,
    today: dt.date,
    provenance: Provenance,
    rollup: Sequence[Path] = (),
) -> list[Page]:
    """Every page of the site: the town at the root, other towns under towns/.
    Each says what it was computed from: *provenance* (of *data*; each other
    town's pages, their own data's), for the criteria of the year shown.

    ProvenanceError when another town's provenance cannot be told."""
    chosen = progress_year(data.town, today, year)
    district = DISTRICT_PAGE if rollup else None
    own = provenance.for_criteria(data.criteria.criteria_for(chosen))
    pages = town_pages(town_site(data, chosen), own, history=_history(data), district=district)
    if rollup:
        pages += _district(data, chosen, rollup, own)
    return pages


def _district(
    data: CheckedData, year: int, folders: Sequence[Path], provenance: Provenance
) -> list[Page]:
    from greencommunity.core.rollup import roll_up, town_result
    from greencommunity.core.years import Day
    from greencommunity.loading.dataset import find_data_dir
    from greencommunity.loading.towns import find_towns
    from greencommunity.provenance import of
    from greencommunity.validation import validate

    pages: list[Page] = []
    results = []
    links: dict[Path, str] = {}
    taken: set[str] = set()
    for folder in find_towns(folders):
        root = find_data_dir(folder)
        result = validate(root)
        town = town_result(folder, result, year)
        results.append(town)
        checked = result.checked()
        if root.resolve() == data.root.resolve():
            links[folder] = "index.html"
        elif checked is not None and town.progress is not None:
            prefix = f"towns/{slug(folder.name, taken)}/"
            theirs = of(root, Day(provenance.as_of, not provenance.built_today))
            theirs = theirs.for_criteria(checked.criteria.criteria_for(year))
            site = town_site(checked, year)
            pages += town_pages(site, theirs, prefix=prefix, district=DISTRICT_PAGE)
            links[folder] = f"{prefix}index.html"
    # The district page sums every town's data: it says the site's own.
    pages.append(district_page(roll_up(year, results), links, provenance, DISTRICT_PAGE))
    return pages
