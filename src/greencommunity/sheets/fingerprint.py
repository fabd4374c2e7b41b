"""Which criteria a score sheet was made from: a hash of their canonical content.

The workbook stores the fingerprint of the criteria it was exported from (those
in force for its year), so an import can refuse a sheet whose items, points or
pass rule are not today's.  The hash itself is ``models.criteria.fingerprint``:
the model's data, not the file's text, so a comment, a blank line or a change
of quotes in criteria.yaml does not make old sheets unusable.
"""

from __future__ import annotations

from greencommunity.models.criteria import FINGERPRINT_PREFIX as PREFIX
from greencommunity.models.criteria import fingerprint

__all__ = ["PREFIX", "SHOWN", "fingerprint", "shown"]

# Characters of the hash shown to people: enough to tell two versions apart.
SHOWN = 12


def shown(value: str) -> str:
    """The start of a fingerprint, as messages show it."""
    return value.removeprefix(PREFIX)[:SHOWN]
