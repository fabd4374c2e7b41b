"""What an output file was computed from: its provenance.

Every document, workbook, Word file and site page says what it was made
from: the data revision (the git commit of the data folder, whether the
folder had uncommitted changes, or that it is not in git), the fingerprint of
the criteria in force in the year it speaks of (the one the workbooks carry,
``models.criteria.fingerprint``), gc's version, and the day it speaks as of.
It says so on paper (a closing line) and in the file's metadata, in the words
of one catalog key (``provenance.line``), so a document printed from
uncommitted edits never looks like one made from a commit.

The same provenance also fixes the one time written into files (PDF dates,
zip entries, office properties): ``core/years.stamp``, never the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from greencommunity import __version__
from greencommunity.core import years
from greencommunity.i18n import tr
from greencommunity.models.criteria import Criteria, fingerprint
from greencommunity.sheets.fingerprint import shown

if TYPE_CHECKING:
    from greencommunity.loading.git import Revision


class ProvenanceError(Exception):
    """The provenance cannot be settled (git fails, SOURCE_DATE_EPOCH is not a
    time); the message is for the user (exit 2)."""


@dataclass(frozen=True)
class Provenance:
    """What one output was computed from."""

    revision: Revision | None  # None: the data folder is not in git
    as_of: dt.date  # the day the output speaks as of
    stamp: dt.datetime  # the time written into the file (years.stamp)
    built_today: bool = False  # no day was asked for: as_of is the day of the build
    fingerprint: str = ""  # the criteria's, "sha256:…"; "" until a year is chosen
    version: str = __version__

    @property
    def dirty(self) -> bool:
        """The data folder had uncommitted changes."""
        return self.revision is not None and self.revision.dirty

    def for_criteria(self, criteria: Criteria) -> Provenance:
        """The same, for an output scored by *criteria*."""
        return replace(self, fingerprint=fingerprint(criteria))

    def on(self, day: dt.date) -> Provenance:
        """The same, for an output that speaks as of *day* (a document signed then)."""
        return replace(self, as_of=day, built_today=False) if day != self.as_of else self

    @property
    def created(self) -> str:
        """The stamp as a W3C date and time (HTML ``dcterms.created``, PDF dates)."""
        return self.stamp.isoformat(timespec="seconds")

    @property
    def short_fingerprint(self) -> str:
        """As gc sheet's messages show a fingerprint."""
        return shown(self.fingerprint)

    def revision_words(self) -> str:
        revision = self.revision
        if revision is None:
            return tr("provenance.not_in_git")
        if revision.short is None:
            return tr("provenance.no_commit")
        if revision.dirty:
            return tr("provenance.dirty", commit=revision.short)
        return revision.short

    def words(self) -> str:
        """The one line every output carries, in the current language."""
        day = tr("site.date", year=self.as_of.year, month=self.as_of.month, day=self.as_of.day)
        return tr(
            "provenance.line",
            revision=self.revision_words(),
            fingerprint=self.short_fingerprint or "—",
            version=self.version,
            as_of=tr("provenance.built_today", day=day)
            if self.built_today
            else tr("provenance.as_of", day=day),
        )


def unknown(day: dt.date, *, built_today: bool = False) -> Provenance:
    """The provenance of data whose revision nobody asked for (a library call):
    not in git."""
    return Provenance(None, day, _stamp(None, day), built_today)


def of(root: Path, day: years.Day, *, also: Sequence[Path] = ()) -> Provenance:
    """The provenance of outputs made from the data folder *root* (and its
    templates *also*) as of *day*; ProvenanceError when it cannot be told."""
    from greencommunity.loading.git import GitError, data_revision

    try:
        revision = data_revision(root, also)
    except GitError as exc:
        raise ProvenanceError(str(exc)) from None
    committed = revision.time if revision is not None else None
    return Provenance(revision, day.date, _stamp(committed, day.date), not day.asked)


def _stamp(committed: dt.datetime | None, day: dt.date) -> dt.datetime:
    try:
        return years.stamp(committed, day)
    except years.EpochError as exc:
        raise ProvenanceError(tr("provenance.bad_epoch", value=exc.value)) from None
