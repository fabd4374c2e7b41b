"""Round-trip YAML: change a data file and keep its comments, blank lines and quotes.

The one place where gc writes YAML that people also edit (``gc fmt``, ``gc new``,
score sheets imported back into community files).  The small API:

- ``parse(text)``: the round-trip tree (``CommentedMap``) of a data file;
- ``dump(tree)``: that tree as text, in the house layout (two-space indentation,
  list items two spaces in, no line folding, LF line ends);
- ``set_value(tree, path, value)``: one value at a key path, creating the
  mappings on the way;
- ``update(text, path, value)`` / ``update_many(text, changes)``: the same on
  text.  Where the value already exists as a single-line scalar, only its
  characters are replaced and every other byte of the file stays as it was;
  otherwise (a new key, a list or mapping value) the file is dumped again, which
  keeps a file that ``gc fmt`` has laid out identical but for the change;
- ``remove_many(text, paths)``: the same for keys that go (a score cleared in
  an imported score sheet): an entry on lines of its own loses those lines.

Text that gc would not load (a syntax error, a tag, an alias…) raises the
loader's ``LoadError``, with its code and position, before anything is
changed; and every result is read back with the loader and compared with the
data expected, so a change can never alter anything else in the data.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from greencommunity.loading.parser import parse as parse_plain
from greencommunity.models.types import ITEM_ID_PATTERN

# A key or list index on the way from the top of a file to a value:
# ("assessments", 0, "self", "scores", "1.2").
KeyPath = tuple[str | int, ...]
Scalar = str | int | float | bool | dt.date | None

_ITEM_ID = re.compile(ITEM_ID_PATTERN)
# Long Chinese lines are never folded: a folded line is a change nobody made.
_NO_FOLDING = 1 << 16


class RoundTripError(ValueError):
    """A path that does not lead anywhere in the file (a list index past its end,
    a key under a scalar), or a value YAML data files do not hold."""


class _NoSuchDay(str):
    """A date-like scalar that is no date (2021-02-30): kept as written; the
    validator says what is wrong with it."""


class _Constructor(RoundTripConstructor):
    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return _NoSuchDay(node.value)


class _Representer(RoundTripRepresenter):
    def represent_no_such_day(self, data: _NoSuchDay) -> Any:
        # Tagged as a timestamp, the text is written plain, as it was.
        return self.represent_scalar("tag:yaml.org,2002:timestamp", str(data))


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)
_Representer.add_representer(_NoSuchDay, _Representer.represent_no_such_day)

# gc reads every file as YAML 1.2 (``loading/parser.py``), whatever a %YAML
# directive says; the round trip must read it the same way.
_DIRECTIVE = re.compile(r"\A(?:%YAML[^\n]*\n)+")


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = _NO_FOLDING
    yaml.allow_duplicate_keys = False
    return yaml


def normalize_newlines(text: str) -> str:
    """LF line ends, no byte-order mark and no %YAML directive: what every
    written file has."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _DIRECTIVE.sub("", text)


def parse(text: str) -> Any:
    """The round-trip tree of *text*, or ``LoadError`` when gc would not load it."""
    text = normalize_newlines(text)
    parse_plain(text)
    return _yaml().load(text)


def compose(text: str) -> Node | None:
    """The node tree of *text*, with the offset of every key and value.

    Composed by the C parser, whose marks count characters as the pure one
    does, about ten times faster: ``gc fmt`` composes every file twice.
    """
    node: Node | None = YAML(typ="safe", pure=False).compose(text)
    return node


def dump(tree: Any) -> str:
    """*tree* as text: the house indentation, LF line ends, no folded lines."""
    out = io.StringIO()
    _yaml().dump(tree, out)
    return out.getvalue()


def item_id_key(key: str) -> str:
    """An item id as a key or value is written in double quotes ("2.3"): unquoted,
    YAML reads a number and 1.10 becomes 1.1."""
    return DoubleQuotedScalarString(key) if _ITEM_ID.match(key) else key


