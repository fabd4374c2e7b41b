"""pydantic's validation errors → diagnostics with codes and the officer's words.

Each pydantic error type has one entry in ``_ERRORS``: its code in the registry
and its catalog message.  Messages never show pydantic's own English text, a
Python repr or a 0-based index: the place and the value are said by
``values.place`` and ``values.describe``.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Collection
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml.nodes import ScalarNode

from greencommunity.codes import (
    BAD_DATE,
    BAD_ID,
    BAD_KEY,
    BAD_SHARE,
    MISSING_KEY,
    SLIP,
    UNKNOWN_KEY,
    WRONG_VALUE,
    Code,
)
from greencommunity.diagnostics import Diagnostic
from greencommunity.figures import number
from greencommunity.i18n import join, tr
from greencommunity.loading.document import Document, Loc
from greencommunity.loading.slip_values import suspicious_values, value_hint
from greencommunity.loading.values import describe, impossible_date, place
from greencommunity.models.types import NUMBER_TEXT

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
    "gc_time_zone": (WRONG_VALUE, "schema.gc_time_zone"),
    "gc_share": (BAD_SHARE, "schema.gc_share"),
    "gc_share_percent": (BAD_SHARE, "schema.gc_share_percent"),
    "gc_item_id": (BAD_ID, "schema.gc_item_id"),
    "gc_item_id_number": (BAD_ID, "schema.gc_item_id_number"),
    "gc_community_id": (BAD_ID, "schema.gc_community_id"),
    "gc_project_id": (BAD_ID, "schema.gc_project_id"),
    "gc_veto_id": (BAD_ID, "schema.gc_veto_id"),
    "gc_indicator_id": (BAD_ID, "schema.gc_indicator_id"),
    "gc_email": (WRONG_VALUE, "schema.gc_email"),
    "gc_signing_key": (BAD_KEY, "schema.gc_signing_key"),
    "gc_quoted_number": (WRONG_VALUE, "schema.gc_quoted_number"),
    "gc_quoted_bool": (WRONG_VALUE, "schema.gc_quoted_bool"),
    "gc_bool_word": (WRONG_VALUE, "schema.gc_bool_word"),
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
# Words YAML 1.1 read as true or false; in YAML 1.2, which the files use, they are text.
_BOOL_WORDS = {
    **dict.fromkeys(("yes", "y", "on"), "true"),
    **dict.fromkeys(("no", "n", "off"), "false"),
}
# A bracketed list with a Chinese comma or enumeration comma in it, on one line.
_FLOW_COMMA = re.compile(r"\[[^\]\n]*[，、]")


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


def _unknown_key_hint(
    name: str, model: type[BaseModel], loc: tuple[int | str, ...], present: Collection[object]
) -> str:
    known = _known_keys(model, loc)
    # A key the mapping already has is no suggestion: it would be written twice.
    free = [k for k in known if k not in present]
    close = difflib.get_close_matches(name.strip(), free, n=1, cutoff=0.6)
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


def _text_for(kind: str, value: object) -> tuple[str, dict[str, Any]] | None:
    """A number or true/false written as text: the error that says so, with
    the value as it should be written (numbers and flags are strict, as the
    JSON Schema is)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if kind in ("int_type", "float_type") and NUMBER_TEXT.match(text):
        return "gc_quoted_number", {"unquoted": text}
    if kind == "bool_type" and text.lower() in ("true", "false"):
        return "gc_quoted_bool", {"unquoted": text.lower()}
    if kind == "bool_type" and text.lower() in _BOOL_WORDS:
        return "gc_bool_word", {"unquoted": _BOOL_WORDS[text.lower()]}
    return None


def _message(
    error: ErrorDetails, model: type[BaseModel], present: Collection[object] = ()
) -> tuple[Code, str]:
    """The code and message of one pydantic error; *present* are the keys
    beside an unknown key."""
    kind = error["type"]
    loc = tuple(p for p in error["loc"] if p != "[key]")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    as_text = _text_for(kind, error.get("input"))
    if as_text is not None:
        kind, extra = as_text
        ctx.update(extra)
    code, key = _ERRORS.get(kind, _GENERIC)
    params: dict[str, object] = {"field": place(loc), "value": describe(error.get("input"))}
    # Our own validators (models/types.py) put display-ready values in ctx.
    params.update({k: v for k, v in ctx.items() if k not in params and k != "error"})
    params.update({k: _limit(ctx[k]) for k in _LIMITS if k in ctx})
    if kind == "extra_forbidden":
        name = str(error["loc"][-1]) if error["loc"] else ""
        params["key"] = name
        params["hint"] = _unknown_key_hint(name, model, loc, present)
    elif kind in ("literal_error", "enum"):
        params["expected"] = join(_QUOTED.findall(str(ctx.get("expected", ""))))
    elif kind == "gc_date_impossible":
        params["reason"] = impossible_date(ctx["year"], ctx["month"], ctx["day"])
    if kind in ("extra_forbidden", "invalid_key", "missing"):
        return code, tr(key, **params)
    # A value that holds a Chinese input slip (２０２１, “2021”) says so.
    return code, tr(key, **params) + value_hint(error.get("input"))


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
        present = _keys_at(doc.data, path[:-1]) if item["type"] == "extra_forbidden" else ()
        code, message = _message(item, model, present)
        diagnostics.append(doc.diagnostic(code, message, path, key=is_key))
    return diagnostics


