"""What ``gc site`` builds: the town's pages, its history when the data is in
git, and, with ``--rollup``, a district page linking every town's pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from greencommunity.dashboard.build import Page, district_page, slug, town_pages
from greencommunity.dashboard.pages import site_year, town_site
from greencommunity.validation import CheckedData

if TYPE_CHECKING:
    from greencommunity.core.history import History

DISTRICT_PAGE = "district.html"


def _history(data: CheckedData) -> tuple[History, str] | None:
    """The share over the git history and its chart, when the data is in git."""
    from greencommunity.core.history import Snapshot, build_history
    from greencommunity.loading.dataset import load_dataset
    from greencommunity.loading.git import GitError, GitRepo
    from greencommunity.output.history import HistoryReport, svg

    try:
        repo = GitRepo.discover(data.root)
        prefix = repo.prefix_of(data.root)
        commits = repo.log(prefix, "HEAD")
        sources = repo.snapshots([c.sha for c in commits], prefix)
    except GitError:
        return None
    if not commits:
        return None
    snapshots = [
        Snapshot(c, load_dataset(s.root, base=repo.top, source=s) if s is not None else None)
        for c, s in zip(commits, sources, strict=True)
    ]
    history = build_history(snapshots, None, "day")
    return history, svg(HistoryReport(data.town.name, history))


def build_pages(
    data: CheckedData, *, year: int | None, today: dt.date, rollup: Sequence[Path] = ()
) -> list[Page]:
    """Every page of the site: the town at the root, other towns under towns/."""
    chosen = year if year is not None else site_year(data, today)
    district = DISTRICT_PAGE if rollup else None
    found = _history(data)
    history, chart = found if found is not None else (None, None)
    pages = town_pages(
        town_site(data, chosen),
        history=history,
        history_svg=chart,
        district=district,
    )
    if rollup:
        pages += _district(data, chosen, rollup)
    return pages


def _district(data: CheckedData, year: int, folders: Sequence[Path]) -> list[Page]:
    from greencommunity.core.rollup import roll_up, town_result
    from greencommunity.loading.dataset import find_data_dir
    from greencommunity.loading.towns import find_towns
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
            pages += town_pages(town_site(checked, year), prefix=prefix, district=DISTRICT_PAGE)
            links[folder] = f"{prefix}index.html"
    pages.append(district_page(roll_up(year, results), links, DISTRICT_PAGE))
    return pages
