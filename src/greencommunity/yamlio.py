"""Reading YAML files safely: bytes → text → plain data, every failure a Diagnostic.

The fast path is ruamel's safe loader with the C parser.  Positions of keys and
values are needed only for files that have problems, so the node tree that
carries them is composed lazily, the first time a diagnostic asks for one.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import (
    ConstructorError,
    DuplicateKeyError,
    SafeConstructor,
)
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import ScannerError

from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.i18n import tr

# A community file is ~150 lines (~6 KB); 1 MiB leaves room for long notes while
# keeping the parse of any file well under a second.
MAX_FILE_BYTES = 1024 * 1024
# Deeper nesting than this is never a data file; it is refused before the parser
# recurses on it.
MAX_DEPTH = 64

Loc = Sequence[str | int | float]


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


class LoadError(Exception):
    """A file could not be turned into data; carries the diagnostic to report."""

    def __init__(self, code: str, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.line = line
        self.column = column
        self.message = message


def _position_of_offset(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


_PRINTABLE_ASCII = frozenset(b"\t\n\r" + bytes(range(0x20, 0x7F)))


def _looks_utf16(raw: bytes) -> bool:
    """A UTF-16 BOM, or ASCII text with every other byte zero (UTF-16 without BOM)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    head = raw[:256]
    if len(head) < 8:
        return False
    for zeros, chars in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):
        if zeros.count(0) >= 0.8 * len(zeros) and (
            sum(b in _PRINTABLE_ASCII for b in chars) >= 0.8 * len(chars)
        ):
            return True
    return False


def _looks_gbk(raw: bytes) -> bool:
    """Decodes as GB18030 into text that has Chinese and no control characters.

    GB18030 accepts most byte strings, so decoding alone proves nothing.
    """
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    has_cjk = any("\u4e00" <= char <= "\u9fff" for char in text)
    controls = any(ord(char) < 0x20 and char not in "\t\n\r" for char in text)
    return has_cjk and not controls


