"""Who changed the data, from git alone: commits, their authors and verified signers.

``walk(root, revision_range)`` lists the commits of a range that touch the data
folder, oldest first, each with the data as it was there and in its parents,
the ``roles:`` in force (its first parent's town.yaml: what a commit writes
cannot grant its own rights) and its signature as git verified it.

Signatures are verified by git only: for each set of ``roles:`` in force, the
people's SSH keys are written to a temporary ``gpg.ssh.allowedSignersFile``
(one principal per person) and their OpenPGP keys imported into a temporary
GnuPG home, and ``git log`` reports ``%G?`` and the principal or key that
signed.  Nothing here checks a signature itself.

``review_records(root, communities)`` says, for each community's self-evaluation
and reviews, which commit last recorded it: plain values the documents and the
site print ("recorded by … on …").  Outside git it is empty.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from greencommunity.i18n import tr
from greencommunity.loading.dataset import COMMUNITIES_DIR, Dataset, load_dataset
from greencommunity.loading.git import (
    BadRevisionError,
    GitError,
    GitRepo,
    ShallowError,
)
from greencommunity.models import Community
from greencommunity.models.town import Person
from greencommunity.models.types import is_ssh_key

# The sheets of an assessment whose recording is told: the self-evaluation and
# the two reviews (``core/status.STAGES``, which this layer cannot import).
SHEETS: tuple[str, ...] = ("self", "district", "city")
# git's %G? letters for a good signature (U: good, by a key of unknown trust,
# which for SSH means a key not in the allowed signers file: not verified).
GOOD = frozenset({"G"})
BAD = "B"


class UnloadableError(GitError):
    """A commit holds a data file that does not load: its diagnostics are attached."""

    def __init__(self, message: str, dataset: Dataset) -> None:
        super().__init__(message)
        self.dataset = dataset


@dataclass(frozen=True)
class Signature:
    status: str  # git's %G? letter ("N": not signed)
    signer: Person | None  # the person of roles: whose key git verified it with

    @property
    def verified(self) -> bool:
        return self.signer is not None

    @property
    def bad(self) -> bool:
        """A signature that does not match the commit: the commit was altered."""
        return self.status == BAD


UNSIGNED = Signature("N", None)


@dataclass(frozen=True)
class Step:
    """One commit that touched the data folder."""

    commit: str
    parents: tuple[str, ...]
    author: str
    email: str
    time: dt.datetime  # the author's date, with its offset
    subject: str
    after: Dataset | None  # None: no data folder in the commit
    before: tuple[Dataset | None, ...]  # one per parent; () for a root commit
    roles: tuple[Person, ...] | None  # in force: the first parent's; None before any
    signature: Signature

    @property
    def short(self) -> str:
        return self.commit[:8]

    def person(self) -> Person | None:
        """Whom the commit is attributed to: the verified signer, else the
        person of roles: whose e-mail the author gave."""
        if self.signature.signer is not None:
            return self.signature.signer
        if not self.roles:
            return None
        wanted = self.email.casefold()
        return next((p for p in self.roles if p.email.casefold() == wanted), None)


@dataclass(frozen=True)
class Walk:
    repo_top: Path
    prefix: str
    steps: tuple[Step, ...]
    head: Dataset | None  # the data folder at the range's last commit


# ------------------------------------------------------------------------ range


def _ends(repo: GitRepo, revision_range: str | None) -> tuple[str | None, str]:
    """(base commit or None, head commit) of ``A..B``, ``B`` or nothing (HEAD)."""
    shallow = repo.is_shallow()
    text = (revision_range or "HEAD").strip()
    if "..." in text:
        raise BadRevisionError(tr("audit.range_form", range=text))
    base_text, sep, head_text = text.partition("..")
    if not sep:
        base_text, head_text = "", base_text
    head_text = head_text or "HEAD"
    if sep and not base_text:
        raise BadRevisionError(tr("audit.range_form", range=text))
    try:
        head = repo.commit_of(head_text)
    except BadRevisionError:
        if shallow:
            raise ShallowError(tr("audit.shallow_missing", revision=head_text)) from None
        raise
    base = None
    if base_text:
        try:
            base = repo.commit_of(base_text)
        except BadRevisionError:
            if shallow:
                raise ShallowError(tr("audit.shallow_missing", revision=base_text)) from None
            raise
    if shallow:
        if base is None:
            raise ShallowError(tr("audit.shallow_history"))
        # A base fetched on its own (depth 1) is there, but not the commits that
        # join it to the head: the range would reach past it to the clone's edge.
        if not repo.is_ancestor(base, head):
            raise ShallowError(tr("audit.shallow_missing", revision=base_text))
    return base, head


@dataclass(frozen=True)
class _Listed:
    commit: str
    parents: tuple[str, ...]
    author: str
    email: str
    time: dt.datetime
    subject: str


def _listed(repo: GitRepo, base: str | None, head: str, prefix: str) -> list[_Listed]:
    """The commits of the range that touch *prefix*, parents before children.

    ``--full-history`` without parent rewriting: every commit that changed the
    folder on any branch, each with its real parents."""
    walk = ["--full-history", "--topo-order", "--reverse"]
    records = repo.log_fields(
        ("%H", "%P", "%an", "%ae", "%aI", "%s"),
        [*walk, head if base is None else f"{base}..{head}"],
        prefix,
    )
    listed = [
        _Listed(
            sha, tuple(parents.split()), author, email, dt.datetime.fromisoformat(when), subject
        )
        for sha, parents, author, email, when, subject in records
    ]
    return listed


# ------------------------------------------------------------------- signatures


def _roles_key(roles: Sequence[Person]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((p.email, tuple(p.keys)) for p in roles)


def _pgp_fingerprints(gpg: str, home: Path, key: str) -> list[str]:
    shown = subprocess.run(
        [
            gpg,
            "--homedir",
            str(home),
            "--batch",
            "--with-colons",
            "--import-options",
            "show-only",
            "--import",
        ],
        input=key.encode("utf-8"),
        capture_output=True,
        check=False,
        timeout=60,
    )
    lines = shown.stdout.decode("utf-8", errors="replace").splitlines()
    return [line.split(":")[9] for line in lines if line.startswith("fpr:")]


@contextmanager
def _verifier(
    roles: Sequence[Person],
) -> Iterator[tuple[list[str], dict[str, str], dict[str, Person]]]:
    """git settings, environment and principal → person for verifying with *roles*'s keys.

    The files live in a temporary folder removed afterwards: they are git's
    input for one command, not an output of gc."""
    with tempfile.TemporaryDirectory(prefix="gc-audit-") as folder:
        signers = Path(folder) / "allowed_signers"
        by_principal: dict[str, Person] = {}
        lines = []
        pgp: list[tuple[Person, str]] = []
        for index, person in enumerate(roles):
            principal = f"person{index}"
            for key in person.keys:
                if is_ssh_key(key):
                    by_principal[principal] = person
                    kind, blob = key.split()[:2]
                    lines.append(f'{principal} namespaces="git" {kind} {blob}\n')
                else:
                    pgp.append((person, key))
        signers.write_text("".join(lines), encoding="utf-8")
        config = [f"gpg.ssh.allowedSignersFile={signers}"]
        env: dict[str, str] = {}
        gpg = shutil.which("gpg")
        if pgp and gpg is not None:
            home = Path(folder) / "gnupg"
            home.mkdir(mode=0o700)
            for person, key in pgp:
                for fingerprint in _pgp_fingerprints(gpg, home, key):
                    by_principal[fingerprint] = person
                subprocess.run(
                    [gpg, "--homedir", str(home), "--batch", "--import"],
                    input=key.encode("utf-8"),
                    capture_output=True,
                    check=False,
                    timeout=60,
                )
            env["GNUPGHOME"] = str(home)
            config.append(f"gpg.program={gpg}")
        yield config, env, by_principal


def _signatures(
    repo: GitRepo, commits: Sequence[str], roles: Sequence[Person]
) -> dict[str, Signature]:
    """Each commit's signature as git verifies it with *roles*'s keys."""
    with _verifier(roles) as (config, env, by_principal):
        out = repo.git(
            "log",
            "--no-walk=unsorted",
            "--stdin",
            "-z",
            "--format=%H%x1f%G?%x1f%GS%x1f%GF%x1f%GP",
            stdin="".join(f"{c}\n" for c in commits).encode("ascii"),
            config=config,
            env=env,
        )
    found: dict[str, Signature] = {}
    for record in out.decode("utf-8", errors="replace").split("\0"):
        record = record.strip("\n")
        if not record:
            continue
        sha, status, principal, key, primary = [*record.split("\x1f"), "", "", "", ""][:5]
        signer = None
        if status in GOOD:
            signer = (
                by_principal.get(principal) or by_principal.get(key) or by_principal.get(primary)
            )
        found[sha] = Signature(status or "N", signer)
    return found


# ------------------------------------------------------------------------ walk


def _check_loaded(dataset: Dataset | None, commit: str) -> None:
    if dataset is None:
        return
    # The files whose fields gc audit compares: the community files and town.yaml.
    broken = [c.doc.display for c in dataset.communities if c.model is None]
    broken += [
        p
        for p in dataset.unparsed
        if Path(p).parent.name == COMMUNITIES_DIR or Path(p).stem == "town"
    ]
    if dataset.town is not None and dataset.town.model is None:
        broken.insert(0, dataset.town.doc.display)
    if broken:
        message = tr("audit.unloadable", commit=commit[:8], path=sorted(set(broken))[0])
        raise UnloadableError(message, dataset)


def walk(root: Path, revision_range: str | None = None) -> Walk:
    """The commits of *revision_range* (default: the whole history up to HEAD)
    that touch the data folder *root*, with their data, roles and signatures.

    GitError (its subclasses say which) when *root* is not in git, the range
    does not exist, a shallow clone lacks it, or a commit's file does not load."""
    repo = GitRepo.discover(root)
    prefix = repo.prefix_of(root)
    base, head = _ends(repo, revision_range)
    listed = _listed(repo, base, head, prefix)
    wanted = list(
        dict.fromkeys([c for item in listed for c in (*item.parents, item.commit)] + [head])
    )
    try:
        sources = repo.snapshots(wanted, prefix)
    except GitError:
        if repo.is_shallow():
            raise ShallowError(tr("audit.shallow_history")) from None
        raise
    datasets: dict[str, Dataset | None] = {}
    for commit, source in zip(wanted, sources, strict=True):
        datasets[commit] = (
            load_dataset(source.root, base=repo.top, source=source) if source is not None else None
        )
    for item in listed:
        _check_loaded(datasets[item.commit], item.commit)
        for parent in item.parents:
            _check_loaded(datasets[parent], parent)

    def roles_of(commit: str | None) -> tuple[Person, ...] | None:
        dataset = datasets.get(commit) if commit is not None else None
        town = dataset.town_model if dataset is not None else None
        return tuple(town.roles) if town is not None and town.roles else None

    in_force = {item.commit: roles_of(item.parents[0] if item.parents else None) for item in listed}
    groups: dict[object, tuple[tuple[Person, ...], list[str]]] = {}
    for item in listed:
        roles = in_force[item.commit]
        if roles is not None:
            groups.setdefault(_roles_key(roles), (roles, []))[1].append(item.commit)
    signatures: dict[str, Signature] = {}
    for roles, commits in groups.values():
        signatures |= _signatures(repo, commits, roles)
    steps = tuple(
        Step(
            commit=item.commit,
            parents=item.parents,
            author=item.author,
            email=item.email,
            time=item.time,
            subject=item.subject,
            after=datasets[item.commit],
            before=tuple(datasets[p] for p in item.parents),
            roles=in_force[item.commit],
            signature=signatures.get(item.commit, UNSIGNED),
        )
        for item in listed
    )
    return Walk(repo.top, prefix, steps, datasets[head])


