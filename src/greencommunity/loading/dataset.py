"""Finding a data folder and loading all of it into models plus diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from greencommunity import reporting
from greencommunity.codes import CRITERIA_NAME, TOO_BIG, UNREADABLE
from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.i18n import tr
from greencommunity.loading import parallel
from greencommunity.loading.cache import Cache, Entry, dress, strip
from greencommunity.loading.cache import key_of as cache_key
from greencommunity.loading.document import Document, NotLoaded, document_from_bytes, read_file
from greencommunity.loading.parser import MAX_DEPTH
from greencommunity.loading.schema_errors import salvage, schema_diagnostics, slip_candidates
from greencommunity.loading.sources import FileSource, FileSystemSource
from greencommunity.loading.text import LoadError, decode
from greencommunity.models import KINDS, Community, Criteria, Town
from greencommunity.models.editions import CriteriaByYear, in_force, sheets_by_year
from greencommunity.models.folder import CommunityFile, FolderModels, SheetFile
from greencommunity.models.types import YEAR_MAX, YEAR_MIN

M = TypeVar("M", bound=BaseModel)
KIND_OF: dict[type[BaseModel], str] = {model: kind for kind, model in KINDS.items()}

TOWN_FILE = "town.yaml"
CRITERIA_FILE = "criteria.yaml"
# criteria/<year>.yaml: the sheet in force from that year (models/editions.py).
CRITERIA_DIR = "criteria"
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


@dataclass(frozen=True)
class CheckedFile:
    """A file validation looked at, named as its diagnostics name it."""

    path: str
    # Its kind of data file (``models.KINDS``; a misnamed file of criteria/ is
    # "criteria"); None for a path given on the command line that is not one.
    kind: str | None


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
    # The model was made past errors of the file (a slip repaired, a value set
    # aside): for the rules to look at the rest, never data to count or edit.
    partial: bool = False

    @property
    def sound(self) -> M | None:
        """The model, when the file gave it without an error."""
        return None if self.partial else self.model


@dataclass
class Dataset:
    root: Path
    town: Loaded[Town] | None = None
    criteria: Loaded[Criteria] | None = None  # criteria.yaml
    # criteria/<year>.yaml by year: (year, file), the file None when it could
    # not be read or parsed (its year is still that file's, not the year before's).
    criteria_years: list[tuple[int, Loaded[Criteria] | None]] = field(default_factory=list)
    communities: list[Loaded[Community]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Every file looked at, read or not, in that order.
    files: dict[Path, CheckedFile] = field(default_factory=dict)
    # The text of each file that was read but gave no data (a syntax error, a
    # tag…), by the path its diagnostic shows: the problem is shown on its line.
    unparsed: dict[str, str] = field(default_factory=dict)
    # The files whose checking stopped at an error, by the path shown: the
    # line past which nothing was checked (a syntax error), or of the first
    # format error that kept the rules from looking at the file.
    stopped: dict[str, int] = field(default_factory=dict)
    # What paths are shown relative to (``display_path``): the current folder, or
    # the top of the repository for a git revision.
    base: Path | None = None
    _source: FileSource | None = field(default=None, repr=False)

    @property
    def source(self) -> FileSource:
        """Where the files come from; the filesystem under ``root`` by default."""
        if self._source is None:
            self._source = FileSystemSource(self.root)
        return self._source

    def relative(self, path: Path) -> str:
        """*path* as the data folder names it: criteria/2022.yaml."""
        return path.relative_to(self.root).as_posix()

    @property
    def town_model(self) -> Town | None:
        return self.town.model if self.town else None

    def criteria_files(self) -> list[Loaded[Criteria]]:
        """criteria.yaml, then every criteria/<year>.yaml by year: each file a
        rule on the criteria themselves looks at."""
        return [loaded for _, loaded in self._editions() if loaded is not None]

    def _editions(self) -> list[tuple[int | None, Loaded[Criteria] | None]]:
        """(the year from which a file is in force, None for criteria.yaml; the
        file, None when it could not be read), in force order."""
        first: list[tuple[int | None, Loaded[Criteria] | None]] = []
        if self.criteria is not None:
            first.append((None, self.criteria))
        return first + [(year, loaded) for year, loaded in self.criteria_years]

    def criteria_file_for(self, year: int) -> Loaded[Criteria] | None:
        """The criteria file in force in *year*, loaded or not; None when no
        file covers the year (rule GC346)."""
        editions = self._editions()
        index = in_force([since for since, _ in editions], year)
        return None if index is None else editions[index][1]

    def criteria_for(self, year: int) -> Criteria | None:
        """The sheet in force in *year*; None when its file did not load or no
        file covers the year.  For the rules, which look at a year's sheet
        while another year's file may be broken."""
        loaded = self.criteria_file_for(year)
        return loaded.model if loaded is not None else None

    def criteria_by_year(self) -> CriteriaByYear | None:
        """Every sheet by year, when every criteria file loaded; None otherwise."""
        return sheets_by_year([(since, f.model if f else None) for since, f in self._editions()])

    def community_models(self) -> list[Community]:
        """The community files' models, those read without an error."""
        return [c.model for c in self.communities if c.model is not None and not c.partial]

    def community_files(self) -> dict[str, Path]:
        """Every community file found, loaded or not, by its display path."""
        folder = self.root / COMMUNITIES_DIR
        return {found.path: path for path, found in self.files.items() if path.parent == folder}

    def models(self) -> FolderModels:
        """What each file gave, however broken: what ``core`` compares."""
        sheets = []
        for since, loaded in self._editions():
            name = CRITERIA_FILE if since is None else f"{CRITERIA_DIR}/{since}.yaml"
            path = loaded.doc.display if loaded is not None else name
            sheets.append(SheetFile(name, since, path, loaded.model if loaded else None))
        communities = [
            CommunityFile(c.doc.display, c.sound) for c in self.communities if c.sound is not None
        ]
        folder = self.root / COMMUNITIES_DIR
        loaded_paths = {c.doc.path for c in self.communities if c.sound is not None}
        broken = {p.stem for p in self.files if p.parent == folder and p not in loaded_paths}
        return FolderModels(self.town_model, tuple(sheets), tuple(communities), frozenset(broken))


