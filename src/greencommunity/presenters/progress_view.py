"""Progress as a rich table with a bar, and as Markdown (a pure function, reused by
the git job summary)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from greencommunity.i18n import tr
from greencommunity.progress import PathStep, Progress
from greencommunity.scoring import fmt_percent, fmt_points
from greencommunity.status import CommunityYear, StageResult, Status

BAR_WIDTH = 40


def status_label(row: CommunityYear) -> str:
    if row.status is Status.PASSED and row.passed_in is not None and row.passed_in != row.year:
        return tr("status.passed_in", year=row.passed_in)
    return tr(f"status.{row.status.value}")


def stage_cell(result: StageResult | None) -> str:
    """ "80 ✓", "64 ✗", "✗" for a bare verdict, "" when there is no result."""
    if result is None:
        return ""
    mark = {True: "✓", False: "✗", None: ""}[result.passed]
    if result.evaluation is None:
        return mark
    return f"{fmt_points(result.evaluation.total)} {mark}".strip()


def row_reason(row: CommunityYear) -> str:
    """Why a community is where it is, in one line."""
    if row.status is Status.PASSED:
        passed = row.passed_result
        if passed is not None and passed.evaluation is not None:
            return tr(
                "progress.reason.passed_with_score",
                year=row.passed_in,
                stage=tr(f"stage.{passed.stage}"),
                score=fmt_points(passed.evaluation.total),
            )
        return tr("progress.reason.passed_in", year=row.passed_in)
    if row.status is Status.NOT_SCHEDULED:
        return ""
    reasons = [b.message() for b in row.blockers]
    if row.status is Status.FAILED:
        if not reasons:
            reasons = [tr("progress.reason.failed_verdict")]
        return "；".join(reasons)
    lead = tr(
        "progress.reason.no_result"
        if row.status is Status.UNDER_REVIEW
        else "progress.reason.not_submitted"
    )
    return "；".join([lead, *reasons])


def bar(progress: Progress, width: int = BAR_WIDTH) -> str:
    """A text bar: filled share, and a ``|`` at the target."""
    filled = round(progress.passed * width / progress.denominator)
    mark = min(width - 1, round(progress.target * width))
    cells = ["█" if i < filled else "░" for i in range(width)]
    cells[mark] = "┃"
    return "".join(cells)


def summary_lines(progress: Progress, town_name: str) -> list[str]:
    lines = [
        tr(
            "progress.summary",
            passed=progress.passed,
            denominator=progress.denominator,
            share=fmt_percent(progress.share),
            target=fmt_percent(progress.target),
            needed=progress.needed,
            deadline=progress.deadline.isoformat(),
        ),
        tr("progress.met") if progress.met else tr("progress.not_met", short_by=progress.short_by),
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
        share=fmt_percent(progress.projected_share),
        verdict=tr(
            "progress.projection.met" if progress.projected_met else "progress.projection.not_met"
        ),
    )


def path_line(step: PathStep) -> str:
    row = step.community
    label = tr(f"status.{row.status.value}")
    if row.self_result is None or row.self_result.evaluation is None:
        return tr("progress.path.no_self", name=row.name, status=label)
    score = fmt_points(row.self_result.evaluation.total)
    if step.projected_pass:
        return tr("progress.path.passes", name=row.name, status=label, score=score)
    reasons = "；".join(b.message() for b in row.blockers)
    if row.open_projects:
        projects = "、".join(f"{p.id} {p.title}" for p in row.open_projects)
        reasons += f"（{tr('score.open_projects')} {projects}）"
    return tr("progress.path.lacks", name=row.name, status=label, score=score, reasons=reasons)


def _columns() -> list[str]:
    return [
        tr("progress.col.community"),
        tr("progress.col.batch"),
        tr("progress.col.status"),
        tr("progress.col.self"),
        tr("progress.col.district"),
        tr("progress.col.city"),
        tr("progress.col.reason"),
    ]


def _cells(row: CommunityYear) -> list[str]:
    return [
        f"{row.name}（{row.id}）",
        str(row.community.batch),
        status_label(row),
        stage_cell(row.self_result),
        stage_cell(row.district_result),
        stage_cell(row.city_result),
        row_reason(row),
    ]


_STYLE = {
    Status.PASSED: "green",
    Status.FAILED: "red",
    Status.UNDER_REVIEW: "yellow",
    Status.CREATING: "cyan",
    Status.NOT_SCHEDULED: "dim",
}


def render_progress(progress: Progress, town_name: str, console: Console) -> None:
    console.print(
        f"[bold]{escape(tr('progress.title', town=town_name, year=progress.year))}[/]",
        soft_wrap=True,
    )
    for line in summary_lines(progress, town_name):
        style = "bold green" if line == tr("progress.met") else ""
        console.print(escape(line), style=style or None, soft_wrap=True)
    colour = "green" if progress.met else "red"
    console.print(
        f"{escape(tr('progress.bar'))} [{colour}]{bar(progress)}[/] "
        f"{fmt_percent(progress.share)}% / {fmt_percent(progress.target)}%",
        soft_wrap=True,
    )
    table = Table(show_lines=False)
    for index, column in enumerate(_columns()):
        table.add_column(column, justify="right" if 3 <= index <= 5 else "left")
    for row in progress.communities:
        cells = [escape(c) for c in _cells(row)]
        table.add_row(*cells, style=_STYLE[row.status])
    console.print(table)
    console.print(escape(projection_line(progress)), soft_wrap=True)
    console.print(escape(tr("progress.path")), style="bold", soft_wrap=True)
    if not progress.path_to_target:
        console.print("  " + escape(tr("progress.path.none")), soft_wrap=True)
    for step in progress.path_to_target:
        console.print("  - " + escape(path_line(step)), soft_wrap=True)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def progress_markdown(progress: Progress, town_name: str) -> str:
    """The progress as GitHub-flavoured Markdown (pure; the job summary reuses it)."""
    out = [tr("progress.md.heading", town=town_name, year=progress.year), ""]
    for line in summary_lines(progress, town_name):
        out.append(f"- {line}")
    out.append("")
    out.append(
        f"`{bar(progress)}` {fmt_percent(progress.share)}% / {fmt_percent(progress.target)}%"
    )
    out.append("")
    columns = _columns()
    out.append("| " + " | ".join(columns) + " |")
    out.append("|" + "|".join(["---"] * len(columns)) + "|")
    for row in progress.communities:
        out.append("| " + " | ".join(_md_cell(c) for c in _cells(row)) + " |")
    out.append("")
    out.append(projection_line(progress))
    out.append("")
    out.append(f"**{tr('progress.path')}**")
    out.append("")
    if not progress.path_to_target:
        out.append(f"- {tr('progress.path.none')}")
    for step in progress.path_to_target:
        out.append(f"- {path_line(step)}")
    return "\n".join(out) + "\n"
