"""A package made again from the commit its manifest names (``gc verify --data``).

The data folder and its templates are read out of the repository at that
commit (``loading/git.export``: git's own bytes, into a temporary folder; the
user's work tree, index and branches are only read), loaded and checked, and
the package is written again with the options its manifest records, as of
the same day, with the same ``SOURCE_DATE_EPOCH``: a document edited
together with its manifest line then differs from the one made again.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from greencommunity import __version__
from greencommunity.core import years
from greencommunity.documents.environment import TEMPLATES_DIR
from greencommunity.documents.package import Manifest, write
from greencommunity.documents.planning import Request, plan_documents
from greencommunity.documents.render import Renderer
from greencommunity.loading.git import GitRepo, Revision, commit_time, export
from greencommunity.loading.provenance import review_records
from greencommunity.provenance import Provenance
from greencommunity.validation import placeholders, validate


class RebuildError(Exception):
    """The package cannot be made again: a catalog key and its parameters."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def rebuild(repository: Path, manifest: Manifest, scratch: Path) -> Path:
    """The package of *manifest* made again from *repository* in *scratch*
    (an empty temporary folder); the folder it was written to.

    RebuildError when it cannot be; GitError when git fails (the commit not
    in the repository: BadRevisionError)."""
    if manifest.commit is None or manifest.data_path is None:
        raise RebuildError("verify.no_commit")
    if manifest.uncommitted:
        raise RebuildError("verify.uncommitted", count=len(manifest.uncommitted))
    if manifest.version != __version__:
        raise RebuildError("verify.other_version", made=manifest.version, running=__version__)
    repo = GitRepo.discover(repository)
    commit = repo.commit_of(manifest.commit)
    prefix = manifest.data_path
    tree = scratch / "tree"
    parent = PurePosixPath(prefix).parent.as_posix() if prefix else None
    # The data folder and the templates beside it (documents/environment.override_dirs).
    folders = [prefix]
    if parent is not None:
        folders.append(TEMPLATES_DIR if parent == "." else f"{parent}/{TEMPLATES_DIR}")
    export(repo, commit, folders, tree)
    root = tree / prefix if prefix else tree
    if not (root / "town.yaml").is_file():
        raise RebuildError("verify.no_data", commit=commit[:8], path=prefix or ".")
    result = validate(root)
    checked = result.checked()
    if checked is None or placeholders(result):
        raise RebuildError("verify.data_invalid", commit=commit[:8])
    committed = commit_time(repo, commit)
    epoch = manifest.source_date_epoch
    environ = {years.EPOCH_VARIABLE: str(epoch)} if epoch is not None else {}
    provenance = Provenance(
        Revision(manifest.commit, committed, (), tree, prefix),
        manifest.as_of,
        years.stamp(committed, manifest.as_of, environ),
        built_today=manifest.date is None,
    )
    # Who recorded each sheet, as the repository knew it at that commit (the
    # exported copy is no repository).
    data_folder = repo.top / prefix if prefix else repo.top
    request = Request(
        manifest.kind,
        year=manifest.year,
        issued=manifest.date,
        format=manifest.format,
        records=review_records(data_folder, checked.communities, commit),
        provenance=provenance,
        today=manifest.as_of,
    )
    plan = plan_documents(request, checked)
    out = scratch / "package"
    write(
        plan,
        Renderer(root),
        manifest.format,
        out,
        date=manifest.date,
        epoch=years.source_date_epoch(environ),
    )
    return out
