"""``gc score``: one community's score breakdown for a year, its verdicts and
what blocks it, as a terminal table and as JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from greencommunity import formats, labels
from greencommunity.figures import percent, points, signed_points
from greencommunity.i18n import join, tr
from greencommunity.output import jsonout
from greencommunity.output.layout import line

if TYPE_CHECKING:
    from rich.console import RenderableType

    from greencommunity.core.scoring import CategoryScore
    from greencommunity.core.status import CommunityYear, StageResult
    from greencommunity.models.community import Project
    from greencommunity.output import Rendered


def stages(row: CommunityYear) -> list[StageResult]:
    return [r for r in (row.self_result, row.district_result, row.city_result) if r is not None]


def _score(value: float | None) -> str:
    return tr("score.not_scored") if value is None else points(value)


def verdict_lines(row: CommunityYear) -> list[str]:
    """Each stage's result, then the official one."""
    lines = []
    for result in stages(row):
        stage = labels.stage(result.stage)
        if result.evaluation is None:
            lines.append(tr("score.no_scores", stage=stage, verdict=labels.verdict(result.outcome)))
        elif result.contradicts:
            lines.append(
                tr(
                    "score.verdict_stated",
                    stage=stage,
                    verdict=labels.verdict(result.outcome),
                    computed=labels.verdict(result.computed_passed),
                )
            )
        else:
            lines.append(
                tr(
                    "score.verdict_line",
                    stage=stage,
                    score=points(result.evaluation.total),
                    verdict=labels.verdict(result.outcome),
                )
            )
    if row.official is not None:
        lines.append(
            tr(
                "score.official",
                stage=labels.stage(row.official.stage),
                verdict=labels.verdict(row.official.outcome),
            )
        )
    return lines


def project_line(project: Project) -> str:
    due = tr("score.project_due", due=project.due.isoformat()) if project.due else ""
    return tr(
        "score.project_line",
        id=project.id,
        title=project.title,
        items=join(project.items),
        lead=project.lead,
        status=labels.project_status(project.status),
        due=due,
    )


def _category_notes(category: CategoryScore) -> list[str]:
    """What the pass rule asks of a category, or how a bonus or deduction counts."""
    notes = []
    if category.min_share is not None:
        notes.append(tr("score.min_share", min=percent(category.min_share)))
    if category.min_points is not None:
        notes.append(tr("score.min_points", points=points(category.min_points)))
    if not category.scored:
        notes.append(labels.cap(category.kind, category.cap, category.points))
    return notes


def _category_score(category: CategoryScore) -> str:
    """A category's score and its share; a bonus's or deduction's score and what
    it counts for in the total (+5, -2)."""
    if category.scored:
        return f"{points(category.score)} ({percent(category.share)})"
    return f"{points(category.score)} ({signed_points(category.counted)})"


def level_line(row: CommunityYear) -> str | None:
    """The level the official result (else the self-evaluation) reaches, and
    how far the next one is, when the year's sheet has levels."""
    basis = row.official if row.official is not None else row.self_result
    if basis is None or basis.evaluation is None:
        return None
    evaluation = basis.evaluation
    if not evaluation.rule.levels or not evaluation.passed:
        return None
    line = tr("score.level", stage=labels.stage(basis.stage), level=labels.level(evaluation.level))
    following = evaluation.next_level()
    if following is not None:
        title, mark, short = following
        line += tr("score.next_level", level=title, points=points(mark), short=points(short))
    return line


def _sheet(row: CommunityYear) -> RenderableType | None:
    """Items by category, one column per stage with scores."""
    from rich.table import Table
    from rich.text import Text

    results = [r for r in stages(row) if r.evaluation is not None]
    evaluations = [r.evaluation for r in results if r.evaluation is not None]
    if not evaluations:
        return None
    grid = Table()
    grid.add_column(tr("score.col.item"))
    grid.add_column(tr("score.col.title"), overflow="fold", max_width=60)
    grid.add_column(tr("score.col.points"), justify="right")
    for result in results:
        grid.add_column(labels.stage(result.stage), justify="right")
    first = evaluations[0]
    for c_index, category in enumerate(first.categories):
        for i_index, item in enumerate(category.items):
            grid.add_row(
                item.item_id,
                Text(item.title),
                points(item.points),
                *[_score(e.categories[c_index].items[i_index].score) for e in evaluations],
            )
        grid.add_row(
            tr("score.category", id=category.id),
            Text(" ".join([category.title, *_category_notes(category)])),
            points(category.points),
            *[_category_score(e.categories[c_index]) for e in evaluations],
            style="bold",
            end_section=True,
        )
    grid.add_row(
        tr("score.total"),
        "",
        points(first.points),
        *[points(e.total) for e in evaluations],
        style="bold",
    )
    return grid


def table(row: CommunityYear) -> RenderableType:
    """The terminal view: the sheet, the verdicts, the status and what blocks it."""
    from rich.console import Group

    # Prose wraps at the width between words (a terminal would cut anywhere,
    # and start a line with 、).
    parts: list[RenderableType] = [
        line(tr("score.title", name=row.name, id=row.id, year=row.year), style="bold")
    ]
    sheet = _sheet(row)
    if sheet is not None:
        parts.append(sheet)
    parts += [line(text) for text in verdict_lines(row)]
    status = labels.status_in_year(row.status, row.passed_in, row.year)
    parts.append(line(tr("score.status", year=row.year, status=status), style="bold"))
    level = level_line(row)
    if level is not None:
        parts.append(line(level, style="bold"))
    if row.blockers:
        parts.append(line(tr("score.blockers"), style="bold red"))
        parts += [line("  - " + labels.blocker(b)) for b in row.blockers]
    if row.open_projects:
        parts.append(line(tr("score.open_projects"), style="bold"))
        parts += [line("  - " + project_line(p)) for p in row.open_projects]
    return Group(*parts)


def _project_json(project: Project) -> dict[str, object]:
    return {
        "id": project.id,
        "title": project.title,
        "items": list(project.items),
        "lead": project.lead,
        "status": project.status.value,
        "due": project.due.isoformat() if project.due else None,
    }


def json(row: CommunityYear) -> str:
    return jsonout.dumps(
        {
            "id": row.id,
            "name": row.name,
            "year": row.year,
            "status": row.status.value,
            "status_text": labels.status_in_year(row.status, row.passed_in, row.year),
            "passed_in": row.passed_in,
            "official_stage": row.official.stage if row.official is not None else None,
            "passed": row.official.passed if row.official is not None else None,
            "stages": {
                r.stage: {
                    "date": r.date.isoformat(),
                    "verdict": r.verdict_stated.value if r.verdict_stated else None,
                    "passed": r.passed,
                    "evaluation": jsonout.evaluation(r.evaluation) if r.evaluation else None,
                }
                for r in stages(row)
            },
            "blockers": [jsonout.blocker(b) for b in row.blockers],
            "open_projects": [_project_json(p) for p in row.open_projects],
        }
    )


FORMATS: dict[str, Callable[[CommunityYear], Rendered]] = {
    formats.TEXT: table,
    formats.JSON: json,
}
