"""The report kinds and formats: plain enums, importable without Jinja or the
models, so that the CLI can declare its options without slowing start-up."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    application = "application"
    scoresheet = "scoresheet"
    summary = "summary"
    progress = "progress"
    submission = "submission"


class Format(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"
