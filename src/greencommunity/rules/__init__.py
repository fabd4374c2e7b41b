"""Cross-file rules.  Each rule is a function registered with a stable code; its
docstring is the user documentation shown by ``gc explain CODE`` (Chinese first,
then English after a line holding only ``--``)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from greencommunity.dataset import Dataset
from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.i18n import get_language, tr
from greencommunity.models import Community
from greencommunity.yamlio import Document, Loc

Check = Callable[["Context"], Iterator[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    check: Check

    @property
    def doc(self) -> str:
        return _doc_in_language(self.check.__doc__ or "", get_language())


def _doc_in_language(doc: str, lang: str) -> str:
    text = inspect.cleandoc(doc)
    zh, _, en = text.partition("\n--\n")
    chosen = (en if lang == "en" and en else zh).strip()
    return _unwrap(chosen)


def _unwrap(text: str) -> str:
    """Join a docstring's wrapped lines into one paragraph.

    Chinese lines join with no space, other text with one.
    """
    out = ""
    for line in text.splitlines():
        line = line.strip()
        if not out:
            out = line
        elif out[-1].isascii() or line[:1].isascii():
            out += " " + line
        else:
            out += line
    return out.replace("``", "")


REGISTRY: dict[str, Rule] = {}


def rule(code: str, severity: Severity = Severity.ERROR) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        if code in REGISTRY:
            raise RuntimeError(f"rule code {code} registered twice")
        REGISTRY[code] = Rule(code, severity, check)
        return check

    return register


@dataclass
class Context:
    """What a rule sees: the loaded data and a way to report at a place."""

    dataset: Dataset
    code: str = ""
    severity: Severity = Severity.ERROR

    def communities(self) -> list[tuple[Document, Community]]:
        """Each community file that passed the schema, with its document.

        Files with schema errors have no model; their problems are already
        reported, and the rules skip them.
        """
        return [(c.doc, c.model) for c in self.dataset.communities if c.model is not None]

    def report(
        self,
        doc: Document,
        loc: Loc,
        *,
        key: bool = False,
        severity: Severity | None = None,
        **params: object,
    ) -> Diagnostic:
        """A diagnostic of the running rule; message is catalog key ``rule.<code>``."""
        return doc.diagnostic(
            self.code, severity or self.severity, tr(f"rule.{self.code}", **params), loc, key=key
        )


def all_rules() -> dict[str, Rule]:
    """Every registered rule by code; importing the modules registers them."""
    from greencommunity.rules import (  # noqa: F401
        criteria_rules,
        dates,
        evidence,
        identity,
        references,
        scores,
        town_rules,
    )

    return REGISTRY


def run_rules(dataset: Dataset) -> list[Diagnostic]:
    all_rules()
    found: list[Diagnostic] = []
    for code in sorted(REGISTRY):
        registered = REGISTRY[code]
        context = Context(dataset, code, registered.severity)
        found.extend(registered.check(context))
    return found
