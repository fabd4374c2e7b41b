"""pydantic's validation errors → diagnostics with codes and the officer's words.

Each pydantic error type has one entry in ``_ERRORS``: its code in the registry
and its catalog message.  Messages never show pydantic's own English text, a
Python repr or a 0-based index: the place and the value are said by
``values.place`` and ``values.describe``.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from greencommunity.codes import (
    BAD_DATE,
    BAD_ID,
    BAD_SHARE,
    MISSING_KEY,
    UNKNOWN_KEY,
    WRONG_VALUE,
    Code,
)
from greencommunity.diagnostics import Diagnostic
from greencommunity.figures import number
from greencommunity.i18n import join, tr
from greencommunity.loading.document import Document
from greencommunity.loading.values import describe, impossible_date, place

# pydantic error type → (code, catalog key).  Anything not listed is a GC203 with
# the generic message, which still names the place and the value.
_ERRORS: dict[str, tuple[Code, str]] = {
    "extra_forbidden": (UNKNOWN_KEY, "schema.extra_forbidden"),
    "invalid_key": (UNKNOWN_KEY, "schema.invalid_key"),
    "missing": (MISSING_KEY, "schema.missing"),
    "gc_date_type": (BAD_DATE, "schema.gc_date_type"),
    "gc_date_format": (BAD_DATE, "schema.gc_date_format"),
    "gc_date_impossible": (BAD_DATE, "schema.gc_date_impossible"),
    "gc_month_day": (BAD_DATE, "schema.gc_month_day"),
    "gc_share": (BAD_SHARE, "schema.gc_share"),
    "gc_share_percent": (BAD_SHARE, "schema.gc_share_percent"),
    "gc_item_id": (BAD_ID, "schema.gc_item_id"),
    "gc_item_id_number": (BAD_ID, "schema.gc_item_id_number"),
    "gc_community_id": (BAD_ID, "schema.gc_community_id"),
    "gc_project_id": (BAD_ID, "schema.gc_project_id"),
    "string_type": (WRONG_VALUE, "schema.string_type"),
    "int_type": (WRONG_VALUE, "schema.int_type"),
    "int_parsing": (WRONG_VALUE, "schema.int_type"),
    "int_from_float": (WRONG_VALUE, "schema.int_type"),
    "float_type": (WRONG_VALUE, "schema.float_type"),
    "float_parsing": (WRONG_VALUE, "schema.float_type"),
    "finite_number": (WRONG_VALUE, "schema.finite_number"),
    "bool_type": (WRONG_VALUE, "schema.bool_type"),
    "bool_parsing": (WRONG_VALUE, "schema.bool_type"),
    "list_type": (WRONG_VALUE, "schema.list_type"),
    "dict_type": (WRONG_VALUE, "schema.dict_type"),
    "model_type": (WRONG_VALUE, "schema.dict_type"),
    "model_attributes_type": (WRONG_VALUE, "schema.dict_type"),
    "greater_than": (WRONG_VALUE, "schema.greater_than"),
    "greater_than_equal": (WRONG_VALUE, "schema.greater_than_equal"),
    "less_than": (WRONG_VALUE, "schema.less_than"),
    "less_than_equal": (WRONG_VALUE, "schema.less_than_equal"),
    "too_short": (WRONG_VALUE, "schema.too_short"),
    "too_long": (WRONG_VALUE, "schema.too_long"),
    "string_too_short": (WRONG_VALUE, "schema.string_too_short"),
    "string_too_long": (WRONG_VALUE, "schema.string_too_long"),
    "literal_error": (WRONG_VALUE, "schema.choice"),
    "enum": (WRONG_VALUE, "schema.choice"),
}
_GENERIC: tuple[Code, str] = (WRONG_VALUE, "schema.invalid")
# pydantic lists choices as "'planned', 'in_progress' or 'done'".
_QUOTED = re.compile(r"'([^']*)'")
# Limits pydantic puts in an error's context; shown as numbers people write.
_LIMITS = ("gt", "ge", "lt", "le", "min_length", "max_length")


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


def _unknown_key_hint(name: str, model: type[BaseModel], loc: tuple[int | str, ...]) -> str:
    known = _known_keys(model, loc)
    close = difflib.get_close_matches(name.strip(), known, n=1, cutoff=0.6)
    if close:
        hint = tr("schema.did_you_mean", name=close[0])
    elif known:
        hint = tr("schema.allowed_keys", keys=join(known))
    else:
        hint = ""
    if name != name.strip() or not name.isprintable():
        hint = tr("schema.invisible_characters") + hint
    return hint


def _limit(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number(value, 6)
    return str(value)


def _message(error: ErrorDetails, model: type[BaseModel]) -> tuple[Code, str]:
    kind = error["type"]
    loc = tuple(p for p in error["loc"] if p != "[key]")
    code, key = _ERRORS.get(kind, _GENERIC)
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    params: dict[str, object] = {"field": place(loc), "value": describe(error.get("input"))}
    # Our own validators (models/types.py) put display-ready values in ctx.
    params.update({k: v for k, v in ctx.items() if k not in params and k != "error"})
    params.update({k: _limit(ctx[k]) for k in _LIMITS if k in ctx})
    if kind == "extra_forbidden":
        name = str(error["loc"][-1]) if error["loc"] else ""
        params["key"] = name
        params["hint"] = _unknown_key_hint(name, model, loc)
    elif kind in ("literal_error", "enum"):
        params["expected"] = join(_QUOTED.findall(str(ctx.get("expected", ""))))
    elif kind == "gc_date_impossible":
        params["reason"] = impossible_date(ctx["year"], ctx["month"], ctx["day"])
    return code, tr(key, **params)


def schema_diagnostics(
    doc: Document, error: ValidationError, model: type[BaseModel]
) -> list[Diagnostic]:
    """One diagnostic per pydantic error, at the value (or the key it concerns)."""
    diagnostics = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        is_key = item["type"] in ("extra_forbidden", "invalid_key") or (
            bool(loc) and loc[-1] == "[key]"
        )
        path = tuple(p for p in loc if p != "[key]")
        code, message = _message(item, model)
        diagnostics.append(doc.diagnostic(code, message, path, key=is_key))
    return diagnostics
