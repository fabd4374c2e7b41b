"""The 自测评分表 of a community and year as a workbook to fill in (``gc sheet export``).

Blank when the community has no self-evaluation for the year, filled with its
scores, notes and date otherwise.  Only the yellow cells can be changed: the
score (a data validation keeps it between 0 and the item's points, on the
criteria's score step), the note, and the self-evaluation date; subtotals and
the total are formulas.  The sheet is protected without a password
(``xlsx.protect``): the import checks every cell whatever happened to the file.

The community, year and criteria fingerprint go into a very hidden sheet
(``layout.META_SHEET``), so an import never depends on the file's name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from greencommunity import figures, labels, xlsx
from greencommunity.core.scoring import pass_rule_clauses
from greencommunity.core.status import Status, community_status
from greencommunity.diagnostics import column_letter
from greencommunity.i18n import DOCUMENT_LANGUAGE, tr, using
from greencommunity.models import Community, Criteria
from greencommunity.models.community import SelfAssessment
from greencommunity.models.criteria import Category
from greencommunity.models.editions import CriteriaByYear
from greencommunity.sheets import layout
from greencommunity.sheets.fingerprint import fingerprint
from greencommunity.sheets.layout import FORMULA_DIGITS

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

# A score whose division by the step is this close to a whole number is on the
# step: Excel's binary arithmetic makes 0.3 / 0.1 into 2.9999999999999996.
STEP_TOLERANCE = "0.000001"
# The self-evaluation date may be any day of these years.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def sheet_communities(
    criteria: CriteriaByYear, communities: Sequence[Community], year: int
) -> list[Community]:
    """The communities that fill in a sheet for *year*: those with an entry for
    the year, and those creating (in the plan by then, not yet passed)."""
    chosen = [
        c
        for c in communities
        if c.assessment(year) is not None
        or community_status(criteria, c, year).status is Status.CREATING
    ]
    return sorted(chosen, key=lambda c: (c.batch, c.id))


def file_name(community: Community, year: int) -> str:
    """The file of ``--all``: the id, not the name, since a name may hold any character."""
    with using(DOCUMENT_LANGUAGE):
        return tr("sheets.file_name", year=year, id=community.id)


def export_workbook(town_name: str, criteria: Criteria, community: Community, year: int) -> bytes:
    """The workbook of *community*'s self-evaluation for *year*, as .xlsx bytes."""
    with using(DOCUMENT_LANGUAGE):
        title = tr("document.title.scoresheet", town=town_name, year=year, community=community.name)
        book, sheet = xlsx.new(layout.sheet_name(), title)
        assessment = community.assessment(year)
        own = assessment.self if assessment is not None else None
        _fill(sheet, title, criteria, community, year, own)
        _meta(book, criteria, community, year, sheet.title)
        return xlsx.workbook_bytes(book)


def _fill(
    sheet: Worksheet,
    title: str,
    criteria: Criteria,
    community: Community,
    year: int,
    own: SelfAssessment | None,
) -> None:
    layout.heading(
        sheet,
        title,
        tr("sheets.subtitle", criteria=criteria.title, year=year),
        tr("sheets.community", name=community.name),
    )
    _date_cell(sheet, own.date if own is not None else None)
    step = figures.number(criteria.score_step, FORMULA_DIGITS)
    layout.banner(sheet, 4, tr("sheets.instructions", step=step))
    blocks = [
        layout.Block(
            id=category.id,
            title=category.title,
            lines=tuple(
                layout.Line(
                    id=item.id,
                    title=item.title,
                    points=item.points,
                    evidence=tr("sheets.evidence_separator").join(item.evidence),
                    score=own.scores.get(item.id) if own is not None else None,
                    note=own.notes.get(item.id) if own is not None else None,
                )
                for item in category.items
            ),
            remark=_counts(category),
            sign={"scored": 0, "bonus": 1, "deduction": -1}[category.kind.value],
            cap=None if category.scored else _cap(category),
        )
        for category in criteria.categories
    ]
    table = layout.write_table(sheet, blocks, layout.Total(), fillable=True)
    clauses = tr("clause.separator").join(labels.clause(c) for c in pass_rule_clauses(criteria))
    last = table.total + 2
    layout.banner(sheet, last, tr("sheets.pass_rule", clauses=clauses))
    _validations(sheet, criteria, table)
    layout.finish(sheet, table.total, last)
    # Columns and rows may still be resized: a long note needs room.
    xlsx.protect(sheet, resizable=True)


def _cap(category: Category) -> float:
    """The most a bonus or deduction counts: its cap, else all its points."""
    return max(category.cap, 0.0) if category.cap is not None else category.points


def _counts(category: Category) -> str:
    """How a bonus or deduction category counts, beside its subtotal."""
    if category.scored:
        return ""
    return labels.cap(category.kind.value, category.cap, category.points)


def _date_cell(sheet: Worksheet, date: dt.date | None) -> None:
    """The self-evaluation date to fill in, and the community's name in bold."""
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.datavalidation import DataValidation

    row = layout.DATE_ROW
    xlsx.bold([sheet.cell(row=row, column=1)])
    cell = sheet.cell(row=row, column=layout.DATE_COLUMN)
    cell.value = date
    cell.number_format = layout.DATE_FORMAT
    layout.fill_in(cell)
    cell.alignment = Alignment(horizontal="center")
    xlsx.put(sheet, row, layout.DATE_COLUMN + 1, tr("sheets.date_hint"))
    check = DataValidation(
        type="date",
        operator="between",
        formula1=f"DATE({FIRST_YEAR},1,1)",
        formula2=f"DATE({LAST_YEAR},12,31)",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=tr("sheets.validation.date_title"),
        error=tr("sheets.validation.date_error"),
    )
    check.add(cell.coordinate)
    sheet.add_data_validation(check)


def _validations(sheet: Worksheet, criteria: Criteria, table: layout.Table) -> None:
    """Each score cell accepts a number from 0 to its item's points, on the step."""
    from openpyxl.worksheet.datavalidation import DataValidation

    step = figures.number(criteria.score_step, FORMULA_DIGITS)
    for item_id, row in table.rows.items():
        item = criteria.items()[item_id]
        ref = f"{column_letter(layout.COL_SCORE)}{row}"
        most = figures.number(item.points, FORMULA_DIGITS)
        formula = (
            f"AND(ISNUMBER({ref}),{ref}>=0,{ref}<={most},"
            f"ABS({ref}/{step}-ROUND({ref}/{step},0))<{STEP_TOLERANCE})"
        )
        words = {"points": figures.points(item.points), "step": figures.points(criteria.score_step)}
        check = DataValidation(
            type="custom",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
            errorTitle=tr("sheets.validation.score_title"),
            error=tr("sheets.validation.score_error", **words),
            promptTitle=tr("sheets.validation.score_title"),
            prompt=tr("sheets.validation.score_prompt", **words),
        )
        check.add(ref)
        sheet.add_data_validation(check)


def _meta(book: Workbook, criteria: Criteria, community: Community, year: int, name: str) -> None:
    """The very hidden sheet an import reads (``xlsx.hidden_sheet``)."""
    meta = xlsx.hidden_sheet(book, layout.META_SHEET)
    values: dict[str, str | int] = {
        "format": layout.FORMAT,
        "community": community.id,
        "year": year,
        "criteria": fingerprint(criteria),
        "sheet": name,
    }
    for row, key in enumerate(layout.META_KEYS, 1):
        xlsx.put_row(meta, row, [key, values[key]])
