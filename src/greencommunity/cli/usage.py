"""Usage errors and help-screen headings in the officers' language.

typer prints a mistyped option or a bad value with English text of its own
(vendored click).  This module puts the catalog between typer and the user:
the error display is replaced by one that says the same thing through tr(),
and the help panels' headings are taken from the catalog.
"""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console
from rich.markup import escape
from typer import TyperException
from typer.core import TyperCommand, TyperGroup

from greencommunity.i18n import tr

# typer's own wording of a bad choice, a bad number and the like; each is said
# again through the catalog, and anything else keeps typer's text.
_DETAILS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Input should be a valid integer"), "usage.integer_expected"),
    (re.compile(r"^Input should be a valid number"), "usage.number_expected"),
    (re.compile(r"^(?P<value>.+) is not one of (?P<choices>.+)\.$"), "usage.not_one_of"),
    (re.compile(r"^(?P<value>.+) is not a valid integer(?: range)?\.?$"), "usage.not_integer"),
    (re.compile(r"^(?P<value>.+) is not a valid float(?: range)?\.?$"), "usage.not_number"),
    (re.compile(r"^(?:File|Directory|Path) (?P<value>.+) does not exist\.$"), "usage.not_exist"),
    (re.compile(r"^(?:File|Directory|Path) (?P<value>.+) is a file\.$"), "usage.is_file"),
    (re.compile(r"^(?:File|Directory|Path) (?P<value>.+) is a directory\.$"), "usage.is_dir"),
)
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^No such command (?P<value>.+?)\. Did you mean (?P<close>.+)\?$"),
        "usage.no_such_command_close",
    ),
    (re.compile(r"^No such command (?P<value>.+)\.$"), "usage.no_such_command"),
    (re.compile(r"^Got unexpected extra arguments? \((?P<value>.+)\)$"), "usage.extra_argument"),
    (re.compile(r"^Option (?P<value>.+) requires an argument\.$"), "usage.option_needs_value"),
    (re.compile(r"^Option (?P<value>.+) requires \d+ arguments\.$"), "usage.option_needs_value"),
)


def _say(text: str, patterns: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    # typer validates through pydantic, which prefixes its own errors so.
    text = text.strip().removeprefix("Value error, ")
    for pattern, key in patterns:
        match = pattern.match(text)
        if match is not None:
            return tr(key, **match.groupdict())
    return text


def _hint_of(error: Any) -> str:
    param = getattr(error, "param", None)
    hint = getattr(error, "param_hint", None)
    if hint is None and param is not None:
        hint = param.get_error_hint()
    if isinstance(hint, list | tuple):
        hint = " / ".join(str(h) for h in hint)
    return str(hint or "")


def error_message(error: Any) -> str:
    """The translated text of one of typer's usage errors."""
    kind = type(error).__name__
    if kind == "NoSuchOption":
        possibilities = sorted(getattr(error, "possibilities", None) or [])
        text = tr("usage.no_such_option", name=error.option_name)
        if possibilities:
            text += tr("usage.did_you_mean", names="、".join(possibilities))
        return text
    if kind == "MissingParameter":
        return tr("usage.missing", name=_hint_of(error))
    if kind == "BadParameter":
        detail = _say(str(error.message), _DETAILS)
        hint = _hint_of(error)
        return tr("usage.bad_value", name=hint, detail=detail) if hint else detail
    return _say(str(getattr(error, "message", error)), _MESSAGES)


def show_error(error: Any) -> None:
    """Replacement of typer's error display: usage line, message, where to get help."""
    if type(error).__name__ == "NoArgsIsHelpError":
        return
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        usage = ctx.get_usage().replace("Usage:", tr("usage.usage_label"), 1)
        console.print(escape(usage))
    console.print(f"[bold red]{escape(tr('cli.error_label'))}[/] {escape(error_message(error))}")
    if ctx is not None:
        console.print(escape(tr("usage.try_help", command=f"{ctx.command_path} --help")))


class _TranslatedHelp:
    """Gives --help its text from the catalog, and installs the translated
    error display and help headings only when one is about to be shown:
    importing typer's rich_utils costs ~45 ms that a normal run should not pay.
    """

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = tr("usage.help_option")
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        install()
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except TyperException:
            install()
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except TyperException:
            install()
            raise


class Command(_TranslatedHelp, TyperCommand):
    """A subcommand whose --help says what it does in the catalog's language."""


class Group(_TranslatedHelp, TyperGroup):
    """The ``gc`` group, likewise."""


def install() -> None:
    """Route typer's error display and help headings through the catalog."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = tr("usage.panel.arguments")
    rich_utils.OPTIONS_PANEL_TITLE = tr("usage.panel.options")
    rich_utils.COMMANDS_PANEL_TITLE = tr("usage.panel.commands")
    rich_utils.ERRORS_PANEL_TITLE = tr("cli.error_label")
    rich_utils.DEFAULT_STRING = tr("usage.default")
    rich_utils.REQUIRED_LONG_STRING = tr("usage.required")
    rich_utils.ABORTED_TEXT = tr("cli.interrupted")
    # typer looks the function up on the module each time it shows an error.
    setattr(rich_utils, "rich_format_error", show_error)  # noqa: B010
