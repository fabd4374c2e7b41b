from __future__ import annotations

import json

from greencommunity.validation import ValidationResult


def render_json(result: ValidationResult, *, strict: bool = False) -> str:
    payload = {
        "ok": not result.failed(strict=strict),
        "summary": {
            "files": result.files_checked,
            "errors": result.errors,
            "warnings": result.warnings,
        },
        "diagnostics": [d.to_json() for d in result.diagnostics],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