# --------------------------------------------------------------------- records


@dataclass(frozen=True)
class Record:
    """Who recorded a sheet: the commit that last changed it."""

    name: str  # the verified signer's name, else the person of roles:, else the author
    email: str
    day: dt.date
    commit: str
    signed: bool  # signed and verified with a key of roles:

    @property
    def short(self) -> str:
        return self.commit[:8]


RecordKey = tuple[str, int, str]  # (community id, year, sheet)


def _sheets(dataset: Dataset | None) -> dict[RecordKey, object]:
    out: dict[RecordKey, object] = {}
    if dataset is None:
        return out
    for community in dataset.community_models():
        for assessment in community.assessments:
            for sheet in SHEETS:
                value = getattr(assessment, sheet)
                if value is not None:
                    out[(community.id, assessment.year, sheet)] = value
    return out


def _record(step: Step) -> Record:
    person = step.person()
    name = person.name if person is not None else step.author
    email = person.email if person is not None else step.email
    return Record(name, email, step.time.date(), step.commit, step.signature.verified)


def records_of(steps: Sequence[Step]) -> dict[RecordKey, Record]:
    """For each sheet, the last step that changed it (a merge only where it
    differs from every parent: what its branches brought is theirs)."""
    records: dict[RecordKey, Record] = {}
    for step in steps:
        after = _sheets(step.after)
        befores = [_sheets(b) for b in step.before] or [{}]
        for key, sheet in after.items():
            if all(b.get(key) != sheet for b in befores):
                records[key] = _record(step)
        for key in set().union(*befores) - set(after):
            records.pop(key, None)
    return records