def decode(raw: bytes) -> str:
    """Decode a data file; only UTF-8 (with or without BOM) is accepted."""
    if _looks_utf16(raw):
        raise LoadError("GC101", 1, 1, tr("load.utf16"))
    nul = raw.find(b"\x00")
    if nul >= 0:
        prefix = raw[:nul].decode("utf-8", errors="replace")
        line, column = _position_of_offset(prefix, len(prefix))
        raise LoadError("GC101", line, column, tr("load.binary"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", errors="replace")
        line, column = _position_of_offset(prefix, len(prefix))
        key = "load.gbk" if _looks_gbk(raw) else "load.not_utf8"
        raise LoadError("GC101", line, column, tr(key)) from None


def _mark(exc: YAMLError, *, prefer_context: bool = False) -> tuple[int, int]:
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    mark = (context or problem) if prefer_context else (problem or context)
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _check_depth(text: str) -> None:
    """Refuse absurd nesting before the recursive parser sees it.

    Counts flow brackets and block indentation levels cheaply; a real data file
    nests a few levels deep.
    """
    depth = 0
    for index, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, column = _position_of_offset(text, index)
                raise LoadError("GC107", line, column, tr("load.too_deep", limit=MAX_DEPTH))
        elif char in "]}":
            depth = max(0, depth - 1)
    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = len(line_text) - len(line_text.lstrip(" -"))
        if indent > MAX_DEPTH * 4:
            raise LoadError("GC107", number, 1, tr("load.too_deep", limit=MAX_DEPTH))


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
                    line, column = _position_of_offset(text, offset)
                    raise LoadError("GC102", line, column, tr("load.complex_key"))
        if isinstance(node, dict | list):
            if id(node) in seen:
                match = _ANCHOR_RE.search(text)
                offset = match.start(1) if match else 0
                line, column = _position_of_offset(text, offset)
                raise LoadError("GC106", line, column, tr("load.alias"))
            seen.add(id(node))
            stack.extend(node.values() if isinstance(node, dict) else node)


def parse(text: str) -> Any:
    """Parse one YAML document into plain data, or raise LoadError.

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
        raise LoadError("GC104", 1, 1, tr("load.empty"))
    _check_depth(text)
    try:
        data = _safe_yaml().load(text)
    except MergeKeyError as exc:
        line, column = exc.mark.line + 1, exc.mark.column + 1
        raise LoadError("GC106", line, column, tr("load.merge")) from None
    except UnsupportedTagError as exc:
        line, column = exc.mark.line + 1, exc.mark.column + 1
        tag = exc.tag.replace("tag:yaml.org,2002:", "!!")
        raise LoadError("GC108", line, column, tr("load.tag", tag=tag)) from None
    except ReaderError as exc:
        char = exc.character if isinstance(exc.character, int) else 0
        # The C reader counts bytes, not characters: find the character itself.
        offset = text.find(chr(char)) if char else -1
        line, column = _position_of_offset(text, max(offset, 0))
        raise LoadError("GC101", line, column, tr("load.control", char=f"#x{char:04x}")) from None
    except DuplicateKeyError as exc:
        line, column = _mark(exc)
        raise LoadError(
            "GC103", line, column, tr("load.duplicate_key", key=_duplicate_key_of(exc))
        ) from None
    except ConstructorError as exc:
        line, column = _mark(exc)
        raise LoadError("GC108", line, column, tr("load.tag", tag=_tag_of(exc))) from None
    except MarkedYAMLError as exc:
        line, column = _mark(exc, prefer_context=_context_is_better(exc))
        if "expected a single document" in str(exc) or "but found another document" in str(exc):
            raise LoadError("GC105", line, column, tr("load.multi_document")) from None
        if "alias" in str(exc) or "anchor" in str(exc):
            raise LoadError("GC106", line, column, tr("load.alias")) from None
        raise LoadError("GC102", line, column, tr("load.syntax", detail=_problem(exc))) from None
    except YAMLError as exc:
        line, column = _mark(exc)
        raise LoadError("GC102", line, column, tr("load.syntax", detail=str(exc).strip())) from None
    except RecursionError:
        raise LoadError("GC107", 1, 1, tr("load.too_deep", limit=MAX_DEPTH)) from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise LoadError("GC102", 1, 1, tr("load.syntax", detail=str(exc))) from None
    if data is None:
        raise LoadError("GC104", 1, 1, tr("load.empty"))
    if not isinstance(data, dict):
        raise LoadError("GC104", 1, 1, tr("load.not_mapping", kind=type(data).__name__))
    _check_shared(data, text)
    return data


# The parser's most frequent complaints, said the way an officer can act on.
_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("could not find expected ':'", "yaml.missing_colon"),
    ("found unexpected end of stream", "yaml.unexpected_end"),
    ("found a tab character", "yaml.tab"),
    ("found character '\t' that cannot start any token", "yaml.tab"),
    ("mapping values are not allowed here", "yaml.mapping_not_allowed"),
    ("expected <block end>", "yaml.indentation"),
    ("did not find expected key", "yaml.indentation"),
    ("did not find expected '-' indicator", "yaml.indentation"),
    ("found undefined alias", "yaml.undefined_alias"),
    ("found unknown escape character", "yaml.escape"),
    ("found character that cannot start any token", "yaml.bad_character"),
    ("found unexpected ':'", "yaml.unexpected_colon"),
    ("did not find expected node content", "yaml.missing_value"),
    ("found duplicate anchor", "yaml.undefined_alias"),
)


def _problem(exc: YAMLError) -> str:
    problem = getattr(exc, "problem", None)
    text = str(problem) if problem else str(exc)
    text = text.split("\n", 1)[0].strip()
    for needle, key in _PROBLEMS:
        if needle in text:
            return tr(key)
    return text


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


@dataclass
class Document:
    """One data file: its text, its plain data and, on demand, positions."""

    path: Path
    display: str
    text: str
    data: dict[str, Any]
    _tree: Any = field(default=None, repr=False)
    _tree_loaded: bool = field(default=False, repr=False)
    # Per mapping node, its pairs by key text: a file with tens of thousands of
    # bad keys must not make every lookup a linear scan.
    _pairs: dict[int, dict[str, tuple[Node, Node]]] = field(default_factory=dict, repr=False)

    def _nodes(self) -> Any:
        """The file's node tree, composed once by the C parser on first use.

        Composing keeps every key's and value's mark without constructing
        Python objects; ruamel's round-trip load would give the same positions
        about ten times slower (seconds on a 1 MB file).
        """
        if not self._tree_loaded:
            self._tree_loaded = True
            try:
                self._tree = YAML(typ="safe", pure=False).compose(self.text)
            except Exception:  # positions are best effort; the data already parsed
                self._tree = None
        return self._tree

    def _pairs_of(self, mapping: MappingNode) -> dict[str, tuple[Node, Node]]:
        pairs = self._pairs.get(id(mapping))
        if pairs is None:
            pairs = {}
            for key_node, value_node in mapping.value:
                if isinstance(key_node, ScalarNode):
                    pairs.setdefault(key_node.value, (key_node, value_node))
            self._pairs[id(mapping)] = pairs
        return pairs

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at *loc*, or of its key if *key*.

        When *loc* goes further than the file (a missing key), the position of
        the deepest existing part is returned: the mapping that lacks the key.
        """
        node = self._nodes()
        if node is None:
            return (1, 1)
        position = _mark_of(node)
        for index, part in enumerate(loc):
            last = index == len(loc) - 1
            if isinstance(node, MappingNode):
                pair = _find_pair(self._pairs_of(node), part)
                if pair is None:
                    return position
                key_node, node = pair
                position = _mark_of(key_node if (key and last) else node)
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    return position
                node = node.value[part]
                position = _mark_of(node)
            else:
                return position
        return position

    def diagnostic(
        self, code: str, severity: Severity, message: str, loc: Loc = (), *, key: bool = False
    ) -> Diagnostic:
        line, column = self.position(loc, key=key)
        return Diagnostic(self.display, line, column, code, severity, message)


def _mark_of(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _find_pair(pairs: dict[str, tuple[Node, Node]], part: object) -> tuple[Node, Node] | None:
    """The (key, value) nodes whose key reads as *part*.

    pydantic reports keys as parsed: `2.3:` arrives as the float 2.3, and a
    null or boolean key as the text "None" or "True".
    """
    spellings = [str(part)]
    if part is None or part == "None":
        spellings += ["", "~", "null", "Null", "NULL"]
    elif part is True or part == "True":
        spellings += ["true", "TRUE"]
    elif part is False or part == "False":
        spellings += ["false", "FALSE"]
    for spelling in spellings:
        if spelling in pairs:
            return pairs[spelling]
    if isinstance(part, int | float) and not isinstance(part, bool):
        for text, pair in pairs.items():
            try:
                if float(text) == float(part):
                    return pair
            except ValueError:
                continue
    return None


def display_path(path: Path, base: Path | None = None) -> str:
    base = Path.cwd() if base is None else base
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_document(path: Path, display: str | None = None) -> Document | Diagnostic:
    """Read and parse *path*; a Diagnostic when it cannot be used at all."""
    shown = display or display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Diagnostic(
                shown,
                1,
                1,
                "GC107",
                Severity.ERROR,
                tr("load.too_large", size=size, limit=MAX_FILE_BYTES),
            )
        raw = path.read_bytes()
    except IsADirectoryError:
        return Diagnostic(shown, 1, 1, "GC109", Severity.ERROR, tr("load.is_directory"))
    except OSError as exc:
        return Diagnostic(
            shown,
            1,
            1,
            "GC109",
            Severity.ERROR,
            tr("load.unreadable", detail=exc.strerror or str(exc)),
        )
    return document_from_bytes(path, shown, raw)


def document_from_bytes(path: Path, display: str, raw: bytes) -> Document | Diagnostic:
    """Decode and parse the bytes of a file already read (from disk or from git)."""
    if len(raw) > MAX_FILE_BYTES:
        return Diagnostic(
            display,
            1,
            1,
            "GC107",
            Severity.ERROR,
            tr("load.too_large", size=len(raw), limit=MAX_FILE_BYTES),
        )
    try:
        text = decode(raw)
        data = parse(text)
    except LoadError as err:
        return Diagnostic(display, err.line, err.column, err.code, Severity.ERROR, err.message)
    return Document(path=path, display=display, text=text, data=data)
