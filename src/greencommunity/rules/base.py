"""What a rule is: a function registered with a stable code, and what it sees.

A rule yields diagnostics of its own code and severity only; its docstring is
the code's documentation (``codes.py``: Chinese title and paragraph, ``--``,
English title and paragraph).  Its messages are catalog keys named at each
report, so the catalog tests can find every one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

from greencommunity.codes import Code, declare
from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.i18n import tr
from greencommunity.loading.dataset import Dataset, Loaded
from greencommunity.loading.document import Document, Loc
from greencommunity.loading.schema_errors import slip_warnings
from greencommunity.models import Community

Check = Callable[["Context"], Iterator[Diagnostic]]


class Scope(Enum):
    """What a rule's findings about a community file depend on.

    FILE: that file alone (its content and its path), with town.yaml and the
    criteria files (criteria.yaml and every criteria/<year>.yaml); the rule
    reports only in that file.  Its findings are kept in the cache with the
    file and found again only when one of those changes.
    DATASET: anything else (other community files, files on disk, the town or
    criteria files themselves); the rule runs every time.
    """

    FILE = "file"
    DATASET = "dataset"


@dataclass(frozen=True)
class Rule:
    code: Code
    check: Check
    scope: Scope = Scope.DATASET


REGISTRY: dict[str, Rule] = {}


def code_of(check: Check) -> Code:
    """The code the rule function *check* is registered with: how the rest of
    gc names one rule's findings without writing its code as a string."""
    return next(r.code for r in REGISTRY.values() if r.check is check)


def rule(
    code: str, severity: Severity = Severity.ERROR, *, scope: Scope = Scope.DATASET
) -> Callable[[Check], Check]:
    """Register *check* as the rule of *code*, documented by its docstring."""

    def register(check: Check) -> Check:
        declared = declare(code, severity, check.__doc__ or "")
        REGISTRY[code] = Rule(declared, check, scope)
        return check

    return register


@dataclass
class Context:
    """What a rule sees: the loaded data and a way to report at a place.

    ``only``: the community files a one-file rule is to look at this time
    (those whose findings the cache does not already hold); None for all.
    """

    dataset: Dataset
    code: Code
    only: Sequence[Loaded[Community]] | None = None

    def communities(self) -> list[tuple[Document, Community]]:
        """Each community file that passed the schema, with its document.

        Files with schema errors have no model; their problems are already
        reported, and the rules skip them.
        """
        chosen = self.dataset.communities if self.only is None else self.only
        return [(c.doc, c.model) for c in chosen if c.model is not None]

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
    fresh = [c for c in dataset.communities if c.rules is None]
    per_file: list[Diagnostic] = []
    for code in sorted(REGISTRY):
        registered = REGISTRY[code]
        if registered.scope is Scope.FILE:
            per_file.extend(registered.check(Context(dataset, registered.code, fresh)))
        else:
            found.extend(registered.check(Context(dataset, registered.code)))
    by_file: dict[str, list[Diagnostic]] = {c.doc.display: [] for c in fresh}
    for diagnostic in per_file:
        # A one-file rule may also check town.yaml or the criteria files themselves:
        # those findings are not a community file's, and are found every time.
        by_file.get(diagnostic.path, found).append(diagnostic)
    for community in dataset.communities:
        if community.rules is None:
            community.rules = by_file[community.doc.display]
        found.extend(community.rules)
    # A file read on past its errors (slips repaired, refused values set
    # aside: schema_errors.salvage) has rules run on the rest; a finding on
    # the line of such an error may only echo it, and is left out.
    unread: dict[str, set[int]] = defaultdict(set)
    for d in dataset.diagnostics:
        if d.severity is Severity.ERROR:
            unread[d.path].add(d.line)
    if unread:
        found = [d for d in found if d.line not in unread.get(d.path, ())]
    # The places of the errors, by file: grouped once, not searched once per file.
    errors: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for d in (*dataset.diagnostics, *found):
        if d.severity is Severity.ERROR:
            errors[d.path].add((d.line, d.column))
    for loaded in (dataset.town, *dataset.criteria_files(), *dataset.communities):
        if loaded is not None:
            reported = errors.get(loaded.doc.display, set())
            found.extend(slip_warnings(loaded.doc, reported, loaded.slips))
    return found
