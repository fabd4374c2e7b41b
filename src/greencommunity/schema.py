"""JSON Schemas of the data files, generated from the pydantic models."""

from __future__ import annotations

import json
from typing import Any

from greencommunity.models import KINDS

__all__ = ["KINDS", "file_name", "schema_for", "schema_text"]


def schema_for(kind: str) -> dict[str, Any]:
    model = KINDS[kind]
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://greencommunity.invalid/schemas/{kind}.schema.json"
    return schema


def schema_text(kind: str) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"
