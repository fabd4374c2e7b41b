"""Reading a data folder as it was at a git revision, without checking anything out.

Every git call is a subprocess with an argument list (never a shell), ``git -C
<top>``, and a timeout; every failure becomes a ``GitError`` whose message says
what went wrong and what to do.  A revision's files are listed with ``git
ls-tree -r -z`` and read in one ``git cat-file --batch`` call; blobs are cached
by object id, so walking many commits reads each file version once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from greencommunity.i18n import tr
from greencommunity.loading.dataset import COMMUNITIES_DIR, CRITERIA_DIR, Dataset
from greencommunity.loading.document import Document, NotLoaded
from greencommunity.loading.sources import YAML_SUFFIXES, MemorySource
from greencommunity.models.folder import Commit, Snapshot

GIT_TIMEOUT = 60.0  # seconds for one git call; a data repository answers in milliseconds

_FILE_MODES = {"100644", "100755"}
_LINK_MODE = "120000"


class GitError(Exception):
    """A git operation failed; the message is for the user (exit code 2)."""


class NotARepositoryError(GitError):
    pass


class BadRevisionError(GitError):
    pass


class ShallowError(GitError):
    """A shallow clone lacks commits the request needs; the message says what to fetch."""


@dataclass(frozen=True)
class Revision:
    """Which commit a data folder's files are, and whether they are only that.

    ``commit`` is the last commit that touched the folders asked about (the
    data folder and its templates), so a commit elsewhere in the repository
    does not change what the documents say they were made from; None before
    the first commit.  ``changed`` lists the paths under those folders (from
    the top of the work tree) whose files differ from HEAD: modified, added,
    deleted, untracked, in git's order."""

    commit: str | None
    time: dt.datetime | None  # the commit's committer time, with its offset
    changed: tuple[str, ...]
    top: Path  # the work tree
    prefix: str  # the data folder, from the top ("" for the top itself)

    @property
    def short(self) -> str | None:
        return self.commit[:SHORT] if self.commit is not None else None

    @property
    def dirty(self) -> bool:
        return bool(self.changed)


