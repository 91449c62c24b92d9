"""The keymap as data: which keys run which action on which screen.

Every action is named `<scope>.<action>`; the scope is a screen (or `app` for keys that work
everywhere) and the action is the method the screen runs (`action_<action>`). The screens build
their bindings from the merged keymap, so a user can move any key in a TOML file:

    lang = "en"                 # optional: "da" (default) or "en"
    theme = "light"             # optional: "light" or "dark"

    [meeting]
    next_item = "n,right"       # comma-separated keys, Textual key names
    [vote]
    close = "enter"

This module must not import textual: the CLI and tests read keymaps without starting a UI.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from meetingtui.errors import InputError

CONFIG_FILENAME = "keymap.toml"

# Keys are chosen from the Danish words the secretary hears ("til stede", "afbud", "for",
# "imod", "undlod", "næste") so one hand finds them without looking.
DEFAULT_KEYMAP: dict[str, str] = {
    # Everywhere
    "app.help": "f1",
    "app.undo": "ctrl+z",
    "app.toggle_theme": "f2",
    "app.meetings": "f3",
    "app.quit": "ctrl+q",
    # Start screen: the meetings in the database
    "start.open": "enter",
    "start.open_readonly": "l",
    "start.new_from_agenda": "n",
    "start.demo": "d",
    "start.archive": "a",
    "start.committees": "u",
    "start.reload": "f5",
    # Roll call (fremmøde)
    "rollcall.present": "t",
    "rollcall.afbud": "a",
    "rollcall.fravaerende": "f",
    "rollcall.substitute": "s",
    "rollcall.arrive": "k",
    "rollcall.leave": "g",
    "rollcall.open_meeting": "o",
    "rollcall.correct_times": "c",
    "rollcall.to_meeting": "m,escape",
    # The meeting: agenda, current item, decisions
    "meeting.next_item": "n",
    "meeting.previous_item": "p",
    "meeting.start_selected": "enter",
    "meeting.decision": "d",
    "meeting.vote": "v",
    "meeting.motion": "m",
    "meeting.election": "e",
    "meeting.dissent": "b",
    "meeting.inhabil": "i",
    "meeting.item_absence": "x",
    "meeting.postpone": "u",
    "meeting.arrive": "k",
    "meeting.leave": "g",
    "meeting.rollcall": "r",
    "meeting.closing": "a",
    "meeting.case_history": "h",
    "meeting.speakers": "t",
    "meeting.correct_times": "c",
    "meeting.agenda": "o",
    # Named vote
    "vote.for": "f",
    "vote.imod": "i",
    "vote.undlod": "u",
    "vote.rest_for": "r",
    "vote.rest_imod": "R",
    "vote.close": "l",
    "vote.back": "escape",
    # Election with candidates
    "election.close": "l",
    "election.back": "escape",
    # The speakers' list (talerliste) of the item under way
    "speakers.add": "t,a",
    "speakers.reply": "r",
    "speakers.next": "n,space",
    "speakers.start": "enter",
    "speakers.stop": "s",
    "speakers.remove": "x,delete",
    "speakers.limits": "l",
    "speakers.back": "escape",
    # Closing the meeting
    "closing.close_meeting": "l",
    "closing.approve": "g",
    "closing.reopen": "r",
    "closing.correct_times": "c",
    "closing.export": "e",
    "closing.send": "s",
    "closing.public_decision": "o",
    "closing.back": "escape",
    # Every yes/no question (a rule warning, closing a vote, discarding typed text): Danish
    # j(a) and English y(es) answer yes, n(ej/o) and Esc no
    "confirm.confirm": "j,y",
    "confirm.cancel": "n,escape",
    # An election with one candidate: elected unanimously (j/y), or a ballot by name after all
    "acclamation.acclamation": "j,y",
    "acclamation.ballot": "s",
    "acclamation.cancel": "escape",
    # Every dialog with fields to fill in (times, a new item, an election, a motion, a
    # dissent, a decision): save from whichever field has the cursor, checked exactly as
    # Enter in the last field is. Terminals pass Ctrl+S on (the UI turns flow control off).
    "form.save": "ctrl+s",
    # Sending the referat (the dialog the closing screen's send key opens)
    "send.send": "j,y",
    "send.retry": "r",
    "send.cancel": "n,escape",
    # Archive of past meetings
    "archive.import": "i",
    "archive.search": "slash",
    "archive.filter": "f",
    "archive.browse": "b",
    "archive.case_history": "h",
    "archive.open": "enter",
    "archive.back": "escape",
    # Committees and their rosters
    "committees.import": "i",
    "committees.new_committee": "c",
    "committees.new_period": "p",
    "committees.join": "j",
    "committees.leave": "u",
    "committees.edit_email": "e",
    "committees.roster_date": "d",
    "committees.back": "escape",
    # An archived meeting, to read
    "archived.case_history": "h",
    "archived.back": "escape",
}

SCOPES: tuple[str, ...] = tuple(dict.fromkeys(action.split(".", 1)[0] for action in DEFAULT_KEYMAP))

THEMES = {"light": "textual-light", "dark": "textual-dark"}


@dataclass(frozen=True)
class UiConfig:
    """What a config file may set: language, theme and keys."""

    keymap: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_KEYMAP))
    lang: str | None = None
    theme: str | None = None
    source: str = ""


def split_keys(keys: str) -> list[str]:
    return [key.strip() for key in keys.split(",") if key.strip()]


def default_config_path() -> Path:
    # Imported here: platformdirs is only needed when no explicit path is given.
    from platformdirs import user_config_dir

    return Path(user_config_dir("meetingtui")) / CONFIG_FILENAME


def actions_in(scope: str, keymap: Mapping[str, str] | None = None) -> dict[str, str]:
    """Action (without scope) -> keys, for one scope."""
    keymap = DEFAULT_KEYMAP if keymap is None else keymap
    prefix = scope + "."
    return {name[len(prefix) :]: keys for name, keys in keymap.items() if name.startswith(prefix)}


def validate_keymap(keymap: Mapping[str, str], source: str = "") -> None:
    """Refuse unknown actions, empty key lists and a key used twice on one screen.

    The `app` keys work on every screen, so they count as part of each scope.
    """
    for action, keys in keymap.items():
        if action not in DEFAULT_KEYMAP:
            raise InputError("keymap.unknown_action", file=source, action=action)
        if not isinstance(keys, str) or not split_keys(keys):
            raise InputError("keymap.no_keys", file=source, action=action)
    for scope in SCOPES:
        if scope == "app":
            continue
        seen: dict[str, str] = {}
        for action, keys in keymap.items():
            if action.split(".", 1)[0] not in (scope, "app"):
                continue
            for key in split_keys(keys):
                if key in seen and seen[key] != action:
                    raise InputError(
                        "keymap.duplicate_key",
                        file=source,
                        key=key,
                        first=seen[key],
                        second=action,
                    )
                seen[key] = action


def _flatten(table: Mapping[str, object], source: str) -> dict[str, str]:
    """TOML `[meeting] next_item = "n"` and `meeting.next_item = "n"` both become flat names."""
    flat: dict[str, str] = {}
    for scope, actions in table.items():
        # [smtp] holds the mail settings of `meetingtui send` (meetingtui.mail.settings).
        if scope in ("lang", "theme", "smtp"):
            continue
        if not isinstance(actions, Mapping):
            raise InputError("keymap.not_a_table", file=source, name=scope)
        for action, keys in actions.items():
            if not isinstance(keys, str):
                raise InputError("keymap.no_keys", file=source, action=f"{scope}.{action}")
            flat[f"{scope}.{action}"] = keys
    return flat


def load_config(path: Path | str | None = None) -> UiConfig:
    """Read a config file; with no path, the user config dir's keymap.toml if it exists."""
    if path is None:
        path = default_config_path()
        if not path.exists():
            return UiConfig()
    path = Path(path)
    source = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError("keymap.missing_file", file=source) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError("keymap.bad_toml", file=source, problem=str(exc)) from exc
    overrides = _flatten(data, source)
    validate_keymap(overrides, source)
    merged = {**DEFAULT_KEYMAP, **overrides}
    validate_keymap(merged, source)
    lang = data.get("lang")
    if lang is not None and lang not in ("da", "en"):
        raise InputError("keymap.bad_value", file=source, name="lang", value=lang)
    theme = data.get("theme")
    if theme is not None and theme not in THEMES:
        raise InputError("keymap.bad_value", file=source, name="theme", value=theme)
    return UiConfig(keymap=merged, lang=lang, theme=theme, source=source)


def load_keymap(path: Path | str | None = None) -> dict[str, str]:
    """The default keymap with the file's overrides applied and validated."""
    return load_config(path).keymap
