"""GitLab's Code Quality report (``artifacts:reports:codequality``): a JSON
array of findings, which GitLab shows in the merge request and beside the
changed lines.

Each finding has the fields GitLab reads, names that are a stable contract:
``description`` (the code, then the message), ``check_name`` (the code),
``fingerprint``, ``severity`` (``ci.GITLAB_SEVERITY``), ``location.path``
(relative to the repository's root, as SARIF's URIs are) and
``location.lines.begin``.

GitLab compares the findings of a merge request's pipeline with its target
branch's by fingerprint: one seen on both sides is unchanged, one on the
merge request's only is new.  A fingerprint is SARIF's (the file, code and
message, not the line: an edit above a problem does not make it new), with,
from the second problem of a file with the same code and message on, how
many such came before it, so that each finding has its own.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from greencommunity.output import ci, jsonout

if TYPE_CHECKING:
    from greencommunity.validation import ValidationResult


def render(result: ValidationResult, strict: bool = False) -> str:
    """The Code Quality report of the validation (``strict`` changes nothing:
    the severities are kept)."""
    root = ci.result_root(result)
    seen: Counter[tuple[str, str, str]] = Counter()
    findings: list[dict[str, object]] = []
    for d in result.diagnostics:
        path, _ = ci.repository_path(d.path, root)
        identity = (path, d.code, d.message)
        before = seen[identity]
        seen[identity] += 1
        repeat = (str(before),) if before else ()
        findings.append(
            {
                "description": ci.unicode_text(f"{d.code} {d.message}"),
                "check_name": d.code,
                "fingerprint": ci.fingerprint(*identity, *repeat),
                "severity": ci.GITLAB_SEVERITY[d.severity],
                "location": {"path": ci.unicode_text(path), "lines": {"begin": max(1, d.line)}},
            }
        )
    return jsonout.dumps(findings)
