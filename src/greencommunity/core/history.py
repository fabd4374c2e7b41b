"""The town's share against each target year over a list of snapshots (pure).

A snapshot is a commit and the data folder's models as they were there
(``loading.git.load_history`` makes them).  One point per snapshot, or per
day with ``by="day"`` (the day's last snapshot).  Shares are computed with
``progress.compute_progress`` through ``diffing.share_for``, exactly as
``gc progress`` and ``gc diff`` do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from greencommunity.core.diffing import Share, share_for
from greencommunity.core.years import target_years
from greencommunity.models.folder import Commit, Snapshot

By = Literal["commit", "day"]


@dataclass(frozen=True)
class Point:
    commit: Commit
    shares: dict[int, Share | None]  # target year → share (None: not computable there)

    @property
    def day(self) -> dt.date:
        return self.commit.time.date()


@dataclass(frozen=True)
class History:
    years: tuple[int, ...]
    targets: dict[int, float]  # target share per year, as in the latest snapshot defining it
    points: tuple[Point, ...]


def build_history(
    snapshots: Sequence[Snapshot], years: Sequence[int] | None = None, by: By = "commit"
) -> History:
    """Points oldest first.  *years* defaults to every target year ever defined."""
    if by == "day":
        last: dict[dt.date, Snapshot] = {}
        for snapshot in snapshots:
            last[snapshot.commit.time.date()] = snapshot
        snapshots = list(last.values())
    towns = [s.folder.town for s in snapshots if s.folder is not None]
    chosen = tuple(years) if years is not None else tuple(target_years(*towns))
    targets: dict[int, float] = {}
    for town in towns:
        if town is not None:
            targets.update({t.year: t.share for t in town.targets if t.year in chosen})
    points = tuple(
        Point(s.commit, {year: share_for(s.folder, year) for year in chosen}) for s in snapshots
    )
    return History(chosen, targets, points)