# Errors salvage can do without: a key the model does not have, a value of the
# wrong form.  A missing key is not one (what would stand in for it?).
_UNSALVAGEABLE = frozenset({"missing"})


def salvage(model: type[BaseModel], data: Any, error: ValidationError) -> BaseModel | None:
    """The model of *data* (a community file's) without what the schema
    refused, when the file can do without it; None otherwise.

    Each refused value goes with the key holding it, the innermost one on its
    path (an unknown key, a bad date of a project; a bad entry takes its whole
    list): the rules then look at the rest of the file in the same run instead
    of after the next.  The file keeps its errors, so its data is never used
    as checked; rule findings on the lines of those errors are left out
    (``rules.run_rules``), since they may only echo the value taken away.
    """
    errors = error.errors(include_url=False)
    if any(e["type"] in _UNSALVAGEABLE for e in errors) or not isinstance(data, dict):
        return None
    pruned = copy.deepcopy(data)
    for item in errors:
        _drop(pruned, [p for p in item["loc"] if p != "[key]"])
    try:
        return model.model_validate(pruned)
    except (ValidationError, RecursionError):
        return None


def _drop(data: dict[Any, Any], loc: list[int | str]) -> None:
    """Remove the innermost mapping key on *loc* that *data* has."""
    node: Any = data
    last: tuple[dict[Any, Any], Any] | None = None
    for part in loc:
        if isinstance(node, dict):
            key = next((k for k in node if k == part or str(k) == str(part)), _ABSENT)
            if key is _ABSENT:
                break
            last, node = (node, key), node[key]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            break
    if last is not None:
        parent, key = last
        parent.pop(key, None)


_ABSENT = object()


def _keys_at(data: Any, loc: Loc) -> Collection[object]:
    """The keys of the mapping at *loc* in *data*; none where there is none."""
    for part in loc:
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if not (in_list or (isinstance(data, dict) and part in data)):
            return ()
        data = data[part]
    return data.keys() if isinstance(data, dict) else ()


def slip_warnings(
    doc: Document, reported: set[tuple[int, int]], candidates: list[Diagnostic] | None = None
) -> list[Diagnostic]:
    """GC207 for each text value that loaded but probably holds a Chinese input
    slip, written plain in the file: a whole value in Chinese quotes, a comma of
    a Chinese input method inside a bracketed list.  Values whose position is in
    *reported* are left out: an error there (a format error, an unknown
    department) names the slip itself, and one cause is said once.
    *candidates* are the file's ``slip_candidates`` when already known."""
    if candidates is None:
        candidates = slip_candidates(doc)
    return [d for d in candidates if (d.line, d.column) not in reported]


def slip_candidates(doc: Document) -> list[Diagnostic]:
    """GC207 for every value of the file that may hold a slip (see ``slip_warnings``),
    before the errors elsewhere are known: what the cache keeps per file."""
    found = []
    # Most files hold Chinese commas only in prose; the node tree, which says
    # whether an entry is in brackets, is composed only when a line could be.
    flow_commas = _FLOW_COMMA.search(doc.text) is not None
    for loc, why in suspicious_values(doc.data):
        if why == "comma" and not flow_commas:
            continue
        node, parent = doc.node(loc)
        if not isinstance(node, ScalarNode) or node.style:
            continue  # quoted in the file: written so on purpose
        if why == "comma" and not getattr(parent, "flow_style", False):
            continue  # one entry per "- " line: a comma inside it is text
        line, column = doc.position(loc)
        value = describe(_value_at(doc.data, loc))
        key = "slip.warning.quotes" if why == "quotes" else "slip.warning.comma"
        found.append(SLIP.at(doc.display, line, column, tr(key, field=place(loc), value=value)))
    return found


def _value_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data
