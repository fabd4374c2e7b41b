"""What a change to the data does: a pure comparison of two loaded datasets.

``diff_datasets(before, after)`` returns a ``DatasetDiff``: the communities
whose scores, verdicts, status or plan changed (before → after), the town's
share against each target year before → after, with its forecast (every pending
community passing on its self score, as ``gc progress`` projects it), the
score sheets that changed (``core/sheetdiff.py``) and what that alone does to
each community's verdicts, and the diagnostics the change introduces or fixes.
Each side scores an assessment by its own sheet in force for that year.
Nothing here reads files or runs git; ``gitrepo`` loads the two sides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from greencommunity.core.progress import ProgressError, compute_progress
from greencommunity.core.sheetdiff import (
    FileKind,
    SheetChange,
    SheetEffect,
    sheet_changes,
    sheet_effects,
    sheet_result,
    verdict_of,
)
from greencommunity.core.status import STAGES, community_status
from greencommunity.core.years import target_years
from greencommunity.diagnostics import Diagnostic
from greencommunity.figures import points
from greencommunity.loading.dataset import COMMUNITIES_DIR, Dataset
from greencommunity.models import Community
from greencommunity.models.community import Project, Review, SelfAssessment
from greencommunity.models.editions import CriteriaByYear

PROJECT_FIELDS = ("status", "due", "done_on", "budget", "spent", "lead", "funding", "items")


@dataclass(frozen=True)
class Change:
    """One value before → after; None where it does not exist on that side.

    ``what`` is a structured key the presenters translate:
    ``("status", year)``, ``("total", year, stage)``, ``("item", year, stage, item)``,
    ``("verdict", year, stage)``, ``("project", id, field)``, ``("project_added", id)``,
    ``("project_removed", id)``, ``("batch",)``, ``("name",)``.
    """

    what: tuple[str | int, ...]
    before: str | None
    after: str | None


@dataclass(frozen=True)
class CommunityChange:
    id: str
    name: str
    kind: FileKind
    path_before: str | None
    path_after: str | None
    changes: tuple[Change, ...]

    @property
    def renamed(self) -> bool:
        return (
            self.path_before is not None
            and self.path_after is not None
            and self.path_before != self.path_after
        )


@dataclass(frozen=True)
class Share:
    """The town's standing for a target year on one side of the change."""

    passed: int
    denominator: int
    share: Fraction
    target: float
    met: bool
    complete: bool  # every community file loaded; otherwise broken files are not counted
    # The forecast (``Progress.projected_*``): passed, plus every pending
    # community whose self score passes.
    projected_passed: int
    projected_met: bool

    @property
    def projected_share(self) -> Fraction:
        return Fraction(self.projected_passed, self.denominator)


@dataclass(frozen=True)
class ShareChange:
    year: int
    before: Share | None  # None: not computable on that side (no data, no target, …)
    after: Share | None

    @property
    def changed(self) -> bool:
        """The share or the target differs (not merely whether every file loaded)."""

        def key(share: Share | None) -> tuple[object, ...] | None:
            return None if share is None else (share.passed, share.denominator, share.target)

        return key(self.before) != key(self.after)

    @property
    def forecast_changed(self) -> bool:
        """The forecast moved other than along with the share: a pending
        community's self score now passes (or no longer does), or the forecast
        now reaches the target (or no longer does).  Both sides computable."""
        before, after = self.before, self.after
        if before is None or after is None:
            return False
        if before.projected_met != after.projected_met:
            return True

        def pending(share: Share) -> int:
            return share.projected_passed - share.passed

        moved = (before.projected_passed, before.denominator) != (
            after.projected_passed,
            after.denominator,
        )
        return moved and pending(before) != pending(after)


@dataclass(frozen=True)
class DatasetDiff:
    communities: tuple[CommunityChange, ...]
    shares: tuple[ShareChange, ...]
    introduced: tuple[Diagnostic, ...]
    fixed: tuple[Diagnostic, ...]
    errors_before: int
    errors_after: int
    # The score sheets that changed, and each verdict the change of sheets alone
    # turns (the head's sheets scored by the base's criteria, then the head's).
    sheets: tuple[SheetChange, ...] = ()
    effects: tuple[SheetEffect, ...] = ()


# --------------------------------------------------------------------------- values


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return points(value)
    return str(getattr(value, "value", value))


def _scores(
    community: Community, criteria: CriteriaByYear | None
) -> dict[tuple[str | int, ...], str]:
    """Flat view of a community's sheets: totals, verdicts and item marks."""
    out: dict[tuple[str | int, ...], str] = {}
    for assessment in community.assessments:
        sheet_in_force = criteria.criteria_for(assessment.year) if criteria else None
        for stage in STAGES:
            sheet: SelfAssessment | Review | None = getattr(assessment, stage)
            if sheet is None:
                continue
            scores: Mapping[str, float] = sheet.scores
            for item, mark in scores.items():
                out[("item", assessment.year, stage, item)] = points(mark)
            if sheet_in_force is None:
                verdict = verdict_of(None, stage, sheet)
            else:
                # Scored once for its total and its verdict.
                result = sheet_result(sheet_in_force, stage, sheet)
                if scores and result.evaluation is not None:
                    out[("total", assessment.year, stage)] = points(result.evaluation.total)
                verdict = result.outcome
            if verdict is not None:
                out[("verdict", assessment.year, stage)] = verdict
    return out


