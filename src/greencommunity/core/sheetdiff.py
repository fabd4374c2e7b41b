"""What a change of score sheets is: the criteria files that changed, how, and
which verdicts the change of sheets alone turns.

A pure comparison of two loaded datasets' criteria (``criteria.yaml`` and each
``criteria/<year>.yaml``).  A sheet's pass rule is compared clause by clause
(``scoring.pass_rule_clauses``: the pass mark, minimums, required items, k of
n, caps, vetoes, levels), its items by points.  The effect holds the head's
community files fixed and scores each of their sheets by the base's sheet in
force for its year, then by the head's: a verdict that differs is the
criteria's doing, whatever else the change did.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from greencommunity.core.scoring import Clause, evaluate_sheet, pass_rule_clauses
from greencommunity.core.status import STAGES, Stage, StageResult, review_result
from greencommunity.figures import points
from greencommunity.models import Community, Criteria
from greencommunity.models.community import Review, SelfAssessment
from greencommunity.models.criteria import fingerprint
from greencommunity.models.editions import CriteriaByYear
from greencommunity.models.folder import FolderModels, SheetFile

# What became of a file (a criteria file, a community file): broken, it exists
# after the change but no longer loads; repaired, the reverse.
FileKind = Literal["added", "removed", "changed", "broken", "repaired"]


@dataclass(frozen=True)
class SheetValue:
    """One value of a sheet before → after: ``("title",)``, ``("total",)``,
    ``("score_step",)`` or ``("item", id)`` (its points); None where absent."""

    what: tuple[str, ...]
    before: str | None
    after: str | None


@dataclass(frozen=True)
class SheetChange:
    """One criteria file that changed: added, removed, changed, or no longer
    (again) loading."""

    path: str  # the head's display path, the base's for a removed file
    since: int | None  # the first year it is in force; None: criteria.yaml
    kind: FileKind
    values: tuple[SheetValue, ...] = ()
    removed: tuple[Clause, ...] = ()  # clauses of the pass rule the change drops
    added: tuple[Clause, ...] = ()  # and those it brings


@dataclass(frozen=True)
class SheetEffect:
    """A sheet of the head's data whose verdict the change of sheets turns."""

    id: str
    name: str
    year: int
    stage: Stage
    before: str | None  # pass, fail, rectify under the base's sheet for the year
    after: str | None  # under the head's


def sheet_result(criteria: Criteria, stage: Stage, sheet: SelfAssessment | Review) -> StageResult:
    """A sheet scored under *criteria* (the sheet in force for its year), once:
    its evaluation (None without scores or vetoes) and its verdict."""
    if isinstance(sheet, Review):
        return review_result(criteria, stage, sheet)
    evaluation = evaluate_sheet(criteria, sheet) if sheet.scores or sheet.vetoes else None
    passed = evaluation.passed if evaluation is not None else None
    return StageResult(stage, sheet.date, evaluation, None, passed)


def verdict_of(
    criteria: Criteria | None, stage: Stage, sheet: SelfAssessment | Review
) -> str | None:
    """A sheet's verdict as ``gc score`` and the status give it (pass, fail,
    rectify): a review's stated verdict, else the scores' under the pass rule
    of *criteria* (the sheet in force for its year); None when there is
    neither (or no criteria to score against)."""
    if criteria is not None:
        return sheet_result(criteria, stage, sheet).outcome
    if isinstance(sheet, Review) and sheet.verdict is not None:
        return sheet.verdict.value
    return None


def _files(folder: FolderModels) -> dict[str, SheetFile]:
    """Each criteria file of a side by its place in the data folder."""
    return {sheet.name: sheet for sheet in folder.sheets}


def _values(before: Criteria, after: Criteria) -> list[SheetValue]:
    values = [
        SheetValue(what, old, new)
        for what, old, new in (
            (("title",), before.title, after.title),
            (("total",), points(before.total), points(after.total)),
            (("score_step",), points(before.score_step), points(after.score_step)),
        )
        if old != new
    ]
    old_items, new_items = before.items(), after.items()
    for item in [*old_items, *(i for i in new_items if i not in old_items)]:
        old = points(old_items[item].points) if item in old_items else None
        new = points(new_items[item].points) if item in new_items else None
        if old != new:
            values.append(SheetValue(("item", item), old, new))
    return values


