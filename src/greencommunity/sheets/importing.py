"""Filled score sheets written back into the community files (``gc sheet import``).

All or nothing: every workbook is read and checked first; if any has a
problem, or if the data would have an error it does not have now, nothing is
written.  Otherwise each changed community file is written through the
round-trip module (comments, quotes and blank lines kept, only the changed
values changed), all files at once (``atomic.write_all``).

The sheet is the self-evaluation: a score or note cleared in the sheet is
removed from the file; a blank date keeps the file's date.  A year or a
self-evaluation the file does not have yet is added, and then needs a date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from greencommunity import figures
from greencommunity.authoring import roundtrip
from greencommunity.codes import WORKBOOK_BAD_DATE, WORKBOOK_REPEATED, WORKBOOK_UNKNOWN_COMMUNITY
from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.i18n import tr
from greencommunity.loading.dataset import Dataset, Loaded
from greencommunity.loading.document import display_path
from greencommunity.loading.sources import FileSystemSource, OverlaySource
from greencommunity.models import Community, Criteria
from greencommunity.models.community import SelfAssessment
from greencommunity.rules.scores import WRITTEN_DIGITS
from greencommunity.sheets import layout
from greencommunity.sheets.reading import FilledSheet, read_sheet
from greencommunity.validation import ValidationResult, validate

What = Literal["date", "score", "note"]
KeyPath = roundtrip.KeyPath


class DataNotUsableError(Exception):
    """The data folder's town, criteria or files do not load: nothing can be
    imported until ``gc validate`` is clean enough."""

    def __init__(self, result: ValidationResult) -> None:
        super().__init__("data folder not usable")
        self.result = result


@dataclass(frozen=True)
class Change:
    """One value of a community file that the import changes, as shown: a
    score (4.5), a note's text, a date (2022-10-20); None where there is none."""

    what: What
    item: str | None
    old: str | None
    new: str | None


@dataclass
class Update:
    """What one workbook changes in its community's file."""

    workbook: str
    community: str
    name: str
    year: int
    path: Path
    display: str
    changes: list[Change] = field(default_factory=list)


@dataclass
class ImportPlan:
    """Every update, and what stops the import: problems in the workbooks, or
    errors the data would have afterwards that it does not have now."""

    updates: list[Update] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    added_errors: list[Diagnostic] = field(default_factory=list)
    texts: dict[Path, str] = field(default_factory=dict)  # changed files' new text

    @property
    def ok(self) -> bool:
        return not self.problems and not self.added_errors


def plan_import(
    root: Path, workbooks: Sequence[Path], base: Path | None = None, *, cache: bool = False
) -> ImportPlan:
    """Read every workbook and work out the new text of each community file
    (*cache*: the data folder is read through the cache, ``loading.cache``)."""
    before = validate(root, base=base, cache=cache)
    dataset = before.dataset
    criteria = dataset.criteria_by_year() if dataset is not None else None
    if dataset is None or criteria is None or dataset.town_model is None:
        raise DataNotUsableError(before)
    # A file read on past its errors has a model for the rules only.
    loaded = {c.model.id: c for c in dataset.communities if c.model is not None and not c.partial}
    plan = ImportPlan()
    sheets: list[FilledSheet] = []
    seen: dict[tuple[str, int], str] = {}
    for path in workbooks:
        got = read_sheet(path, display_path(path, base), criteria)
        if isinstance(got, list):
            plan.problems += got
            continue
        if got.community not in loaded:
            message = tr("sheets.unknown_community", community=got.community)
            plan.problems.append(got.at(WORKBOOK_UNKNOWN_COMMUNITY, message))
            continue
        key = (got.community, got.year)
        if key in seen:
            message = tr("sheets.repeated", other=seen[key], year=got.year)
            plan.problems.append(got.at(WORKBOOK_REPEATED, message))
            continue
        seen[key] = got.display
        sheets.append(got)
    texts: dict[Path, str] = {}
    appended: dict[str, int] = {}
    for sheet in sheets:
        file = loaded[sheet.community]
        update = _update(sheet, file, criteria.criteria_for(sheet.year), texts, appended)
        if isinstance(update, Diagnostic):
            plan.problems.append(update)
        else:
            plan.updates.append(update)
    if plan.problems:
        return plan
    plan.texts = {
        path: text for path, text in texts.items() if text != _file(dataset, path).doc.text
    }
    if plan.texts:
        plan.added_errors = _added_errors(root, base, before, plan.texts)
    return plan


def write_import(plan: ImportPlan) -> list[Path]:
    """Write every changed community file at once; the paths written."""
    from greencommunity import atomic

    if not plan.ok:
        raise ValueError("an import with problems is never written")
    atomic.write_all({path: text.encode("utf-8") for path, text in plan.texts.items()})
    return list(plan.texts)


def _file(dataset: Dataset, path: Path) -> Loaded[Community]:
    return next(c for c in dataset.communities if c.doc.path == path)


