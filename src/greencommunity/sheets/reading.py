"""A filled score sheet read back: scores, notes and the date, checked cell by cell.

``read_sheet`` opens a workbook only after ``limits.check`` passed, reads what
``export`` stored in the hidden sheet, refuses a sheet made from other
criteria, then reads each item's row.  Every problem is a Diagnostic at its
cell (``佳昱.xlsx 自测评分表!E12``); a formula where a value is typed, text
where a number belongs, a score off its item's range or the score step.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from greencommunity import figures
from greencommunity.codes import (
    WORKBOOK_BAD_DATE,
    WORKBOOK_FORMULA,
    WORKBOOK_NOT_A_NUMBER,
    WORKBOOK_NOT_A_SHEET,
    WORKBOOK_OFF_STEP,
    WORKBOOK_OTHER_CRITERIA,
    WORKBOOK_OUT_OF_RANGE,
    WORKBOOK_UNREADABLE,
    Code,
)
from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import tr
from greencommunity.models import Criteria
from greencommunity.models.editions import CriteriaByYear
from greencommunity.models.types import COMMUNITY_ID_PATTERN, ISO_DATE
from greencommunity.rules.scores import WRITTEN_DIGITS, neighbours, on_step
from greencommunity.sheets import layout, limits
from greencommunity.sheets.export import FIRST_YEAR, LAST_YEAR
from greencommunity.sheets.fingerprint import fingerprint, shown

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

_COMMUNITY_ID = re.compile(COMMUNITY_ID_PATTERN)
# Rows looked at below the table's last expected row, in case rows were added.
SLACK_ROWS = 100
# Meta rows looked at: the keys are in the first rows of the hidden sheet.
META_ROWS = 20
META_KEYS_READ = ("community", "year", "criteria", "sheet")

Score = int | float


class UnsafeXmlError(RuntimeError):
    """openpyxl would parse XML without defusedxml: nothing is opened."""


@dataclass
class FilledSheet:
    """What one workbook says about one community's self-evaluation of a year."""

    display: str
    sheet: str
    community: str
    year: int
    date: dt.date | None = None
    scores: dict[str, Score | None] = field(default_factory=dict)  # every item; None: blank
    notes: dict[str, str | None] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)

    def at(self, code: Code, message: str, row: int = 0, column: int = 0) -> Diagnostic:
        return code.in_workbook(self.display, message, self.sheet, row, column)


def read_sheet(
    path: Path, display: str, criteria: CriteriaByYear
) -> FilledSheet | list[Diagnostic]:
    """The values of the filled sheet at *path*, or every problem found in it;
    read against the criteria in force in the sheet's year."""
    refused = limits.check(path, display)
    if refused is not None:
        return [refused]
    if not limits.xml_is_safe():
        raise UnsafeXmlError(display)
    book = _open(path, display)
    if isinstance(book, Diagnostic):
        return [book]
    try:
        found = _identify(book, display, criteria)
        if isinstance(found, Diagnostic):
            return [found]
        problems = _read_rows(book[found.sheet], found, criteria.criteria_for(found.year))
        return problems or found
    finally:
        book.close()


def _open(path: Path, display: str) -> Workbook | Diagnostic:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about extensions it drops (conditional formats of
            # newer Excel versions…); what it keeps is all an import reads.
            warnings.simplefilter("ignore")
            return load_workbook(path, data_only=False, keep_vba=False, keep_links=False)
    except Exception as exc:
        # A damaged part raises whatever the parser meets first (KeyError,
        # ValueError, TypeError, a zip error…): each means the same to an officer.
        # openpyxl wraps defusedxml's refusal in a ValueError of its own.
        key = "sheets.unreadable.unsafe_xml" if _refused_xml(exc) else "sheets.unreadable.damaged"
        return WORKBOOK_UNREADABLE.in_workbook(display, tr(key))


def _refused_xml(exc: BaseException | None) -> bool:
    """defusedxml refused the XML somewhere down the chain of *exc*."""
    from defusedxml import DefusedXmlException

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DefusedXmlException):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _identify(book: Workbook, display: str, criteria: CriteriaByYear) -> FilledSheet | Diagnostic:
    """The community, year and sheet stored by ``export``; a sheet made from
    other criteria than those in force in its year is refused."""

    def not_ours(key: str, **params: object) -> Diagnostic:
        return WORKBOOK_NOT_A_SHEET.in_workbook(display, tr(key, **params))

    if layout.META_SHEET not in book.sheetnames:
        return not_ours("sheets.not_ours.no_meta")
    meta: dict[str, Any] = {}
    for key, value in book[layout.META_SHEET].iter_rows(
        min_row=1, max_row=META_ROWS, max_col=2, values_only=True
    ):
        if isinstance(key, str) and key in layout.META_KEYS:
            meta.setdefault(key, value)
    if meta.get("format") != layout.FORMAT:
        return not_ours("sheets.not_ours.format")
    community, year, made_from, name = (meta.get(k) for k in META_KEYS_READ)
    if not (isinstance(community, str) and _COMMUNITY_ID.match(community)):
        return not_ours("sheets.not_ours.meta")
    if isinstance(year, float) and year.is_integer():
        year = int(year)
    if isinstance(year, bool) or not isinstance(year, int):
        return not_ours("sheets.not_ours.meta")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return not_ours("sheets.not_ours.meta")
    if not (isinstance(name, str) and name in book.sheetnames and name != layout.META_SHEET):
        return not_ours("sheets.not_ours.sheet")
    current = fingerprint(criteria.criteria_for(year))
    if made_from != current:
        message = tr(
            "sheets.other_criteria",
            made=shown(made_from) if isinstance(made_from, str) else "—",
            current=shown(current),
        )
        return WORKBOOK_OTHER_CRITERIA.in_workbook(display, message, name)
    return FilledSheet(display=display, sheet=name, community=community, year=year)


