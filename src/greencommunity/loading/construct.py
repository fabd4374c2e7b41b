"""Plain data straight from the C parser's events: the fast path of ``parser.parse``.

ruamel's safe load spends three quarters of its time in pure Python: the
composer asks the versioned resolver for every scalar's tag (re-deciding the
YAML version each time) and the constructor builds a node tree first.  Here
the C parser's event stream is turned into dicts, lists and scalars in one
pass, with the YAML 1.2 core-schema table taken from ruamel itself, so a value
resolves exactly as ruamel resolves it.

Only what a clean data file contains is handled: one document, no directive,
no tag, no anchor or alias, no merge key, no duplicate or complex key.
Anything else, and every syntax error, raises ``Unusual`` and the caller takes
the slow path (ruamel's own loader), which gives the diagnostics; so a file
loads to the same data, and a bad file reports the same problem, either way.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import ruamel.yaml.main
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from ruamel.yaml.main import YAML
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import implicit_resolvers

from greencommunity.models.types import once_per_spelling

# The C extension's parser (ruamel.yaml.clib); None without it.
CParser: Any = getattr(ruamel.yaml.main, "CParser", None)

_VERSION = (1, 2)  # ruamel's default; a %YAML directive takes the slow path
_PREFIX = "tag:yaml.org,2002:"


class Unusual(Exception):
    """The text needs ruamel's full loader: a feature or an error this path leaves to it."""


def _table() -> dict[str | None, list[tuple[str, re.Pattern[str]]]]:
    """First character → (tag suffix, pattern), in ruamel's order, for YAML 1.2."""
    table: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}
    for versions, tag, lazy, first in implicit_resolvers:
        if _VERSION in versions:
            # ruamel wraps each pattern in a lazy proxy: unwrapped, a match is a
            # plain method call.
            pattern = re.compile(lazy.pattern, lazy.flags)
            chars: list[str | None] = list(first) if first else [None]
            for char in chars:
                table.setdefault(char, []).append((tag.removeprefix(_PREFIX), pattern))
    # ruamel tries the first character's patterns, then those for any character.
    anywhere = table.get(None, [])
    return {char: [*found, *anywhere] for char, found in table.items()} | {None: anywhere}


_RESOLVERS = _table()
# The common spellings, converted without ruamel's constructor.
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_PLAIN_FLOAT = re.compile(r"-?[0-9]+\.[0-9]+\Z")


def _library(tag: str, value: str) -> Any:
    """An int or float spelled unusually (0x1F, 1_000, .5, 1e3): ruamel's own conversion."""
    constructor = _constructor()
    node = ScalarNode(_PREFIX + tag, value)
    if tag == "int":
        return constructor.construct_yaml_int(node)
    return constructor.construct_yaml_float(node)


@functools.cache
def _constructor() -> Any:
    """ruamel's safe constructor, made when a file first needs it (rarely)."""
    return YAML(typ="safe", pure=False).constructor


def _resolve(value: str) -> Any:
    """A plain (unquoted, untagged) scalar, resolved as ruamel's 1.2 resolver does."""
    resolvers = _RESOLVERS.get(value[0] if value else "", _RESOLVERS[None])
    tag = next((tag for tag, pattern in resolvers if pattern.match(value)), None)
    if tag is None:
        return value
    if tag == "int":
        return int(value) if _PLAIN_INT.match(value) else _library(tag, value)
    if tag == "float":
        return float(value) if _PLAIN_FLOAT.match(value) else _library(tag, value)
    if tag == "null":
        return None
    if tag == "bool":
        return value[0] in "tT"
    if tag == "timestamp":
        return value  # dates stay text: the models say precisely what is wrong with one
    raise Unusual(tag)  # merge key, "=" (value), …


# Values repeat across files (dates, marks, item ids, yes-or-no answers): each
# spelling is resolved once.  A larger bound than the models' checks, since
# every note and title passes here too.
_plain = once_per_spelling(_resolve, limit=1 << 16)


def _node(parser: Any, event: Any) -> Any:
    kind = event.__class__
    if event.anchor is not None:
        raise Unusual("anchor")
    if kind is ScalarEvent:
        if event.tag is not None:
            raise Unusual("tag")
        return _plain(event.value) if event.implicit[0] else event.value
    if event.tag is not None:
        raise Unusual("tag")
    if kind is MappingStartEvent:
        mapping: dict[Any, Any] = {}
        while True:
            event = parser.get_event()
            if event.__class__ is MappingEndEvent:
                return mapping
            if event.__class__ is not ScalarEvent:
                raise Unusual("complex key")
            key = _node(parser, event)
            if key in mapping:
                raise Unusual("duplicate key")
            mapping[key] = _node(parser, parser.get_event())
    if kind is SequenceStartEvent:
        items: list[Any] = []
        while True:
            event = parser.get_event()
            if event.__class__ is SequenceEndEvent:
                return items
            items.append(_node(parser, event))
    raise Unusual(kind.__name__)  # an alias


def construct(text: str) -> Any:
    """The one document of *text* as plain data, or ``Unusual``."""
    if CParser is None:
        raise Unusual("no C parser")
    parser = CParser(text)
    try:
        if parser.get_event().__class__ is not StreamStartEvent:
            raise Unusual("stream")
        start = parser.get_event()
        if start.__class__ is not DocumentStartEvent or start.version or start.tags:
            raise Unusual("document")
        data = _node(parser, parser.get_event())
        if parser.get_event().__class__ is not DocumentEndEvent:
            raise Unusual("document end")
        if parser.get_event().__class__ is not StreamEndEvent:
            raise Unusual("several documents")
        return data
    except (YAMLError, RecursionError, ValueError) as exc:
        raise Unusual(type(exc).__name__) from None
    finally:
        parser.dispose()
