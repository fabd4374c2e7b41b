"""The entry point of ``gc`` (and ``greencommunity``, ``python -m greencommunity``).

``gc --version`` alone is answered here, before typer is imported: importing
typer costs several times a bare Python's start-up, and scripts, CI jobs and
bug reports ask for the version.  Everything else goes to the typer app
(``cli/app.py``), which answers ``--version`` too when other options come
with it.
"""

from __future__ import annotations

import sys

from greencommunity.cli import version_line


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(version_line())
        return
    # Here and not above: the fast path must not pay for typer.
    from greencommunity.cli.app import main as run

    run()
