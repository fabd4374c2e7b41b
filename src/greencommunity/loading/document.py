"""A loaded file: its text, its plain data, and positions on demand.

Positions come from the node tree that ruamel's C parser composes, once, the
first time a diagnostic asks for one; a valid file never pays for it.
"""

from __future__ import annotations

import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from greencommunity.codes import TOO_BIG, UNREADABLE, Code
from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import tr
from greencommunity.loading.parser import MAX_FILE_BYTES, Reading, read
from greencommunity.loading.text import LoadError, decode, readable

# A place in a file's data: keys and list indexes, as pydantic reports them.
Loc = Sequence[str | int | float]


@dataclass
class Document:
    """One data file: its text, its plain data and, on demand, positions."""

    path: Path
    display: str
    text: str
    # None for a file whose model came from the cache: parsed again only if asked.
    _data: dict[str, Any] | None = field(default=None, repr=False)
    # How the text was read (past its keyboard slips); None: not read yet.
    _reading: Reading | None = field(default=None, repr=False)
    _tree: Any = field(default=None, repr=False)
    _tree_loaded: bool = field(default=False, repr=False)
    # Per mapping node, its pairs by key text: a file with tens of thousands of
    # bad keys must not make every lookup a linear scan.
    _pairs: dict[int, dict[str, tuple[Node, Node]]] = field(default_factory=dict, repr=False)

    @property
    def data(self) -> dict[str, Any]:
        """The file's plain data (as the parser gave it, before the schema)."""
        if self._data is None:
            self._data = self._read().data
        return self._data

    def _read(self) -> Reading:
        if self._reading is None:
            # It was read when it was cached: same text, same data and slips.
            self._reading = read(self.text)
        return self._reading

    def slips(self) -> list[Diagnostic]:
        """The keyboard slips the file was read on past (GC102), each an error."""
        return [
            err.code.at(self.display, err.line, err.column, err.message)
            for err in self._read().slips
        ]

    def _nodes(self) -> Any:
        """The file's node tree, composed once by the C parser on first use.

        Composing keeps every key's and value's mark without constructing
        Python objects; ruamel's round-trip load would give the same positions
        about ten times slower (seconds on a 1 MB file).
        """
        if not self._tree_loaded:
            self._tree_loaded = True
            try:
                # The text the data was read from: the file's, its slips repaired.
                self._tree = YAML(typ="safe", pure=False).compose(self._read().text)
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
        path = self._path(loc)
        if not path:
            return (1, 1)
        found, key_node = path[-1]
        complete = len(path) == len(loc) + 1
        line, column = _mark_of(key_node if (key and complete and key_node is not None) else found)
        return self._read().original(line, column)

    def node(self, loc: Loc) -> tuple[Node | None, Node | None]:
        """The node of the value at *loc* and its parent (None for what the file lacks)."""
        path = self._path(loc)
        if len(path) != len(loc) + 1:
            return None, None
        parent = path[-2][0] if len(path) > 1 else None
        return path[-1][0], parent

    def _path(self, loc: Loc) -> list[tuple[Node, Node | None]]:
        """The nodes from the top down to *loc* as far as the file goes, each
        with the key node it sits under (None in a list and at the top)."""
        node = self._nodes()
        if node is None:
            return []
        path: list[tuple[Node, Node | None]] = [(node, None)]
        for part in loc:
            if isinstance(node, MappingNode):
                pair = _find_pair(self._pairs_of(node), part)
                if pair is None:
                    break
                key_node, node = pair
                path.append((node, key_node))
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                node = node.value[part]
                path.append((node, None))
            else:
                break
        return path

    def diagnostic(
        self, code: Code, message: str, loc: Loc = (), *, key: bool = False
    ) -> Diagnostic:
        """*code* at *loc* in this file (at its key with *key*)."""
        line, column = self.position(loc, key=key)
        return code.at(self.display, line, column, message)


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
        return followed(path).relative_to(followed(base)).as_posix()
    except ValueError:
        return path.as_posix()


def followed(path: Path) -> Path:
    """*path* with its symlinks followed; a symlink that loops (RuntimeError
    before Python 3.13, OSError after) is named as it is, in its folder followed."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        if path.parent == path:
            return path
        return followed(path.parent) / path.name


@dataclass(frozen=True)
class NotLoaded:
    """A file that gave no data: the diagnostic saying why and, when its bytes
    were read as text, that text, so the diagnostic can be shown on its line."""

    diagnostic: Diagnostic
    text: str | None = None
    # The keyboard slips read on past before the error that stopped reading.
    earlier: tuple[Diagnostic, ...] = ()

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [*self.earlier, self.diagnostic]


def load_document(path: Path, display: str | None = None) -> Document | NotLoaded:
    """Read and parse *path*; NotLoaded when it cannot be used at all."""
    shown = display or display_path(path)
    raw = read_file(path, shown)
    if isinstance(raw, NotLoaded):
        return raw
    return document_from_bytes(path, shown, raw)


def read_file(path: Path, display: str) -> bytes | NotLoaded:
    """The bytes of *path*, or why they cannot be read (shown as *display*)."""
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            return NotLoaded(UNREADABLE.at(display, 1, 1, tr("load.is_directory")))
        if not stat.S_ISREG(status.st_mode):
            # A named pipe would block the read for ever, a device never end it.
            return NotLoaded(UNREADABLE.at(display, 1, 1, tr("load.not_regular")))
        if status.st_size > MAX_FILE_BYTES:
            message = tr("load.too_large", size=status.st_size, limit=MAX_FILE_BYTES)
            return NotLoaded(TOO_BIG.at(display, 1, 1, message))
        with path.open("rb") as handle:
            # A file grown since its size was read is still read no further than the limit.
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            message = tr("load.too_large", size=len(raw), limit=MAX_FILE_BYTES)
            return NotLoaded(TOO_BIG.at(display, 1, 1, message))
        return raw
    except IsADirectoryError:
        return NotLoaded(UNREADABLE.at(display, 1, 1, tr("load.is_directory")))
    except OSError as exc:
        message = tr("load.unreadable", detail=exc.strerror or str(exc))
        return NotLoaded(UNREADABLE.at(display, 1, 1, message))


def document_from_bytes(path: Path, display: str, raw: bytes) -> Document | NotLoaded:
    """Decode and parse the bytes of a file already read (from disk or from git)."""
    if len(raw) > MAX_FILE_BYTES:
        message = tr("load.too_large", size=len(raw), limit=MAX_FILE_BYTES)
        return NotLoaded(TOO_BIG.at(display, 1, 1, message))
    try:
        text = decode(raw)
    except LoadError as err:
        return NotLoaded(err.code.at(display, err.line, err.column, err.message), readable(raw))
    try:
        reading = read(text)
    except LoadError as err:
        earlier = tuple(e.code.at(display, e.line, e.column, e.message) for e in err.earlier)
        return NotLoaded(err.code.at(display, err.line, err.column, err.message), text, earlier)
    return Document(path=path, display=display, text=text, _data=reading.data, _reading=reading)