def _statuses(
    community: Community, criteria: CriteriaByYear | None, years: Sequence[int]
) -> dict[tuple[str | int, ...], str]:
    if criteria is None:
        return {}
    return {
        ("status", year): community_status(criteria, community, year).status.value for year in years
    }


def _plan(community: Community) -> dict[str, Project]:
    return {p.id: p for p in community.plan}


def _compare(
    before: Mapping[tuple[str | int, ...], str], after: Mapping[tuple[str | int, ...], str]
) -> list[Change]:
    keys = sorted({*before, *after}, key=lambda k: tuple(str(p) for p in k))
    return [Change(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


def _sheet_changes(
    before: Mapping[tuple[str | int, ...], str], after: Mapping[tuple[str | int, ...], str]
) -> list[Change]:
    """Totals and verdicts first, then item marks, sheet by sheet; a sheet that
    exists on one side only shows its total, not each of its items."""
    changes = _compare(before, after)
    sheets_before = {(k[1], k[2]) for k in before if k[0] == "item"}
    sheets_after = {(k[1], k[2]) for k in after if k[0] == "item"}
    order = {"total": 0, "verdict": 1, "item": 2}

    def keep(change: Change) -> bool:
        if change.what[0] != "item":
            return True
        sheet = (change.what[1], change.what[2])
        return sheet in sheets_before and sheet in sheets_after

    def sort_key(change: Change) -> tuple[object, ...]:
        year, stage = change.what[1], str(change.what[2])
        return (year, STAGES.index(stage), order[str(change.what[0])], str(change.what[-1]))

    return sorted(filter(keep, changes), key=sort_key)


def _plan_changes(before: Community | None, after: Community | None) -> list[Change]:
    old = _plan(before) if before else {}
    new = _plan(after) if after else {}
    changes: list[Change] = []
    for pid in sorted({*old, *new}):
        if pid not in old:
            changes.append(Change(("project_added", pid), None, new[pid].title))
        elif pid not in new:
            changes.append(Change(("project_removed", pid), old[pid].title, None))
        else:
            for name in PROJECT_FIELDS:
                a, b = _text(getattr(old[pid], name)), _text(getattr(new[pid], name))
                if a != b:
                    changes.append(Change(("project", pid, name), a, b))
    return changes


def _community_changes(
    before: Community | None,
    after: Community | None,
    criteria_before: CriteriaByYear | None,
    criteria_after: CriteriaByYear | None,
    years: Sequence[int],
) -> list[Change]:
    changes: list[Change] = []
    if before is not None and after is not None:
        for name in ("name", "batch"):
            a, b = _text(getattr(before, name)), _text(getattr(after, name))
            if a != b:
                changes.append(Change((name,), a, b))
    status_before = _statuses(before, criteria_before, years) if before else {}
    status_after = _statuses(after, criteria_after, years) if after else {}
    changes += _compare(status_before, status_after)
    scores_before = _scores(before, criteria_before) if before else {}
    scores_after = _scores(after, criteria_after) if after else {}
    changes += _sheet_changes(scores_before, scores_after)
    changes += _plan_changes(before, after)
    return changes


# ------------------------------------------------------------------------ matching


@dataclass(frozen=True)
class _Side:
    model: Community
    path: str


def _communities(dataset: Dataset | None) -> dict[str, _Side]:
    if dataset is None:
        return {}
    out: dict[str, _Side] = {}
    for loaded in dataset.communities:
        model = loaded.sound  # a file read past its errors did not load, for a diff
        if model is not None:
            out.setdefault(model.id, _Side(model, loaded.doc.display))
    return out


def _broken(dataset: Dataset | None) -> set[str]:
    """Stems of community files that exist but did not load (their id is unknown)."""
    if dataset is None:
        return set()
    folder = dataset.root / COMMUNITIES_DIR
    loaded = {c.doc.path for c in dataset.communities if c.sound is not None}
    return {p.stem for p in dataset.files if p.parent == folder and p not in loaded}


def _renames(before: dict[str, _Side], after: dict[str, _Side]) -> dict[str, str]:
    """Old id → new id for communities whose id changed (same 居委会 name, one each)."""
    gone = [i for i in before if i not in after]
    new = [i for i in after if i not in before]
    by_name: dict[str, list[str]] = {}
    for i in new:
        by_name.setdefault(after[i].model.name, []).append(i)
    out: dict[str, str] = {}
    for i in gone:
        candidates = by_name.get(before[i].model.name, [])
        if len(candidates) == 1:
            out[i] = candidates.pop()
    return out


def _path_map(
    before: Dataset | None, after: Dataset | None, renames: Mapping[str, str]
) -> dict[str, str]:
    """Base display path → head display path, for files that moved."""
    old, new = _communities(before), _communities(after)
    moved: dict[str, str] = {}
    for cid, side in old.items():
        target = new.get(renames.get(cid, cid))
        if target is not None and target.path != side.path:
            moved[side.path] = target.path
    return moved


# ---------------------------------------------------------------------- diagnostics


def _key(d: Diagnostic, moved: Mapping[str, str]) -> tuple[str, str, str, str]:
    return (moved.get(d.path, d.path), d.code, str(d.severity), d.message)


def diff_diagnostics(
    before: Iterable[Diagnostic], after: Iterable[Diagnostic], moved: Mapping[str, str] = {}
) -> tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...]]:
    """(introduced, fixed).  Diagnostics are matched by file, code and message, not
    by line: an edit above a problem moves it without fixing it."""
    old, new = list(before), list(after)
    remaining = Counter(_key(d, moved) for d in old)
    introduced = []
    for d in sorted(new):
        key = _key(d, {})
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            introduced.append(d)
    still = Counter(_key(d, {}) for d in new)
    fixed = []
    for d in sorted(old):
        key = _key(d, moved)
        if still[key] > 0:
            still[key] -= 1
        else:
            fixed.append(d)
    return tuple(introduced), tuple(fixed)


