"""The entry point of ``gc`` (and ``greencommunity``, ``python -m greencommunity``).

``gc --version`` alone is answered here, before typer is imported: importing
typer costs several times a bare Python's start-up, and scripts, CI jobs and
bug reports ask for the version.  Everything else goes to the typer app
(``cli/app.py``), which answers ``--version`` too when other options come
with it.
"""

from __future__ import annotations

import sys

from greencommunity import __version__


def version_line() -> str:
    """What ``gc --version`` prints: the version and, in a package built from
    a git checkout, the commit (``-dirty`` with uncommitted changes)."""
    commit = built_from()
    return f"gc {__version__} ({commit})\n" if commit else f"gc {__version__}\n"


def built_from() -> str | None:
    """The commit the installed package was built from, when setup.py knew it
    (the module it writes into a build; none in a source checkout)."""
    try:
        # __import__ rather than importlib, which the fast path would import.
        build = __import__("greencommunity._build", fromlist=["COMMIT"])
    except ImportError:
        return None
    commit, dirty = getattr(build, "COMMIT", None), getattr(build, "DIRTY", False)
    if not isinstance(commit, str):
        return None
    return commit + "-dirty" if dirty else commit


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(version_line())
        return
    # Here and not above: the fast path must not pay for typer.
    from greencommunity.cli.app import main as run

    run()
