"""Subcommands listed from a table and imported only when one is used.

``gc --version`` and ``gc --help`` need no more of a command than its name and
its help text; importing every command module at start-up (and with them the
models, pydantic, ruamel.yaml, Jinja, rich) made them cost ten times a bare
Python.  Here the group holds a summary of each command, enough for the list
of ``gc --help``, for completing command names and for "did you mean", and
imports the command's module when the command is resolved: to run it, to show
its own help, or to complete its options.
"""

from __future__ import annotations

import importlib
from typing import Any, ClassVar

import typer
from typer.main import get_command

from greencommunity.cli import translated

# (name, "module:function" of greencommunity.cli, catalog key of its help text)
Row = tuple[str, str, str]

PACKAGE = "greencommunity.cli"


class Summary(translated.Command):
    """A command's name and help text, standing for it until it is used."""

    def __init__(self, row: Row) -> None:
        name, _, help_key = row
        super().__init__(name, help=help_key)
        self.row = row


def load(row: Row) -> Any:
    """The command of *row*, built by typer from its function and translated."""
    name, target, help_key = row
    module_name, _, function_name = target.partition(":")
    function = getattr(importlib.import_module(f"{PACKAGE}.{module_name}"), function_name)
    # One command alone: typer's documented way to get its click command.
    single = typer.Typer(add_completion=False)
    single.command(name, cls=translated.Command, help=help_key)(function)
    command = get_command(single)
    translated.translate(command)
    return command


class Group(translated.Group):
    """The ``gc`` group over ``table`` (set by a subclass: ``cli/app.py``)."""

    table: ClassVar[tuple[Row, ...]] = ()

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for row in self.table:
            self.commands[row[0]] = Summary(row)

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if name is not None and isinstance(command, Summary):
            command = self.commands[name] = load(command.row)
        return name, command, rest
