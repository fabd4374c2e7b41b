"""What a rule is: a function registered with a stable code, and what it sees.

A rule yields diagnostics of its own code and severity only; its docstring is
the code's documentation (``codes.py``: Chinese title and paragraph, ``--``,
English title and paragraph).  Its messages are catalog keys named at each
report, so the catalog tests can find every one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from greencommunity.codes import Code, declare
from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.i18n import tr
from greencommunity.loading.dataset import Dataset
from greencommunity.loading.document import Document, Loc
from greencommunity.loading.schema_errors import slip_warnings
from greencommunity.models import Community

Check = Callable[["Context"], Iterator[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    code: Code
    check: Check


REGISTRY: dict[str, Rule] = {}


def rule(code: str, severity: Severity = Severity.ERROR) -> Callable[[Check], Check]:
    """Register *check* as the rule of *code*, documented by its docstring."""

    def register(check: Check) -> Check:
        declared = declare(code, severity, check.__doc__ or "")
        REGISTRY[code] = Rule(declared, check)
        return check

    return register


@dataclass
class Context:
    """What a rule sees: the loaded data and a way to report at a place."""

    dataset: Dataset
    code: Code

    def communities(self) -> list[tuple[Document, Community]]:
        """Each community file that passed the schema, with its document.

        Files with schema errors have no model; their problems are already
        reported, and the rules skip them.
        """
        return [(c.doc, c.model) for c in self.dataset.communities if c.model is not None]

    def report(
        self, doc: Document, loc: Loc, message: str, *, on_key: bool = False, **params: object
    ) -> Diagnostic:
        """A diagnostic of the running rule at *loc* (its key with *on_key*);
        *message* is the catalog key of the text."""
        return doc.diagnostic(self.code, tr(message, **params), loc, key=on_key)


def run_rules(dataset: Dataset) -> list[Diagnostic]:
    """Every rule's diagnostics, rules in code order, then the warnings about
    values that may hold a Chinese input slip (GC207) where no error already
    stands: ``partners: [房管所、镇经发办]`` is one unknown department (GC304,
    whose message names the 、), not also a warning."""
    found: list[Diagnostic] = []
    for code in sorted(REGISTRY):
        registered = REGISTRY[code]
        found.extend(registered.check(Context(dataset, registered.code)))
    errors = [d for d in (*dataset.diagnostics, *found) if d.severity is Severity.ERROR]
    for loaded in (dataset.town, dataset.criteria, *dataset.communities):
        if loaded is not None:
            doc = loaded.doc
            reported = {(d.line, d.column) for d in errors if d.path == doc.display}
            found.extend(slip_warnings(doc, reported))
    return found
