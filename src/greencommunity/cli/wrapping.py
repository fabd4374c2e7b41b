"""Line breaking of help texts that mix Chinese and ASCII, at any width.

rich breaks lines at spaces only, so a Chinese sentence, which has none, is one
"word": wider than the column, it is cut with "…" (80 columns, a pipe, a CI
log).  Here a line may also break between two Chinese characters, as Chinese
is set, but never inside an ASCII word, never before closing punctuation
（“）”、“，”、“。”…） and never after opening punctuation（“（”、“《”…）.
A unit still wider than the column (a long path) is folded, never cut.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len, chop_cells
from rich.containers import Lines
from rich.measure import Measurement
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, JustifyMethod, OverflowMethod

# Kinsoku: punctuation that may not start a line, and that may not end one.
NO_BREAK_BEFORE = frozenset("）)]】》〉」』”’，。、；：？！…%·」,.;:!?|")
NO_BREAK_AFTER = frozenset("（([【《〈「『“‘")


def _wide(char: str) -> bool:
    return cell_len(char) == 2


def unit_starts(text: str) -> list[int]:
    """Where each unbreakable unit of *text* begins; spaces stay with the unit
    before them, so a line never starts with one."""
    starts = [0] if text else []
    for index in range(1, len(text)):
        before, char = text[index - 1], text[index]
        if char.isspace() or char in NO_BREAK_BEFORE or before in NO_BREAK_AFTER:
            continue
        if before.isspace() or _wide(before) or _wide(char) or before == "|":
            starts.append(index)
    return starts


def units(text: str) -> list[str]:
    """The unbreakable units of *text*, in order; together they are *text*."""
    starts = unit_starts(text)
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=False)]


def break_offsets(text: str, width: int) -> list[int]:
    """The offsets at which *text* (one line) is broken to fit *width* cells."""
    offsets: list[int] = []
    used = 0
    start = 0
    for unit in units(text):
        needed = cell_len(unit.rstrip())
        if used and used + needed > width:
            offsets.append(start)
            used = 0
        if needed > width:
            # Wider than any line: folded at the width, never cut with "…".
            position = start
            for piece in chop_cells(unit, width)[:-1]:
                position += len(piece)
                offsets.append(position)
            used = cell_len(chop_cells(unit, width)[-1])
        else:
            used += cell_len(unit)
        start += len(unit)
    return offsets


class WrappingText(Text):
    """A rich Text that breaks its lines by ``break_offsets``."""

    @classmethod
    def of(cls, text: Text) -> WrappingText:
        wrapped = cls(
            text.plain,
            style=text.style,
            justify=text.justify,
            overflow="fold",
            no_wrap=text.no_wrap,
            end=text.end,
            tab_size=text.tab_size,
        )
        wrapped.spans = list(text.spans)
        return wrapped

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            pieces = line.divide(break_offsets(line.plain, width))
            for piece in pieces:
                piece.rstrip_end(width)
            method = justify or self.justify
            if method:
                pieces.justify(console, width, justify=method, overflow="fold")
            lines.extend(pieces)
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.plain
        lines = plain.splitlines() or [""]
        widest = max(cell_len(line) for line in lines)
        narrowest = max((cell_len(u.rstrip()) for line in lines for u in units(line)), default=0)
        return Measurement(min(narrowest, widest), widest)
