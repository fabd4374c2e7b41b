"""The Jinja environment of the documents: loader with overrides, escaping, sandbox.

Templates are looked up first in the data repository's override folders, file by
file, then among the templates shipped inside the package:

1. ``<data dir>/templates/``
2. ``<data dir>/../templates/`` (the ``templates/`` folder beside ``data/``)
3. ``greencommunity/documents/templates/`` (built in)

So a town that wants its own signature block on the score sheet copies only
``scoresheet_body.html.j2`` into its ``templates/`` folder and edits it; every
other file still comes from the package.

Safety: templates run in a sandbox (an override template cannot reach Python
internals), undefined names are errors (StrictUndefined), HTML templates
autoescape every value, and Markdown templates escape every value for Markdown
through ``finalize``.  Data values are only ever passed *to* templates as
values, never compiled as templates, so ``{{ }}`` in a note stays text.

Typography: every printed string goes through ``filters.chinese_quotes`` first
(``finalize``, and ``join`` item by item), so '"美丽家园"' typed in the data
prints as “美丽家园” in every document, whatever the template.

Words: ``t(key, **params)`` and ``tn(key, count, **params)`` are the catalog
(``i18n.tr``/``trn``, in the document language the renderer sets), so a
sentence a document shares with its workbook (``documents/xlsx.py``) is written
once, in ``locales/documents.py``.  The catalog's words are the template's own
text; each parameter is escaped as a ``{{ value }}`` would be (Markdown or HTML,
Chinese quotation marks), unless it is markup already (a macro, ``join``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    pass_eval_context,
    select_autoescape,
)
from jinja2.filters import do_join
from jinja2.nodes import EvalContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from greencommunity import markdown
from greencommunity.filters import FILTERS, chinese_quotes
from greencommunity.i18n import tr, trn

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


def _md_escape(value: Any) -> Markup:
    """Escape a value for Markdown (with Chinese quotation marks), unless already safe.

    The Markdown environment's ``finalize`` (every value a template outputs),
    its ``md`` filter, each item of its ``join`` and each parameter of ``t``.
    That environment also has autoescape on, so that macro results come back
    as ``Markup`` and are not escaped twice; values reach that HTML escaping
    only after this function has made them ``Markup``, so ``<`` in data becomes
    ``\\<`` (Markdown), not ``&lt;``.
    """
    if isinstance(value, Markup):
        return value
    return Markup(markdown.escape(chinese_quotes(value)))


def _html_finalize(value: Any) -> Any:
    """Chinese quotation marks in every value an HTML template outputs; the
    autoescaping that follows is Jinja's."""
    return chinese_quotes(value)


def _md_join(value: Iterable[Any], d: str = "", attribute: str | None = None) -> Markup:
    """``join`` for Markdown: every item escaped for Markdown, not for HTML."""
    items = [getattr(item, attribute) if attribute is not None else item for item in value]
    return Markup(str(d).join(str(_md_escape(item)) for item in items))


def _html_filter(value: Any) -> Markup:
    return escape(chinese_quotes(value))


def _catalog(escaped: Callable[[Any], Markup]) -> dict[str, Callable[..., Markup]]:
    """``t`` and ``tn`` for templates whose values are escaped by *escaped*."""

    def t(key: str, /, **params: Any) -> Markup:
        return Markup(tr(key, **{name: escaped(v) for name, v in params.items()}))

    def tn(key: str, count: int, /, **params: Any) -> Markup:
        return Markup(trn(key, count, **{name: escaped(v) for name, v in params.items()}))

    return {"t": t, "tn": tn}


@pass_eval_context
def _html_join(
    eval_ctx: EvalContext, value: Iterable[Any], d: str = "", attribute: str | None = None
) -> str:
    """``join`` for HTML: Jinja's (escaping each item), with Chinese quotation marks."""
    items = [getattr(item, attribute) if attribute is not None else item for item in value]
    joined: str = do_join(eval_ctx, [chinese_quotes(item) for item in items], d)
    return joined  # Markup when autoescaping: escaped once, item by item


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
        finalize=_md_escape if for_markdown else _html_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    if for_markdown:
        env.filters["md"] = _md_escape
        env.filters["join"] = _md_join
    else:
        env.filters["join"] = _html_join
    env.globals.update(_catalog(_md_escape if for_markdown else _html_filter))
    return env
