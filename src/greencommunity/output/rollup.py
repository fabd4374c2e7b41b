"""``gc rollup``: towns' standing for a year, and the district's (and city's)
totals, as a terminal table, JSON (the stable contract) and Markdown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from greencommunity import formats, markdown
from greencommunity.figures import percent, share_value
from greencommunity.i18n import join, tr, trn
from greencommunity.output import jsonout, layout

if TYPE_CHECKING:
    from rich.console import RenderableType

    from greencommunity.core.rollup import Rollup, Totals, TownResult
    from greencommunity.output import Rendered


def _met_words(met: bool | None, short_by: int | None) -> str:
    """Met, or how many passes are still missing; "" when there is no target to compare."""
    if met is None:
        return ""
    return tr("rollup.met") if met else tr("rollup.short_by", count=short_by)


def _met(town: TownResult) -> str:
    progress = town.progress
    return "" if progress is None else _met_words(progress.met, progress.short_by)


def excluded_reason(town: TownResult) -> str:
    """Why a town is left out of the totals, in words."""
    if town.no_target:
        return tr("rollup.excluded.no_target")
    if town.too_many_files:
        return tr("rollup.excluded.too_many_files")
    return trn("rollup.excluded.errors", town.errors)


def _town_cells(town: TownResult) -> list[str]:
    progress = town.progress
    if progress is None:
        return [town.name, town.district, "", "", "", "", "", excluded_reason(town)]
    return [
        town.name,
        town.district,
        str(progress.denominator),
        tr("rollup.count_share", count=progress.applied, share=percent(progress.applied_share)),
        str(progress.passed),
        percent(progress.share),
        percent(progress.target),
        _met(town),
    ]


def _total_cells(label: str, total: Totals, target: str = "", met: str = "") -> list[str]:
    return [
        label,
        "",
        str(total.denominator),
        tr("rollup.count_share", count=total.applied, share=percent(total.applied_share)),
        str(total.passed),
        percent(total.share),
        target,
        met,
    ]


def _columns() -> list[str]:
    return [
        tr("rollup.col.town"),
        tr("rollup.col.district"),
        tr("rollup.col.denominator"),
        tr("rollup.col.applied"),
        tr("rollup.col.passed"),
        tr("rollup.col.share"),
        tr("rollup.col.target"),
        tr("rollup.col.met"),
    ]


def _rows(rollup: Rollup) -> list[tuple[list[str], bool]]:
    """(cells, is a total) for every town, each district's total when there are
    several, and the overall total."""
    rows: list[tuple[list[str], bool]] = []
    several = len(rollup.groups) > 1
    for group in rollup.groups:
        rows += [(_town_cells(t), False) for t in group.towns]
        if several:
            label = tr("rollup.district_total", district=group.district)
            rows.append((_total_cells(label, group.total), True))
    target = percent(rollup.target) if rollup.target is not None else ""
    met = _met_words(rollup.met, rollup.short_by)
    rows.append((_total_cells(tr("rollup.total"), rollup.total, target, met), True))
    return rows


def notes(rollup: Rollup) -> list[str]:
    """What the reader must know about the totals: towns left out, differences."""
    found = [
        tr("rollup.note.repeated", town=name, counted=str(counted), left=str(left))
        for name, counted, left in rollup.repeated
    ]
    if rollup.excluded:
        names = join([t.name for t in rollup.excluded])
        found.append(trn("rollup.note.excluded", len(rollup.excluded), names=names))
    if len(rollup.targets) > 1:
        targets = join([percent(t) for t in rollup.targets])
        found.append(tr("rollup.note.targets_differ", targets=targets))
    if rollup.criteria_kinds > 1:
        found.append(trn("rollup.note.criteria_differ", rollup.criteria_kinds))
    return found


def title(rollup: Rollup) -> str:
    return tr("rollup.title", year=rollup.year, towns=trn("rollup.towns", len(rollup.towns)))


def table(rollup: Rollup) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    grid = layout.table()
    for index, column in enumerate(_columns()):
        grid.add_column(column, justify="right" if 2 <= index <= 6 else "left", no_wrap=index < 2)
    for cells, is_total in _rows(rollup):
        grid.add_row(*(Text(c) for c in cells), style="bold" if is_total else None)
    parts: list[RenderableType] = [layout.line(title(rollup), style="bold"), grid]
    parts += [layout.line(note, style="yellow") for note in notes(rollup)]
    return Group(*parts)


def markdown_table(rollup: Rollup) -> str:
    esc = markdown.escape
    rows = [
        [f"**{esc(c)}**" if is_total and c else esc(c) for c in cells]
        for cells, is_total in _rows(rollup)
    ]
    lines = [f"## {esc(title(rollup))}", ""]
    lines += markdown.table([esc(c) for c in _columns()], rows)
    for note in notes(rollup):
        lines += ["", f"- {esc(note)}"]
    return "\n".join(lines) + "\n"


def _town_json(town: TownResult) -> dict[str, object]:
    progress = town.progress
    return {
        "town": town.name,
        "district": town.district,
        "city": town.city,
        "folder": town.folder.as_posix(),
        "counted": progress is not None,
        "excluded_because": None if progress is not None else excluded_reason(town),
        "errors": town.errors,
        "denominator": progress.denominator if progress else None,
        "applied": progress.applied if progress else None,
        "passed": progress.passed if progress else None,
        "share": share_value(progress.share) if progress else None,
        "target": progress.target if progress else None,
        "met": progress.met if progress else None,
        "short_by": progress.short_by if progress else None,
        "criteria": town.criteria or None,
    }


def _totals_json(total: Totals) -> dict[str, object]:
    return {
        "towns": total.towns,
        "denominator": total.denominator,
        "applied": total.applied,
        "passed": total.passed,
        "share": share_value(total.share),
    }


def json(rollup: Rollup) -> str:
    """The stable contract: year, towns[...], total{...}; districts and notes added."""
    return jsonout.dumps(
        {
            "year": rollup.year,
            "towns": [_town_json(t) for t in rollup.towns],
            "total": _totals_json(rollup.total),
            "districts": [{"district": g.district, **_totals_json(g.total)} for g in rollup.groups],
            "targets": list(rollup.targets),
            "met": rollup.met,
            "short_by": rollup.short_by,
            "criteria_kinds": rollup.criteria_kinds,
            "repeated": [
                {"town": name, "counted": str(counted), "left": str(left)}
                for name, counted, left in rollup.repeated
            ],
            "notes": notes(rollup),
        }
    )


def html(rollup: Rollup) -> str:
    """The district's page of ``gc site``, as one self-contained file."""
    from greencommunity.dashboard.build import district_page

    return district_page(rollup, {}).text