def sheet_records(
    records: Mapping[RecordKey, Record], community: str, year: int
) -> tuple[tuple[str, Record], ...]:
    """(sheet, record) of a community's sheets of *year* that have a record, self first."""
    return tuple(
        (sheet, records[(community, year, sheet)])
        for sheet in SHEETS
        if (community, year, sheet) in records
    )


def review_records(
    root: Path, communities: Sequence[Community] | None = None, revision: str | None = None
) -> Mapping[RecordKey, Record]:
    """Who recorded each sheet of the data folder *root*, from its git history
    up to *revision* (HEAD by default: a package rebuilt from its commit asks
    for that commit's).

    Empty outside git (or when git cannot tell).  With *communities* (the data
    as it is on disk), a sheet edited since the last commit has no record: who
    will commit it is not known yet."""
    try:
        walked = walk(root, revision)
    except (GitError, OSError):
        return {}
    records = records_of(walked.steps)
    if communities is None:
        return records
    committed = _sheets(walked.head)
    current: dict[RecordKey, object] = {}
    for community in communities:
        for assessment in community.assessments:
            for sheet in SHEETS:
                value = getattr(assessment, sheet)
                if value is not None:
                    current[(community.id, assessment.year, sheet)] = value
    return {k: r for k, r in records.items() if k in current and committed.get(k) == current[k]}