def _update(
    sheet: FilledSheet,
    file: Loaded[Community],
    criteria: Criteria,
    texts: dict[Path, str],
    appended: dict[str, int],
) -> Update | Diagnostic:
    community = file.model
    assert community is not None
    update = Update(
        workbook=sheet.display,
        community=community.id,
        name=community.name,
        year=sheet.year,
        path=file.doc.path,
        display=file.doc.display,
    )
    text = texts.get(file.doc.path, file.doc.text)
    index = next((i for i, a in enumerate(community.assessments) if a.year == sheet.year), None)
    own = community.assessments[index].self if index is not None else None
    if own is not None:
        assert index is not None
        sets, removals = _changes(sheet, own, criteria, ("assessments", index, "self"), update)
        if sets:
            text = roundtrip.update_many(text, sets)
        if removals:
            text = roundtrip.remove_many(text, removals)
        texts[file.doc.path] = text
        return update
    if _empty(sheet):
        return update
    if sheet.date is None:
        message = tr("sheets.date_needed", year=sheet.year)
        return sheet.at(WORKBOOK_BAD_DATE, message, layout.DATE_ROW, layout.DATE_COLUMN)
    new_self = _new_self(sheet, criteria, update)
    if index is not None:
        text = roundtrip.update(text, ("assessments", index, "self"), new_self)
    else:
        position = len(community.assessments) + appended.get(community.id, 0)
        appended[community.id] = appended.get(community.id, 0) + 1
        entry = {"year": sheet.year, "self": new_self}
        if position == 0 and "assessments" not in file.doc.data:
            text = roundtrip.update(text, ("assessments",), [entry])
        else:
            text = roundtrip.update(text, ("assessments", position), entry)
    texts[file.doc.path] = text
    return update


def _empty(sheet: FilledSheet) -> bool:
    return (
        sheet.date is None
        and all(v is None for v in sheet.scores.values())
        and all(v is None for v in sheet.notes.values())
    )


def _shown(value: float | None) -> str | None:
    return None if value is None else figures.number(value, WRITTEN_DIGITS)


def _new_self(sheet: FilledSheet, criteria: Criteria, update: Update) -> dict[str, Any]:
    """A new self-evaluation: its keys in the order of the file format."""
    assert sheet.date is not None
    update.changes.append(Change("date", None, None, sheet.date.isoformat()))
    scores: dict[str, float] = {}
    notes: dict[str, str] = {}
    for item in criteria.items():
        score, note = sheet.scores.get(item), sheet.notes.get(item)
        if score is not None:
            scores[item] = score
            update.changes.append(Change("score", item, None, _shown(score)))
        if note is not None:
            notes[item] = note
            update.changes.append(Change("note", item, None, note))
    new: dict[str, Any] = {"date": sheet.date, "scores": scores}
    if notes:
        new["notes"] = notes
    return new


def _changes(
    sheet: FilledSheet,
    own: SelfAssessment,
    criteria: Criteria,
    at: KeyPath,
    update: Update,
) -> tuple[list[tuple[KeyPath, Any]], list[KeyPath]]:
    """The values to set and the keys to remove so that the file says what the sheet says."""
    sets: list[tuple[KeyPath, Any]] = []
    removals: list[KeyPath] = []
    if sheet.date is not None and sheet.date != own.date:
        sets.append(((*at, "date"), sheet.date))
        update.changes.append(Change("date", None, own.date.isoformat(), sheet.date.isoformat()))
    for item in criteria.items():
        old, new = own.scores.get(item), sheet.scores.get(item)
        if new is None and old is not None:
            removals.append((*at, "scores", item))
        elif new is not None and (old is None or figures.exact(old) != figures.exact(new)):
            sets.append(((*at, "scores", item), new))
        else:
            continue
        update.changes.append(Change("score", item, _shown(old), _shown(new)))
    note_removals: list[KeyPath] = []
    for item in criteria.items():
        old_note, new_note = own.notes.get(item), sheet.notes.get(item)
        if new_note is None and item in own.notes:
            note_removals.append((*at, "notes", item))
        elif new_note is not None and new_note != old_note:
            sets.append(((*at, "notes", item), new_note))
        else:
            continue
        update.changes.append(Change("note", item, old_note or None, new_note))
    kept = [item for item in own.notes if item not in criteria.items()]
    if (
        note_removals
        and len(note_removals) == len(own.notes)
        and not kept
        and not any(path[-2] == "notes" for path, _ in sets)
    ):
        # Every note goes: the empty mapping goes with them.
        removals.append((*at, "notes"))
    else:
        removals += note_removals
    return sets, removals


def _added_errors(
    root: Path, base: Path | None, before: ValidationResult, texts: dict[Path, str]
) -> list[Diagnostic]:
    """The errors the data would have after the import and does not have now."""
    overlay = OverlaySource(
        FileSystemSource(root), {path: text.encode("utf-8") for path, text in texts.items()}
    )
    after = validate(root, base=base, source=overlay).diagnostics

    def key(d: Diagnostic) -> tuple[str, str, str]:
        return d.path, d.code, d.message

    known = {key(d) for d in before.diagnostics}
    return [d for d in after if d.severity is Severity.ERROR and key(d) not in known]