@dataclass(frozen=True)
class Parsed:
    """What one file gave: its document and model, or why it gave nothing; and
    the file's possible input slips when they were looked for."""

    doc: Document | None
    not_loaded: NotLoaded | None
    model: BaseModel | None
    diagnostics: list[Diagnostic]
    slips: list[Diagnostic] | None


def parse_file(path: Path, shown: str, raw: bytes, kind: str) -> Parsed:
    """Parse and check the file *path* (bytes *raw*) as the model named *kind*."""
    return _parsed(document_from_bytes(path, shown, raw), MODELS[kind], slips=True)


def parse_in_worker(path: Path, shown: str, raw: bytes, kind: str) -> Parsed:
    """``parse_file`` for a worker process: the document comes back without its
    plain data (parsed again only if asked), which would cost more to send
    than to rebuild."""
    parsed = parse_file(path, shown, raw, kind)
    if parsed.doc is None:
        return parsed
    return replace(parsed, doc=replace(parsed.doc, _data=None, _reading=None))


def _parsed(loaded: Document | NotLoaded, model: type[BaseModel], *, slips: bool) -> Parsed:
    if isinstance(loaded, NotLoaded):
        return Parsed(None, loaded, None, [], None)
    # The keyboard slips the text was read on past, then what the schema finds.
    found: list[Diagnostic] = loaded.slips()
    instance: BaseModel | None = None
    try:
        instance = model.model_validate(loaded.data)
    except ValidationError as error:
        found += schema_diagnostics(loaded, error, model)
        # Only a community file: a town or a sheet with a value set aside
        # (a default score step) would turn other files' findings.
        if model is Community:
            instance = salvage(model, loaded.data, error)
    except RecursionError:
        found += [loaded.diagnostic(TOO_BIG, tr("load.too_deep", limit=MAX_DEPTH))]
    return Parsed(loaded, None, instance, found, slip_candidates(loaded) if slips else None)


MODELS: dict[str, type[BaseModel]] = {m.__name__: m for m in (Town, Criteria, Community)}


@dataclass(frozen=True)
class _Pending:
    """A file read (from disk) or to be read (from another source), not parsed yet."""

    path: Path
    shown: str
    raw: bytes | None  # None: the source reads and parses it (a git revision)
    key: str | None  # its cache entry


