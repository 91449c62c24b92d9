"""Setting up an election: the office (read from an item titled "Valg af …"), the candidates
with type-ahead on the members' names, and, for a single candidate, election by acclamation.

With one candidate and nobody against, Danish committees elect without a ballot: "Gert Fabrin
blev enstemmigt valgt som næstformand". That is `e`, a few letters of the name, Enter, `j`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from textual import on
from textual.app import ComposeResult
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static

from meetingtui.i18n import t
from meetingtui.keymap import DEFAULT_KEYMAP, actions_in, split_keys
from meetingtui.screens.base import add_bindings, build_bindings, key_label
from meetingtui.screens.dialogs import Dialog, show_warnings, warning_box
from meetingtui.screens.lineinput import LineInput
from meetingtui.screens.typeahead import matches, unique_completion

_ELECTION_TITLE = re.compile(r"^\s*valg\s+af\s+(.+?)\s*\.?$", re.IGNORECASE)

ACCLAMATION = "acclamation"
BALLOT = "ballot"


def office_from_title(title: str) -> str:
    """ "Valg af næstformand" -> "næstformand"; other titles give nothing to prefill."""
    match = _ELECTION_TITLE.match(title)
    return match[1] if match else ""


def split_candidates(text: str, members: Sequence[str]) -> list[str]:
    """The names typed, comma-separated; a few letters that pick out one member become the
    member's full name ("Gert" -> "Gert Fabrin"), anything else is kept as typed."""
    names = []
    for part in text.split(","):
        typed = part.strip()
        if typed:
            names.append(unique_completion(members, typed) or typed)
    return names


class CandidateSuggester(Suggester):
    """Completes the name being typed after the last comma with a member's name."""

    def __init__(self, members: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.members = list(members)

    async def get_suggestion(self, value: str) -> str | None:
        head, _, typed = value.rpartition(",")
        typed_clean = typed.strip()
        if not typed_clean:
            return None
        found = [m for m in self.members if matches(m, typed_clean)]
        if not found or not found[0].casefold().startswith(typed_clean.casefold()):
            return None
        prefix = f"{head}, " if head else ""
        return prefix + found[0]


class ElectionDialog(Dialog):
    """The office and the candidates; Enter in the last field starts the election.

    A name that picks out no single member (a typo, "Ho" for two members, or someone from
    outside the committee) is said first; Enter again starts the election with it as typed.
    """

    SAVES = True

    def __init__(self, office: str, members: Sequence[str], item: str) -> None:
        super().__init__(t("tui.election_title", item=item))
        self.office = office
        self.members = list(members)
        self._accepted = ""  # candidates typed, whose names not of one member were said

    def body(self) -> ComposeResult:
        yield Label(t("tui.election_office"))
        yield LineInput(value=self.office, id="office")
        yield Label(t("tui.election_candidates"))
        # Names pasted one a line are candidates one each: the field separates them by commas.
        yield LineInput(id="candidates", suggester=CandidateSuggester(self.members), joiner=", ")
        box = warning_box()
        box.id = "election-warning"
        yield box

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        # An item titled "Valg af næstformand" says the office: straight to the candidates.
        self.query_one("#candidates" if self.office else "#office", Input).focus()

    def unsaved_text(self) -> bool:
        return bool(self.query_one("#candidates", Input).value.strip())

    @on(Input.Submitted, "#office")
    def _office(self, event: Input.Submitted) -> None:
        self.query_one("#candidates", Input).focus()

    @on(Input.Submitted, "#candidates")
    def _candidates(self, event: Input.Submitted) -> None:
        self.save()

    def save(self) -> None:
        office = self.query_one("#office", Input).value.strip()
        typed = self.query_one("#candidates", Input).value
        candidates = split_candidates(typed, self.members)
        if not office or not candidates:
            self.notify(t("tui.election_needs"), severity="error")
            return
        strangers = [name for name in candidates if name not in self.members]
        if strangers and typed != self._accepted:
            self._accepted = typed
            names = ", ".join(f"»{name}«" for name in strangers)
            warning = t("tui.election_not_members", names=names)
            show_warnings(self.query_one("#election-warning", Static), [warning])
            return
        self.dismiss((office, candidates))


class AcclamationDialog(Dialog):
    """One candidate: elected unanimously (j/y), or a ballot after all (s); the keys of the
    keymap's `acclamation` scope, named in the question as the user has them."""

    SCOPE = "acclamation"

    def __init__(
        self, candidate: str, office: str, keymap: Mapping[str, str] | None = None
    ) -> None:
        keymap = DEFAULT_KEYMAP if keymap is None else keymap
        keys = actions_in(self.SCOPE, keymap)
        super().__init__(t("tui.acclamation_title", office=office), cancel_keys=keys["cancel"])
        self.candidate = candidate
        self.office = office
        self.key_names = {action: key_label(split_keys(k)[0]) for action, k in keys.items()}
        own = [b for b in build_bindings(self.SCOPE, keymap) if b.action != "cancel"]
        add_bindings(self, own)

    def body(self) -> ComposeResult:
        yield Static(
            t("tui.acclamation_text", name=self.candidate, office=self.office),
            classes="change",
            markup=False,
        )
        yield Static(t("tui.acclamation_question", **self.key_names), classes="question")

    def action_acclamation(self) -> None:
        self.dismiss(ACCLAMATION)

    def action_ballot(self) -> None:
        self.dismiss(BALLOT)
