"""A rendered HTML document as a small tree of elements, for the Word renderer.

The HTML documents are what the templates say, sentence by sentence; the Word
renderer (``docx.py``) lays that same tree out again rather than saying it a
second time.  The standard library's tokenizer is enough: the HTML comes from
our own templates (or a town's override of them), entities are decoded by it,
and a tag left open is closed by the next end tag of an element around it, as
a browser would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements that never have content or an end tag.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
# The white space HTML collapses (not the ideographic space, which is text).
SPACE = re.compile(r"[ \t\n\r\f]+")
# Elements whose content is not part of the document's text.
HIDDEN = frozenset({"head", "script", "style", "template", "title", "svg"})


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> frozenset[str]:
        return frozenset(self.attrs.get("class", "").split())

    def style(self, name: str) -> str | None:
        """One property of the inline style: ``style("width")`` of ``width:28%`` is "28%"."""
        for declaration in self.attrs.get("style", "").split(";"):
            key, colon, value = declaration.partition(":")
            if colon and key.strip().lower() == name:
                return value.strip()
        return None

    def find(self, tag: str) -> Element | None:
        """The first element *tag* under this one, depth first."""
        for child in self.children:
            if isinstance(child, Element):
                if child.tag == tag:
                    return child
                found = child.find(tag)
                if found is not None:
                    return found
        return None

    def elements(self, *tags: str) -> list[Element]:
        """The children that are elements *tags*."""
        return [c for c in self.children if isinstance(c, Element) and c.tag in tags]

    def lines(self) -> list[str]:
        """The text under this element, line by line (``<br>``), white space collapsed."""
        lines = [""]
        for child in self.children:
            if isinstance(child, str):
                lines[-1] += child
            elif child.tag == "br":
                lines.append("")
            else:
                inner = child.lines()
                lines[-1] += inner[0]
                lines += inner[1:]
        return [SPACE.sub(" ", line).strip(" ") for line in lines]

    def descendants(self) -> list[Element]:
        found = []
        for child in self.children:
            if isinstance(child, Element):
                found += [child, *child.descendants()]
        return found


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.stack = [self.root]
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        if self.hidden:
            if tag not in VOID:
                self.hidden += 1
            return
        self.stack[-1].children.append(element)
        if tag in HIDDEN:
            self.hidden = 1
        elif tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.hidden:
            self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            self.hidden -= 1
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    """The tree of *html*; its ``<main>`` (what the documents put their text in)
    when it has one, else the whole."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root.find("main") or builder.root
