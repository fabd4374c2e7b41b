"""A community's score breakdown for a year: rich table and JSON."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from greencommunity.i18n import tr
from greencommunity.models.community import Project
from greencommunity.scoring import Evaluation, fmt_percent, fmt_points
from greencommunity.status import CommunityYear, StageResult

STAGE_NAMES = ("self", "district", "city")


def stages(row: CommunityYear) -> list[StageResult]:
    return [r for r in (row.self_result, row.district_result, row.city_result) if r is not None]


def evaluation_json(evaluation: Evaluation) -> dict[str, object]:
    return {
        "total": evaluation.total,
        "points": evaluation.points,
        "passed": evaluation.passed,
        "categories": [
            {
                "id": c.id,
                "title": c.title,
                "points": c.points,
                "score": c.score,
                "share": round(c.share, 4),
                "min_share": c.min_share,
                "items": [
                    {"id": i.item_id, "title": i.title, "points": i.points, "score": i.score}
                    for i in c.items
                ],
            }
            for c in evaluation.categories
        ],
        "blockers": [b.to_json() for b in evaluation.blockers],
    }


def project_json(project: Project) -> dict[str, object]:
    return {
        "id": project.id,
        "title": project.title,
        "items": list(project.items),
        "lead": project.lead,
        "status": project.status.value,
        "due": project.due.isoformat() if project.due else None,
    }


def score_json(row: CommunityYear) -> dict[str, object]:
    out: dict[str, object] = {
        "id": row.id,
        "name": row.name,
        "year": row.year,
        "status": row.status.value,
        "passed_in": row.passed_in,
        "official_stage": row.official.stage if row.official is not None else None,
        "passed": row.official.passed if row.official is not None else None,
        "stages": {},
        "blockers": [b.to_json() for b in row.blockers],
        "open_projects": [project_json(p) for p in row.open_projects],
    }
    stage_map: dict[str, object] = {}
    for result in stages(row):
        stage_map[result.stage] = {
            "date": result.date.isoformat(),
            "verdict": result.verdict_stated.value if result.verdict_stated else None,
            "passed": result.passed,
            "evaluation": evaluation_json(result.evaluation) if result.evaluation else None,
        }
    out["stages"] = stage_map
    return out


def _verdict(passed: bool | None) -> str:
    return tr(
        {True: "score.verdict.pass", False: "score.verdict.fail", None: "score.verdict.none"}[
            passed
        ]
    )


def _num(value: float | None) -> str:
    return tr("score.not_scored") if value is None else fmt_points(value)


def verdict_lines(row: CommunityYear) -> list[str]:
    lines = []
    for result in stages(row):
        stage = tr(f"stage.{result.stage}")
        if result.evaluation is None:
            lines.append(tr("score.no_scores", stage=stage, verdict=_verdict(result.passed)))
        elif result.contradicts:
            lines.append(
                tr(
                    "score.verdict_stated",
                    stage=stage,
                    verdict=_verdict(result.passed),
                    computed=_verdict(result.computed_passed),
                )
            )
        else:
            lines.append(
                tr(
                    "score.verdict_line",
                    stage=stage,
                    score=fmt_points(result.evaluation.total),
                    verdict=_verdict(result.passed),
                )
            )
    if row.official is not None:
        lines.append(
            tr(
                "score.official",
                stage=tr(f"stage.{row.official.stage}"),
                verdict=_verdict(row.official.passed),
            )
        )
    return lines


def project_line(project: Project) -> str:
    due = tr("score.project_due", due=project.due.isoformat()) if project.due else ""
    return tr(
        "score.project_line",
        id=project.id,
        title=project.title,
        items="、".join(project.items),
        lead=project.lead,
        status=tr(f"project.{project.status.value}"),
        due=due,
    )


def render_score(row: CommunityYear, console: Console) -> None:
    from greencommunity.presenters.progress_view import status_label

    console.print(
        f"[bold]{escape(tr('score.title', name=row.name, id=row.id, year=row.year))}[/]",
        soft_wrap=True,
    )
    results = [r for r in stages(row) if r.evaluation is not None]
    table = Table()
    table.add_column(tr("score.col.item"))
    table.add_column(tr("score.col.title"), overflow="fold", max_width=60)
    table.add_column(tr("score.col.points"), justify="right")
    for result in results:
        table.add_column(tr(f"stage.{result.stage}"), justify="right")
    evaluations = [r.evaluation for r in results if r.evaluation is not None]
    if evaluations:
        first = evaluations[0]
        for c_index, category in enumerate(first.categories):
            for i_index, item in enumerate(category.items):
                table.add_row(
                    item.item_id,
                    escape(item.title),
                    fmt_points(item.points),
                    *[_num(e.categories[c_index].items[i_index].score) for e in evaluations],
                )
            minimum = (
                tr("score.min_share", min=fmt_percent(category.min_share))
                if category.min_share is not None
                else ""
            )
            table.add_row(
                f"{tr('score.col.category')} {category.id}",
                escape(f"{category.title} {minimum}".strip()),
                fmt_points(category.points),
                *[
                    f"{fmt_points(e.categories[c_index].score)} "
                    f"({fmt_percent(e.categories[c_index].share)}%)"
                    for e in evaluations
                ],
                style="bold",
                end_section=True,
            )
        table.add_row(
            tr("score.total"),
            "",
            fmt_points(first.points),
            *[fmt_points(e.total) for e in evaluations],
            style="bold",
        )
        console.print(table)
    for line in verdict_lines(row):
        console.print(escape(line), soft_wrap=True)
    console.print(
        escape(tr("score.status", year=row.year, status=status_label(row))),
        style="bold",
        soft_wrap=True,
    )
    if row.blockers:
        console.print(escape(tr("score.blockers")), style="bold red", soft_wrap=True)
        for blocker in row.blockers:
            console.print("  - " + escape(blocker.message()), soft_wrap=True)
    if row.open_projects:
        console.print(escape(tr("score.open_projects")), style="bold", soft_wrap=True)
        for project in row.open_projects:
            console.print("  - " + escape(project_line(project)), soft_wrap=True)
