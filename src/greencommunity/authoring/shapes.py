"""The shape of each data file as the layout needs it, read from the models.

The models are the one definition of the formats (``models/``); the layout only
needs to know, at each place in a file, the order of a mapping's keys, whether
a mapping is keyed by item ids, and which values are dates.  That is read from
the models' type hints once, so a field added to a model is laid out in its
place without a change here.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from greencommunity import models
from greencommunity.models.types import ItemId

# The file kinds gc fmt knows, by the model of each.
KINDS: dict[str, type[BaseModel]] = {
    "town": models.Town,
    "criteria": models.Criteria,
    "community": models.Community,
}


@dataclass(frozen=True)
class Shape:
    """One place in a file.  ``fields`` (a model's keys in order, each with its
    shape) or ``values`` (the shape of every value of a mapping keyed by item
    ids, or of every entry of a list); ``date`` for a date."""

    fields: dict[str, Shape] | None = None
    values: Shape | None = None
    keyed_by_item: bool = False
    is_list: bool = False
    date: bool = False
    item: bool = False  # an item id ("2.3")

    def field_shape(self, key: object) -> Shape | None:
        """The shape under *key* of a mapping of this shape."""
        if self.fields is not None:
            return self.fields.get(key) if isinstance(key, str) else None
        return None if self.is_list else self.values


LEAF = Shape()
DATE = Shape(date=True)
ITEM = Shape(item=True)


def shape_of(kind: str) -> Shape:
    """The shape of a whole file of *kind* (``town``, ``criteria``, ``community``)."""
    return _model_shape(KINDS[kind])


@functools.cache
def _model_shape(model: type[BaseModel]) -> Shape:
    hints = typing.get_type_hints(model, include_extras=True)
    return Shape(fields={name: _shape(hints[name]) for name in model.model_fields})


def _shape(annotation: Any) -> Shape:
    optional = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    if annotation == ItemId or (optional and ItemId in typing.get_args(annotation)):
        return ITEM
    annotation = _unwrap(annotation)
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_shape(annotation)
    if annotation is dt.date:
        return DATE
    if origin is list:
        return Shape(values=_shape(typing.get_args(annotation)[0]), is_list=True)
    if origin is dict:
        key, value = typing.get_args(annotation)
        return Shape(values=_shape(value), keyed_by_item=key == ItemId)
    return LEAF


def _unwrap(annotation: Any) -> Any:
    """The type under ``Annotated[...]`` and ``X | None``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin is typing.Union or isinstance(annotation, types.UnionType):
            kept = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(kept) != 1:
                return annotation
            annotation = kept[0]
        else:
            return annotation
