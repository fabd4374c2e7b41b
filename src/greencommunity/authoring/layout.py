"""The one canonical layout of a data file (``gc fmt``).

Keys in the order of the models (unknown keys after them, as written), the
keys of score and note mappings in item order (1.2 before 1.10), two-space
indentation with list items two spaces in, item ids in double quotes (an id
typed as a number, ``items: [1.1]``, as the text typed: the one change of
data the layout makes, as gc validate refuses the number, GC206), dates
as YYYY-MM-DD without quotes, no trailing spaces, LF line ends and one final
newline.  Comments and blank lines stay where they are.

Two passes: the round-trip dump (``roundtrip.py``) sets indentation and the
spelling of scalars; then keys are reordered on the text itself, a key moving
with its block, the comment lines just above it and its end-of-line comment,
so no comment is ever left beside the wrong key.  The result is read back
with the loader and must hold the same data, or nothing is returned.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from greencommunity.authoring import roundtrip
from greencommunity.authoring.shapes import Shape, shape_of
from greencommunity.loading.parser import parse as parse_plain
from greencommunity.models.types import ISO_DATE, ITEM_ID_PATTERN

_ITEM_ID = re.compile(ITEM_ID_PATTERN)


class LayoutError(RuntimeError):
    """The layout would change the data: a defect of gc; the file is left alone."""


def canonical(text: str, kind: str) -> str:
    """*text*, a file of *kind*, in the canonical layout.

    Raises the loader's ``LoadError`` for text gc would not load, and
    ``LayoutError`` if the result would not hold exactly the same data.
    """
    text = roundtrip.normalize_newlines(text)
    before = parse_plain(text)
    shape = shape_of(kind)
    tree = roundtrip.parse(text)
    quoted: list[tuple[list[str | int], str]] = []
    _spell(tree, shape, _Numbers(text.split("\n"), [], quoted))
    # An item id YAML read as a number (items: [1.1, 1.10]) is written as the
    # text it was typed as: the one change of data the layout makes.
    before = _with_texts(before, quoted)
    dumped = _indent_comments(roundtrip.dump(tree))
    ordered = _reorder(dumped, shape)
    result = _tidy(ordered, before)
    if not roundtrip.same_data(parse_plain(result), before, ordered=False):
        raise LayoutError("the layout would change the data")
    return result


# ------------------------------------------------------------------ scalar spelling


@dataclass
class _Numbers:
    """What ``_spell`` needs to write item ids typed as numbers as text: the
    lines of the file, where it is, and what it quoted so far."""

    lines: list[str]
    path: list[str | int]
    quoted: list[tuple[list[str | int], str]]

    def typed(self, place: tuple[int, int] | None) -> str | None:
        """The item id typed at *place* (0-based line and column), if one is."""
        if place is None or not 0 <= place[0] < len(self.lines):
            return None
        match = _TYPED.match(self.lines[place[0]], place[1])
        return match.group(0) if match and _ITEM_ID.match(match.group(0)) else None


# A plain number as typed, in a flow list or a block.
_TYPED = re.compile(r"[0-9][0-9.]*(?=\s|,|\]|\}|#|$)")


def _spell(node: Any, shape: Shape | None, numbers: _Numbers) -> None:
    """Item ids in double quotes (typed as numbers too), and dates written as
    dates, in place."""
    if isinstance(node, CommentedMap):
        for key in list(node):
            below = shape.field_shape(str(key)) if shape is not None else None
            value = node[key]
            if isinstance(key, str) and _ITEM_ID.match(key):
                _rename_key(node, key, DoubleQuotedScalarString(key))
            numbers.path.append(key)
            node[key] = _spelt(value, below, numbers, _place(node, key))
            _spell(node[key], below, numbers)
            numbers.path.pop()
    elif isinstance(node, CommentedSeq):
        below = shape.values if shape is not None and shape.is_list else None
        for index, value in enumerate(node):
            numbers.path.append(index)
            node[index] = _spelt(value, below, numbers, _place(node, index))
            _spell(node[index], below, numbers)
            numbers.path.pop()


def _place(node: CommentedMap | CommentedSeq, key: Any) -> tuple[int, int] | None:
    """Where the value under *key* begins in the file (0-based), if ruamel knows."""
    try:
        line, column = node.lc.value(key) if isinstance(node, CommentedMap) else node.lc.item(key)
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return line, column


def _with_texts(data: Any, quoted: list[tuple[list[str | int], str]]) -> Any:
    """*data* with each value at a path of *quoted* replaced by its text."""
    if not quoted:
        return data
    data = copy.deepcopy(data)
    for path, text in quoted:
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = text
    return data


def _spelt(
    value: Any, shape: Shape | None, numbers: _Numbers, place: tuple[int, int] | None
) -> Any:
    if isinstance(value, float) and shape is not None and shape.item:
        typed = numbers.typed(place)
        if typed is not None:
            numbers.quoted.append((list(numbers.path), typed))
            return DoubleQuotedScalarString(typed)
    if not isinstance(value, str):
        return value
    if _ITEM_ID.match(value):
        return DoubleQuotedScalarString(value)
    if shape is not None and shape.date and ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value  # no such day: the validator says so; the text stays
    return value


def _rename_key(mapping: CommentedMap, old: str, new: str) -> None:
    """Write the key *old* as *new* (same text, other quotes), keeping its place
    and its comments."""
    if type(old) is type(new):
        return
    comment = mapping.ca.items.pop(old, None)
    position = list(mapping).index(old)
    value = mapping.pop(old)
    mapping.insert(position, new, value)
    if comment is not None:
        mapping.ca.items[new] = comment


# ------------------------------------------------------------------ key order on text


def _reorder(text: str, shape: Shape) -> str:
    root = roundtrip.compose(text)
    if root is None:
        return text
    start, end = root.start_mark.index, _span_end(text, root)
    return text[:start] + _render(text, root, shape) + text[end:]


def _render(text: str, node: Node, shape: Shape | None) -> str:
    """The text of *node* with the keys of every mapping under it in order."""
    start, end = node.start_mark.index, _span_end(text, node)
    if shape is None or getattr(node, "flow_style", False):
        return text[start:end]
    if isinstance(node, SequenceNode):
        below = shape.values if shape.is_list else None
        out, cursor = [], start
        for item in node.value:
            out += [text[cursor : item.start_mark.index], _render(text, item, below)]
            cursor = _span_end(text, item)
        return "".join([*out, text[cursor:end]])
    if isinstance(node, MappingNode):
        return _render_mapping(text, node, shape, start, end)
    return text[start:end]


def _render_mapping(text: str, node: MappingNode, shape: Shape, start: int, end: int) -> str:
    pairs: list[tuple[Node, Node]] = node.value
    chunks: list[tuple[str, str]] = []  # (comment lines above the key, the key's block)
    for index, (key, value) in enumerate(pairs):
        chunk_start = 0 if index == 0 else _lead_start(text, pairs[index - 1][1], key)
        chunk_end = (
            end if index == len(pairs) - 1 else _lead_start(text, value, pairs[index + 1][0])
        )
        below = shape.field_shape(key.value) if isinstance(key, ScalarNode) else None
        body = (
            text[key.start_mark.index : value.start_mark.index]
            + _render(text, value, below)
            + text[_span_end(text, value) : chunk_end]
        )
        lead = "" if index == 0 else text[chunk_start : _line_start(text, key.start_mark.index)]
        chunks.append((lead, body))
    order = _order([key.value if isinstance(key, ScalarNode) else None for key, _ in pairs], shape)
    indent = " " * pairs[0][0].start_mark.column
    out: list[str] = []
    carried = ""  # comment lines of a key moved to the front: they go below it
    for place, index in enumerate(order):
        lead, body = chunks[index]
        if place == 0:
            carried = lead if index != 0 else ""
            out.append(body)
        else:
            out.append(carried + (lead if index != 0 else "") + indent + body)
            carried = ""
    return "".join(out) + carried


def _order(keys: list[Any], shape: Shape) -> list[int]:
    """The positions of *keys* in their canonical order (a stable sort)."""
    if shape.fields is not None:
        known = list(shape.fields)
        return sorted(
            range(len(keys)),
            key=lambda i: known.index(keys[i]) if keys[i] in known else len(known),
        )
    if shape.keyed_by_item:
        return sorted(range(len(keys)), key=lambda i: _item_order(keys[i]))
    return list(range(len(keys)))


def _item_order(key: Any) -> tuple[int, ...]:
    if isinstance(key, str) and _ITEM_ID.match(key):
        category, number = key.split(".")
        return (0, int(category), int(number))
    return (1,)


def _lead_start(text: str, previous: Node, key: Node) -> int:
    """Where the block of *key* begins: its line, or above it the blank lines and
    comments no deeper than the key that follow the previous value's block."""
    after_previous = _line_end(text, _span_end(text, previous))
    begin = _line_start(text, key.start_mark.index)
    lines = text[after_previous:begin].splitlines(keepends=True)
    column = key.start_mark.column
    while lines:
        line = lines[-1]
        stripped = line.lstrip(" ")
        if stripped.strip() and not (
            stripped.startswith("#") and len(line) - len(stripped) <= column
        ):
            break
        begin -= len(lines.pop())
    return begin