# ---------------------------------------------------------------------------- shares


def share_for(dataset: Dataset | None, year: int) -> Share | None:
    """The town's share for *year* on one side, or None when it cannot be computed."""
    if dataset is None:
        return None
    town, criteria = dataset.town_model, dataset.criteria_by_year()
    if town is None or criteria is None:
        return None
    models = dataset.community_models()
    try:
        progress = compute_progress(town, criteria, models, year)
    except ProgressError:
        return None
    return Share(
        passed=progress.passed,
        denominator=progress.denominator,
        share=progress.share,
        target=progress.target,
        met=progress.met,
        complete=not _broken(dataset),
        projected_passed=progress.projected_passed,
        projected_met=progress.projected_met,
    )


# ------------------------------------------------------------------------------ diff


def diff_datasets(
    before: Dataset | None,
    after: Dataset | None,
    diagnostics_before: Sequence[Diagnostic] = (),
    diagnostics_after: Sequence[Diagnostic] = (),
) -> DatasetDiff:
    """Compare two loaded datasets (None: the data folder did not exist on that side).

    The diagnostics of each side are passed in (``validation.check_dataset``) so
    this stays a pure function of its arguments.
    """
    old, new = _communities(before), _communities(after)
    broken_before, broken_after = _broken(before), _broken(after)
    renames = _renames(old, new)
    criteria_before = before.criteria_by_year() if before else None
    criteria_after = after.criteria_by_year() if after else None
    years = target_years(before.town_model if before else None, after.town_model if after else None)
    changes: list[CommunityChange] = []
    seen_new: set[str] = set()
    for cid in sorted(old):
        new_id = renames.get(cid, cid)
        a = old[cid]
        b = new.get(new_id)
        if b is not None:
            seen_new.add(new_id)
        diff = _community_changes(
            a.model, b.model if b else None, criteria_before, criteria_after, years
        )
        if b is None and cid in broken_after:
            changes.append(CommunityChange(cid, a.model.name, "broken", a.path, a.path, ()))
        elif b is None:
            changes.append(CommunityChange(cid, a.model.name, "removed", a.path, None, tuple(diff)))
        elif diff or a.path != b.path or cid != new_id:
            if cid != new_id:
                diff.insert(0, Change(("id",), cid, new_id))
            changes.append(
                CommunityChange(new_id, b.model.name, "changed", a.path, b.path, tuple(diff))
            )
    for cid in sorted(set(new) - seen_new):
        b = new[cid]
        if cid in broken_before:
            changes.append(CommunityChange(cid, b.model.name, "repaired", b.path, b.path, ()))
            continue
        diff = _community_changes(None, b.model, criteria_before, criteria_after, years)
        changes.append(CommunityChange(cid, b.model.name, "added", None, b.path, tuple(diff)))
    shares = tuple(ShareChange(y, share_for(before, y), share_for(after, y)) for y in years)
    introduced, fixed = diff_diagnostics(
        diagnostics_before, diagnostics_after, _path_map(before, after, renames)
    )
    return DatasetDiff(
        communities=tuple(changes),
        shares=shares,
        introduced=introduced,
        fixed=fixed,
        errors_before=sum(d.severity == "error" for d in diagnostics_before),
        errors_after=sum(d.severity == "error" for d in diagnostics_after),
        sheets=sheet_changes(before, after),
        effects=sheet_effects(criteria_before, criteria_after, [s.model for s in new.values()]),
    )
