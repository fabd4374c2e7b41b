"""Building the site: pages as text, then written into a folder, atomically.

A site folder is the tool's own: ``.gc-site.json`` lists the files it wrote,
so a rebuild removes the pages of communities that no longer exist and never
touches a file it did not write; a non-empty folder without that list is
refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from greencommunity import atomic
from greencommunity.charts.progress_chart import progress_chart
from greencommunity.dashboard.pages import TownSite
from greencommunity.dashboard.render import environment, render
from greencommunity.i18n import tr

if TYPE_CHECKING:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from greencommunity.core.rollup import Rollup
    from greencommunity.history_view import HistoryReport
    from greencommunity.provenance import Provenance

MANIFEST = ".gc-site.json"
MANIFEST_VERSION = 1


class SiteFolderError(Exception):
    """The output folder holds files the site did not write (a usage error)."""


@dataclass(frozen=True)
class Page:
    path: str  # within the site, "/"-separated
    text: str


def _root(path: str) -> str:
    """The relative way back to the site's root from *path*: "", "../" …"""
    return "../" * (len(PurePosixPath(path).parts) - 1)


def _page(
    env: ImmutableSandboxedEnvironment,
    path: str,
    template: str,
    prefix: str = "",
    **context: object,
) -> Page:
    """A page at *prefix* + *path*: ``home`` leads back to its town's first page,
    ``root`` to the site's."""
    full = prefix + path
    return Page(full, render(env, template, root=_root(full), home=_root(path), **context))


_SAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")


def slug(name: str, taken: set[str]) -> str:
    """A folder name for a town's pages: its folder's name, made safe and unique."""
    base = _SAFE_NAME.sub("-", name).strip("-") or "town"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def town_pages(
    site: TownSite,
    provenance: Provenance,
    *,
    prefix: str = "",
    history: HistoryReport | None = None,
    district: str | None = None,
) -> list[Page]:
    """Every page of one town's site, under *prefix* ("" or "towns/<slug>/"),
    each saying what it was computed from (*provenance*)."""
    env = environment()
    common = {
        "site": site,
        "has_history": history is not None,
        "district": district,
        "provenance": provenance,
    }
    lists = site.list_pages()
    # The words _chart.html.j2 writes before each target's share, measured with it.
    words = tr("site.chart.target", target="")
    chart = progress_chart(site.standings, target_words=words)
    pages = [_page(env, "index.html", "index.html.j2", prefix, chart=chart, **common)]
    for number, rows in enumerate(lists, 1):
        path = f"communities/page-{number}.html"
        pages.append(
            _page(
                env,
                path,
                "list.html.j2",
                prefix,
                rows=rows,
                number=number,
                pages=len(lists),
                **common,
            )
        )
    for page in site.pages:
        path = f"communities/{page.row.id}.html"
        pages.append(_page(env, path, "community.html.j2", prefix, page=page, **common))
    pages.append(_page(env, "passed.html", "passed.html.j2", prefix, **common))
    pages.append(_page(env, "search.js", "search.js.j2", prefix, **common))
    if history is not None:
        from greencommunity import history_view as shown

        pages.append(
            _page(
                env,
                "history.html",
                "history.html.j2",
                prefix,
                svg=shown.svg(history),
                caption=shown.title(history),
                columns=shown.year_columns(history),
                rows=shown.rows(history),
                **common,
            )
        )
    return pages


def district_page(
    rollup: Rollup,
    links: dict[Path, str],
    provenance: Provenance | None = None,
    path: str = "district.html",
) -> Page:
    """The district's (or city's) page: every town's standing, linked to its
    pages; with *provenance* (gc site's: the town whose site it is), it says
    what it was computed from (``gc rollup --format html`` has none to say)."""
    env = environment()
    return _page(env, path, "district.html.j2", rollup=rollup, links=links, provenance=provenance)


def _manifest(output: Path) -> list[str] | None:
    path = output / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return None
    files = data.get("files")
    return [f for f in files if isinstance(f, str)] if isinstance(files, list) else None


def write_site(output: Path, pages: Sequence[Page]) -> tuple[list[Path], list[Path]]:
    """Write *pages* into *output*; (written, removed).

    Pages of the previous build that this build does not make (a community
    removed from the data) are removed; nothing else is.
    """
    previous = _manifest(output) if output.is_dir() else None
    if previous is None and output.is_dir() and any(output.iterdir()):
        raise SiteFolderError(str(output))
    written = []
    for page in pages:
        path = output / page.path
        atomic.write_text(path, page.text)
        written.append(path)
    current = {page.path for page in pages}
    removed = []
    for stale in sorted(set(previous or ()) - current):
        path = output / stale
        # Only files inside the site folder, and only those the list names.
        if path.resolve().is_relative_to(output.resolve()) and path.is_file():
            path.unlink()
            removed.append(path)
    manifest = {"version": MANIFEST_VERSION, "files": sorted(current)}
    atomic.write_text(output / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return written, removed
