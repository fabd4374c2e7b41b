"""The only place the CLI writes: what a renderer returns, error lines, exit codes;
and the only place a rich ``Console`` is made (``plain`` renders for a file).

Exit codes (the contract): 0 success; 1 the data has problems (errors, or
warnings under ``--strict``); 2 wrong usage, no data found, or a file that
cannot be written; 3 a defect of gc itself (``cli/app.py``).
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from greencommunity.i18n import tr

if TYPE_CHECKING:
    from rich.console import Console

    from greencommunity.output import Rendered

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

# A pipe's width when COLUMNS does not say, as for help screens
# (cli/wrapping.py).  Lines of problems and messages are not wrapped at it
# (soft wrap: a path is never broken in a CI log); tables and the views'
# prose are laid out within it (output/layout.py).
PIPE_WIDTH = 80


def pipe_width() -> int:
    """How wide a view written to a pipe or a file is: ``COLUMNS`` when it is a
    width, else 80, as for a terminal that does not say."""
    columns = os.environ.get("COLUMNS", "").strip()
    return int(columns) if columns.isdigit() and int(columns) > 0 else PIPE_WIDTH


def console(*, err: bool = False) -> Console:
    from rich.console import Console

    stream = sys.stderr if err else sys.stdout
    width = None if stream.isatty() else pipe_width()
    return Console(file=stream, highlight=False, soft_wrap=True, width=width)


def emit(rendered: Rendered, *, err: bool = False) -> None:
    """Write a renderer's result: text as it is, a rich renderable to the console.

    Output that cannot be written (a full disk, a closed standard output) is a
    usage error that says so, not a defect of gc."""
    try:
        if isinstance(rendered, str):
            if err:
                write_err(rendered)
            elif sys.stdout is None:
                raise OSError(errno.EBADF, os.strerror(errno.EBADF))
            else:
                sys.stdout.write(rendered)
                sys.stdout.flush()
            return
        console(err=err).print(rendered)
    except OSError as exc:
        _drop_stdout()
        fail_usage(tr("cli.cannot_write_output", detail=exc.strerror or str(exc)))


def _drop_stdout() -> None:
    """What could not be written is thrown away: Python would try again when
    it exits, and fail, after the message."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        if sys.stdout is not None:
            os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        sys.stdout = None


def plain(rendered: Rendered) -> str:
    """What a renderer returned, as plain text (for a file: no colours)."""
    if isinstance(rendered, str):
        return rendered
    if isinstance(rendered, bytes):
        raise TypeError("a file format has no plain text")
    from rich.console import Console

    from greencommunity.output import FILE_WIDTH

    console = Console(width=FILE_WIDTH, no_color=True, highlight=False, record=True)
    with console.capture() as captured:
        console.print(rendered)
    return captured.get()


def write_err(text: str) -> None:
    sys.stderr.write(text)
    sys.stderr.flush()


def error_line(message: str) -> str:
    """ "错误：message" — every error the CLI reports starts so."""
    return tr("cli.error_label") + message


def fail(message: str, code: int) -> NoReturn:
    """Report *message* as an error on stderr and stop with *code*."""
    write_err(error_line(message) + "\n")
    raise typer.Exit(code)


def fail_usage(message: str) -> NoReturn:
    """Wrong usage or no data: exit code 2."""
    fail(message, EXIT_USAGE)


def fail_data(message: str) -> NoReturn:
    """The data has problems: exit code 1."""
    fail(message, EXIT_DATA)


def cannot_write(path: object, exc: OSError) -> NoReturn:
    fail_usage(tr("cli.cannot_write", path=str(path), detail=exc.strerror or str(exc)))


def deliver(rendered: Rendered, output: Path | None, output_format: str) -> None:
    """What a renderer returned, to the terminal or, with ``-o/--output``, into
    that one file (plain text, or the bytes of a file format, written whole).
    A file format without ``--output`` is a usage error: bytes on a terminal
    help nobody."""
    from greencommunity import atomic

    if output is None:
        if isinstance(rendered, bytes):
            fail_usage(tr("output.need_file", format=output_format))
        emit(rendered)
        return
    data = rendered if isinstance(rendered, bytes) else plain(rendered).encode("utf-8")
    try:
        atomic.write_bytes(output, data)
    except OSError as exc:
        cannot_write(output, exc)
    emit(tr("output.written", path=str(output)) + "\n")
