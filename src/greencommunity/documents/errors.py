"""Why a document cannot be made: a catalog key and its parameters, worded by the CLI."""

from __future__ import annotations


class DocumentRequestError(Exception):
    """The request cannot be served (an unknown community, a year without data …).

    A usage error (exit code 2): the data is fine, the request is not.
    """

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