def xlsx(rollup: Rollup) -> bytes:
    """A workbook for the district's officers: one row per town, the totals, the
    notes; figures as numbers and shares as percentages, so they can be summed
    and sorted."""
    from greencommunity import xlsx as builder

    columns = _columns()
    width = len(columns)
    book, sheet = builder.new(tr("rollup.sheet"), title(rollup))
    builder.title(sheet, title(rollup), width)
    header = 3
    builder.headings(sheet, header, columns)
    row = header
    totals: list[int] = []

    def put_total(label: str, total: Totals, target: float | None, met: str) -> None:
        builder.put_row(sheet, row, [label, None, total.denominator, total.applied, total.passed])
        builder.percent(sheet, row, 6, float(total.share))
        if target is not None:
            builder.percent(sheet, row, 7, target)
        builder.put(sheet, row, 8, met)
        totals.append(row)

    # The rows of the terminal table (_rows): each town, each district's total
    # when there are several, and the total with its target and how it stands.
    several = len(rollup.groups) > 1
    for group in rollup.groups:
        for town in group.towns:
            row += 1
            p = town.progress
            if p is None:
                builder.put_row(sheet, row, [town.name, town.district])
                builder.put(sheet, row, width, excluded_reason(town))
                continue
            builder.put_row(
                sheet, row, [town.name, town.district, p.denominator, p.applied, p.passed]
            )
            builder.percent(sheet, row, 6, float(p.share))
            builder.percent(sheet, row, 7, p.target)
            builder.put(sheet, row, 8, _met(town))
        if several:
            row += 1
            label = tr("rollup.district_total", district=group.district)
            put_total(label, group.total, None, "")
    row += 1
    met = _met_words(rollup.met, rollup.short_by)
    put_total(tr("rollup.total"), rollup.total, rollup.target, met)
    builder.frame_rows(sheet, range(header, row + 1), width)
    for total_row in totals:
        builder.bold(sheet[total_row][:width])
    last = row
    for note in notes(rollup):
        last += 1 if last > row else 2
        builder.banner(sheet, last, note, width)
    grid = builder.Grid(header, width, (header, row))
    builder.finish(sheet, grid, last)
    return builder.workbook_bytes(book)


FORMATS: dict[str, Callable[[Rollup], Rendered]] = {
    formats.TEXT: table,
    formats.JSON: json,
    formats.MARKDOWN: markdown_table,
    formats.HTML: html,
    formats.XLSX: xlsx,
}
