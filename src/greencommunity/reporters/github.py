"""GitHub Actions workflow commands: one ``::error``/``::warning`` line per problem."""

from __future__ import annotations

from greencommunity.validation import ValidationResult


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: ValidationResult) -> str:
    lines = []
    for d in result.diagnostics:
        props = ",".join(
            [
                f"file={_escape_property(d.path)}",
                f"line={d.line}",
                f"col={d.column}",
                f"title={_escape_property(d.code)}",
            ]
        )
        lines.append(f"::{d.severity}{' ' + props}::{_escape_data(d.message)}")
    return "\n".join(lines)
