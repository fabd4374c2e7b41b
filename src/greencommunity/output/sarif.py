"""SARIF 2.1.0 output for code scanning (GitHub's "upload-sarif", other viewers).

One run, the tool ``gc`` with one reporting descriptor per diagnostic code (its
``gc explain`` text as help), one result per diagnostic.  Paths are relative
URIs against ``%SRCROOT%``; columns count characters (``unicodeCodePoints``),
as the diagnostics do.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING
from urllib.parse import quote

from greencommunity import __version__
from greencommunity.i18n import tr
from greencommunity.output import jsonout

if TYPE_CHECKING:
    from greencommunity.validation import ValidationResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def _level(severity: str) -> str:
    return "error" if severity == "error" else "warning"


def _rules() -> list[dict[str, object]]:
    """One reporting descriptor per code of the registry."""
    from greencommunity.rules import registry

    return [
        {
            "id": code.id,
            "shortDescription": {"text": code.title},
            "fullDescription": {"text": code.doc},
            "help": {"text": code.doc},
            "defaultConfiguration": {"level": _level(code.severity)},
        }
        for code in registry().values()
    ]


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def render(result: ValidationResult, strict: bool = False) -> str:
    """One SARIF 2.1.0 log of the validation (``strict`` changes nothing: levels are kept)."""
    rules = _rules()
    index = {str(rule["id"]): number for number, rule in enumerate(rules)}
    results: list[dict[str, object]] = []
    for d in result.diagnostics:
        entry: dict[str, object] = {
            "ruleId": d.code,
            "level": _level(d.severity),
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": quote(d.path, safe="/"),
                            "uriBaseId": "%SRCROOT%",
                        },
                        "region": {"startLine": max(1, d.line), "startColumn": max(1, d.column)},
                    }
                }
            ],
            # Stable across edits that only move the problem to another line.
            "partialFingerprints": {"gcProblem/v1": _fingerprint(d.path, d.code, d.message)},
        }
        if d.code in index:
            entry["ruleIndex"] = index[d.code]
        results.append(entry)
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "gc",
                        "fullName": tr("sarif.tool"),
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return jsonout.dumps(log)
