"""Command-line layer: parses options, wires the core, maps results to exit codes."""

from greencommunity import __version__


def version_line() -> str:
    """What ``gc --version`` prints (``entry`` before typer is imported, ``app`` with
    other options): here, so that neither of them imports the other for it."""
    return f"gc {__version__}\n"
