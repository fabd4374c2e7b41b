"""Finding a data folder and loading all of it into models plus diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.i18n import tr
from greencommunity.models import Community, Criteria, Town
from greencommunity.schema_errors import schema_diagnostics
from greencommunity.yamlio import Document, display_path, load_document

M = TypeVar("M", bound=BaseModel)

TOWN_FILE = "town.yaml"
CRITERIA_FILE = "criteria.yaml"
COMMUNITIES_DIR = "communities"
EVIDENCE_DIR = "evidence"
YAML_SUFFIXES = (".yaml", ".yml")


class DataNotFoundError(Exception):
    """No data folder where one was asked for or looked for (exit code 2)."""


def find_data_dir(explicit: Path | None = None, start: Path | None = None) -> Path:
    """The data folder: *explicit* (a data folder or a repo containing data/),
    else the first folder walking up from *start* that is or holds one."""
    if explicit is not None:
        for candidate in (explicit, explicit / "data"):
            if (candidate / TOWN_FILE).is_file():
                return candidate
        raise DataNotFoundError(tr("data.not_found_at", path=str(explicit)))
    here = (start or Path.cwd()).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        for candidate in (folder, folder / "data"):
            if (candidate / TOWN_FILE).is_file():
                return candidate
    raise DataNotFoundError(tr("data.not_found", path=str(start or Path.cwd())))


@dataclass
class Loaded(Generic[M]):
    """A file's document and, when it passed the schema, its model."""

    doc: Document
    model: M | None


@dataclass
class Dataset:
    root: Path
    town: Loaded[Town] | None = None
    criteria: Loaded[Criteria] | None = None
    communities: list[Loaded[Community]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def town_model(self) -> Town | None:
        return self.town.model if self.town else None

    @property
    def criteria_model(self) -> Criteria | None:
        return self.criteria.model if self.criteria else None

    def community_models(self) -> list[Community]:
        return [c.model for c in self.communities if c.model is not None]

    def community_file(self, stem: str) -> Loaded[Community] | None:
        return next((c for c in self.communities if c.doc.path.stem == stem), None)


def _load_model(path: Path, model: type[M], into: Dataset, base: Path | None) -> Loaded[M] | None:
    into.files.append(path)
    if path.is_symlink() and not path.resolve().is_relative_to(into.root.resolve()):
        into.diagnostics.append(
            Diagnostic(
                display_path(path, base), 1, 1, "GC109", Severity.ERROR, tr("load.symlink_outside")
            )
        )
        return None
    loaded = load_document(path, display_path(path, base))
    if isinstance(loaded, Diagnostic):
        into.diagnostics.append(loaded)
        return None
    try:
        instance: M | None = model.model_validate(loaded.data)
    except ValidationError as error:
        into.diagnostics.extend(schema_diagnostics(loaded, error, model))
        instance = None
    except RecursionError:
        into.diagnostics.append(
            loaded.diagnostic("GC107", Severity.ERROR, tr("load.too_deep", limit=64))
        )
        instance = None
    return Loaded(loaded, instance)


def community_paths(root: Path) -> list[Path]:
    folder = root / COMMUNITIES_DIR
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith(".")
    )


def load_dataset(root: Path, *, base: Path | None = None) -> Dataset:
    """Load town, criteria and every community file under *root*.

    Never raises for bad content: every problem becomes a diagnostic and the
    file's model is None, so later rules and reports skip it.
    """
    dataset = Dataset(root=root)
    town_path = root / TOWN_FILE
    dataset.town = _load_model(town_path, Town, dataset, base)
    criteria_path = root / CRITERIA_FILE
    if criteria_path.exists():
        dataset.criteria = _load_model(criteria_path, Criteria, dataset, base)
    else:
        dataset.diagnostics.append(
            Diagnostic(
                display_path(criteria_path, base),
                1,
                1,
                "GC109",
                Severity.ERROR,
                tr("data.criteria_missing"),
            )
        )
    for path in community_paths(root):
        loaded = _load_model(path, Community, dataset, base)
        if loaded is not None:
            dataset.communities.append(loaded)
    return dataset
