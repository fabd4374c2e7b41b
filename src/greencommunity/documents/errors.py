"""Why a document cannot be made: a catalog key and its parameters, worded by the CLI."""

from __future__ import annotations

from collections.abc import Iterable

from greencommunity.filters import MISSING
from greencommunity.i18n import Listing


class DocumentRequestError(Exception):
    """The request cannot be served (an unknown community, a year without data …).

    A usage error (exit code 2): the data is fine, the request is not.
    """

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def years_text(years: Iterable[int]) -> Listing:
    """The years a refusal names as those with data (2021、2022, or "2021, 2022"
    in English), or "—" for none."""
    return Listing([str(y) for y in years], MISSING)
