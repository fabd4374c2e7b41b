"""The one way JSON is written, and the JSON of values several commands share.

Keys are stable (checks outside the repository read them); text stays UTF-8
(Chinese readable in the file); numbers shown to people are rounded by
``figures`` exactly as on screen and paper.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from greencommunity import labels

if TYPE_CHECKING:
    from greencommunity.core.diffing import Share
    from greencommunity.core.scoring import Blocker, Evaluation
    from greencommunity.diagnostics import Diagnostic


def dumps(payload: object) -> str:
    """*payload* as indented UTF-8 JSON text, with a final newline."""
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def diagnostic(d: Diagnostic) -> dict[str, object]:
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "severity": str(d.severity),
        "message": d.message,
    }


def blocker(b: Blocker) -> dict[str, object]:
    from greencommunity.figures import points_value

    return {
        "kind": b.kind,
        "subject": b.subject,
        "actual": points_value(b.actual),
        "required": points_value(b.required),
        "short": points_value(b.short),
        "items": list(b.items),  # k of n: those below the mark; a veto: its item at 0
        "reason": b.reason or None,  # a veto recorded on the sheet: why
        "message": labels.blocker(b),
    }


def evaluation(e: Evaluation) -> dict[str, object]:
    from greencommunity.figures import points_value, share_value

    return {
        "total": points_value(e.total),
        "points": points_value(e.points),
        "passed": e.passed,
        "level": e.level,
        "categories": [
            {
                "id": c.id,
                "title": c.title,
                "points": points_value(c.points),
                "score": points_value(c.score),
                "share": share_value(c.share),
                "min_share": c.min_share,
                "kind": c.kind,
                "counted": points_value(c.counted),
                "items": [
                    {
                        "id": i.item_id,
                        "title": i.title,
                        "points": i.points,
                        "score": i.score,
                    }
                    for i in c.items
                ],
            }
            for c in e.categories
        ],
        "blockers": [blocker(b) for b in e.blockers],
    }


def share(s: Share | None) -> dict[str, object] | None:
    """The town's standing for a target year on one side of a change (diff, history)."""
    from greencommunity.figures import share_value

    if s is None:
        return None
    return {
        "passed": s.passed,
        "denominator": s.denominator,
        "share": share_value(s.share),
        "target": s.target,
        "met": s.met,
        "complete": s.complete,
    }