# Characters of a commit id shown to people (as git's own short ids).
SHORT = 8


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    # Messages we parse must not be translated; git must never wait for a password.
    env.update({"LC_ALL": "C", "LANGUAGE": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat"})
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    return env


def _run_git(
    cwd: Path,
    args: Sequence[str],
    *,
    stdin: bytes | None = None,
    timeout: float = GIT_TIMEOUT,
    config: Sequence[str] = (),
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    settings = [part for setting in config for part in ("-c", setting)]
    command = ["git", "-C", str(cwd), "-c", "core.quotepath=off", *settings, *args]
    try:
        return subprocess.run(
            command,
            input=stdin,
            capture_output=True,
            timeout=timeout,
            check=False,
            env={**_environment(), **(env or {})},
        )
    except FileNotFoundError:
        raise GitError(tr("git.not_installed")) from None
    except subprocess.TimeoutExpired:
        raise GitError(tr("git.timeout", command=" ".join(args[:2]), seconds=timeout)) from None
    except OSError as exc:
        raise GitError(tr("git.failed", command=args[0], detail=exc.strerror or str(exc))) from None


def _detail(result: subprocess.CompletedProcess[bytes]) -> str:
    text = result.stderr.decode("utf-8", errors="replace").strip()
    return text.splitlines()[-1] if text else f"exit {result.returncode}"


@dataclass
class GitRepo:
    """A git work tree, found from any folder inside it."""

    top: Path
    _blobs: dict[str, bytes] = field(default_factory=dict, repr=False)
    _parsed: dict[tuple[str, bytes], Document | NotLoaded] = field(default_factory=dict, repr=False)

    @classmethod
    def discover(cls, start: Path) -> GitRepo:
        folder = start if start.is_dir() else start.parent
        result = _run_git(folder, ["rev-parse", "--show-toplevel"])
        if result.returncode != 0:
            raise NotARepositoryError(tr("git.not_a_repository", path=str(start)))
        top = result.stdout.decode("utf-8", errors="surrogateescape").strip()
        return cls(Path(top))

    def git(
        self,
        *args: str,
        stdin: bytes | None = None,
        config: Sequence[str] = (),
        env: dict[str, str] | None = None,
    ) -> bytes:
        result = _run_git(self.top, args, stdin=stdin, config=config, env=env)
        if result.returncode != 0:
            raise GitError(tr("git.failed", command=" ".join(args[:2]), detail=_detail(result)))
        return result.stdout

    def prefix_of(self, folder: Path) -> str:
        """*folder* relative to the top of the work tree, as a posix path ('' for the top)."""
        try:
            rel = folder.resolve().relative_to(self.top.resolve())
        except ValueError:
            message = tr("git.outside_repository", path=str(folder), top=str(self.top))
            raise GitError(message) from None
        text = rel.as_posix()
        return "" if text == "." else text

    def commit_of(self, revision: str) -> str:
        """The full commit id *revision* names, or BadRevisionError."""
        if not revision.strip() or revision.startswith("-"):
            raise BadRevisionError(tr("git.bad_revision", revision=revision))
        result = _run_git(self.top, ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"])
        if result.returncode != 0:
            raise BadRevisionError(tr("git.bad_revision", revision=revision))
        return result.stdout.decode("ascii").strip()

    def is_shallow(self) -> bool:
        """Whether this is a shallow clone (part of the history is not here)."""
        return self.git("rev-parse", "--is-shallow-repository").strip() == b"true"

    def is_ancestor(self, ancestor: str, commit: str) -> bool:
        """Whether *ancestor* is reachable from *commit* in the history that is here."""
        result = _run_git(self.top, ["merge-base", "--is-ancestor", ancestor, commit])
        return result.returncode == 0

    def log_fields(
        self, fields: Sequence[str], options: Sequence[str], prefix: str
    ) -> list[list[str]]:
        """``git log`` of the commits that touch *prefix* (*options*: the range
        and how to walk it), each commit as the values of the placeholders
        *fields* (``%H``, ``%cI``…), in git's order."""
        args = ["log", "-z", "--format=" + "%x1f".join(fields), *options]
        if prefix:
            args += ["--", prefix]
        out = self.git(*args).decode("utf-8", errors="replace")
        padding = [""] * len(fields)
        return [
            [*record.strip("\n").split("\x1f"), *padding][: len(fields)]
            for record in out.split("\0")
            if record.strip("\n")
        ]

    def log(self, prefix: str, revision: str = "HEAD") -> list[Commit]:
        """Commits on the first-parent line of *revision* that touch *prefix*, oldest first."""
        records = self.log_fields(
            ("%H", "%cI", "%s"), ["--first-parent", self.commit_of(revision)], prefix
        )
        commits = [
            Commit(sha, dt.datetime.fromisoformat(when), subject) for sha, when, subject in records
        ]
        commits.reverse()
        return commits

    def _listing(self, args: list[str], prefix: str) -> Iterator[tuple[list[str], str]]:
        """The records git lists for *args* (``ls-tree``, ``ls-files --stage``,
        with ``-z``) under *prefix*: their fields and their paths relative to it."""
        if prefix:
            args = [*args, "--", prefix]
        base = f"{prefix}/" if prefix else ""
        for record in self.git(*args).split(b"\0"):
            if not record:
                continue
            meta, _, raw_path = record.partition(b"\t")
            path = raw_path.decode("utf-8", errors="surrogateescape")
            if path.startswith(base):
                yield meta.decode("ascii").split(" "), path[len(base) :]

    def _tree(self, commit: str, prefix: str) -> list[tuple[str, str, str]]:
        """(mode, object id, path relative to *prefix*) of every blob under *prefix*."""
        args = ["ls-tree", "-r", "-z", "--full-tree", commit]
        return [
            (mode, sha, path)
            for (mode, kind, sha), path in self._listing(args, prefix)
            if kind == "blob"
        ]

    def read_blobs(self, shas: Iterable[str]) -> dict[str, bytes]:
        """The contents of *shas*, read with one ``git cat-file --batch`` call."""
        wanted = sorted({s for s in shas if s not in self._blobs})
        if wanted:
            out = self.git("cat-file", "--batch", stdin="".join(f"{s}\n" for s in wanted).encode())
            position = 0
            for _ in wanted:
                end = out.index(b"\n", position)
                header = out[position:end].decode("ascii").split(" ")
                position = end + 1
                if len(header) < 3 or header[1] == "missing":
                    raise GitError(tr("git.failed", command="cat-file", detail=" ".join(header)))
                size = int(header[2])
                self._blobs[header[0]] = out[position : position + size]
                position += size + 1
        return {s: self._blobs[s] for s in shas}

    def snapshot(self, commit: str, prefix: str) -> MemorySource | None:
        """The data folder *prefix* as it is in *commit*; None when it has no files there."""
        return self.snapshots([commit], prefix)[0]

    def _index(self, prefix: str) -> list[tuple[str, str, str]]:
        """(mode, object id, path relative to *prefix*) of every file the index
        holds under *prefix*: what the next commit would hold.  A file in an
        unresolved merge (stages 1 to 3) is a GitError naming it."""
        entries = []
        for (mode, sha, stage), path in self._listing(["ls-files", "--stage", "-z"], prefix):
            if stage != "0":
                raise GitError(tr("git.unmerged", path=path))
            if mode != "160000":  # a submodule holds no data file
                entries.append((mode, sha, path))
        return entries

    def staged(self, prefix: str) -> MemorySource | None:
        """The data folder *prefix* as the index holds it (what ``git commit``
        would record); None when the index has no file there."""
        return self._sources([self._index(prefix)], prefix)[0]

    def snapshots(self, commits: Sequence[str], prefix: str) -> list[MemorySource | None]:
        return self._sources([self._tree(c, prefix) for c in commits], prefix)

    def _sources(
        self, trees: Sequence[list[tuple[str, str, str]]], prefix: str
    ) -> list[MemorySource | None]:
        """A source for each list of (mode, object id, path) entries."""
        needed = {sha for tree in trees for mode, sha, path in tree if _must_read(mode, path)}
        blobs = self.read_blobs(needed)
        root = self.top / prefix if prefix else self.top
        sources: list[MemorySource | None] = []
        for tree in trees:
            if not tree:
                sources.append(None)
                continue
            files: dict[str, bytes | None] = {}
            links: dict[str, str] = {}
            for mode, sha, path in tree:
                if mode == _LINK_MODE:
                    links[path] = blobs[sha].decode("utf-8", errors="surrogateescape")
                elif mode in _FILE_MODES:
                    files[path] = blobs[sha] if _must_read(mode, path) else None
            sources.append(MemorySource(root, files, links, prefix, self._parsed))
        return sources


def data_revision(root: Path, also: Sequence[Path] = ()) -> Revision | None:
    """The revision of the data folder *root* and of the folders *also* (its
    templates) inside the same work tree; None when *root* is not in a git
    work tree or git is not installed (the folder is then "not in git")."""
    try:
        repo = GitRepo.discover(root)
    except NotARepositoryError:
        return None
    except GitError:
        if shutil.which("git") is None:
            return None
        raise
    prefix = repo.prefix_of(root)
    paths = [prefix or "."]
    for folder in also:
        try:
            paths.append(repo.prefix_of(folder) or ".")
        except GitError:
            continue  # outside the work tree: not part of this revision
    status = repo.git("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths)
    changed = _status_paths(status)
    head = _run_git(repo.top, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
    if head.returncode != 0:
        return Revision(None, None, changed, repo.top, prefix)
    out = repo.git("log", "-1", "--format=%H%x1f%cI", "HEAD", "--", *paths).decode("ascii")
    if not out.strip():
        return Revision(None, None, changed, repo.top, prefix)
    sha, when = out.strip().split("\x1f")
    return Revision(sha, dt.datetime.fromisoformat(when), changed, repo.top, prefix)


def commit_time(repo: GitRepo, commit: str) -> dt.datetime:
    """The committer time of *commit*, with its offset."""
    out = repo.git("show", "-s", "--format=%cI", commit).decode("ascii").strip()
    return dt.datetime.fromisoformat(out)


def export(repo: GitRepo, commit: str, prefixes: Sequence[str], target: Path) -> None:
    """The files of *commit* under each of *prefixes* ("" for the top), written
    under *target* at the same paths, byte for byte as git stores them (no
    filters, no attributes): the repository, its work tree and its branches
    are only read.  A link is made a link where the system allows it."""
    base = target.resolve()
    for prefix in prefixes:
        tree = repo._tree(commit, prefix)
        kept = _FILE_MODES | {_LINK_MODE}
        blobs = repo.read_blobs({sha for mode, sha, _ in tree if mode in kept})
        for mode, sha, path in tree:
            destination = target / prefix / path if prefix else target / path
            if not destination.resolve().is_relative_to(base):
                continue  # git refuses such paths; never write outside target
            destination.parent.mkdir(parents=True, exist_ok=True)
            if mode == _LINK_MODE:
                with contextlib.suppress(OSError):
                    destination.symlink_to(blobs[sha].decode("utf-8", errors="surrogateescape"))
            elif mode in _FILE_MODES:
                destination.write_bytes(blobs[sha])


def _status_paths(out: bytes) -> tuple[str, ...]:
    """The paths of ``git status --porcelain=v1 -z`` (a rename's new path)."""
    records = out.split(b"\0")
    paths: list[str] = []
    index = 0
    while index < len(records):
        record = records[index]
        index += 1
        if len(record) < 4:
            continue
        paths.append(record[3:].decode("utf-8", errors="surrogateescape"))
        if record[:1] in (b"R", b"C"):
            index += 1  # the path it was renamed or copied from
    return tuple(paths)


def _must_read(mode: str, path: str) -> bool:
    """Whether the loader needs a blob's bytes (YAML data files and symlink targets)."""
    if mode == _LINK_MODE:
        return True
    pure = PurePosixPath(path)
    if pure.suffix not in YAML_SUFFIXES:
        return False
    return len(pure.parts) == 1 or (
        len(pure.parts) == 2 and pure.parts[0] in (COMMUNITIES_DIR, CRITERIA_DIR)
    )


def load_revision(repo: GitRepo, commit: str, prefix: str) -> Dataset | None:
    """The dataset of *commit*; None when the data folder did not exist there."""
    from greencommunity.loading.dataset import load_dataset

    source = repo.snapshot(commit, prefix)
    if source is None:
        return None
    return load_dataset(source.root, base=repo.top, source=source)


def load_history(root: Path, revision: str = "HEAD") -> list[Snapshot]:
    """The data folder *root* at every commit up to *revision* that touched it,
    oldest first, as models (its share is all a history counts); GitError when
    there is no repository or no such commit."""
    from greencommunity.loading.dataset import load_dataset

    repo = GitRepo.discover(root)
    prefix = repo.prefix_of(root)
    commits = repo.log(prefix, revision)
    if not commits:
        raise GitError(tr("history.empty", prefix=prefix or "."))
    sources = repo.snapshots([c.sha for c in commits], prefix)
    return [
        Snapshot(c, load_dataset(s.root, base=repo.top, source=s).models() if s else None)
        for c, s in zip(commits, sources, strict=True)
    ]
