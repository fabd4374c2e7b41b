"""What the score-sheet tests share: the checked data of a folder, an exported
sheet opened with openpyxl, a sheet filled in as an officer would."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from greencommunity import xlsx
from greencommunity.models import Community
from greencommunity.models.folder import CheckedData
from greencommunity.sheets.export import export_workbook
from greencommunity.validation import validate

SHEET = "自测评分表"


def checked(data: Path) -> CheckedData:
    found = validate(data).checked()
    assert found is not None
    return found


def community(data: CheckedData, wanted: str) -> Community:
    return next(c for c in data.communities if c.id == wanted)


def exported(data: Path, wanted: str, year: int) -> bytes:
    found = checked(data)
    sheet = found.criteria.criteria_for(year)
    return export_workbook(found.town.name, sheet, community(found, wanted), year)


def opened(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def fill(data: bytes, cells: Mapping[str, Any], path: Path) -> Path:
    """*data* with *cells* typed in, saved at *path* (as Excel would save it:
    text that begins with = is a formula)."""
    book = opened(data)
    for ref, value in cells.items():
        book[SHEET][ref] = value
    path.write_bytes(xlsx.workbook_bytes(book))
    return path
