"""Help screens and usage errors in the officer's language.

The language is settled first, from ``--lang`` or ``GC_LANG``, before anything
is shown (``Group.main``).  Every help text, metavar and heading of the command
tree is a catalog key until then, and is translated in one walk over the tree
(``translate``), so ``gc --lang en --help`` is wholly English and ``gc --help``
wholly Chinese, typer's own headings ("Usage:", "Options") included.

typer reports a mistyped option or a bad value with English text of its own;
``show_error`` replaces its error display with the same message said through
the catalog.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from typer import TyperException
from typer.core import TyperArgument, TyperCommand, TyperGroup

from greencommunity.cli import io
from greencommunity.i18n import (
    UnknownLanguageError,
    join,
    language_from_env,
    parse_language,
    set_language,
    tr,
)
from greencommunity.locales import CATALOGS

LANG_OPTION = "--lang"

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


# ---------------------------------------------------------------------- language


def requested_language(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` among the root options (before the command)."""
    for index, arg in enumerate(args):
        if arg == LANG_OPTION:
            return args[index + 1] if index + 1 < len(args) else None
        if arg.startswith(LANG_OPTION + "="):
            return arg.split("=", 1)[1]
        if arg == "--" or not arg.startswith("-"):
            return None
    return None


def settle_language(args: Sequence[str]) -> None:
    """Set the interface language from ``--lang``, else ``GC_LANG``, else Chinese.

    Raises ``UnknownLanguageError`` for a language without a catalog.
    """
    asked = requested_language(args)
    set_language(parse_language(asked) if asked is not None else language_from_env())


# ------------------------------------------------------------------- translation


def _commands(command: Any) -> Iterator[Any]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _commands(sub)


def _translate(obj: Any, attribute: str) -> None:
    """Replace a catalog key held in *attribute* by its text; the key is kept
    aside so that the next run (tests run many in one process) translates anew."""
    keep = f"_gc_{attribute}_key"
    key = obj.__dict__.get(keep, getattr(obj, attribute, None))
    if isinstance(key, str) and key in CATALOGS["zh"]:
        setattr(obj, keep, key)
        setattr(obj, attribute, tr(key))


# The options typer adds itself (shell completion): their help texts' keys.
_TYPER_OPTIONS = {
    "install_completion": "help.install_completion",
    "show_completion": "help.show_completion",
}


def translate(command: Any) -> None:
    """Every help text, metavar and usage word of the tree, in the active language."""
    for cmd in _commands(command):
        _translate(cmd, "help")
        _translate(cmd, "short_help")
        cmd.options_metavar = tr("usage.options_metavar")
        if isinstance(cmd, TyperGroup):
            cmd.subcommand_metavar = tr("usage.subcommand_metavar")
        for param in cmd.params:
            if param.name in _TYPER_OPTIONS:
                param.help = _TYPER_OPTIONS[param.name]
                # A flag (the shell is detected) shows no type, else the shells.
                flag = bool(getattr(param, "is_flag", False))
                param.metavar = "" if flag else "|".join(_SHELLS)
                if param.name == "install_completion":
                    param.callback = _install_completion
            _translate(param, "help")
            _translate(param, "metavar")
            if isinstance(param, TyperArgument):
                # An argument's metavar already says what it is; typer would add
                # a Python type name (<list[Path]>) in English.
                param.display_type_rich = _no_type  # type: ignore[method-assign]


def _no_type(ctx: Any) -> None:
    return None


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """typer's --install-completion, saying what it did in the active language."""
    if not value or ctx.resilient_parsing:
        return value
    # typer's own install, whose English messages are said here instead.
    from typer._completion_shared import _get_shell_name, install

    shell = value if isinstance(value, str) else _get_shell_name()
    if shell not in _SHELLS:
        io.write_err(io.error_line(tr("cli.completion_unsupported", shell=shell or "?")) + "\n")
        raise SystemExit(io.EXIT_USAGE)
    shell, path = install(shell=shell)
    io.emit(tr("cli.completion_installed", shell=shell, path=str(path)) + "\n")
    raise SystemExit(io.EXIT_OK)


# The shells typer installs completion for.
_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def install() -> None:
    """typer's own headings in the active language, and its error display ours.

    Done only when a help screen or an error is shown: importing typer's
    rich_utils costs ~45 ms that a normal run should not pay.
    """
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = tr("usage.panel.arguments")
    rich_utils.OPTIONS_PANEL_TITLE = tr("usage.panel.options")
    rich_utils.COMMANDS_PANEL_TITLE = tr("usage.panel.commands")
    # typer fills in the "{}" (written "{{}}" in the catalogs, which tr() formats).
    rich_utils.DEFAULT_STRING = tr("usage.default")
    rich_utils.REQUIRED_LONG_STRING = tr("usage.required")
    rich_utils.ABORTED_TEXT = tr("cli.interrupted")
    # typer looks the function up on the module each time it shows an error.
    setattr(rich_utils, "rich_format_error", show_error)  # noqa: B010
    # Every help text and argument name goes through typer's highlighter: made
    # to break lines between Chinese characters, a help screen fits 80 columns
    # (a pipe, a CI log) without a text cut short with "…".
    if not getattr(rich_utils.highlighter, "wraps_chinese", False):
        rich_utils.highlighter = _wrapping_highlighter()


def _wrapping_highlighter() -> Any:
    """typer's highlighter, whose texts break lines as Chinese is set (defined
    here, not at import: typer's rich_utils is imported only for help and errors)."""
    from typer.rich_utils import OptionHighlighter

    from greencommunity.cli.wrapping import WrappingText

    class Highlighter(OptionHighlighter):
        wraps_chinese = True

        def __call__(self, text: Any) -> Any:
            return WrappingText.of(super().__call__(text))

    return Highlighter()


# ------------------------------------------------------------------------ errors


def _say(text: str, patterns: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    # typer validates through pydantic, which prefixes its own errors so.
    text = text.strip().removeprefix("Value error, ")
    for pattern, key in patterns:
        match = pattern.match(text)
        if match is not None:
            found = match.groupdict()
            if "close" in found:
                # typer lists several close commands as "'score', 'schema'".
                found["close"] = join(found["close"].split(", "))
            return tr(key, **found)
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
            text += tr("usage.did_you_mean", names=join(possibilities))
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
    ctx = getattr(error, "ctx", None)
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
    lines.append(io.error_line(error_message(error)))
    if ctx is not None:
        lines.append(tr("usage.try_help", command=f"{ctx.command_path} --help"))
    io.write_err("\n".join(lines) + "\n")


class _Translated:
    """Help in the active language; typer's headings and error display installed
    only when one is about to be shown."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = tr("usage.help_option")
            option.metavar = ""  # a flag: no value, so no type to show
        return option

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=tr("usage.usage_label"))

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


class Command(_Translated, TyperCommand):
    """A subcommand whose help says what it does in the active language."""


class Group(_Translated, TyperGroup):
    """The ``gc`` group: settles the language, then translates the whole tree."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        try:
            settle_language(arguments)
        except UnknownLanguageError as exc:
            # Outside click's own error handling, which has not started yet.
            io.write_err(io.error_line(tr("cli.bad_lang", lang=exc.requested)) + "\n")
            raise SystemExit(io.EXIT_USAGE) from None
        translate(self)
        return super().main(arguments, *rest, **extra)
