"""Finding a data folder and loading all of it into models plus diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from greencommunity.codes import TOO_BIG, UNREADABLE
from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import tr
from greencommunity.loading.cache import Cache, Entry, dress, strip
from greencommunity.loading.cache import key_of as cache_key
from greencommunity.loading.document import Document, NotLoaded, document_from_bytes, read_file
from greencommunity.loading.parser import MAX_DEPTH
from greencommunity.loading.schema_errors import schema_diagnostics, slip_candidates
from greencommunity.loading.sources import FileSource, FileSystemSource
from greencommunity.loading.text import LoadError, decode
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
    """A file's document and, when it passed the schema, its model.

    With the cache: ``key`` names the file's entry, ``slips`` are its possible
    input slips and ``rules`` the diagnostics of the one-file rules, when the
    entry has them for this town and criteria (None: the rules must run).
    """

    doc: Document
    model: M | None
    key: str | None = None
    slips: list[Diagnostic] | None = None
    rules: list[Diagnostic] | None = None


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


def _load_model(
    path: Path, model: type[M], into: Dataset, base: Path | None, cache: Cache | None
) -> Loaded[M] | None:
    into.files.append(path)
    source = into.source
    shown = source.show(path, base)
    if source.is_symlink(path) and not source.inside(path):
        into.diagnostics.append(UNREADABLE.at(shown, 1, 1, tr("load.symlink_outside")))
        return None
    key: str | None = None
    if cache is None:
        loaded = source.load(path, shown)
    else:
        raw = read_file(path, shown)
        if isinstance(raw, NotLoaded):
            _not_loaded(raw, into)
            return None
        key = cache_key(model.__name__, raw)
        entry = cache.get(key)
        if entry is not None:
            hit = _from_entry(path, shown, raw, model, entry, into)
            if hit is not None:
                hit.key = key
                return hit
        loaded = document_from_bytes(path, shown, raw)
    if isinstance(loaded, NotLoaded):
        _not_loaded(loaded, into)
        return None
    found: list[Diagnostic] = []
    try:
        instance: M | None = model.model_validate(loaded.data)
    except ValidationError as error:
        found = schema_diagnostics(loaded, error, model)
        instance = None
    except RecursionError:
        found = [loaded.diagnostic(TOO_BIG, tr("load.too_deep", limit=MAX_DEPTH))]
        instance = None
    into.diagnostics.extend(found)
    result = Loaded(loaded, instance)
    if cache is not None and key is not None:
        result.key = key
        result.slips = slip_candidates(loaded)
        as_json = instance.model_dump_json() if instance is not None else None
        cache.put(key, Entry(as_json, strip(found), strip(result.slips)))
    return result


def _not_loaded(loaded: NotLoaded, into: Dataset) -> None:
    into.diagnostics.append(loaded.diagnostic)
    if loaded.text is not None:
        into.unparsed[loaded.diagnostic.path] = loaded.text


def _from_entry(
    path: Path, shown: str, raw: bytes, model: type[M], entry: Entry, into: Dataset
) -> Loaded[M] | None:
    """The file as its cache entry has it; None when the entry does not hold."""
    try:
        text = decode(raw)
        instance = model.model_validate_json(entry.model) if entry.model is not None else None
    except (LoadError, ValidationError, ValueError):
        return None  # not what this version would have stored: load it again
    into.diagnostics.extend(dress(entry.diagnostics, shown))
    return Loaded(
        Document(path=path, display=shown, text=text),
        instance,
        slips=dress(entry.slips, shown),
    )


def load_dataset(
    root: Path,
    *,
    base: Path | None = None,
    source: FileSource | None = None,
    cache: Cache | None = None,
) -> Dataset:
    """Load town, criteria and every community file under *root*.

    Files are read from *source* (the filesystem under *root* by default; a
    ``MemorySource`` for a git revision).  Never raises for bad content: every
    problem becomes a diagnostic and the file's model is None, so later rules
    and reports skip it.  *cache* (files on disk only) keeps what each file
    gave for the next run.
    """
    dataset = Dataset(root=root, _source=source)
    source = dataset.source
    if not isinstance(source, FileSystemSource):
        cache = None
    town_path = root / TOWN_FILE
    dataset.town = _load_model(town_path, Town, dataset, base, cache)
    criteria_path = root / CRITERIA_FILE
    if source.exists(criteria_path):
        dataset.criteria = _load_model(criteria_path, Criteria, dataset, base, cache)
    else:
        shown = source.show(criteria_path, base)
        dataset.diagnostics.append(UNREADABLE.at(shown, 1, 1, tr("data.criteria_missing")))
    for path in source.yaml_files(root / COMMUNITIES_DIR):
        loaded = _load_model(path, Community, dataset, base, cache)
        if loaded is not None:
            dataset.communities.append(loaded)
    return dataset
