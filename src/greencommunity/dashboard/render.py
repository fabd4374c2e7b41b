"""The dashboard's Jinja environment: sandboxed, autoescaped, in the site's language.

Templates get ``t(key, **params)`` (the catalog, in the language the site is
built in) and the documents' number filters (``filters``: ``points``, ``pct``, ``money``),
so a share reads the same on the site as on screen and on paper.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from jinja2 import PackageLoader, StrictUndefined, select_autoescape
from jinja2.sandbox import ImmutableSandboxedEnvironment

from greencommunity.filters import MISSING, money, or_dash, pct, points
from greencommunity.i18n import tr, trn


def _date(value: dt.date | None) -> str:
    if value is None:
        return MISSING
    return tr("site.date", year=value.year, month=value.month, day=value.day)


def environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=PackageLoader("greencommunity.dashboard", "templates"),
        autoescape=select_autoescape(default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.globals.update(t=tr, tn=trn)
    env.filters.update(points=points, pct=pct, money=money, or_dash=or_dash, date=_date)
    return env


def render(env: ImmutableSandboxedEnvironment, template: str, **context: Any) -> str:
    return env.get_template(template).render(**context)
