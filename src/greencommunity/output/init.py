"""``gc init``: what was created, what became of git init, and what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from greencommunity.i18n import join, tr, trn

if TYPE_CHECKING:
    from greencommunity.authoring.repository import Created


def text(created: Created) -> str:
    from greencommunity.authoring.ci import CI
    from greencommunity.authoring.repository import Git

    git = {
        Git.DONE: "init.git_done",
        Git.ABSENT: "init.git_absent",
        Git.FAILED: "init.git_failed",
    }[created.git]
    lines = [
        tr(
            "init.created",
            path=str(created.folder),
            town=created.town,
            files=trn("count.files", len(created.files)),
        ),
        tr(git),
    ]
    if created.placeholders:
        lines.append(tr("init.placeholders", fields=join(created.placeholders)))
    if not created.pinned:
        lines.append(tr(CI[created.ci].unpinned_key))
    lines.append(tr("init.next"))
    return "".join(line + "\n" for line in lines)
