"""Finding a data folder and loading all of it into models plus diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from greencommunity.codes import TOO_BIG, UNREADABLE
from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import tr
from greencommunity.loading.document import Document, NotLoaded
from greencommunity.loading.parser import MAX_DEPTH
from greencommunity.loading.schema_errors import schema_diagnostics
from greencommunity.loading.sources import FileSource, FileSystemSource
from greencommunity.models import Community, Criteria, Town

M = TypeVar("M", bound=BaseModel)

TOWN_FILE = "town.yaml"
CRITERIA_FILE = "criteria.yaml"
COMMUNITIES_DIR = "communities"
EVIDENCE_DIR = "evidence"


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
    # The text of each file that was read but gave no data (a syntax error, a
    # tag…), by the path its diagnostic shows: the problem is shown on its line.
    unparsed: dict[str, str] = field(default_factory=dict)
    _source: FileSource | None = field(default=None, repr=False)

    @property
    def source(self) -> FileSource:
        """Where the files come from; the filesystem under ``root`` by default."""
        if self._source is None:
            self._source = FileSystemSource(self.root)
        return self._source

    @property
    def town_model(self) -> Town | None:
        return self.town.model if self.town else None

    @property
    def criteria_model(self) -> Criteria | None:
        return self.criteria.model if self.criteria else None

    def community_models(self) -> list[Community]:
        return [c.model for c in self.communities if c.model is not None]


def _load_model(path: Path, model: type[M], into: Dataset, base: Path | None) -> Loaded[M] | None:
    into.files.append(path)
    source = into.source
    if source.is_symlink(path) and not source.inside(path):
        shown = source.show(path, base)
        into.diagnostics.append(UNREADABLE.at(shown, 1, 1, tr("load.symlink_outside")))
        return None
    loaded = source.load(path, source.show(path, base))
    if isinstance(loaded, NotLoaded):
        into.diagnostics.append(loaded.diagnostic)
        if loaded.text is not None:
            into.unparsed[loaded.diagnostic.path] = loaded.text
        return None
    try:
        instance: M | None = model.model_validate(loaded.data)
    except ValidationError as error:
        into.diagnostics.extend(schema_diagnostics(loaded, error, model))
        instance = None
    except RecursionError:
        into.diagnostics.append(loaded.diagnostic(TOO_BIG, tr("load.too_deep", limit=MAX_DEPTH)))
        instance = None
    return Loaded(loaded, instance)


def load_dataset(
    root: Path, *, base: Path | None = None, source: FileSource | None = None
) -> Dataset:
    """Load town, criteria and every community file under *root*.

    Files are read from *source* (the filesystem under *root* by default; a
    ``MemorySource`` for a git revision).  Never raises for bad content: every
    problem becomes a diagnostic and the file's model is None, so later rules
    and reports skip it.
    """
    dataset = Dataset(root=root, _source=source)
    source = dataset.source
    town_path = root / TOWN_FILE
    dataset.town = _load_model(town_path, Town, dataset, base)
    criteria_path = root / CRITERIA_FILE
    if source.exists(criteria_path):
        dataset.criteria = _load_model(criteria_path, Criteria, dataset, base)
    else:
        shown = source.show(criteria_path, base)
        dataset.diagnostics.append(UNREADABLE.at(shown, 1, 1, tr("data.criteria_missing")))
    for path in source.yaml_files(root / COMMUNITIES_DIR):
        loaded = _load_model(path, Community, dataset, base)
        if loaded is not None:
            dataset.communities.append(loaded)
    return dataset
