"""The command line speaks the language it is asked to, click's own words included: no
"Usage:", "Options:", "Show this message and exit." or "Error:" in the Danish help and errors."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.i18n import keys, set_language

# What click writes in English around our texts (help, usage, metavars, errors).
ENGLISH_CLICK = (
    "Usage:",
    "Options:",
    "Commands:",
    "Show this message",
    "Show the version",
    "[OPTIONS]",
    "COMMAND [ARGS]",
    " TEXT",
    " INTEGER",
    " FILE",
    " PATH",
    " DIRECTORY",
    "[default:",
    "[required]",
    "Error:",
    "Try '",
    "Invalid value",
    "is not a valid",
    "is not one of",
    "Missing argument",
    "No such command",
    "No such option",
    "Got unexpected",
)


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    for name, command in sorted(group.commands.items()):
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths += command_paths(command, (*prefix, name))
    return paths


PATHS = [(), *command_paths(main)]


def run(*args: str) -> str:
    # click's runner mixes standard error into the output, as a terminal shows both.
    return CliRunner().invoke(main, list(args), prog_name="meetingtui").output


@pytest.fixture(autouse=True)
def _danish_afterwards() -> object:
    yield
    set_language("da")


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "meetingtui")
def test_danish_help_has_no_english_click_words(path: tuple[str, ...]) -> None:
    text = run("--lang", "da", *path, "--help")
    assert "Brug: meetingtui" in text and "Tilvalg:" in text
    assert "Vis denne hjælp og afslut." in text
    for words in ENGLISH_CLICK:
        assert words not in text, f"{words!r} in `meetingtui {' '.join(path)} --help`:\n{text}"


def test_danish_is_the_default_and_english_is_click_s_own() -> None:
    set_language("da")
    assert "Brug: meetingtui [TILVALG] KOMMANDO [ARGUMENTER]..." in run("--help")
    english = run("--lang", "en", "--help")
    assert "Usage: meetingtui [OPTIONS] COMMAND [ARGS]..." in english
    assert "Show this message and exit." in english and "--db FILE" in english
    assert "Brug:" not in english and "Tilvalg" not in english
    assert "Show this message and exit." in run("--lang", "en", "search", "--help")


@pytest.mark.parametrize(
    ("args", "danish"),
    [
        (("open", "abc"), "Fejl: Ugyldig værdi for 'MØDE': 'abc' er ikke et gyldigt heltal."),
        (("open",), "Fejl: Der mangler et argument 'MØDE'."),
        (("nosuch",), "Fejl: Kommandoen 'nosuch' findes ikke."),
        (("--lang", "xx"), "Fejl: Ugyldig værdi for '--lang': 'xx' er ikke en af 'da', 'en'."),
        (("list", "--nosuch"), "Fejl: Tilvalget '--nosuch' findes ikke."),
        (("list", "extra"), "Fejl: Uventet ekstra argument (extra)"),
    ],
)
def test_danish_usage_errors(args: tuple[str, ...], danish: str) -> None:
    set_language("da")
    text = run(*args)
    assert danish in text
    assert "Skriv 'meetingtui" in text and "for at få hjælp." in text
    for words in ENGLISH_CLICK:
        assert words not in text, f"{words!r} in `meetingtui {' '.join(args)}`:\n{text}"


def test_every_command_and_option_has_danish_help() -> None:
    known = keys("da")
    missing = []
    for path in command_paths(main):
        name = ".".join(path)
        command = main
        for part in path:
            assert isinstance(command, click.Group)
            command = command.commands[part]
        if f"cli.help.{name}" not in known:
            missing.append(f"cli.help.{name}")
        for param in command.params:
            if isinstance(param, click.Option) and f"cli.opt.{name}.{param.name}" not in known:
                missing.append(f"cli.opt.{name}.{param.name}")
    assert missing == []
