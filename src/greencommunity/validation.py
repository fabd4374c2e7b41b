"""Validation: load a data folder, run every rule, keep what concerns the asked files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from greencommunity.codes import NOT_A_DATA_FILE, UNREADABLE
from greencommunity.diagnostics import Diagnostic, Severity, has_errors
from greencommunity.i18n import tr
from greencommunity.loading.dataset import Dataset, load_dataset
from greencommunity.loading.document import display_path
from greencommunity.models import Community, Criteria, Town
from greencommunity.rules import run_rules


@dataclass(frozen=True)
class CheckedData:
    """A data folder without errors: what progress, scores and documents use."""

    root: Path
    town: Town
    criteria: Criteria
    communities: tuple[Community, ...]


@dataclass
class ValidationResult:
    diagnostics: list[Diagnostic]
    files_checked: int
    dataset: Dataset | None = field(default=None, repr=False)

    @property
    def errors(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity is Severity.WARNING for d in self.diagnostics)

    def failed(self, *, strict: bool = False) -> bool:
        return has_errors(self.diagnostics, strict=strict)

    def checked(self) -> CheckedData | None:
        """The data, when every file loaded and no error was found (warnings allowed)."""
        dataset = self.dataset
        if dataset is None or self.errors:
            return None
        town, criteria = dataset.town_model, dataset.criteria_model
        if town is None or criteria is None or any(c.model is None for c in dataset.communities):
            return None
        return CheckedData(dataset.root, town, criteria, tuple(dataset.community_models()))


def check_dataset(dataset: Dataset) -> list[Diagnostic]:
    """All diagnostics of a loaded data folder: load-time ones, then the rules'."""
    return sorted({*dataset.diagnostics, *run_rules(dataset)})


def validate(
    root: Path, paths: Iterable[Path] = (), *, base: Path | None = None
) -> ValidationResult:
    """Validate the data folder *root*.

    With *paths*, the whole folder is still loaded, since cross-file rules need
    the town and criteria, but only diagnostics located in those files are kept.
    A path outside the folder's known files is reported, not silently skipped.
    """
    dataset = load_dataset(root, base=base)
    diagnostics = check_dataset(dataset)
    wanted = [Path(p) for p in paths]
    if not wanted:
        return ValidationResult(diagnostics, len(dataset.files), dataset)
    known = {p.resolve(): p for p in dataset.files}
    shown: set[str] = set()
    extra: list[Diagnostic] = []
    for path in wanted:
        resolved = path.resolve()
        if resolved in known:
            shown.add(display_path(known[resolved], base))
        elif path.is_dir():
            inside = [p for r, p in known.items() if r.is_relative_to(resolved)]
            shown.update(display_path(p, base) for p in inside)
        elif not path.exists():
            message = tr("load.unreadable", detail=tr("load.no_such_file"))
            extra.append(UNREADABLE.at(display_path(path, base), 1, 1, message))
        else:
            message = tr("data.unknown_file", root=display_path(root, base))
            extra.append(NOT_A_DATA_FILE.at(display_path(path, base), 1, 1, message))
    kept = [d for d in diagnostics if d.path in shown] + extra
    return ValidationResult(sorted(kept), len(shown) + len(extra), dataset)