def to_node(value: Any) -> Any:
    """A plain value (nested dicts and lists of scalars) as round-trip nodes.

    A whole float is written as a whole number (4.0 → 4), as the files do.
    """
    if isinstance(value, Mapping):
        mapping = CommentedMap()
        for key, item in value.items():
            if not isinstance(key, str):
                raise RoundTripError(f"keys are text, not {key!r}")
            mapping[item_id_key(key)] = to_node(item)
        return mapping
    if isinstance(value, list | tuple):
        return CommentedSeq(to_node(item) for item in value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, DoubleQuotedScalarString):
        return value
    if isinstance(value, str):
        return item_id_key(value)
    if value is None or isinstance(value, bool | int | float | dt.date):
        return value
    raise RoundTripError(f"a data file cannot hold {type(value).__name__}")


def set_value(tree: Any, path: KeyPath, value: Any) -> None:
    """Set *value* at *path* in a round-trip tree; missing mappings on the way are
    created, and a list index equal to the list's length appends."""
    _assign(tree, path, to_node(value), CommentedMap, item_id_key)


def _assign(
    node: Any,
    path: KeyPath,
    value: Any,
    new_mapping: Callable[[], dict[str, Any]],
    new_key: Callable[[str], str],
) -> None:
    """The one walk of ``set_value`` (round-trip nodes, a new key spelt by
    *new_key*) and ``_set_plain`` (the loader's dicts and lists): *value* is
    already in the tree's kind."""
    if not path:
        raise RoundTripError("an empty path")
    for depth, part in enumerate(path):
        last = depth == len(path) - 1
        child = value if last else new_mapping()
        if isinstance(node, dict) and isinstance(part, str):
            if last or node.get(part) is None:
                node[part if part in node else new_key(part)] = child
        elif isinstance(node, list) and isinstance(part, int) and not isinstance(part, bool):
            if not 0 <= part <= len(node):
                raise RoundTripError(f"{_show(path[: depth + 1])}: no such list entry")
            if part == len(node):
                node.append(child)
            elif last:
                node[part] = child
        else:
            raise RoundTripError(f"{_show(path[: depth + 1])}: not reachable")
        if not last:
            node = node[part]


def update(text: str, path: KeyPath, value: Any) -> str:
    """*text* with *value* at *path*, everything else kept (see the module's doc)."""
    return update_many(text, [(path, value)])


def update_many(text: str, changes: Iterable[tuple[KeyPath, Any]]) -> str:
    """*text* with every change applied in order; one read and at most one dump."""
    text = normalize_newlines(text)
    expected = parse_plain(text)
    wanted = list(changes)
    for path, value in wanted:
        _set_plain(expected, path, value)
    spliced = _splice(text, wanted)
    if spliced is not None and same_data(parse_plain(spliced), expected):
        return spliced
    tree = _yaml().load(text)
    for path, value in wanted:
        set_value(tree, path, value)
    result = dump(tree)
    if not same_data(parse_plain(result), expected):  # pragma: no cover - a defect of gc
        raise RoundTripError("the change would alter other data; the file is left as it was")
    return result


def _splice(text: str, changes: Sequence[tuple[KeyPath, Any]]) -> str | None:
    """*text* with each change's old scalar replaced in place, or None when some
    change is more than that (a new key, a collection, a multi-line text)."""
    root = compose(text)
    spans: dict[tuple[int, int], str] = {}
    for path, value in changes:
        node = _node_at(root, path)
        written = _scalar_text(value)
        if not isinstance(node, ScalarNode) or written is None:
            return None
        start, end = node.start_mark.index, node.end_mark.index
        if "\n" in text[start:end] or node.style in ("|", ">"):
            return None
        spans[(start, end)] = written
    for (start, end), written in sorted(spans.items(), reverse=True):
        text = text[:start] + written + text[end:]
    return text


def _node_at(root: Node | None, path: KeyPath) -> Node | None:
    node = root
    for part in path:
        if isinstance(node, MappingNode) and isinstance(part, str):
            node = next(
                (v for k, v in node.value if isinstance(k, ScalarNode) and k.value == part), None
            )
        elif isinstance(node, SequenceNode) and isinstance(part, int):
            node = node.value[part] if 0 <= part < len(node.value) else None
        else:
            return None
    return node


def scalar_text(value: Any) -> str:
    """*value* (text, a number, a date) as YAML writes it on one line, quoted
    where needed, also inside a bracketed list."""
    written = _scalar_text(value)
    if written is None:
        raise RoundTripError(f"{value!r} is not written on one line")
    return written


