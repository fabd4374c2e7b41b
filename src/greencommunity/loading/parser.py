"""Text → plain data: ruamel's C parser, every failure a LoadError.

A clean file is built straight from the C parser's events (``construct``,
about five times faster than ruamel's safe load); anything else goes through
ruamel's safe loader with the C parser, whose errors become the diagnostics.
Positions of keys and values are needed only for files that have problems,
and ``document.py`` composes them lazily.  YAML features a data file never
needs (tags, anchors, merge keys, several documents, absurd nesting) are
refused with their own codes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import (
    ConstructorError,
    DuplicateKeyError,
    SafeConstructor,
)
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import ScannerError

from greencommunity.codes import (
    ALIAS,
    DUPLICATE_KEY,
    ENCODING,
    MULTI_DOCUMENT,
    NOT_A_MAPPING,
    SYNTAX,
    TAG,
    TOO_BIG,
)
from greencommunity.i18n import tr
from greencommunity.loading.construct import Unusual, construct
from greencommunity.loading.slips import WINDOW, apply, key_slip, line_starts, syntax_slip
from greencommunity.loading.text import LoadError, position_of_offset
from greencommunity.loading.values import describe_kind

# A community file is ~150 lines (~6 KB); 1 MiB leaves room for long notes while
# keeping the parse of any file well under a second.
MAX_FILE_BYTES = 1024 * 1024
# Deeper nesting than this is never a data file; it is refused before the parser
# recurses on it.  Block nesting is counted by indentation: 64 levels of four
# spaces.
MAX_DEPTH = 64
MAX_INDENT = MAX_DEPTH * 4


class _Constructor(SafeConstructor):
    """Safe constructor that leaves timestamps as text.

    The date validators then give a precise message ("2021-02-30: February has
    no 30th") instead of the constructor's bare ValueError without a position.
    """

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        return self.construct_scalar(node)

    def flatten_mapping(self, node: Any) -> Any:
        # Merge keys (<<) are YAML 1.1 and hide where a value comes from.
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise MergeKeyError(key_node.start_mark)
        return super().flatten_mapping(node)


class UnsupportedTagError(Exception):
    def __init__(self, mark: Any, tag: str) -> None:
        super().__init__(tag)
        self.mark = mark
        self.tag = tag


def _refuse_tag(constructor: SafeConstructor, node: Any) -> Any:
    # Binary, sets and ordered maps are valid YAML but never valid data here;
    # pydantic would otherwise quietly coerce them (bytes into text, say).
    raise UnsupportedTagError(node.start_mark, str(node.tag))


for _tag in ("binary", "set", "omap", "pairs"):
    _Constructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)


class MergeKeyError(Exception):
    def __init__(self, mark: Any) -> None:
        super().__init__("merge key")
        self.mark = mark


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def _safe_yaml() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    return yaml


def _mark(exc: YAMLError, *, prefer_context: bool = False) -> tuple[int, int]:
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    mark = (context or problem) if prefer_context else (problem or context)
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _check_depth(text: str) -> None:
    """Refuse absurd nesting before the recursive parser sees it.

    A real data file nests a few levels deep: two cheap tests over the whole
    text rule that out, and only a file that fails one is walked to find where.
    """
    if sum(text.count(bracket) for bracket in "[{") > MAX_DEPTH:
        _check_flow_depth(text)
    if _DEEP_INDENT.search(text):
        _check_indent(text)


# A line indented deeper than MAX_INDENT has at least that many spaces or dashes in a row.
_DEEP_INDENT = re.compile(f"[ -]{{{MAX_INDENT + 1},}}")


def _check_flow_depth(text: str) -> None:
    depth = 0
    for index, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, column = position_of_offset(text, index)
                raise LoadError(TOO_BIG, line, column, tr("load.too_deep", limit=MAX_DEPTH))
        elif char in "]}":
            depth = max(0, depth - 1)


def _check_indent(text: str) -> None:
    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = len(line_text) - len(line_text.lstrip(" -"))
        if indent > MAX_INDENT:
            message = tr("load.too_indented", limit=MAX_INDENT)
            raise LoadError(TOO_BIG, number, indent + 1, message)


_ANCHOR_RE = re.compile(r"(?:^|[\s\[{,:])([&*][^\s\]},]+)", re.MULTILINE)


_COMPLEX_KEY_RE = re.compile(r"^\s*(\?)\s|[{,]\s*(\[)", re.MULTILINE)


def _check_shared(data: Any, text: str) -> None:
    """Refuse anchors and aliases of collections (and so merge keys).

    The safe loader builds an alias as a reference to the same object; walking
    the tree and meeting a container twice means an alias, which is how a
    "billion laughs" file expands into exponential work.  Data files never need
    them, and a copy-paste of the anchored block says the same thing plainly.
    """
    seen: set[int] = set()
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key in node:
                if not isinstance(key, str | int | float | bool) and key is not None:
                    match = _COMPLEX_KEY_RE.search(text)
                    offset = match.start(1) if match else 0
                    line, column = position_of_offset(text, offset)
                    raise LoadError(SYNTAX, line, column, tr("load.complex_key"))
        if isinstance(node, dict | list):
            if id(node) in seen:
                match = _ANCHOR_RE.search(text)
                offset = match.start(1) if match else 0
                line, column = position_of_offset(text, offset)
                raise LoadError(ALIAS, line, column, tr("load.alias"))
            seen.add(id(node))
            stack.extend(node.values() if isinstance(node, dict) else node)


@dataclass(frozen=True)
class Edit:
    """A repair as it moved columns: on *line* (0-based) from *column*,
    *removed* characters became *inserted* ones."""

    line: int
    column: int
    removed: int
    inserted: int


@dataclass(frozen=True)
class Reading:
    """A file read on past its keyboard slips: the data, the text it was read
    from (the file's with each slip repaired, line for line), each slip as
    the error it is (placed in the file's own text) and how the repairs moved
    columns, to place what is found in the repaired text."""

    data: Any
    text: str
    slips: tuple[LoadError, ...] = ()
    edits: tuple[Edit, ...] = ()

    def original(self, line: int, column: int) -> tuple[int, int]:
        """The 1-based *line* and *column* of the repaired text in the file's."""
        return _back(self.edits, line, column)


# Slips repaired in one file before reading stops: a file typed with the input
# method on from top to bottom is named in its first lines, not parsed hundreds
# of times over.
MAX_REPAIRS = 32


def read(text: str) -> Reading:
    """*text* as data, read on past every keyboard slip ``slips.py`` names:
    each is repaired in memory and the text parsed again, so what lies behind
    a slip (an unknown key, a bad date) is found in the same run.  Raises the
    LoadError where reading stops for good, holding the slips before it
    (``LoadError.earlier``).  Every position is the file's own."""
    current, slips, edits = text, list[LoadError](), list[Edit]()
    while True:
        try:
            data = parse(current)
        except LoadError as err:
            err.line, err.column = _back(edits, err.line, err.column)
            repair = err.repair
            if repair is None or len(slips) >= MAX_REPAIRS:
                err.repair, err.earlier = None, tuple(slips)
                raise
            starts = line_starts(current)
            line = bisect.bisect_right(starts, repair.offset) - 1
            edits.append(
                Edit(line, repair.offset - starts[line], repair.length, len(repair.replacement))
            )
            current = apply(current, repair)
            slips.append(err)
            continue
        return Reading(data, current, tuple(slips), tuple(edits))


def _back(edits: list[Edit] | tuple[Edit, ...], line: int, column: int) -> tuple[int, int]:
    """A 1-based position after *edits* as it was before them; a position
    inside a repair is its start."""
    index = column - 1
    for edit in reversed(edits):
        if edit.line != line - 1 or index < edit.column:
            continue
        if index >= edit.column + edit.inserted:
            index += edit.removed - edit.inserted
        else:
            index = edit.column
    return line, index + 1


def parse(text: str) -> Any:
    """Parse one YAML document into plain data, or raise LoadError (at the
    first keyboard slip too: ``read`` reads on past them).

    The parser may place an error just past the end of the file (an unclosed
    bracket); the position is kept inside the file, where an editor can go.
    """
    try:
        return _parse(text)
    except LoadError as err:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if err.line > len(lines):
            err.line, err.column = len(lines), len(lines[-1]) + 1
        err.line = max(err.line, 1)
        err.column = min(max(err.column, 1), len(lines[err.line - 1]) + 1)
        raise


def _parse(text: str) -> Any:
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise LoadError(NOT_A_MAPPING, 1, 1, tr("load.empty"))
    _check_depth(text)
    try:
        data = construct(text)
        shared_checked = True  # construct takes no anchor, alias or complex key
    except Unusual:
        data = _load_or_explain(text)
        shared_checked = False
    if data is None:
        raise LoadError(NOT_A_MAPPING, 1, 1, tr("load.empty"))
    if not isinstance(data, dict):
        # Every key's colon full-width: the whole file reads as one text.
        slip = syntax_slip(text, WINDOW + 1, _load) if isinstance(data, str) else None
        if slip is not None:
            raise LoadError(SYNTAX, slip.line, slip.column, slip.message, slip.repair)
        raise LoadError(NOT_A_MAPPING, 1, 1, tr("load.not_mapping", kind=describe_kind(data)))
    if not shared_checked:
        _check_shared(data, text)
    slip = key_slip(data, text, _load)
    if slip is not None:
        raise LoadError(SYNTAX, slip.line, slip.column, slip.message, slip.repair)
    return data


def _load_or_explain(text: str) -> Any:
    """ruamel's safe load of *text*; every way it fails becomes a LoadError."""
    try:
        return _load(text)
    except MergeKeyError as exc:
        line, column = exc.mark.line + 1, exc.mark.column + 1
        raise LoadError(ALIAS, line, column, tr("load.merge")) from None
    except UnsupportedTagError as exc:
        line, column = exc.mark.line + 1, exc.mark.column + 1
        tag = exc.tag.replace("tag:yaml.org,2002:", "!!")
        raise LoadError(TAG, line, column, tr("load.tag", tag=tag)) from None
    except ReaderError as exc:
        char = exc.character if isinstance(exc.character, int) else 0
        # The C reader counts bytes, not characters: find the character itself.
        offset = text.find(chr(char)) if char else -1
        line, column = position_of_offset(text, max(offset, 0))
        raise LoadError(ENCODING, line, column, tr("load.control", char=f"#x{char:04x}")) from None
    except DuplicateKeyError as exc:
        line, column = _mark(exc)
        raise LoadError(
            DUPLICATE_KEY, line, column, tr("load.duplicate_key", key=_duplicate_key_of(exc))
        ) from None
    except ConstructorError as exc:
        line, column = _mark(exc)
        raise LoadError(TAG, line, column, tr("load.tag", tag=_tag_of(exc))) from None
    except MarkedYAMLError as exc:
        line, column = _mark(exc, prefer_context=_context_is_better(exc))
        if _problem(exc) == tr("yaml.escape"):
            column = _escape_start(text, line, column)
        if "expected a single document" in str(exc) or "but found another document" in str(exc):
            raise LoadError(MULTI_DOCUMENT, line, column, tr("load.multi_document")) from None
        if "alias" in str(exc) or "anchor" in str(exc):
            raise LoadError(ALIAS, line, column, tr("load.alias")) from None
        failed_at, _ = _mark(exc)
        slip = syntax_slip(text, failed_at, _load)
        if slip is not None:
            raise LoadError(SYNTAX, slip.line, slip.column, slip.message, slip.repair) from None
        raise LoadError(SYNTAX, line, column, tr("load.syntax", detail=_problem(exc))) from None
    except YAMLError as exc:
        line, column = _mark(exc)
        raise LoadError(SYNTAX, line, column, tr("load.syntax", detail=str(exc).strip())) from None
    except RecursionError:
        raise LoadError(TOO_BIG, 1, 1, tr("load.too_deep", limit=MAX_DEPTH)) from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise LoadError(SYNTAX, 1, 1, tr("load.syntax", detail=str(exc))) from None


def _load(text: str) -> Any:
    return _safe_yaml().load(text)


# Every complaint of libyaml (the C parser) and of ruamel's own parser that a
# data file can provoke, said the way an officer can act on; a part of each
# message both parsers share where they word it differently.  A complaint not
# listed is shown as the parser says it (tests/loading/test_parser.py keeps
# libyaml's list covered).
_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("could not find expected ':'", "yaml.missing_colon"),
    ("found unexpected end of stream", "yaml.unexpected_end"),
    ("found a tab character", "yaml.tab"),
    ("found character '\t' that cannot start any token", "yaml.tab"),
    ("mapping values are not allowed", "yaml.mapping_not_allowed"),
    ("mapping keys are not allowed", "yaml.mapping_not_allowed"),
    ("block sequence entries are not allowed", "yaml.sequence_not_allowed"),
    ("expected <block end>", "yaml.indentation"),
    ("did not find expected key", "yaml.indentation"),
    ("did not find expected '-' indicator", "yaml.indentation"),
    ("did not find expected <document start>", "yaml.indentation"),
    ("expected '<document start>'", "yaml.indentation"),
    ("did not find expected ',' or ']'", "yaml.flow_unclosed"),
    ("did not find expected ',' or '}'", "yaml.flow_unclosed"),
    ("expected ',' or ']'", "yaml.flow_unclosed"),
    ("expected ',' or '}'", "yaml.flow_unclosed"),
    ("did not find expected comment or line break", "yaml.trailing"),
    ("did not find expected whitespace", "yaml.trailing"),
    ("expected a comment or a line break", "yaml.trailing"),
    ("found unexpected document indicator", "yaml.document_marker"),
    ("found undefined alias", "yaml.undefined_alias"),
    ("found duplicate anchor", "yaml.undefined_alias"),
    ("did not find expected alphabetic or numeric character", "yaml.undefined_alias"),
    ("expected alphabetic or numeric character", "yaml.undefined_alias"),
    ("found unknown escape character", "yaml.escape"),
    ("did not find expected hexdecimal number", "yaml.escape"),
    ("found invalid Unicode character escape code", "yaml.escape"),
    ("found undefined tag handle", "yaml.tag_syntax"),
    ("did not find expected tag URI", "yaml.tag_syntax"),
    ("did not find expected '!'", "yaml.tag_syntax"),
    ("did not find URI escaped octet", "yaml.tag_syntax"),
    ("found unknown directive name", "yaml.directive"),
    ("could not find expected directive name", "yaml.directive"),
    ("did not find expected version number", "yaml.directive"),
    ("did not find expected digit or '.' character", "yaml.directive"),
    ("found incompatible YAML document", "yaml.directive"),
    ("found duplicate %YAML directive", "yaml.directive"),
    ("found duplicate %TAG directive", "yaml.directive"),
    ("found extremely long version number", "yaml.directive"),
    ("found an indentation indicator equal to 0", "yaml.block_scalar"),
    ("expected indentation indicator in the range 1-9", "yaml.block_scalar"),
    ("did not find the expected '>'", "yaml.tag_syntax"),
    ("found character that cannot start any token", "yaml.bad_character"),
    ("found unexpected ':'", "yaml.unexpected_colon"),
    ("did not find expected node content", "yaml.missing_value"),
    ("expected the node content", "yaml.missing_value"),
)


def _problem(exc: YAMLError) -> str:
    problem = getattr(exc, "problem", None)
    text = str(problem) if problem else str(exc)
    text = text.split("\n", 1)[0].strip()
    for needle, key in _PROBLEMS:
        if needle in text:
            return tr(key)
    return text


def _escape_start(text: str, line: int, column: int) -> int:
    """The column of the backslash that starts a broken escape ("C:\\Users"): the
    parser stops a few characters after it."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return column
    backslash = lines[line - 1].rfind("\\", 0, column)
    return backslash + 1 if backslash >= 0 else column


def _context_is_better(exc: YAMLError) -> bool:
    """For a key missing its colon or an unclosed quote, the context mark is where
    the broken token began; the problem mark is then only the next line."""
    problem = str(getattr(exc, "problem", "") or "")
    return isinstance(exc, ScannerError) and (
        "could not find expected ':'" in problem or "found unexpected end of stream" in problem
    )


def _tag_of(exc: YAMLError) -> str:
    match = re.search(r"tag '([^']+)'", str(exc))
    tag = match.group(1) if match else "?"
    return tag.replace("tag:yaml.org,2002:", "!!")


def _duplicate_key_of(exc: YAMLError) -> str:
    match = re.search(r'duplicate key "([^"]*)"', str(exc))
    return match.group(1) if match else "?"
