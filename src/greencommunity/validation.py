"""Validation: load a data folder, run every rule, keep what concerns the asked files.

``validate`` is how a working folder is read, by every command that reads one
(``cli/checked.load_checked`` stops the command on its errors); a git revision
is read by ``loading/git`` and checked, where its problems matter
(``gc diff``), by ``check_dataset``, the step ``validate`` runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from greencommunity.codes import NOT_A_DATA_FILE, UNREADABLE
from greencommunity.diagnostics import Diagnostic, Severity, has_errors
from greencommunity.i18n import tr
from greencommunity.loading import collector
from greencommunity.loading.cache import Cache, context_of, dress, strip
from greencommunity.loading.dataset import CheckedFile, Dataset, Loaded, load_dataset
from greencommunity.loading.document import display_path, followed
from greencommunity.loading.sources import FileSource
from greencommunity.models import Community
from greencommunity.models.folder import CheckedData
from greencommunity.rules import run_rules


@dataclass
class ValidationResult:
    diagnostics: list[Diagnostic]
    files: tuple[CheckedFile, ...]
    dataset: Dataset | None = field(default=None, repr=False)

    @property
    def files_checked(self) -> int:
        return len(self.files)

    @property
    def errors(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity is Severity.WARNING for d in self.diagnostics)

    def stopped(self) -> list[tuple[str, int]]:
        """The files among those with problems whose checking stopped at an
        error (path, line): past it, more problems may wait."""
        if self.dataset is None:
            return []
        shown = {d.path for d in self.diagnostics}
        return sorted((p, line) for p, line in self.dataset.stopped.items() if p in shown)

    def failed(self, *, strict: bool = False) -> bool:
        return has_errors(self.diagnostics, strict=strict)

    def provisional(self) -> tuple[CheckedData, tuple[Diagnostic, ...]] | None:
        """The data without the community files that have errors, and the first
        error of each file left out: figures that are provisional, for a town
        whose other files are sound.  None when an error is anywhere else
        (town.yaml, a criteria file, a folder): then nothing can be computed."""
        dataset = self.dataset
        if dataset is None or dataset.town_model is None:
            return None
        criteria = dataset.criteria_by_year()
        if criteria is None:
            return None
        files = dataset.community_files()
        first: dict[str, Diagnostic] = {}
        for diagnostic in sorted(self.diagnostics):
            if diagnostic.severity is not Severity.ERROR:
                continue
            if diagnostic.path not in files:
                return None
            first.setdefault(diagnostic.path, diagnostic)
        kept = tuple(
            c.sound
            for c in dataset.communities
            if c.sound is not None and c.doc.display not in first
        )
        data = CheckedData(dataset.root, dataset.town_model, criteria, kept)
        return data, tuple(first.values())

    def checked(self) -> CheckedData | None:
        """The data, when every file loaded and no error was found (warnings allowed)."""
        dataset = self.dataset
        if dataset is None or self.errors:
            return None
        town, criteria = dataset.town_model, dataset.criteria_by_year()
        if town is None or criteria is None or any(c.model is None for c in dataset.communities):
            return None
        return CheckedData(dataset.root, town, criteria, tuple(dataset.community_models()))


def placeholders(result: ValidationResult) -> list[Diagnostic]:
    """The placeholders gc init wrote that are still in the data (rule GC317,
    a warning): ``gc report``, ``gc site`` and ``gc rollup`` make nothing from
    a data folder while one remains."""
    from greencommunity.rules.base import code_of
    from greencommunity.rules.town_rules import no_placeholder

    code = code_of(no_placeholder)
    return [d for d in result.diagnostics if d.code == code.id]


def check_dataset(dataset: Dataset, cache: Cache | None = None) -> list[Diagnostic]:
    """All diagnostics of a loaded data folder: load-time ones, then the rules'.

    With *cache*, the one-file rules' findings are taken from it for the files
    whose entry has them for this town and criteria, and stored for the others.
    """
    if cache is None:
        return sorted({*dataset.diagnostics, *run_rules(dataset)})
    context = _rules_context(dataset)
    for community in dataset.communities:
        entry = cache.get(community.key) if community.key is not None else None
        if entry is not None and entry.context == context(community):
            community.rules = dress(entry.rules, community.doc.display)
    found = run_rules(dataset)
    for community in dataset.communities:
        key = community.key
        entry = cache.get(key) if key is not None else None
        if key is not None and entry is not None and community.rules is not None:
            rules = strip(community.rules)
            cache.put(key, replace(entry, context=context(community), rules=rules))
    cache.save()
    return sorted({*dataset.diagnostics, *found})


def _rules_context(dataset: Dataset) -> Callable[[Loaded[Community]], str]:
    """What a file's one-file rule findings depend on besides its content: the
    town file, every criteria file with its name (which sheet is in force in
    a year depends on which years have one: a new criteria/2022.yaml changes
    the findings about 2022), and the file's own path (GC301 compares the id
    with the file name)."""
    shared = [dataset.town.key or "-"] if dataset.town else []
    shared += [
        f"{dataset.relative(loaded.doc.path)}={loaded.key or '-'}"
        for loaded in dataset.criteria_files()
    ]
    shared += [f"unread={year}" for year, loaded in dataset.criteria_years if loaded is None]

    def context(community: Loaded[Community]) -> str:
        return context_of(*shared, dataset.relative(community.doc.path), community.doc.display)

    return context


def validate(
    root: Path,
    paths: Iterable[Path] = (),
    *,
    base: Path | None = None,
    cache: bool = False,
    source: FileSource | None = None,
) -> ValidationResult:
    """Validate the data folder *root*.

    With *paths*, the whole folder is still loaded, since cross-file rules need
    the town and criteria, but only diagnostics located in those files are kept.
    A path outside the folder's known files is reported, not silently skipped.
    With *cache*, what each file gave is kept for the next run
    (``loading.cache``).  With *source*, the files are read through it (the
    git index for ``gc validate --staged``; the folder with the texts an
    import would write laid over it) instead of the disk, and the cache is
    left alone: they are not the disk's.
    """
    store = Cache.for_root(root) if cache and source is None else None
    with collector.paused():
        dataset = load_dataset(root, base=base, cache=store, source=source)
        diagnostics = check_dataset(dataset, store)
    wanted = [Path(p) for p in paths]
    if not wanted:
        return ValidationResult(diagnostics, tuple(dataset.files.values()), dataset)
    known = {followed(p): p for p in dataset.files}
    shown: set[str] = set()
    extra: list[Diagnostic] = []
    for path in wanted:
        resolved = followed(path)
        # Each file as its diagnostics name it (the source shows it: the disk's
        # files relative to the current folder, the git index's to the top).
        if resolved in known:
            shown.add(dataset.files[known[resolved]].path)
        elif path.is_dir():
            inside = [p for r, p in known.items() if r.is_relative_to(resolved)]
            shown.update(dataset.files[p].path for p in inside)
        elif not path.exists():
            message = tr("load.unreadable", detail=tr("load.no_such_file"))
            extra.append(UNREADABLE.at(display_path(path, base), 1, 1, message))
        else:
            message = tr("data.unknown_file", root=display_path(root, base))
            extra.append(NOT_A_DATA_FILE.at(display_path(path, base), 1, 1, message))
    kept = [d for d in diagnostics if d.path in shown] + extra
    files = [file for file in dataset.files.values() if file.path in shown]
    files += [CheckedFile(d.path, None) for d in extra]
    return ValidationResult(sorted(kept), tuple(files), dataset)
