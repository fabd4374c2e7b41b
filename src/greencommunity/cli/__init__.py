"""Command-line layer: parses options, wires the core, maps results to exit codes."""

from greencommunity import __version__


def version_line() -> str:
    """What ``gc --version`` prints (``entry`` before typer is imported, ``app`` with
    other options: here, so that neither of them imports the other for it): the
    version and, in a package built from a git checkout, the commit (``-dirty``
    with uncommitted changes)."""
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
