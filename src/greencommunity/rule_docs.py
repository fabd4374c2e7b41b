"""Documentation of every diagnostic code.

Rule codes (GC3xx) are documented by their rule's docstring; the codes raised
while reading and schema-checking files (GC1xx, GC2xx) by catalog entries
``doc.<code>``, since no single function owns them.
"""

from __future__ import annotations

from greencommunity.diagnostics import Severity
from greencommunity.i18n import tr

FILE_CODES: dict[str, Severity] = {
    "GC101": Severity.ERROR,
    "GC102": Severity.ERROR,
    "GC103": Severity.ERROR,
    "GC104": Severity.ERROR,
    "GC105": Severity.ERROR,
    "GC106": Severity.ERROR,
    "GC107": Severity.ERROR,
    "GC108": Severity.ERROR,
    "GC109": Severity.ERROR,
    "GC110": Severity.WARNING,
    "GC201": Severity.ERROR,
    "GC202": Severity.ERROR,
    "GC203": Severity.ERROR,
    "GC204": Severity.ERROR,
    "GC205": Severity.ERROR,
    "GC206": Severity.ERROR,
}


def all_docs() -> dict[str, tuple[Severity, str]]:
    from greencommunity.rules import all_rules

    docs = {code: (severity, tr(f"doc.{code}")) for code, severity in FILE_CODES.items()}
    docs.update({code: (r.severity, r.doc) for code, r in all_rules().items()})
    return dict(sorted(docs.items()))
