"""Documents as Excel workbooks (``--format xlsx``): the town's summary and a
community's score sheet, from the same view models as their Markdown and HTML.

Every figure comes from the view (never computed again here), every word for
a value from ``labels``, every rounding from ``figures``, every sentence the
templates also write from the same ``document.*`` key (``locales/documents.py``),
with the template's markup as plain text; numbers and dates are real cells, so
the district can sort and add them.  The score sheet has
the layout of the sheet a community fills in (``sheets/layout.py``); both are
made, fitted and set up for printing by the workbook builder (``xlsx.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from greencommunity import figures, labels, xlsx
from greencommunity.filters import MISSING, cn_date, cn_ordinal
from greencommunity.i18n import DOCUMENT_LANGUAGE, join, tr, trn, using
from greencommunity.sheets import layout

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from greencommunity.documents.render import Document, Renderer
    from greencommunity.documents.views.common import CategoryRow, CommunityRow, Meta, StageView
    from greencommunity.documents.views.scoresheet import ScoresheetView
    from greencommunity.documents.views.summary import SummaryView

DATE_FORMAT = 'yyyy"年"m"月"d"日"'


def render(renderer: Renderer, doc: Document) -> bytes:
    """*doc* as the bytes of an .xlsx file (its ``kinds.FORMATS`` renderer).

    A workbook is built from the view model alone: *renderer*'s templates are
    not used."""
    make = RENDERERS.get(doc.kind.template)
    if make is None:
        raise ValueError(f"no workbook for the document kind {doc.kind.name!r}")
    with using(DOCUMENT_LANGUAGE):
        return make(doc.view)


def _notices(meta: Meta) -> list[str]:
    """What the Markdown and HTML documents say above their text."""
    found = []
    if meta.illustrative:
        if meta.all_illustrative:
            found.append(tr("document.notice.illustrative_all"))
        else:
            names = join(meta.illustrative)
            found.append(tr("document.notice.illustrative_some", names=names))
    if meta.draft:
        found.append(tr("document.notice.draft", year=meta.year, issuer=meta.issuer))
    return found


def _workbook(sheet_name: str, meta: Meta) -> tuple[Workbook, Worksheet]:
    """A workbook titled as the document, dated and described by its provenance."""
    provenance = meta.provenance
    return xlsx.new(sheet_name, meta.title, stamp=provenance.stamp, description=provenance.words())


def _labelled(key: str, text: str = "") -> str:
    """A label and its text in one cell, as the documents write ``**label**：text``."""
    return tr("document.labelled", label=tr(key), text=text)


def _date(sheet: Worksheet, row: int, column: int, value: Any, shown: str = DATE_FORMAT) -> None:
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if value is not None:
        cell.number_format = shown


# ------------------------------------------------------------------ score sheet


def scoresheet(view: ScoresheetView) -> bytes:
    meta = view.meta
    book, sheet = _workbook(layout.sheet_name(), meta)
    where = tr("sheets.doc.town", town=meta.town, district=meta.district)
    layout.heading(
        sheet,
        meta.title,
        tr("sheets.subtitle", criteria=view.criteria_title, year=meta.year),
        tr("sheets.community", name=view.community.name) + where,
    )
    row = layout.DATE_ROW
    # As in the sheet a community fills in: the score column is narrow.
    _date(sheet, row, layout.DATE_COLUMN, view.self_date, layout.DATE_FORMAT)
    submitted = cn_date(view.submitted, tr("document.not_submitted"))
    xlsx.put(sheet, row, layout.COL_NOTE, _labelled("document.label.submitted", submitted))
    layout.banner(sheet, 4, "".join(_notices(meta)) or None)
    blocks = [
        layout.Block(
            id=c.id,
            title=c.title,
            lines=tuple(
                layout.Line(
                    id=i.id,
                    title=i.title,
                    points=i.points,
                    evidence=_evidence(i.files, i.asked),
                    score=i.score,
                    note=i.note,
                )
                for i in c.items
            ),
            points=c.points,
            score=c.score,
            remark=_remark(c),
        )
        for c in view.categories
    ]
    score = view.score
    total = layout.Total(score.points, score.score, labels.verdict(score.passed))
    evidence = tr("document.label.evidence")
    table = layout.write_table(sheet, blocks, total, fillable=False, evidence=evidence)
    row = table.total + 2
    lines = [tr("sheets.pass_rule", clauses=tr("clause.separator").join(score.clauses))]
    verdict = labels.verdict(score.passed)
    if score.level:
        verdict = tr("document.level", verdict=verdict, level=score.level)
    sentence = tr(
        "document.verdict",
        score=figures.points(score.score),
        points=figures.points(score.points),
        verdict=verdict,
    )
    lines.append(_labelled("document.label.verdict", sentence))
    if score.blockers:
        lines.append(_labelled("document.label.blockers"))
        lines += [tr("sheets.doc.blocker", no=n, text=b) for n, b in enumerate(score.blockers, 1)]
    blank = tr("document.blank_line")
    lines += [
        _labelled("document.sign.unit", view.community.name),
        _labelled("document.sign.filler", blank),
        _labelled("document.sign.head", blank),
        _labelled("document.sign.date", cn_date(meta.issued, tr("document.blank_date"))),
        meta.provenance.words(),
    ]
    for offset, line in enumerate(lines):
        layout.banner(sheet, row + offset, line)
    last = row + len(lines) - 1
    layout.finish(sheet, table.total, last)
    return xlsx.workbook_bytes(book)


def _evidence(files: tuple[str, ...], asked: tuple[str, ...]) -> str:
    """What the criteria ask for against the files attached, as the Markdown sheet says."""
    attached = tr("sheets.doc.files_separator").join(files)
    if asked:
        return tr(
            "document.evidence",
            asked=tr("document.evidence.asked", asked=tr("sheets.evidence_separator").join(asked)),
            attached=tr(
                "document.evidence.attached", files=attached or tr("document.evidence.none")
            ),
        )
    return attached or MISSING


def _remark(category: CategoryRow) -> str:
    """A category's subtotal remark, as the documents write it: its share of the
    points and the share required, then its note (a minimum in points; a cap)."""
    if not category.scored:
        return category.note
    share = _share(category.share, category.min_share, category.ok)
    return tr("clause.separator").join(t for t in (share, category.note) if t)


def _share(share: Any, min_share: float | None, ok: bool) -> str:
    text = tr("document.share", share=figures.percent(share))
    if min_share is None:
        return text
    required = figures.percent(min_share)
    if ok:
        return text + tr("document.share_required", share=required)
    return text + tr("document.share_short", share=required, short=tr("document.not_reached"))


# ---------------------------------------------------------------------- summary


def summary(view: SummaryView) -> bytes:
    meta = view.meta
    book, sheet = _workbook(tr("sheets.doc.summary_sheet"), meta)
    columns = _summary_columns(view)
    width = len(columns)
    xlsx.title(sheet, meta.title, width)
    subtitle = tr("sheets.subtitle", criteria=view.criteria_title, year=meta.year)
    xlsx.banner(sheet, 2, subtitle, width)
    xlsx.banner(sheet, 3, "".join(_notices(meta)) or None, width)
    header = 4
    xlsx.headings(sheet, header, columns)
    framed = [header]
    row = header
    for community in view.rows:
        row += 1
        framed.append(row)
        _summary_row(sheet, row, community, len(view.categories))
    row += 1
    total = tr(
        "document.summary_total",
        count=len(view.rows),
        passed=view.self_passing,
        points=figures.points(view.min_total),
    )
    total = tr("document.labelled", label=tr("sheets.total"), text=total)
    xlsx.banner(sheet, row, total, width, bold=True)
    if view.not_submitted:
        row += 2
        xlsx.banner(sheet, row, trn("document.pending", len(view.not_submitted)), width)
        for community in view.not_submitted:
            row += 1
            framed.append(row)
            _summary_row(sheet, row, community, len(view.categories))
    row += 2
    xlsx.banner(sheet, row, meta.provenance.words(), width)
    xlsx.frame_rows(sheet, framed, width)
    # The headings wrap (a category's is long), so only the rows below count;
    # the community names and statuses are fitted, the other columns fixed.
    grid = xlsx.Grid(header, width, (header + 1, row), _widths(view), frozen_column=3)
    xlsx.finish(sheet, grid, row, area=False)
    return xlsx.workbook_bytes(book)


# Widths of the summary's columns that are not fitted to their text.
SUMMARY_WIDTHS = {"no": 6, "batch": 9, "date": 17, "category": 13, "score": 10, "stage": 30}


def _widths(view: SummaryView) -> dict[int, xlsx.Width]:
    """Fixed widths but for the community names and statuses, which are as wide
    as the widest (at least 12 and 8 characters, padded by 2)."""
    w = {key: xlsx.fixed(chars) for key, chars in SUMMARY_WIDTHS.items()}
    bounds = [
        w["no"],
        xlsx.Width(14, None),
        w["batch"],
        w["date"],
        *([w["category"]] * len(view.categories)),
        w["score"],
        w["score"],
        w["stage"],
        w["stage"],
        xlsx.Width(10, None),
    ]
    return dict(enumerate(bounds, 1))


def _summary_columns(view: SummaryView) -> list[str]:
    return [
        tr("document.label.no"),
        tr("document.label.community"),
        tr("document.label.batch"),
        tr("document.label.submitted"),
        *(
            tr(
                "sheets.doc.col.category",
                no=cn_ordinal(c.id),
                title=c.title,
                points=figures.points(c.points),
            )
            for c in view.categories
        ),
        tr("document.label.self_total"),
        tr("document.label.verdict"),
        labels.stage("district"),
        labels.stage("city"),
        tr("document.label.status"),
    ]


def _summary_row(sheet: Worksheet, row: int, r: CommunityRow, categories: int) -> None:
    own = r.self
    subtotals: list[float | None] = list(own.categories) if own and own.categories else []
    subtotals += [None] * (categories - len(subtotals))
    values: list[xlsx.Cell] = [
        r.no,
        r.name,
        tr("document.batch", year=r.batch),
        None,
        *subtotals,
        own.score if own is not None else None,
        labels.verdict(own.passed) if own is not None else MISSING,
        _stage(r.district),
        _stage(r.city),
        r.status_text,
    ]
    xlsx.put_row(sheet, row, values)
    _date(sheet, row, 4, r.submitted)


def _stage(stage: StageView | None) -> str:
    """A review as the Markdown summary shows it: 68 分，达标（2022年11月8日）."""
    if stage is None:
        return MISSING
    verdict = labels.verdict(stage.outcome)
    when = cn_date(stage.date)
    if stage.score is None:
        return tr("document.stage", verdict=verdict, date=when)
    return tr(
        "document.stage_scored", score=figures.points(stage.score), verdict=verdict, date=when
    )


RENDERERS: dict[str, Callable[[Any], bytes]] = {
    "scoresheet": scoresheet,
    "summary": summary,
}
