"""click's own words ("Usage:", "Options:", "Error: …") in the language `--lang` chose.

click passes every message it prints through gettext (`_()` and `ngettext()`, bound in each of
its modules), and gettext's only way in is the process-wide domain: compiled .mo files chosen by
the LANGUAGE environment variable, which every program we start (LibreOffice) would inherit.
So each click module's `_` and `ngettext` are pointed at the catalog in
`meetingtui.i18n.clicktext` instead; a message it lacks stays as click wrote it, and the tests
find any such message in Danish help or errors.
"""

from __future__ import annotations

import importlib

import click

from meetingtui.i18n import get_language
from meetingtui.i18n.clicktext import DA_ARGUMENTS, DA_PLURALS, DA_WORDS

# The click modules that print what a user reads (help, usage errors, prompts).
_CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
)


def click_text(message: str) -> str:
    if get_language() == "da":
        return DA_WORDS.get(message, message)
    return message


def click_plural(singular: str, plural: str, count: int) -> str:
    pair = DA_PLURALS.get((singular, plural)) if get_language() == "da" else None
    if pair is None:
        pair = (singular, plural)
    return pair[0] if count == 1 else pair[1]


def localize_command(command: click.Command) -> None:
    """The words click builds from a command's settings: its metavars ("[OPTIONS]",
    "COMMAND [ARGS]...", "--db FILE") and the type names its errors start with."""
    command.options_metavar = click_text("[OPTIONS]")
    # click makes the --help option once per command, in the language of that moment.
    help_option = command.get_help_option(click.Context(command))
    if help_option is not None:
        help_option.help = click_text("Show this message and exit.")
    if isinstance(command, click.Group):
        command.subcommand_metavar = click_text("COMMAND [ARGS]...")
        for sub in command.commands.values():
            localize_command(sub)
    for param in command.params:
        if isinstance(param, click.Argument):
            _localize_argument(param)
        kind = param.type
        # The English name, kept the first time: the language may change between runs.
        english = _ENGLISH_TYPE_NAMES.setdefault(id(kind), kind.name)
        kind.name = click_text(english)


_ENGLISH_TYPE_NAMES: dict[int, str] = {}
_ENGLISH_METAVARS: dict[int, str | None] = {}


def _localize_argument(argument: click.Argument) -> None:
    """ "MEETING_ID" is "MØDE" in Danish, with click's marks for optional and repeated."""
    english = _ENGLISH_METAVARS.setdefault(id(argument), argument.metavar)
    name = english or (argument.name or "").upper()
    danish = DA_ARGUMENTS.get(name) if get_language() == "da" else None
    if danish is None:
        argument.metavar = english  # as declared, or click's own: the name in capitals
        return
    if not argument.required:
        danish = f"[{danish}]"
    if argument.nargs != 1:
        danish += "..."
    argument.metavar = danish


def install() -> None:
    """Make click speak the active language from now on (it follows `set_language`)."""
    for name in _CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = click_text  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = click_plural  # type: ignore[attr-defined]