def _start(
    path: Path, model: type[M], into: Dataset, base: Path | None, cache: Cache | None
) -> Loaded[M] | _Pending | None:
    """A cache hit, or the file read and waiting to be parsed; None when it
    cannot be read (the diagnostic is in *into*)."""
    source = into.source
    shown = source.show(path, base)
    into.files[path] = CheckedFile(shown, KIND_OF[model])
    if source.is_symlink(path) and not source.inside(path):
        into.diagnostics.append(UNREADABLE.at(shown, 1, 1, tr("load.symlink_outside")))
        return None
    if not isinstance(source, FileSystemSource):
        return _Pending(path, shown, None, None)
    raw = read_file(path, shown)
    if isinstance(raw, NotLoaded):
        _not_loaded(raw, into)
        return None
    if cache is None:
        return _Pending(path, shown, raw, None)
    key = cache_key(model.__name__, raw)
    entry = cache.get(key)
    if entry is not None:
        hit = _from_entry(path, shown, raw, model, entry, into)
        if hit is not None:
            hit.key = key
            return hit
    return _Pending(path, shown, raw, key)


def _finish(
    pending: _Pending, parsed: Parsed, model: type[M], into: Dataset, cache: Cache | None
) -> Loaded[M] | None:
    if parsed.not_loaded is not None:
        _not_loaded(parsed.not_loaded, into)
        return None
    assert parsed.doc is not None
    into.diagnostics.extend(parsed.diagnostics)
    instance = parsed.model if isinstance(parsed.model, model) else None
    if instance is None:
        _stopped(parsed.diagnostics, into)
    result = Loaded(parsed.doc, instance, slips=parsed.slips, partial=_erred(parsed.diagnostics))
    if cache is not None and pending.key is not None and parsed.slips is not None:
        result.key = pending.key
        as_json = instance.model_dump_json() if instance is not None else None
        entry = Entry(as_json, strip(parsed.diagnostics), strip(parsed.slips))
        cache.put(pending.key, entry)
    return result


def _parse_here(pending: _Pending, model: type[BaseModel], source: FileSource) -> Parsed:
    if pending.raw is None:
        return _parsed(source.load(pending.path, pending.shown), model, slips=False)
    return parse_file(pending.path, pending.shown, pending.raw, model.__name__)


def _load_model(
    path: Path, model: type[M], into: Dataset, base: Path | None, cache: Cache | None
) -> Loaded[M] | None:
    started = _start(path, model, into, base, cache)
    if not isinstance(started, _Pending):
        return started
    return _finish(started, _parse_here(started, model, into.source), model, into, cache)


def _load_communities(
    paths: list[Path], into: Dataset, base: Path | None, cache: Cache | None
) -> None:
    """Every community file; those to parse on every core when they are many."""
    with reporting.task(len(paths), "progress.reading") as task:
        started = [_start(path, Community, into, base, cache) for path in paths]
        pending = [s for s in started if isinstance(s, _Pending)]
        task.advance(len(started) - len(pending))
        parsed: dict[Path, Parsed] = {}
        on_disk = [p for p in pending if p.raw is not None]
        if len(on_disk) >= parallel.THRESHOLD:
            jobs = [(p.path, p.shown, p.raw, Community.__name__) for p in on_disk]
            results = parallel.map_files(parse_in_worker, jobs, task.advance)
            if results is not None:
                parsed = {p.path: r for p, r in zip(on_disk, results, strict=True)}
        for item in started:
            if isinstance(item, _Pending):
                done = parsed.get(item.path)
                if done is None:
                    done = _parse_here(item, Community, into.source)
                    task.advance()
                loaded = _finish(item, done, Community, into, cache)
            else:
                loaded = item
            if loaded is not None:
                into.communities.append(loaded)


def _not_loaded(loaded: NotLoaded, into: Dataset) -> None:
    into.diagnostics.extend(loaded.diagnostics)
    if loaded.text is not None:
        into.unparsed[loaded.diagnostic.path] = loaded.text
    if loaded.diagnostic.code != UNREADABLE.id:  # a file not read at all is not "stopped"
        into.stopped[loaded.diagnostic.path] = loaded.diagnostic.line


