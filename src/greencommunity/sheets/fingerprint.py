"""Which criteria a score sheet was made from: a hash of their canonical content.

The workbook stores the fingerprint of the criteria it was exported from, so an
import can refuse a sheet whose items, points or pass rule are not today's.
The hash is taken over the model's data (``model_dump``), not the file's text:
a comment, a blank line or a change of quotes in criteria.yaml changes nothing
a sheet depends on, so it does not make old sheets unusable.
"""

from __future__ import annotations

import hashlib
import json

from greencommunity.models import Criteria

PREFIX = "sha256:"
# Characters of the hash shown to people: enough to tell two versions apart.
SHOWN = 12


def fingerprint(criteria: Criteria) -> str:
    """``sha256:`` and the hex digest of the criteria's canonical JSON."""
    canonical = json.dumps(
        criteria.model_dump(mode="json"),
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return PREFIX + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def shown(value: str) -> str:
    """The start of a fingerprint, as messages show it."""
    return value.removeprefix(PREFIX)[:SHOWN]
