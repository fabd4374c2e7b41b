"""One run of a command: every choice its options made, parsed once.

A command function declares its options (``cli/options.py``), builds a
``Request`` from them and passes it down; nothing reaches the core through a
module-level switch.  The request answers the questions every command asks
the same way: where the data is, whether the cache is used, whether a person
watches the run (the progress bar), which day the run speaks as of.  Which
*year* a command speaks of is decided by ``core/years.py`` from the request's
year and day.

A new command adds the fields it needs here (with a default, so that other
commands need not name them), its module under ``cli/``, its output registry
and its catalog keys.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from greencommunity import formats

if TYPE_CHECKING:
    from greencommunity.core.years import Day
    from greencommunity.models import Town
    from greencommunity.models.folder import CheckedData
    from greencommunity.provenance import Provenance
    from greencommunity.reporting import Listener


@dataclass(frozen=True)
class Request:
    """What one run of a command asked for."""

    data: Path | None = None  # --data as given (None: found from the current folder)
    cache: bool = True  # not --no-cache
    format: str = formats.TEXT
    output: Path | None = None  # -o/--output: a file or a folder, as the command says
    year: int | None = None  # --year as given (None: core/years.py chooses)
    day: dt.date | None = None  # --as-of / --date as given (None: today)
    paths: tuple[Path, ...] = field(default=())  # the files or folders named, if any
    staged: bool = False  # --staged: the data as the git index holds it

    def root(self) -> Path:
        """The data folder, or exit 2 saying what to do."""
        from greencommunity.cli.options import data_dir

        start = self.paths[0] if self.paths and self.data is None else None
        return data_dir(self.data, start)

    def as_of(self, town: Town | None = None) -> Day:
        """The day the run speaks as of: the one asked for, else today, in the
        zone *town* counts days in (China Standard Time by default)."""
        from greencommunity.core.years import as_of, zone_of

        return as_of(self.day, zone_of(town))

    def provenance(self, data: CheckedData) -> Provenance:
        """What this run's outputs are computed from (the data folder and its
        templates, as of the run's day), or exit 2 saying why it cannot be
        told (git fails, SOURCE_DATE_EPOCH is not a time)."""
        from greencommunity.cli import io
        from greencommunity.documents.environment import override_dirs
        from greencommunity.provenance import ProvenanceError, of

        try:
            return of(data.root, self.as_of(data.town), also=override_dirs(data.root))
        except ProvenanceError as exc:
            io.fail_usage(str(exc))

    def listener(self) -> Listener | None:
        """The progress bar, when a person watches this run's output."""
        from greencommunity.cli.progressbar import Bar, watched

        return Bar() if self.format in formats.FOR_PEOPLE and watched() else None
