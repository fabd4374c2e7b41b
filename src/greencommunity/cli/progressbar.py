"""A progress bar for long jobs, for a person watching a terminal.

Shown on stderr only when both output streams are a terminal, CI is not set
(``CI`` as GitHub and most CI services set it), and the output format is one a
person reads (``formats.FOR_PEOPLE``: ``cli/request.Request.listener``); and
only once a job has run for ``DELAY`` seconds, so quick commands never flash
one.  It disappears when the job ends.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

from greencommunity.i18n import tr

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

DELAY = 1.0


def watched() -> bool:
    """A person is watching: terminals on both streams, outside CI."""
    in_ci = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
    return not in_ci and sys.stdout.isatty() and sys.stderr.isatty()


class Bar:
    """A ``reporting.Listener`` drawing a rich progress bar after ``DELAY`` seconds."""

    def __init__(self) -> None:
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._total = 0
        self._done = 0
        self._what = ""
        self._started = 0.0

    def begin(self, total: int, what: str) -> None:
        self._total, self._done, self._what = total, 0, what
        self._started = time.monotonic()

    def advance(self, steps: int) -> None:
        self._done += steps
        if self._progress is None:
            if time.monotonic() - self._started < DELAY or self._done >= self._total:
                return
            self._show()
        assert self._progress is not None and self._task is not None
        self._progress.update(self._task, completed=self._done)

    def _show(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        from greencommunity.cli import io

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=io.console(err=True),
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(tr(self._what), total=self._total)

    def end(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