def _span_end(text: str, node: Node) -> int:
    """Where the text of *node* ends: a scalar or a flow collection where the
    parser says; a block collection at the end of the line of its last value."""
    if isinstance(node, ScalarNode) or getattr(node, "flow_style", False) or not node.value:
        end: int = node.end_mark.index
        while end > node.start_mark.index and text[end - 1] in " \n":
            end -= 1
        return end
    last = node.value[-1]
    return _line_end(text, _span_end(text, last[1] if isinstance(node, MappingNode) else last))


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int) -> int:
    """The start of the line after the one *offset* is on (or *offset* itself
    when it already starts a line)."""
    if offset == 0 or text[offset - 1] == "\n":
        return offset
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline + 1


# ------------------------------------------------------------------ comment lines


_CONTENT = re.compile(r"^( *)((?:- +)*)")


def _indent_comments(text: str) -> str:
    """Every comment line at the indentation of a place it can belong to.

    The dump re-indents keys and values but writes comment lines as they were;
    a comment line moves to the nearest of: the indentation of the next line,
    or that of a key it can close (the previous line's key and the keys
    enclosing it, as deep as the next line or deeper).  A laid-out file's
    comments are already there, so nothing moves twice.
    """
    lines = text.split("\n")
    inside = _lines_inside_scalars(text)
    content = [
        i for i, line in enumerate(lines) if line.strip() and not _is_comment(line, i, inside)
    ]
    out = list(lines)
    stack: list[int] = []  # key columns of the previous content line and its parents
    following = iter(content)
    upcoming = next(following, None)
    for number, line in enumerate(lines):
        if number == upcoming:
            spaces, dashes = _CONTENT.match(line).groups()  # type: ignore[union-attr]
            column = len(spaces) + len(dashes)
            while stack and stack[-1] >= (len(spaces) if dashes else column):
                stack.pop()
            stack.append(column)
            upcoming = next(following, None)
        elif _is_comment(line, number, inside):
            below = _indent(lines[upcoming]) if upcoming is not None else 0
            places = {below, *(column for column in stack if column >= below)}
            here = _indent(line)
            best = min(places, key=lambda place: (abs(place - here), place != below))
            out[number] = " " * best + line.lstrip(" ")
    return "\n".join(out)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_comment(line: str, number: int, inside: set[int]) -> bool:
    return line.lstrip(" ").startswith("#") and number not in inside


def _lines_inside_scalars(text: str) -> set[int]:
    """0-based numbers of the lines after the first of a text spanning lines: a
    "#" there is text, not a comment."""
    inside: set[int] = set()
    stack = [roundtrip.compose(text)]
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            inside.update(range(node.start_mark.line + 1, node.end_mark.line + 1))
        elif isinstance(node, MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return inside


# ------------------------------------------------------------------ whitespace


def _tidy(text: str, data: Any) -> str:
    """No trailing spaces (unless a block text holds them) and one final newline."""
    text = text.rstrip("\n") + "\n"
    stripped = "\n".join(line.rstrip() for line in text.split("\n"))
    if roundtrip.same_data(parse_plain(stripped), data, ordered=False):
        return stripped
    return text