def _stopped(found: list[Diagnostic], into: Dataset) -> None:
    """A file that gave no model: the rules never look at it, from its first error on."""
    errors = [d for d in found if d.severity is Severity.ERROR]
    if errors:
        first = min(errors)
        into.stopped[first.path] = first.line


def _from_entry(
    path: Path, shown: str, raw: bytes, model: type[M], entry: Entry, into: Dataset
) -> Loaded[M] | None:
    """The file as its cache entry has it; None when the entry does not hold."""
    try:
        text = decode(raw)
        instance = model.model_validate_json(entry.model) if entry.model is not None else None
    except (LoadError, ValidationError, ValueError):
        return None  # not what this version would have stored: load it again
    diagnostics = dress(entry.diagnostics, shown)
    into.diagnostics.extend(diagnostics)
    if instance is None:
        _stopped(diagnostics, into)
    return Loaded(
        Document(path=path, display=shown, text=text),
        instance,
        slips=dress(entry.slips, shown),
        partial=_erred(diagnostics),
    )


def _erred(found: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in found)


def criteria_year(path: Path) -> int | None:
    """The year a file of criteria/ is named for: 2022.yaml → 2022."""
    stem = path.stem
    if len(stem) == 4 and stem.isascii() and stem.isdigit() and YEAR_MIN <= int(stem) <= YEAR_MAX:
        return int(stem)
    return None


def _load_criteria_years(
    paths: list[Path], into: Dataset, base: Path | None, cache: Cache | None
) -> None:
    """Every criteria/<year>.yaml; a file named otherwise, or a second file for
    a year (2022.yaml and 2022.yml), is named and not read (GC111)."""
    seen: dict[int, Path] = {}
    for path in paths:
        year = criteria_year(path)
        if year is None or year in seen:
            shown = into.source.show(path, base)
            into.files[path] = CheckedFile(shown, KIND_OF[Criteria])
            if year is None:
                message = tr("data.criteria_year_name", name=path.name)
            else:
                message = tr("data.criteria_year_twice", year=year, first=seen[year].name)
            into.diagnostics.append(CRITERIA_NAME.at(shown, 1, 1, message))
            continue
        seen[year] = path
        into.criteria_years.append((year, _load_model(path, Criteria, into, base, cache)))
    into.criteria_years.sort(key=lambda entry: entry[0])


def load_dataset(
    root: Path,
    *,
    base: Path | None = None,
    source: FileSource | None = None,
    cache: Cache | None = None,
) -> Dataset:
    """Load town, criteria (criteria.yaml and criteria/<year>.yaml) and every
    community file under *root*.

    Files are read from *source* (the filesystem under *root* by default; a
    ``MemorySource`` for a git revision).  Never raises for bad content: every
    problem becomes a diagnostic and the file's model is None, so later rules
    and reports skip it.  *cache* (files on disk only) keeps what each file
    gave for the next run.
    """
    dataset = Dataset(root=root, base=base, _source=source)
    source = dataset.source
    if not isinstance(source, FileSystemSource):
        cache = None
    town_path = root / TOWN_FILE
    dataset.town = _load_model(town_path, Town, dataset, base, cache)
    criteria_path = root / CRITERIA_FILE
    year_files = _listed(root / CRITERIA_DIR, dataset, base)
    if source.exists(criteria_path):
        dataset.criteria = _load_model(criteria_path, Criteria, dataset, base, cache)
    elif not year_files:
        shown = source.show(criteria_path, base)
        dataset.diagnostics.append(UNREADABLE.at(shown, 1, 1, tr("data.criteria_missing")))
    _load_criteria_years(year_files, dataset, base, cache)
    _load_communities(_listed(root / COMMUNITIES_DIR, dataset, base), dataset, base, cache)
    return dataset


def _listed(folder: Path, into: Dataset, base: Path | None) -> list[Path]:
    """The YAML files of *folder*; none, and the reason, when it cannot be listed."""
    try:
        return into.source.yaml_files(folder)
    except OSError as exc:
        shown = into.source.show(folder, base)
        message = tr("load.folder_unreadable", detail=exc.strerror or str(exc))
        into.diagnostics.append(UNREADABLE.at(shown, 1, 1, message))
        return []
