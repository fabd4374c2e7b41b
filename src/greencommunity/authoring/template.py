"""The files gc writes for people to fill in, kept in ``skeleton/`` as package
data and filled with ``string.Template`` (``${name}``).

``string.Template`` rather than Jinja: the files are YAML, Markdown and GitHub
workflows (whose own ``${{ }}`` is written ``$${{ }}`` here), with a handful of
values and no logic; a value that goes into YAML is written as a YAML scalar
(``yaml_value``), so a name with a colon or a quote stays one value.
"""

from __future__ import annotations

import string
import unicodedata
from importlib import resources

from greencommunity.authoring import roundtrip

SKELETON = "skeleton"


def read(name: str) -> str:
    """The text of the skeleton file *name*, as shipped in the package."""
    folder = resources.files("greencommunity.authoring").joinpath(SKELETON)
    return folder.joinpath(name).read_text(encoding="utf-8")


def render(file: str, **values: str) -> str:
    """The skeleton *file* with every ``${key}`` replaced; a key missing from
    *values* is a defect (KeyError), never a placeholder left in a file."""
    return string.Template(read(file)).substitute(values)


def yaml_value(value: str | int) -> str:
    """*value* as a YAML scalar on one line: plain where YAML reads it back as
    the same text, quoted otherwise."""
    return roundtrip.scalar_text(value)


def one_line(value: str) -> str | None:
    """A name given on the command line, stripped, when it is one line of text
    (a town's, a community's); None when it is empty or holds a control or line
    break character, which would break the line it is written on."""
    value = value.strip()
    if not value or any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in value):
        return None
    return value
