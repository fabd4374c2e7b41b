"""What ``gc site`` builds: the town's pages, its history when the data is in
git, and, with ``--rollup``, a district page linking every town's pages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from greencommunity.dashboard.build import Page, district_page, slug, town_pages
from greencommunity.dashboard.pages import town_site
from greencommunity.models.folder import CheckedData
from greencommunity.towns import CheckedTown, roll_up_towns

if TYPE_CHECKING:
    from greencommunity.history_view import HistoryReport
    from greencommunity.provenance import Provenance

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
    data: CheckedData,
    *,
    year: int,
    provenance: Provenance,
    rollup: Sequence[CheckedTown] = (),
    repeated: Sequence[tuple[str, Path, Path]] = (),
) -> list[Page]:
    """Every page of the site for *year* (``core/years`` chose it): the town at
    the root, with ``--rollup`` the district page and the other towns under
    towns/.  Each says what it was computed from: *provenance* (of *data*; each
    other town's pages, their own data's), for the criteria of the year shown.

    ProvenanceError when another town's provenance cannot be told."""
    from greencommunity.loading.provenance import review_records

    district = DISTRICT_PAGE if rollup else None
    own = provenance.for_criteria(data.criteria.criteria_for(year))
    records = review_records(data.root, data.communities)
    site = town_site(data, year, records)
    pages = town_pages(site, own, history=_history(data), district=district)
    if rollup:
        pages += _district(data, year, rollup, repeated, own)
    return pages


def _district(
    data: CheckedData,
    year: int,
    towns: Sequence[CheckedTown],
    repeated: Sequence[tuple[str, Path, Path]],
    provenance: Provenance,
) -> list[Page]:
    from greencommunity.core.years import Day
    from greencommunity.provenance import of

    rollup = roll_up_towns(year, towns, repeated)
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
            root = result.dataset.root if result.dataset is not None else folder
            theirs = of(root, Day(provenance.as_of, not provenance.built_today))
            theirs = theirs.for_criteria(checked.criteria.criteria_for(year))
            site = town_site(checked, year)
            pages += town_pages(site, theirs, prefix=prefix, district=DISTRICT_PAGE)
            links[folder] = f"{prefix}index.html"
    # The district page sums every town's data: it says the site's own.
    pages.append(district_page(rollup, links, provenance, DISTRICT_PAGE))
    return pages