def _compared(
    path: str, since: int | None, before: Criteria, after: Criteria, kind: FileKind = "changed"
) -> SheetChange | None:
    if fingerprint(before) == fingerprint(after):
        return None  # the same data (comments, quotes and layout aside)
    old, new = pass_rule_clauses(before), pass_rule_clauses(after)
    return SheetChange(
        path,
        since,
        kind,
        tuple(_values(before, after)),
        tuple(c for c in old if c not in new),
        tuple(c for c in new if c not in old),
    )


def _against(
    path: str, since: int | None, kind: FileKind, before: Criteria | None, after: Criteria | None
) -> SheetChange:
    """A year file added (or removed), compared with the sheet that was (or will
    be) in force in its first year instead: what its years are scored by now."""
    if before is not None and after is not None:
        compared = _compared(path, since, before, after, kind)
        if compared is not None:
            return compared
    return SheetChange(path, since, kind)


def _in_force(folder: FolderModels | None, year: int | None) -> Criteria | None:
    """The sheet *folder* has in force in *year* (None: none, or not a year file)."""
    return folder.criteria_for(year) if folder is not None and year is not None else None


def sheet_changes(
    before: FolderModels | None, after: FolderModels | None
) -> tuple[SheetChange, ...]:
    """The criteria files that differ between the two sides, criteria.yaml
    first, then by year; none when a side has no data folder (everything
    comes or goes with it)."""
    if before is None or after is None:
        return ()
    old, new = _files(before), _files(after)
    found: list[SheetChange] = []
    for key in sorted({*old, *new}, key=lambda k: (k != "criteria.yaml", k)):
        if key not in new:
            gone = old[key]
            instead = _in_force(after, gone.since)
            found.append(_against(gone.path, gone.since, "removed", gone.criteria, instead))
            continue
        sheet = new[key]
        since, shown = sheet.since, sheet.path
        if key not in old:
            in_force = _in_force(before, since)
            found.append(_against(shown, since, "added", in_force, sheet.criteria))
            continue
        model_before, model_after = old[key].criteria, sheet.criteria
        if model_before is not None and model_after is None:
            found.append(SheetChange(shown, since, "broken"))
        elif model_before is None and model_after is not None:
            found.append(SheetChange(shown, since, "repaired"))
        elif model_before is not None and model_after is not None:
            change = _compared(shown, since, model_before, model_after)
            if change is not None:
                found.append(change)
    return tuple(found)


def sheet_effects(
    before: CriteriaByYear | None,
    after: CriteriaByYear | None,
    communities: Sequence[Community],
) -> tuple[SheetEffect, ...]:
    """Every sheet of *communities* (the head's) whose verdict differs between
    the base's criteria and the head's, by community id, then year and stage.
    Nothing when either side's criteria do not load."""
    if before is None or after is None:
        return ()
    # The two sheets in force in a year, None when they are the same data:
    # hashed once per year, not once per assessment (0.1 ms a hash).
    changed: dict[int, tuple[Criteria, Criteria] | None] = {}
    found: list[SheetEffect] = []
    for community in sorted(communities, key=lambda c: c.id):
        for assessment in sorted(community.assessments, key=lambda a: a.year):
            year = assessment.year
            if year not in changed:
                old, new = before.criteria_for(year), after.criteria_for(year)
                same = old is new or fingerprint(old) == fingerprint(new)
                changed[year] = None if same else (old, new)
            sheets = changed[year]
            if sheets is None:
                continue
            old, new = sheets
            for stage in STAGES:
                sheet: SelfAssessment | Review | None = getattr(assessment, stage)
                if sheet is None:
                    continue
                was, now = verdict_of(old, stage, sheet), verdict_of(new, stage, sheet)
                if was != now:
                    found.append(
                        SheetEffect(community.id, community.name, assessment.year, stage, was, now)
                    )
    return tuple(found)