def _scalar_text(value: Any) -> str | None:
    """How *value* is written as a flow-safe scalar, or None if it is not one."""
    node = to_node(value)
    if isinstance(node, CommentedMap | CommentedSeq):
        return None
    written = dump(CommentedSeq([node])).strip()
    # ["text"] in flow style is "[text]"; a block list is "- text".
    if not written.startswith("- ") or "\n" in written:
        return None
    scalar = written[2:]
    if scalar[:1] not in ("'", '"') and any(char in scalar for char in ",[]{}#"):
        return dump(CommentedSeq([DoubleQuotedScalarString(node)])).strip()[2:]
    return scalar


def _set_plain(data: Any, path: KeyPath, value: Any) -> None:
    """The same change on the loader's plain data, to check the result against."""
    _assign(data, path, _plain(value), dict, str)


def _plain(value: Any) -> Any:
    """*value* as the loader reads it back: dates stay text (``parser.py``)."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def same_data(left: Any, right: Any, *, ordered: bool = True) -> bool:
    """Whether two plain data trees (``loading.parser.parse``) are equal: 4 and
    4.0 are the same number, true is not 1, and with *ordered* the keys of each
    mapping come in the same order."""
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    if isinstance(left, dict) and isinstance(right, dict):
        keys_agree = list(left) == list(right) if ordered else left.keys() == right.keys()
        return keys_agree and all(same_data(left[k], right[k], ordered=ordered) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(
            same_data(a, b, ordered=ordered) for a, b in zip(left, right, strict=True)
        )
    if isinstance(left, int | float) and isinstance(right, int | float):
        return left == right or (math.isnan(left) and math.isnan(right))
    return type(left) is type(right) and bool(left == right)


def _show(path: KeyPath) -> str:
    return " › ".join(str(part) for part in path)


# ----------------------------------------------------------------- removing keys


def remove_many(text: str, paths: Iterable[KeyPath]) -> str:
    """*text* without the mapping keys at *paths*; a key that is not there is
    left alone.  An entry that fills lines of its own (``"1.2": 3.5  # 自评``)
    loses those lines and every other byte stays; otherwise (a flow mapping,
    a mapping left empty…) the file is dumped again, as ``update_many`` does."""
    text = normalize_newlines(text)
    expected = parse_plain(text)
    wanted = [path for path in paths if _pop_plain(expected, path)]
    if not wanted:
        return text
    cut = _cut(text, wanted)
    if cut is not None and same_data(parse_plain(cut), expected):
        return cut
    tree = _yaml().load(text)
    for path in wanted:
        parent = tree
        for part in path[:-1]:
            parent = parent[part]
        del parent[path[-1]]
    result = dump(tree)
    if not same_data(parse_plain(result), expected):  # pragma: no cover - a defect of gc
        raise RoundTripError("the change would alter other data; the file is left as it was")
    return result


def _pop_plain(data: Any, path: KeyPath) -> bool:
    """Remove the key at *path* from the loader's plain data; False if it is not there."""
    node = data
    for part in path[:-1]:
        in_mapping = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_mapping or in_list):
            return False
        node = node[part]
    if not path or not isinstance(node, dict) or path[-1] not in node:
        return False
    del node[path[-1]]
    return True


def _cut(text: str, paths: Sequence[KeyPath]) -> str | None:
    """*text* without the lines of each key's entry, or None when an entry does
    not fill lines of its own."""
    root = compose(text)
    spans: set[tuple[int, int]] = set()
    for path in paths:
        parent = _node_at(root, path[:-1])
        if not isinstance(parent, MappingNode) or parent.flow_style:
            return None
        pair = next(
            ((k, v) for k, v in parent.value if isinstance(k, ScalarNode) and k.value == path[-1]),
            None,
        )
        if pair is None:
            return None
        key, value = pair
        start = text.rfind("\n", 0, key.start_mark.index) + 1
        end = text.find("\n", value.end_mark.index)
        end = len(text) if end < 0 else end + 1
        before = text[start : key.start_mark.index]
        after = text[value.end_mark.index : end].strip()
        if before.strip() or (after and not after.startswith("#")):
            return None
        if (
            not isinstance(value, ScalarNode)
            or "\n" in text[key.start_mark.index : value.end_mark.index]
        ):
            return None
        spans.add((start, end))
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + text[end:]
    return text
