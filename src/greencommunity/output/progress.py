"""``gc progress``: the town's standing against a target year, as a terminal
table, as JSON (the stable contract), and as Markdown (the progress document)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from greencommunity import formats, labels
from greencommunity.figures import exact, half_up, percent, points, points_value, share_value
from greencommunity.i18n import join, tr, trn
from greencommunity.output import MAX_SHOWN, jsonout, layout
from greencommunity.output.layout import line

if TYPE_CHECKING:
    from rich.console import RenderableType

    from greencommunity.core.progress import PathStep, Progress
    from greencommunity.core.status import CommunityYear, StageResult
    from greencommunity.diagnostics import Diagnostic
    from greencommunity.models.folder import CheckedData
    from greencommunity.output import Rendered

BAR_WIDTH = 40
# Rows coloured by status, so a long table reads at a glance.
_STYLE = {
    "passed": "green",
    "failed": "red",
    "rectifying": "magenta",
    "under_review": "yellow",
    "creating": "cyan",
    "not_scheduled": "dim",
}


def stage_cell(result: StageResult | None) -> str:
    """ "80 ✓", "64 ✗", "74 △" (需整改), "✗" for a bare verdict, "" when there
    is no result."""
    if result is None:
        return ""
    mark = "△" if result.rectifying else {True: "✓", False: "✗", None: ""}[result.passed]
    if result.evaluation is None:
        return mark
    return f"{points(result.evaluation.total)} {mark}".strip()


def row_reason(row: CommunityYear) -> str:
    """Why a community is where it is, in one line."""
    if row.status == "passed":
        passed = row.passed_result
        if passed is not None and passed.evaluation is not None:
            return tr(
                "progress.reason.passed_with_score",
                year=row.passed_in,
                stage=labels.stage(passed.stage),
                score=points(passed.evaluation.total),
            )
        return tr("progress.reason.passed_in", year=row.passed_in)
    if row.status == "not_scheduled":
        return ""
    reasons = [labels.blocker(b) for b in row.blockers]
    if row.status == "failed":
        return tr("clause.separator").join(reasons or [tr("progress.reason.failed_verdict")])
    if row.status == "rectifying" and row.official is not None:
        lead = tr("progress.reason.rectifying", stage=labels.stage(row.official.stage))
        return tr("clause.separator").join([lead, *reasons])
    if row.status == "under_review":
        lead = tr("progress.reason.no_result")
    else:
        lead = tr("progress.reason.not_submitted")
    return tr("clause.separator").join([lead, *reasons])


def bar(progress: Progress, width: int = BAR_WIDTH) -> str:
    """A text bar: the passing share filled, and ┃ at the target."""
    filled = int(half_up(progress.share * width, 0))
    mark = min(width - 1, int(half_up(exact(progress.target) * width, 0)))
    cells = ["█" if i < filled else "░" for i in range(width)]
    cells[mark] = "┃"
    return "".join(cells)


def summary_lines(progress: Progress) -> list[str]:
    lines = [
        tr(
            "progress.summary",
            passed=progress.passed,
            denominator=progress.denominator,
            share=percent(progress.share),
            target=percent(progress.target),
            needed=progress.needed,
            deadline=progress.deadline.isoformat(),
        ),
        tr("progress.met") if progress.met else tr("progress.not_met", short_by=progress.short_by),
        tr(
            "progress.participation",
            applied=progress.applied,
            share=percent(progress.applied_share),
        ),
    ]
    if progress.as_of is not None:
        lines.append(tr("progress.as_of", date=progress.as_of.isoformat()))
    if progress.not_on_file > 0:
        lines.append(tr("progress.not_on_file", count=progress.not_on_file))
    return lines


def projection_line(progress: Progress) -> str:
    return tr(
        "progress.projection",
        passed=progress.projected_passed,
        share=percent(progress.projected_share),
        verdict=tr(
            "progress.projection.met" if progress.projected_met else "progress.projection.not_met"
        ),
    )


def path_line(step: PathStep) -> str:
    """A pending community on the way to the target, and what it still lacks."""
    row = step.community
    label = labels.status(row.status)
    if row.self_result is None or row.self_result.evaluation is None:
        return tr("progress.path.no_self", name=row.name, status=label)
    score = points(row.self_result.evaluation.total)
    if step.projected_pass:
        return tr("progress.path.passes", name=row.name, status=label, score=score)
    reasons = tr("clause.separator").join(labels.blocker(b) for b in row.blockers)
    if row.open_projects:
        projects = join([f"{p.id} {p.title}" for p in row.open_projects])
        reasons += tr("progress.path.open_projects", projects=projects)
    return tr("progress.path.lacks", name=row.name, status=label, score=score, reasons=reasons)


def _cells(row: CommunityYear) -> list[str]:
    return [
        tr("community.name_id", name=row.name, id=row.id),
        str(row.community.batch),
        labels.status_in_year(row.status, row.passed_in, row.year),
        stage_cell(row.self_result),
        stage_cell(row.district_result),
        stage_cell(row.city_result),
        row_reason(row),
    ]


def table(progress: Progress, data: CheckedData) -> RenderableType:
    """The terminal view: summary, bar, one row per community, the way to the target."""
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = [
        line(tr("progress.title", town=data.town.name, year=progress.year), style="bold")
    ]
    if progress.provisional:
        parts.append(line(trn("progress.provisional", len(progress.excluded)), "bold yellow"))
        parts += [line(excluded_line(d), style="yellow") for d in progress.excluded]
    for text in summary_lines(progress):
        parts.append(line(text, style="bold green" if text == tr("progress.met") else ""))
    colour = "green" if progress.met else "red"
    parts.append(
        Text(f"{tr('progress.bar')} ")
        + Text(bar(progress), style=colour)
        + Text(f" {percent(progress.share)} / {percent(progress.target)}")
    )
    parts.append(CommunityTable(progress.communities[:MAX_SHOWN]))
    hidden = len(progress.communities) - MAX_SHOWN
    if hidden > 0:
        parts.append(line(trn("progress.more_not_shown", hidden), style="bold"))
    parts += [line(projection_line(progress)), line(tr("progress.path"), style="bold")]
    if not progress.path_to_target:
        parts.append(line("  " + tr("progress.path.none")))
    parts += [line("  - " + path_line(step)) for step in progress.path_to_target]
    return Group(*parts)


class CommunityTable:
    """One row per community, laid out at the width it is shown at: the
    reasons in a column of their own where the whole table fits, else each
    reason on a line of its own under the table, so that no name or status is
    ever cut and no line runs past the edge."""

    def __init__(self, rows: Sequence[CommunityYear]) -> None:
        self.rows = tuple(rows)

    def _grid(self, *, reasons: bool) -> Any:
        from rich.cells import cell_len
        from rich.text import Text

        grid = layout.table()
        rows = [_cells(row) for row in self.rows]
        columns = _columns() if reasons else _columns()[:-1]
        for index, heading in enumerate(columns):
            values = max((cell_len(r[index]) for r in rows), default=0)
            if not reasons and cell_len(heading) > max(values, 4):
                # 区级初审 over two lines, where the marks are narrower than it.
                half = (len(heading) + 1) // 2
                heading = heading[:half] + "\n" + heading[half:]
            wraps = reasons and index == len(columns) - 1  # the reasons alone wrap
            grid.add_column(
                heading,
                justify="right" if 3 <= index <= 5 else "left",
                no_wrap=not wraps,
                overflow="fold",
            )
        for row, cells in zip(self.rows, rows, strict=True):
            grid.add_row(*(Text(c) for c in cells[: len(columns)]), style=_STYLE[row.status])
        return grid

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        from rich.measure import Measurement

        wide = self._grid(reasons=True)
        # Measured without the edge: how wide the table is when nothing wraps.
        natural = Measurement.get(console, options.update_width(1 << 16), wide).maximum
        if natural <= options.max_width:
            yield wide
            return
        yield self._grid(reasons=False)
        for row in self.rows:
            reason = row_reason(row)
            if reason:
                yield line(tr("progress.reason_line", name=row.name, reason=reason))


def excluded_line(d: Diagnostic) -> str:
    """A community file left out of provisional figures, and its first error."""
    return tr("progress.excluded", place=d.place, code=d.code, message=d.message)


def _columns() -> list[str]:
    return [
        tr("progress.col.community"),
        tr("progress.col.batch"),
        tr("progress.col.status"),
        labels.stage("self"),
        labels.stage("district"),
        labels.stage("city"),
        tr("progress.col.reason"),
    ]


def _stage_json(result: StageResult | None) -> dict[str, object] | None:
    if result is None:
        return None
    return {
        "date": result.date.isoformat(),
        "score": points_value(result.evaluation.total) if result.evaluation else None,
        "verdict": result.verdict_stated.value if result.verdict_stated else None,
        "passed": result.passed,
    }


def community_json(row: CommunityYear) -> dict[str, object]:
    return {
        "id": row.id,
        "name": row.name,
        "batch": row.community.batch,
        "status": row.status.value,
        "status_text": labels.status_in_year(row.status, row.passed_in, row.year),
        "passed_in": row.passed_in,
        "official_stage": row.official.stage if row.official is not None else None,
        "scores": {
            "self": _stage_json(row.self_result),
            "district": _stage_json(row.district_result),
            "city": _stage_json(row.city_result),
        },
        "blockers": [jsonout.blocker(b) for b in row.blockers],
        "open_projects": [p.id for p in row.open_projects],
        "projected_pass": row.projected_pass,
    }


def json(progress: Progress, data: CheckedData) -> str:
    """The stable JSON contract of ``gc progress --format json``."""
    from greencommunity.core.status import Status

    return jsonout.dumps(
        {
            "year": progress.year,
            "target": progress.target,
            "deadline": progress.deadline.isoformat(),
            "denominator": progress.denominator,
            "passed": progress.passed,
            "share": share_value(progress.share),
            "share_text": percent(progress.share),
            "met": progress.met,
            "short_by": progress.short_by,
            "applied": progress.applied,
            "applied_share": share_value(progress.applied_share),
            "needed": progress.needed,
            "as_of": progress.as_of.isoformat() if progress.as_of else None,
            "not_on_file": progress.not_on_file,
            "counts": {s.value: progress.count(s) for s in Status},
            "projected_passed": progress.projected_passed,
            "projected_share": share_value(progress.projected_share),
            "projected_met": progress.projected_met,
            "path_to_target": [
                {
                    "id": s.community.id,
                    "points_lacking": points_value(s.points_lacking)
                    if s.points_lacking is not None
                    else None,
                    "projected_pass": s.projected_pass,
                }
                for s in progress.path_to_target
            ],
            "communities": [community_json(r) for r in progress.communities],
            # Only while files are left out: the contract adds these two keys then.
            **(
                {
                    "provisional": True,
                    "excluded": [
                        {"path": d.path, "code": d.code, "line": d.line, "message": d.message}
                        for d in progress.excluded
                    ],
                }
                if progress.provisional
                else {}
            ),
        }
    )


def markdown(progress: Progress, data: CheckedData) -> str:
    """The progress document itself, in Markdown (the CI job summary uses it)."""
    from greencommunity.documents import render_one

    return render_one("progress", formats.MARKDOWN, data, year=progress.year, as_of=progress.as_of)


FORMATS: dict[str, Callable[[Progress, CheckedData], Rendered]] = {
    formats.TEXT: table,
    formats.JSON: json,
    formats.MARKDOWN: markdown,
}
