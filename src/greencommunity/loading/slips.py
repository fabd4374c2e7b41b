"""Chinese keyboard slips: what a Chinese input method types where YAML wants ASCII.

With the input method on, an officer types ``：`` for ``:``, a full-width space
(U+3000), ``，`` or ``、`` between list entries, ``“”`` for quotes, ``【】``
for brackets, ``２０２１`` for 2021, or indents with a tab.  YAML reads most of
them as ordinary text: the parser fails a line or two later with a complaint
about something else ("缺少冒号", indentation), or the file loads with other
data than was meant.  This module finds the slip and says which character it
is and what to type instead:

- ``syntax_slip``: where the parser failed, the slip that made it fail.  Each
  candidate near the failure is repaired and the text parsed again; a slip is
  the cause when the repair lets the parser get further.  The slip keeps its
  ``Repair``: ``parser.read`` makes it and reads on, so one run reports what
  lies past the slip too.
- ``key_slip``: a key holding such a character.  Every key of the data files
  is a plain ASCII name or an item id, so the file did not say what was meant
  even though it parsed (``batch： 2021`` in braces, a key indented with
  full-width spaces).

What is read in values after parsing (a hint for a format error, the values
GC207 warns of) is ``loading/slip_values.py``, with these characters.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from greencommunity.i18n import tr

# What a Chinese input method types instead of YAML's ASCII.
COLON = "："
SPACE = "\u3000"
COMMAS = "，、"
OPEN_QUOTES = "“‘＂＇"
CLOSE_QUOTES = "”’＂＇"
BRACKETS = {"【": "[", "［": "[", "】": "]", "］": "]", "｛": "{", "｝": "}"}
# Characters no key of a data file ever holds: a key holding one is a slip.
KEY_SLIPS = COLON + SPACE + COMMAS + OPEN_QUOTES + CLOSE_QUOTES + "".join(BRACKETS)
_KEY_SLIP_SET = frozenset(KEY_SLIPS)
# Full-width forms of ASCII (U+FF01-FF5E): digits, letters, ．－＋ …
FULL_WIDTH = re.compile(r"[\uff01-\uff5e]")
# The parser is run again once per candidate; a data file is a few KB, and a
# text far larger than any data file is not searched.
MAX_TEXT = 256 * 1024
MAX_CANDIDATES = 16
# Lines above the failure searched for the slip: a key that lost its colon
# runs into the following lines before the parser gives up.
WINDOW = 10
_SHOWN = 60


# What was meant, for each slip character outside a value: the ASCII YAML
# reads (a colon gets the space after it in ``_key_repair``).
ASCII = {
    COLON: ":",
    SPACE: " ",
    **dict.fromkeys(COMMAS, ","),
    **{quote: '"' if quote in "“”＂" else "'" for quote in OPEN_QUOTES + CLOSE_QUOTES},
    **BRACKETS,
}


@dataclass(frozen=True)
class Repair:
    """What was meant instead of a slip: *length* characters at *offset* of
    the text replaced by *replacement*, within one line."""

    offset: int
    length: int
    replacement: str


@dataclass(frozen=True)
class Slip:
    """A slip at a 1-based line and column, the message that names it, and
    its repair, when the text is read on past it."""

    line: int
    column: int
    message: str
    repair: Repair | None = None


@dataclass(frozen=True)
class _Candidate:
    offset: int  # of the slip character in the text
    length: int  # characters replaced, the slip and what goes with it
    replacement: str
    kind: str  # colon, space, comma, quote, bracket

    def apply(self, text: str) -> str:
        return text[: self.offset] + self.replacement + text[self.offset + self.length :]


# ------------------------------------------------------------------ candidates


_BREAK = re.compile(r"\r\n|\r|\n")  # YAML's line breaks, as the parser counts lines


def _lines(text: str) -> list[str]:
    return _BREAK.split(text)


def line_starts(text: str) -> list[int]:
    """Where each line of *text* begins, as the parser counts lines."""
    starts = [0]
    starts.extend(m.end() for m in _BREAK.finditer(text))
    return starts


def _content_start(line: str) -> int:
    """Where a line's content begins: after indentation and list dashes."""
    index = 0
    while True:
        while index < len(line) and line[index] in " \t" + SPACE:
            index += 1
        if line.startswith("- ", index) or line[index:] == "-":
            index += 1
            continue
        return index


