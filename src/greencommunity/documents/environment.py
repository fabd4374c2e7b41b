"""The Jinja environment of the documents: loader with overrides, escaping, sandbox.

Templates are looked up first in the data repository's override folders, file by
file, then among the templates shipped inside the package:

1. ``<data dir>/templates/``
2. ``<data dir>/../templates/`` (the ``templates/`` folder beside ``data/``)
3. ``greencommunity/documents/templates/`` (built in)

So a town that wants its own letterhead copies only ``_letterhead.html.j2``
into its ``templates/`` folder and edits it; every other file still comes from
the package.

Safety: templates run in a sandbox (an override template cannot reach Python
internals), undefined names are errors (StrictUndefined), HTML templates
autoescape every value, and Markdown templates escape every value for Markdown
through ``finalize``.  Data values are only ever passed *to* templates as
values, never compiled as templates, so ``{{ }}`` in a note stays text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from greencommunity import markdown
from greencommunity.documents.filters import FILTERS

TEMPLATES_DIR = "templates"


def override_dirs(data_dir: Path | None) -> list[Path]:
    """Existing override folders for the data folder *data_dir*, first wins."""
    if data_dir is None:
        return []
    candidates = [data_dir / TEMPLATES_DIR, data_dir.parent / TEMPLATES_DIR]
    seen: list[Path] = []
    for folder in candidates:
        if folder.is_dir() and folder.resolve() not in [s.resolve() for s in seen]:
            seen.append(folder)
    return seen


def _md_finalize(value: Any) -> Markup:
    """Escape every value a Markdown template outputs, unless already safe.

    The Markdown environment also has autoescape on, so that macro results come
    back as ``Markup`` and are not escaped twice; values reach that HTML escaping
    only after this function has made them ``Markup``, so ``<`` in data becomes
    ``\\<`` (Markdown), not ``&lt;``.
    """
    if isinstance(value, Markup):
        return value
    return Markup(markdown.escape(value))


def _md_filter(value: Any) -> Markup:
    return value if isinstance(value, Markup) else Markup(markdown.escape(value))


def _md_join(value: Iterable[Any], d: str = "", attribute: str | None = None) -> Markup:
    """``join`` for Markdown: every item escaped for Markdown, not for HTML."""
    parts = []
    for item in value:
        if attribute is not None:
            item = getattr(item, attribute)
        parts.append(item if isinstance(item, Markup) else markdown.escape(item))
    return Markup(str(d).join(str(p) for p in parts))


def build_environment(
    data_dir: Path | None = None, *, for_markdown: bool = False, extra_dirs: Sequence[Path] = ()
) -> ImmutableSandboxedEnvironment:
    """The environment for one output format.

    HTML templates (``*.html.j2``) autoescape every value; with *for_markdown*, every
    value a template outputs is escaped for Markdown instead (``*.md.j2``).
    """
    folders = [*extra_dirs, *override_dirs(data_dir)]
    loaders: list[BaseLoader] = []
    if folders:
        loaders.append(FileSystemLoader([str(f) for f in folders], encoding="utf-8"))
    loaders.append(PackageLoader("greencommunity.documents", TEMPLATES_DIR))
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=True
        if for_markdown
        else select_autoescape(
            enabled_extensions=("html", "htm", "svg", "xml", "j2"),
            default_for_string=True,
            default=True,
        ),
        finalize=_md_finalize if for_markdown else None,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    if for_markdown:
        env.filters["md"] = _md_filter
        env.filters["join"] = _md_join
    return env
