"""The table of document kinds and output formats: one entry each.

A document kind says what the document is called (its catalog title), whether
it is one per town or one per community, which view module builds its view
model, how its files are named and in which formats it exists.  A bundle kind
(``submission``) binds other kinds into one set, with an index and a combined
print file.  A new document kind is one entry here, a view module under
``views/`` and its templates.  ``Subject`` is what one document is about;
``ViewModule`` is what each view module provides.

This module is imported at start-up (the CLI lists kinds and formats in its
options and help), so view modules are named, not imported: ``view()`` imports
one when a document of that kind is made.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol, cast

from greencommunity import formats

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from greencommunity.documents.errors import DocumentRequestError
    from greencommunity.loading.provenance import Record, RecordKey
    from greencommunity.models import Community
    from greencommunity.models.folder import CheckedData
    from greencommunity.provenance import Provenance

Scope = Literal["town", "community", "bundle"]
Every = Literal["applicants", "evaluations"]


@dataclass(frozen=True)
class Format:
    """An output format of the documents."""

    name: str
    suffix: str
    # The combined print file of a bundle exists in this format (a Markdown
    # bundle would be one long page, so Markdown has none).
    bundles: bool
    # What the index of several documents is written in.
    index: str
    # The function that writes one document as the bytes of its file, named
    # "module:function" in this package and imported when first used (this
    # table is read at start-up; ``render.file_renderer`` imports it):
    # function(renderer, document) -> bytes.
    render: str
    # Text a single document can be shown as on the terminal (else: --output).
    printable: bool = True


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(formats.MARKDOWN, "md", bundles=False, index="md", render="render:markdown_file"),
        Format(formats.HTML, "html", bundles=True, index="html", render="render:html_file"),
        Format(
            formats.PDF,
            "pdf",
            bundles=True,
            index="html",
            render="render:pdf_file",
            printable=False,
        ),
        # A workbook for the district's officers (documents/xlsx.py): only the
        # kinds that are tables have one.
        Format(
            formats.XLSX, "xlsx", bundles=False, index="html", render="xlsx:render", printable=False
        ),
        # A Word document the district's officers edit (documents/docx.py): the
        # kinds a community or the town hands in.
        Format(
            formats.DOCX, "docx", bundles=False, index="html", render="docx:render", printable=False
        ),
    )
}
# The formats every kind has; the tables have xlsx too, the documents handed
# to the district docx.
TEXT_FORMATS = (formats.MARKDOWN, formats.HTML, formats.PDF)


@dataclass(frozen=True)
class DocumentKind:
    name: str
    title: str  # catalog key; formatted with community, town and year
    scope: Scope
    module: str  # the view module (``views/<module>.py``), or "" for a bundle
    template: str  # template stem: <template>.md.j2, <template>.html.j2
    formats: tuple[str, ...] = TEXT_FORMATS  # xlsx and docx only where a kind says so
    parts: tuple[str, ...] = ()  # a bundle's kinds, in the order they are bound
    # Which communities ``--all`` makes it for, and whose years it speaks of:
    # a year's applicants, or the communities with an annual evaluation of it.
    every: Every = "applicants"
    # An official package (documents/package.py): a manifest.json beside the
    # files, and never made from uncommitted data without --allow-dirty.
    package: bool = False

    def view(self) -> ViewModule:
        """The module that checks the data and builds this kind's view model."""
        module = importlib.import_module(f"greencommunity.documents.views.{self.module}")
        return cast("ViewModule", module)

    def stem(self, year: int, community: str | None = None) -> str:
        """The file name without suffix: 2021-songxin-application, 2022-summary."""
        return f"{year}-{community}-{self.name}" if community else f"{year}-{self.name}"


# The bundle of a year's submission; its title also heads the index of any set
# of documents of that year.
SUBMISSION = "submission"
# The score sheet: the one document that says who recorded each sheet (from git).
SCORESHEET = "scoresheet"

KINDS: dict[str, DocumentKind] = {
    k.name: k
    for k in (
        DocumentKind(
            "application",
            "document.title.application",
            "community",
            "application",
            "application",
            formats=(*TEXT_FORMATS, formats.DOCX),
        ),
        DocumentKind(
            "scoresheet",
            "document.title.scoresheet",
            "community",
            "scoresheet",
            "scoresheet",
            formats=(*TEXT_FORMATS, formats.XLSX, formats.DOCX),
        ),
        DocumentKind(
            "summary",
            "document.title.summary",
            "town",
            "summary",
            "summary",
            formats=(*TEXT_FORMATS, formats.XLSX, formats.DOCX),
        ),
        DocumentKind(
            "progress",
            "document.title.progress",
            "town",
            "progress",
            "progress",
            formats=TEXT_FORMATS,
        ),
        # 创建情况和实施效果年度评估: a community's account of a year's effects,
        # handed to the town (and the district) like the application.
        DocumentKind(
            "evaluation",
            "document.title.evaluation",
            "community",
            "evaluation",
            "evaluation",
            formats=(*TEXT_FORMATS, formats.DOCX),
            every="evaluations",
        ),
        # The whole submission of a year, as the town forwards it to the district
        # by 30 October: its summary, then each submitting community's
        # application and score sheet.
        DocumentKind(
            SUBMISSION,
            "document.title.submission",
            "bundle",
            "",
            "bundle",
            formats=TEXT_FORMATS,
            parts=("summary", "application", SCORESHEET),
            package=True,
        ),
    )
}


@dataclass(frozen=True)
class Subject:
    """What one document is about: its kind, the data, the year, what the data
    are (their provenance), the community (for a community's document), the
    signing date and the day it speaks of."""

    kind: DocumentKind
    data: CheckedData
    year: int
    provenance: Provenance  # of the run, for the criteria of the year
    community: Community | None = None
    issued: dt.date | None = None  # the date under the signature; None: left blank
    # The day the run speaks as of (the date asked for, else today): later
    # events count as not yet happened.
    as_of: dt.date | None = None
    # Who recorded each sheet, from git; empty outside git (nothing is said then).
    records: Mapping[RecordKey, Record] = field(default_factory=dict)

    @property
    def the_community(self) -> Community:
        """The community of a community's document (the kinds table guarantees one)."""
        if self.community is None:
            raise ValueError(f"a {self.kind.name} document is about a community")
        return self.community


class ViewModule(Protocol):
    """What each module under ``views/`` provides for its document kind."""

    def unavailable(self, subject: Subject) -> DocumentRequestError | None:
        """Why the document cannot be made, or None."""
        ...

    def build(self, subject: Subject) -> object:
        """The view model the kind's templates receive as ``view``."""
        ...
