from __future__ import annotations

import functools
import types
import typing
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator


class Strict(BaseModel):
    """Base of every file model: unknown keys are errors, so a typo never passes."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _whole_numbers(cls, data: Any) -> Any:
        """2022.0 is the whole number 2022: JSON Schema's ``integer`` accepts it,
        and the tool accepts what the published schema accepts (``types.Whole``
        is strict about text and true/false only)."""
        if not isinstance(data, dict):
            return data
        changed = {
            name: int(value)
            for name in _whole_fields(cls).intersection(data)
            if isinstance(value := data[name], float) and value.is_integer()
        }
        return {**data, **changed} if changed else data


@functools.cache
def _whole_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of *model* that hold a whole number (or nothing)."""
    return frozenset(
        name for name, info in model.model_fields.items() if _is_whole(info.annotation)
    )


def _is_whole(annotation: Any) -> bool:
    if annotation is int:
        return True
    if typing.get_origin(annotation) is typing.Annotated:
        return _is_whole(typing.get_args(annotation)[0])
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return any(_is_whole(arg) for arg in typing.get_args(annotation) if arg is not type(None))
    return False
