from __future__ import annotations

from typing import Annotated

import typer

from greencommunity.cli.options import fail_usage, stdout
from greencommunity.i18n import tr


def explain(
    code: Annotated[
        str | None, typer.Argument(help=tr("help.explain.code"), show_default=False)
    ] = None,
) -> None:
    from greencommunity.rule_docs import all_docs

    docs = all_docs()
    console = stdout()
    if code is None:
        for known, (severity, text) in docs.items():
            first = text.split("\n", 1)[0]
            console.print(f"[bold]{known}[/] {tr(f'severity.{severity}')}  {first}", soft_wrap=True)
        return
    wanted = code.strip().upper()
    if wanted not in docs:
        fail_usage(tr("explain.unknown", code=code))
    severity, text = docs[wanted]
    console.print(f"[bold]{wanted}[/] ({tr(f'severity.{severity}')})", soft_wrap=True)
    console.print(text, soft_wrap=True, markup=False)