def _key_colon(line: str) -> int | None:
    """The index of a full-width colon typed where a key ends, if any: the key
    (plain or quoted) comes first on the line, then ``：``."""
    start = _content_start(line)
    rest = line[start:]
    if not rest or rest[0] in "#[{":
        return None
    if rest[0] in "\"'":
        close = rest.find(rest[0], 1)
        if close < 0:
            return None
        after = close + 1
        while after < len(rest) and rest[after] in " " + SPACE:
            after += 1
        return start + after if rest.startswith(COLON, after) else None
    for index, char in enumerate(rest):
        if char == COLON:
            return start + index
        if char == ":" and (index + 1 == len(rest) or rest[index + 1] in " \t"):
            return None
        if char == "#" and index and rest[index - 1] in " \t":
            return None
    return None


def _flow_depth_before(line: str, index: int) -> int:
    """How many flow brackets are open on *line* before *index* (quotes skipped)."""
    depth, quote = 0, ""
    for char in line[:index]:
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{【［｛":
            depth += 1
        elif char in "]}】］｝":
            depth = max(0, depth - 1)
    return depth


_WHOLE_QUOTED = re.compile(
    r"(?:^|(?<=[\s\[{,:]))([“‘＂＇])([^“”‘’＂＇\n]*)([”’＂＇])(?=\s*(?:$|#|:|,|\]|\}))"
)
CLOSING = {"“": "”", "‘": "’", "＂": "＂", "＇": "＇"}


def _candidates_on(line: str, base: int) -> Iterator[_Candidate]:
    """The slips on one line that the parser may have stumbled on."""
    colon = _key_colon(line)
    if colon is not None:
        spaces = len(line[colon + 1 :]) - len(line[colon + 1 :].lstrip(" " + SPACE))
        yield _Candidate(base + colon, 1 + spaces, ": ", "colon")
    for index, char in enumerate(line):
        if char == SPACE:
            yield _Candidate(base + index, 1, " ", "space")
        elif char in COMMAS and _flow_depth_before(line, index):
            spaces = len(line[index + 1 :]) - len(line[index + 1 :].lstrip(" " + SPACE))
            yield _Candidate(base + index, 1 + spaces, ", ", "comma")
        elif char in BRACKETS:
            yield _Candidate(base + index, 1, BRACKETS[char], "bracket")
    for match in _WHOLE_QUOTED.finditer(line):
        opening, body, closing = match.groups()
        if CLOSING[opening] != closing:
            continue
        ascii_quote = '"' if opening in "“＂" else "'"
        if ascii_quote in body:
            continue
        replacement = ascii_quote + body + ascii_quote
        yield _Candidate(base + match.start(1), len(match.group(0)), replacement, "quote")


# --------------------------------------------------------------------- parsing


def _outcome(text: str, load: Callable[[str], Any]) -> tuple[int, int]:
    """How far *load* gets on *text*, comparable: a mapping (the shape of every
    data file) is best, other data next, then a syntax error the later its line.
    Errors past the scanner and parser (a tag, a duplicate key) count as data:
    they are past any slip."""
    from ruamel.yaml.parser import ParserError
    from ruamel.yaml.scanner import ScannerError

    try:
        data = load(text)
    except (ScannerError, ParserError) as exc:
        mark = exc.problem_mark or exc.context_mark
        return (0, mark.line if mark is not None else 0)
    except Exception:  # refused for another reason: past the syntax
        return (1, 0)
    return (2, 0) if isinstance(data, dict) else (1, 0)


def syntax_slip(text: str, line: int, load: Callable[[str], Any]) -> Slip | None:
    """The keyboard slip that stops *text* from loading as a mapping, on *line*
    (1-based) or the lines above it: where the parser failed, or the first
    lines when the whole file read as one text (every colon full-width).

    Tabs are named where the parser stopped on one.  Other slips are found by
    repair: the candidates on that line and the lines above it are replaced by
    what was meant, all at once; if the text then gets further, the first
    candidate without which it would not is the slip.
    """
    lines = _lines(text)
    if not text.strip():
        return None
    # The parser may stop just past the end (a key without its colon on the last line).
    line = min(max(line, 1), len(lines))
    starts = line_starts(text)
    tab = _tab_slip(lines, line)
    if tab is not None:
        return _tab_repaired(text, tab, starts, load)
    if len(text) > MAX_TEXT:
        return None
    first = max(1, line - WINDOW)
    candidates = [
        c
        for number in range(first, line + 1)
        for c in _candidates_on(lines[number - 1], starts[number - 1])
    ]
    candidates = sorted(candidates, key=lambda c: c.offset)[-MAX_CANDIDATES:]
    if not candidates:
        return None
    before = _outcome(text, load)
    after = _outcome(_repair(text, candidates), load)
    if after <= before:
        return None
    chosen = candidates[0]
    for candidate in candidates:
        others = [c for c in candidates if c is not candidate]
        if _outcome(_repair(text, others), load) < after:
            chosen = candidate
            break
    slip = _slip_of(text, chosen, starts)
    if chosen.kind == "space" and not text[starts[slip.line - 1] : chosen.offset].strip(" "):
        # In the indentation: as many spaces as let the parser get furthest.
        return _widest(text, slip, chosen.offset, _SPACE_WIDTHS, load)
    return slip


def _repair(text: str, candidates: list[_Candidate]) -> str:
    """*text* with every candidate replaced; overlapping ones are left out."""
    out, position = [], 0
    for candidate in sorted(candidates, key=lambda c: c.offset):
        if candidate.offset < position:
            continue
        out.append(text[position : candidate.offset])
        out.append(candidate.replacement)
        position = candidate.offset + candidate.length
    out.append(text[position:])
    return "".join(out)


def _tab_slip(lines: list[str], line: int) -> Slip | None:
    """A tab in the indentation of the failing line or the line above it."""
    for number in (line, line - 1):
        if number < 1:
            continue
        text = lines[number - 1]
        indent = text[: len(text) - len(text.lstrip(" \t" + SPACE))]
        if "\t" in indent:
            return Slip(number, indent.index("\t") + 1, tr("slip.tab"))
    return None


# Spaces tried in place of a tab or a full-width space in the indentation:
# the usual indentations first.
_TAB_WIDTHS = (2, 4, 1, 3, 6, 8)
_SPACE_WIDTHS = (1, 0, 2)


def _tab_repaired(text: str, tab: Slip, starts: list[int], load: Callable[[str], Any]) -> Slip:
    if len(text) > MAX_TEXT:
        return tab
    return _widest(text, tab, starts[tab.line - 1] + tab.column - 1, _TAB_WIDTHS, load)


def _widest(
    text: str, slip: Slip, offset: int, widths: tuple[int, ...], load: Callable[[str], Any]
) -> Slip:
    """*slip* (a tab, a full-width space, at *offset*) repaired by the number of
    spaces that lets the parser get furthest; without a repair when none gets
    further (the indentation is wrong besides)."""
    best, chosen = _outcome(text, load), None
    for width in widths:
        repair = Repair(offset, 1, " " * width)
        outcome = _outcome(apply(text, repair), load)
        if outcome > best:
            best, chosen = outcome, repair
    return Slip(slip.line, slip.column, slip.message, chosen)


def apply(text: str, repair: Repair) -> str:
    """*text* with *repair* made."""
    end = repair.offset + repair.length
    return text[: repair.offset] + repair.replacement + text[end:]


def _slip_of(text: str, candidate: _Candidate, starts: list[int]) -> Slip:
    number = bisect.bisect_right(starts, candidate.offset) - 1
    column = candidate.offset - starts[number] + 1
    fixed = _shown(_lines(candidate.apply(text)[starts[number] :])[0])
    char = text[candidate.offset]
    if candidate.kind == "colon":
        message = tr("slip.colon", fixed=fixed)
    elif candidate.kind == "space":
        message = tr("slip.space")
    elif candidate.kind == "comma":
        message = tr("slip.comma", char=char, fixed=fixed)
    elif candidate.kind == "quote":
        message = tr("slip.quote", char=char, fixed=fixed)
    else:
        message = tr("slip.bracket", char=char, ascii=BRACKETS[char])
    repair = Repair(candidate.offset, candidate.length, candidate.replacement)
    return Slip(number + 1, column, message, repair)


def _shown(line: str) -> str:
    text = line.strip()
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


# ------------------------------------------------------------------------ keys


def key_slip(data: Any, text: str, load: Callable[[str], Any] | None = None) -> Slip | None:
    """The first key (in file order) holding a character no key ever holds,
    placed at that character; None when every key is clean.

    The data is walked first, so a clean file never composes its node tree.
    """
    if not _has_slipped_key(data):
        return None
    from ruamel.yaml import YAML

    try:
        tree = YAML(typ="safe", pure=False).compose(text)
    except Exception:  # the text parsed a moment ago; positions are best effort
        tree = None
    found: list[tuple[int, int, str, int]] = []
    stack: list[Node] = [tree] if tree is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    index = next((i for i, c in enumerate(key_node.value) if c in KEY_SLIPS), -1)
                    if index >= 0:
                        mark, end = key_node.start_mark, key_node.end_mark
                        quoted = 1 if key_node.style in ('"', "'") else 0
                        column = mark.column + quoted + index
                        # Where the key ends on its line: the repair stays inside it.
                        stop = end.column if end.line == mark.line else -1
                        found.append((mark.line, column, key_node.value[index], stop))
                stack.extend((key_node, value_node))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    if not found:
        return None
    line, column, char, stop = min(found)
    message = _key_message(char, text, line, column)
    repair = _key_repair(text, line, column, stop)
    if repair is not None and load is not None and char == SPACE:
        repair = _indented(text, repair, load)
    return Slip(line + 1, column + 1, message, repair)


def _indented(text: str, repair: Repair, load: Callable[[str], Any]) -> Repair:
    """*repair* of a key that begins with full-width spaces, with as many
    ASCII spaces in their place as let the parser get furthest: ``  　population``
    under two-space siblings meant two spaces, not three."""
    run = len(repair.replacement) - len(repair.replacement.lstrip(" "))
    if run == 0 or len(text) > MAX_TEXT:
        return repair
    rest = repair.replacement[run:]
    best, chosen = None, repair
    for width in (run, 0, 2 * run):
        candidate = Repair(repair.offset, repair.length, " " * width + rest)
        outcome = _outcome(apply(text, candidate), load)
        if best is None or outcome > best:
            best, chosen = outcome, candidate
    return chosen


def _key_repair(text: str, line: int, column: int, stop: int) -> Repair | None:
    """Every slip character of the key from *column* (0-based) up to *stop* on
    its *line* (0-based; -1: the end of the line) in ASCII; a colon gets its
    space.  None when the key is not where its mark says (a line break
    the parser counts otherwise)."""
    starts = line_starts(text)
    if line >= len(starts):
        return None
    source = _lines(text)[line]
    end = len(source) if stop < 0 else min(stop, len(source))
    if not column < end or source[column] not in ASCII:
        return None
    out = []
    for index in range(column, end):
        char = source[index]
        meant = ASCII.get(char, char)
        if char == COLON and index + 1 < len(source) and source[index + 1] not in " \t" + SPACE:
            meant += " "
        out.append(meant)
    return Repair(starts[line] + column, end - column, "".join(out))


def _has_slipped_key(data: Any) -> bool:
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str) and not _KEY_SLIP_SET.isdisjoint(key):
                    return True
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _key_message(char: str, text: str, line: int, column: int) -> str:
    lines = _lines(text)
    source = lines[line] if line < len(lines) else ""
    if char == COLON:
        fixed = source[:column] + ": " + source[column + 1 :].lstrip(" " + SPACE)
        return tr("slip.colon", fixed=_shown(fixed))
    if char == SPACE:
        return tr("slip.space")
    if char in COMMAS:
        return tr("slip.comma", char=char, fixed=_shown(source.replace(char, ", ")))
    if char in BRACKETS:
        return tr("slip.bracket", char=char, ascii=BRACKETS[char])
    fixed = source
    for curly in OPEN_QUOTES + CLOSE_QUOTES:
        fixed = fixed.replace(curly, '"' if curly in "“”＂" else "'")
    return tr("slip.quote", char=char, fixed=_shown(fixed))
