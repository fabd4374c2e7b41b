"""The only place the CLI writes: what a renderer returns, error lines, exit codes.

Exit codes (the contract): 0 success; 1 the data has problems (errors, or
warnings under ``--strict``); 2 wrong usage, no data found, or a file that
cannot be written; 3 a defect of gc itself (``cli/app.py``).
"""

from __future__ import annotations

import errno
import os
import sys
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

# Wide enough that paths and messages are not wrapped mid-word in CI logs.
# (Help screens keep the terminal's width, 80 when piped: cli/wrapping.py
# breaks Chinese help texts so that none is cut.)
PIPE_WIDTH = 200


def console(*, err: bool = False) -> Console:
    from rich.console import Console

    stream = sys.stderr if err else sys.stdout
    width = None if stream.isatty() else PIPE_WIDTH
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
