"""Turn pydantic validation errors into diagnostics with codes and Chinese text."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.i18n import tr
from greencommunity.yamlio import Document

# pydantic error type → (diagnostic code, catalog key).  Anything not listed is
# a GC203 with the generic message, which still names the field and the value.
_CODES: dict[str, tuple[str, str]] = {
    "extra_forbidden": ("GC201", "schema.extra_forbidden"),
    "invalid_key": ("GC201", "schema.invalid_key"),
    "missing": ("GC202", "schema.missing"),
    "gc_date_type": ("GC204", "schema.gc_date_type"),
    "gc_date_format": ("GC204", "schema.gc_date_format"),
    "gc_date_impossible": ("GC204", "schema.gc_date_impossible"),
    "gc_month_day": ("GC204", "schema.gc_month_day"),
    "gc_share": ("GC205", "schema.gc_share"),
    "gc_share_percent": ("GC205", "schema.gc_share_percent"),
    "gc_item_id": ("GC206", "schema.gc_item_id"),
    "gc_item_id_number": ("GC206", "schema.gc_item_id_number"),
    "gc_community_id": ("GC206", "schema.gc_community_id"),
    "string_type": ("GC203", "schema.string_type"),
    "int_type": ("GC203", "schema.int_type"),
    "int_parsing": ("GC203", "schema.int_type"),
    "int_from_float": ("GC203", "schema.int_from_float"),
    "float_type": ("GC203", "schema.float_type"),
    "float_parsing": ("GC203", "schema.float_type"),
    "finite_number": ("GC203", "schema.finite_number"),
    "bool_type": ("GC203", "schema.bool_type"),
    "bool_parsing": ("GC203", "schema.bool_type"),
    "list_type": ("GC203", "schema.list_type"),
    "dict_type": ("GC203", "schema.dict_type"),
    "model_type": ("GC203", "schema.dict_type"),
    "model_attributes_type": ("GC203", "schema.dict_type"),
    "greater_than": ("GC203", "schema.greater_than"),
    "greater_than_equal": ("GC203", "schema.greater_than_equal"),
    "less_than": ("GC203", "schema.less_than"),
    "less_than_equal": ("GC203", "schema.less_than_equal"),
    "too_short": ("GC203", "schema.too_short"),
    "too_long": ("GC203", "schema.too_long"),
    "string_too_short": ("GC203", "schema.string_too_short"),
    "string_too_long": ("GC203", "schema.string_too_long"),
    "string_pattern_mismatch": ("GC203", "schema.string_pattern_mismatch"),
    "literal_error": ("GC203", "schema.literal_error"),
    "enum": ("GC203", "schema.literal_error"),
}


def _field_name(loc: tuple[int | str, ...]) -> str:
    parts = [p for p in loc if p != "[key]"]
    if not parts:
        return tr("schema.top_level")
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _value_text(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."


def _known_keys(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """Field names allowed where an unknown key was found, for suggestions."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _model_in(field.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _message(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str]:
    kind = error["type"]
    loc = tuple(error["loc"])
    code, key = _CODES.get(kind, ("GC203", "schema.invalid"))
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    params: dict[str, Any] = {
        "field": _field_name(loc),
        "value": _value_text(error.get("input")),
        "detail": error["msg"],
    }
    params.update({k: v for k, v in ctx.items() if k not in params})
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else ""
        params["key"] = name
        known = _known_keys(model, loc)
        close = difflib.get_close_matches(name.strip(), known, n=1, cutoff=0.6)
        params["hint"] = (
            tr("schema.did_you_mean", name=close[0])
            if close
            else tr("schema.allowed_keys", keys=", ".join(known))
            if known
            else ""
        )
        if name != name.strip() or not name.isprintable():
            params["hint"] = tr("schema.invisible_characters") + params["hint"]
    if kind == "literal_error" or kind == "enum":
        params["expected"] = str(ctx.get("expected", ""))
    return code, tr(key, **params)


def schema_diagnostics(
    doc: Document, error: ValidationError, model: type[BaseModel]
) -> list[Diagnostic]:
    diagnostics = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        is_key = item["type"] == "extra_forbidden" or (loc and loc[-1] == "[key]")
        path = tuple(p for p in loc if p != "[key]")
        code, message = _message(item, model)
        diagnostics.append(doc.diagnostic(code, Severity.ERROR, message, path, key=bool(is_key)))
    return diagnostics
