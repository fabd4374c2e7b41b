"""SARIF 2.1.0 output for code scanning (GitHub's "upload-sarif", other viewers).

One run, the tool ``gc`` with one reporting descriptor per diagnostic code (its
``gc explain`` text as help), one result per diagnostic.  Paths are relative
URIs against ``%SRCROOT%``; columns count characters (``unicodeCodePoints``),
as the diagnostics do.
"""

from __future__ import annotations

import hashlib
import json
from urllib.parse import quote

from greencommunity import __version__
from greencommunity.diagnostics import Severity
from greencommunity.i18n import tr
from greencommunity.validation import ValidationResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def _level(severity: Severity | str) -> str:
    return "error" if str(severity) == "error" else "warning"


def _rules() -> list[dict[str, object]]:
    from greencommunity.rule_docs import all_docs

    rules: list[dict[str, object]] = []
    for code, (severity, text) in all_docs().items():
        first = text.split("\n", 1)[0]
        rules.append(
            {
                "id": code,
                "shortDescription": {"text": first[:200]},
                "fullDescription": {"text": text},
                "help": {"text": text},
                "defaultConfiguration": {"level": _level(severity)},
            }
        )
    return rules


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def render_sarif(result: ValidationResult) -> str:
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
    return json.dumps(log, ensure_ascii=False, indent=2)
