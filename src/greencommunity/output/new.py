"""``gc new``: where the new community file is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from greencommunity.i18n import tr

if TYPE_CHECKING:
    from greencommunity.authoring.community import NewCommunity


def text(new: NewCommunity, shown: str) -> str:
    return tr("new.created", path=shown, name=new.name, id=new.community_id, batch=new.batch) + "\n"
