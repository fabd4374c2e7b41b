"""The documents the town submits: application reports, score sheets, the
year's summary, the progress report, and the whole submission bound together.

- ``kinds``: the table of document kinds and formats (a new kind is one entry);
- ``views/``: one module per kind, building the view model its templates get;
- ``planning``: which documents a request makes; ``writing``: writing them;
- ``environment``, ``templates/``: the sandboxed Jinja templates, which a data
  repository may override file by file (their filters: ``greencommunity.filters``,
  shared with the site);
- ``render``: Markdown, self-contained HTML, PDF (WeasyPrint; PDF/A-2a, tagged);
  ``xlsx``: the tables as workbooks; ``docx``: Word documents, laid out from the
  HTML (``htmltree``) in the format of government documents (``wordformat``,
  ``wordtable``);
- ``pdfbatch``: several PDFs laid out on every core, one WeasyPrint write per
  run, cut into files and joined by ``pdfgraft`` (pikepdf);
- ``fonts``: whether fontconfig knows a Chinese font, asked before any PDF.

Documents are Chinese, whatever the interface language (``i18n.DOCUMENT_LANGUAGE``).
This package's ``__init__`` stays light: the CLI imports ``kinds`` at start-up.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from greencommunity.models.folder import CheckedData


def render_one(
    kind: str,
    fmt: str,
    data: CheckedData,
    *,
    year: int,
    as_of: dt.date | None = None,
    issued: dt.date | None = None,
) -> str:
    """One town document as text (md or html): ``gc progress --format markdown``.
    It says what it was computed from, as every document does
    (``provenance.ProvenanceError`` when that cannot be told)."""
    from greencommunity.core import years
    from greencommunity.documents.environment import override_dirs
    from greencommunity.documents.planning import Request, plan_documents
    from greencommunity.documents.render import Renderer
    from greencommunity.provenance import of

    day = years.as_of(issued or as_of, years.zone_of(data.town))
    provenance = of(data.root, day, also=override_dirs(data.root))
    request = Request(kind, year=year, issued=issued, as_of=as_of, provenance=provenance)
    plan = plan_documents(request, data)
    return Renderer(data.root).render(plan.documents[0], fmt).decode("utf-8")