def _read_rows(sheet: Worksheet, found: FilledSheet, criteria: Criteria) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    items = criteria.items()
    expected = len(items) + 2 * len(criteria.categories) + 1
    last = min(sheet.max_row, layout.HEADER_ROW + expected + SLACK_ROWS)
    for (cell,) in sheet.iter_rows(
        min_row=layout.HEADER_ROW + 1, max_row=last, min_col=layout.COL_ID, max_col=layout.COL_ID
    ):
        text = cell.value.strip() if isinstance(cell.value, str) else None
        if text is None or text not in items or cell.row is None:
            continue
        if text in found.rows:
            message = tr("sheets.not_ours.repeated", item=text, first=found.rows[text])
            problems.append(found.at(WORKBOOK_NOT_A_SHEET, message, cell.row, layout.COL_ID))
            continue
        found.rows[text] = cell.row
    missing = [item for item in items if item not in found.rows]
    if missing:
        message = tr("sheets.not_ours.missing", items=tr("clause.separator").join(missing))
        # At the cell where the first missing item's id was exported.
        exported = dict(layout.item_rows([[i.id for i in c.items] for c in criteria.categories]))
        row = exported.get(missing[0])
        if row is None:
            problems.append(found.at(WORKBOOK_NOT_A_SHEET, message))
        else:
            problems.append(found.at(WORKBOOK_NOT_A_SHEET, message, row, layout.COL_ID))
    for item_id, row in found.rows.items():
        item = items[item_id]
        score = _score(sheet.cell(row=row, column=layout.COL_SCORE), found, item.points, criteria)
        if isinstance(score, Diagnostic):
            problems.append(score)
        else:
            found.scores[item_id] = score
        note = _note(sheet.cell(row=row, column=layout.COL_NOTE), found)
        if isinstance(note, Diagnostic):
            problems.append(note)
        else:
            found.notes[item_id] = note
    date = _date(sheet.cell(row=layout.DATE_ROW, column=layout.DATE_COLUMN), found)
    if isinstance(date, Diagnostic):
        problems.append(date)
    else:
        found.date = date
    return problems


def _is_formula(cell: Cell | MergedCell) -> bool:
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

    return cell.data_type == "f" or isinstance(cell.value, ArrayFormula | DataTableFormula)


def _place(cell: Cell | MergedCell) -> tuple[int, int]:
    return cell.row or 0, cell.column or 0


def _formula(cell: Cell | MergedCell, found: FilledSheet) -> Diagnostic | None:
    """A formula where a value is typed, refused at its cell: an import reads
    what was typed, never what a formula computed."""
    if not _is_formula(cell):
        return None
    return found.at(WORKBOOK_FORMULA, tr("sheets.formula", formula=str(cell.value)), *_place(cell))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _score(
    cell: Cell | MergedCell, found: FilledSheet, points: float, criteria: Criteria
) -> Score | Diagnostic | None:
    if (formula := _formula(cell, found)) is not None:
        return formula
    value = cell.value
    if _blank(value):
        return None
    row, column = _place(cell)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return found.at(WORKBOOK_NOT_A_NUMBER, _not_a_number(cell), row, column)
    written = figures.number(value, WRITTEN_DIGITS)
    if not 0 <= value <= points:
        message = tr("sheets.out_of_range", score=written, points=figures.points(points))
        return found.at(WORKBOOK_OUT_OF_RANGE, message, row, column)
    step = criteria.score_step
    if not on_step(value, step):
        message = tr("sheets.off_step", **neighbours(value, step))
        return found.at(WORKBOOK_OFF_STEP, message, row, column)
    # A whole number is written as one (4, not 4.0), as the files do.
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _not_a_number(cell: Cell | MergedCell) -> str:
    value = cell.value
    if cell.data_type == "e":
        return tr("sheets.not_a_number.error", value=str(value))
    if isinstance(value, bool):
        return tr("sheets.not_a_number.flag")
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        return tr("sheets.not_a_number.date")
    return tr("sheets.not_a_number.text", value=str(value).strip())


def _note(cell: Cell | MergedCell, found: FilledSheet) -> str | Diagnostic | None:
    if (formula := _formula(cell, found)) is not None:
        return formula
    value = cell.value
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    elif isinstance(value, bool):
        text = "TRUE" if value else "FALSE"  # as Excel shows it
    elif isinstance(value, float):
        text = figures.number(value, WRITTEN_DIGITS)
    else:
        text = str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


def _date(cell: Cell | MergedCell, found: FilledSheet) -> dt.date | Diagnostic | None:
    if (formula := _formula(cell, found)) is not None:
        return formula
    value = cell.value
    if _blank(value):
        return None
    day: dt.date | None = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str) and (match := ISO_DATE.match(value.strip())):
        try:
            day = dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            day = None
    if day is None or not FIRST_YEAR <= day.year <= LAST_YEAR:
        shown_value = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
        message = tr("sheets.bad_date", value=shown_value)
        return found.at(WORKBOOK_BAD_DATE, message, *_place(cell))
    return day
