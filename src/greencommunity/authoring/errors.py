"""Why an authoring command cannot do what it was asked: a catalog key and its
parameters, put into words by the CLI (exit code 2)."""

from __future__ import annotations


class AuthoringError(Exception):
    """A request that cannot be served: the folder is not empty, the file
    exists, the id breaks its rule…  Nothing has been written."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
