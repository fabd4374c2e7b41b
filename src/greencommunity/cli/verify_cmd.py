"""``gc verify DIR [--data REPO]``: is a package what its manifest says, and,
made again from the commit it names, the same bytes?"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from greencommunity import formats
from greencommunity.cli import io
from greencommunity.cli.options import format_option
from greencommunity.cli.request import Request
from greencommunity.i18n import tr
from greencommunity.output.verify import FORMATS


def verify(
    folder: Annotated[
        Path,
        typer.Argument(help="help.verify.dir", metavar="metavar.dir", show_default=False),
    ],
    data: Annotated[
        Path | None,
        typer.Option(
            "--data", help="help.verify.data", metavar="metavar.repository", show_default=False
        ),
    ] = None,
    output_format: Annotated[str, format_option(FORMATS)] = formats.TEXT,
) -> None:
    import tempfile

    from greencommunity.documents import package
    from greencommunity.documents.rebuild import RebuildError, rebuild
    from greencommunity.loading.git import BadRevisionError, GitError
    from greencommunity.output.verify import Verified

    request = Request(data=data, format=output_format, paths=(folder,))
    try:
        manifest = package.read(folder)
        comparison = package.compare(folder, manifest)
    except package.ManifestError as exc:
        io.fail_usage(tr(exc.key, **exc.params))
    except OSError as exc:
        io.fail_usage(tr("verify.unreadable", path=str(folder), detail=exc.strerror or str(exc)))
    if request.data is not None:
        # Made again in a folder of its own, removed afterwards: nothing of the
        # user's is written.
        with tempfile.TemporaryDirectory(prefix="gc-verify-") as scratch:
            try:
                made = rebuild(request.data, manifest, Path(scratch))
            except RebuildError as exc:
                io.fail_usage(tr(exc.key, **exc.params))
            except BadRevisionError:
                commit = manifest.commit or ""
                io.fail_usage(tr("verify.no_such_commit", commit=commit, path=str(request.data)))
            except GitError as exc:
                io.fail_usage(str(exc))
            names = [*package.files_of(folder), *package.files_of(made), package.MANIFEST]
            comparison = replace(comparison, rebuilt=package.differing(folder, made, names))
    verified = Verified(folder, manifest, comparison, rebuilt=request.data is not None)
    io.emit(FORMATS[request.format](verified))
    raise typer.Exit(io.EXIT_OK if comparison.ok else io.EXIT_DATA)
