"""A whole real meeting through the real terminal, as a nervous secretary runs it.

The Lejre 17, stk. 4-udvalg of 3 January 2017 (tests/lejre_2017_01_03.py, checked against the
published referat when the sample is at hand) is created from its agenda file and run with the
installed `meetingtui` CLI in tmux: the roll call, five items, an election, a late arrival, an
early departure, an inhabil member, a named vote, a protokoltilførsel, a wrong quick pick undone,
and the secretary's disturbances: keys that do nothing, Escape in the decision dialog, in a
picker and in the vote, Ctrl+Q in the middle of the vote and the meeting opened again, the window
narrowed to 80×24 mid-meeting, and a read-only follower in a second window. Every key waits for
the screen it leads to; nothing sleeps.

Then the record (`export --format json`, `verify`) and the referat (.docx, read with python-docx)
are compared with what was meant, field by field.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import docx
import pytest

from meetingtui.models import Attendance, ItemStatus, Meeting, MeetingStatus
from tests.conftest import SAMPLES
from tests.lejre_2017_01_03 import ITEMS, MEMBERS, agenda_toml, sample_disagreements
from tests.meetings import stored
from tests.tmux_terminal import CLI, TMUX, Terminal, wait_for

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
    pytest.mark.skipif(not CLI.exists(), reason=f"the meetingtui CLI is not installed ({CLI})"),
]

# --------------------------------------------------------------------------- what is meant

# The roll call, in the agenda's order: Ole Blickfeldt sent afbud, Lars Holten is not there yet.
ROLL_CALL_KEYS = ("t", "a", "t", "t", "t", "t", "f", "t", "t", "t", "t", "t", "t")
LATE = "Lars Holten"  # arrives under item 2
LEAVES = "Søren Kræmer"  # leaves under item 4, before the vote
INHABIL = "Bitten Persson"  # inhabil for item 4
INHABIL_REASON = "Leder i et af de berørte områder."
DISSENTER = "Louise Holm"  # votes against item 4 and has it entered in the record
PROTOKOL = "Grønt råd ønsker, at Bæredygtig vækst behandles før Målrettet støtte."
ELECTED = "Gert Fabrin blev enstemmigt valgt som næstformand."
AGENDA_APPROVED = "Dagsordenen blev godkendt med den ændring, at punkt 4 behandles før punkt 3."
# The referat of 2017 wrote "Godkendt." (the agenda was not changed then) and "blev valgt"
# (the election is held here by acclamation, whose sentence says so). The others are its own.
DECISIONS = {item.number: item.decision for item in ITEMS} | {"1": AGENDA_APPROVED, "2": ELECTED}
# Item 4's vote: everyone who may vote then, in the agenda's order; Louise Holm against.
VOTERS_4 = (
    "Carsten Rasmussen",
    "Christina Knudsen",
    "Kristina Garth Grüner",
    "Keld Mortensen",
    "Jan Andersen",
    LATE,
    "Gert Fabrin",
    DISSENTER,
    "Helle Klink",
)


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.stop()


def cli(home: Terminal, *args: str) -> str:
    result = subprocess.run(
        [str(CLI), *args], capture_output=True, text=True, env=home.env, check=False
    )
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def event_count(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def payloads(db: Path, event_type: str) -> list[dict[str, Any]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT payload FROM events WHERE type = ?", (event_type,))
        return [json.loads(row[0]) for row in rows]
    finally:
        conn.close()


def person(record: Meeting, name: str) -> Any:
    return next(p for p in record.participants if p.name == name)


def no_dialog(title: str) -> Any:
    return lambda screen: title not in screen


def pick(term: Terminal, typed: str, offered: str, *, hidden: tuple[str, ...]) -> None:
    """Type a few letters into a picker and wait until its list is narrowed to `offered`
    (the others gone), so that the Enter after it cannot take an entry of the whole list."""
    term.type(typed)
    term.wait_screen(
        lambda screen: offered in screen and not any(other in screen for other in hidden),
        f"{typed!r} to leave {offered!r} in the list",
    )


def tally(for_: int, against: int) -> Any:
    """The vote screen's tally line shows these counts."""
    pattern = re.compile(rf"FOR {for_}\s+IMOD {against}\s")
    return lambda screen: any(pattern.search(line) for line in screen.splitlines())


# --------------------------------------------------------------------------- the meeting


def test_the_lejre_meeting_run_by_a_nervous_secretary(terminal: Terminal, tmp_path: Path) -> None:
    if SAMPLES.is_dir():
        assert sample_disagreements(SAMPLES) == []
    db = tmp_path / "lejre.db"
    agenda = tmp_path / "lejre_2017-01-03.toml"
    agenda.write_text(agenda_toml(), encoding="utf-8")
    created = cli(terminal, "--db", str(db), "new", str(agenda))
    meeting_id = int(re.search(r"Møde (\d+) oprettet", created).group(1))  # type: ignore[union-attr]
    term = terminal
    record = lambda: stored(db, meeting_id)  # noqa: E731

    # ---- the roll call ------------------------------------------------------------------
    term.start("--db", str(db), "open", str(meeting_id), width=120, height=36)
    term.wait_screen("Åbn mødet", "the roll call of the planned meeting")
    term.press("o", "ÅBENT", "the meeting opened")
    term.send(*ROLL_CALL_KEYS)
    wait_for(
        lambda: all(p.attendance is not Attendance.UNKNOWN for p in record().participants),
        "the roll call stored",
    )
    attendance = {p.name: p.attendance for p in record().participants}
    assert attendance["Ole Blickfeldt"] is Attendance.AFBUD
    assert attendance[LATE] is Attendance.ABSENT
    assert [n for n, a in attendance.items() if a is Attendance.PRESENT] == [
        p.name for p in record().participants if p.name not in ("Ole Blickfeldt", LATE)
    ]
    term.press("m", "Forhåndsvisning", "the meeting screen")

    # ---- keys that mean nothing here change nothing ----------------------------------------
    before = event_count(db)
    term.send("q", "z", "y", "w", "0", "9", "ø")
    term.press("F1", "Tast", "the help screen")  # a key with an effect: the others were handled
    term.press("Escape", "Forhåndsvisning", "back from the help")
    assert event_count(db) == before

    # ---- 1. Godkendelse af dagsorden: item 4 is taken before item 3; the decision typed ----
    term.press("n", "BEHANDLES:  1.", "item 1 under way")
    term.send("Down", "Down", "Down")  # the agenda's cursor from item 1 to item 4
    term.press("o", "Ændr dagsordenen", "the agenda change dialog")
    pick(term, "beh", "Pkt. 4 behandles før et andet punkt", hidden=("Nyt punkt",))
    term.press("Enter", "3. Introduktion til arbejdet", "which item it goes before")
    pick(term, "Intro", "3. Introduktion til arbejdet", hidden=("2. Valg af", "5. Eventuelt"))
    term.press("Enter", no_dialog("Pkt. 4 behandles før"), "the change stored")
    wait_for(lambda: record().agenda_changes != [], "the agenda change stored")
    term.wait_screen(
        lambda s: s.index("4     Møde- og") < s.index("3     Introduktion"),
        "item 4 listed before 3",
    )

    term.press("d", "Beslutning — 1.", "the decision dialog")
    term.press("Escape", no_dialog("Beslutning — 1."), "the dialog cancelled")
    assert record().item(1).decision == ""
    term.press("d", "Beslutning — 1.", "the decision dialog again")
    term.type(DECISIONS["1"])
    term.wait_screen(DECISIONS["1"][-30:], "the decision typed")
    term.press("Enter", no_dialog("Beslutning — 1."), "the decision saved")
    wait_for(lambda: record().item(1).decision == DECISIONS["1"], "decision 1 stored")

    # ---- 2. Valg af næstformand: a late arrival (Escape in the picker first), an election --
    term.press("n", "BEHANDLES:  2.", "item 2 under way")
    term.press("k", "Hvem kommer?", "the arrival picker")
    pick(term, "Lar", "Lars Holten (LEUF)", hidden=("Ole Blickfeldt",))
    term.press("Escape", no_dialog("Hvem kommer?"), "the picker cancelled")
    assert person(record(), LATE).movements == []
    term.press("k", "Hvem kommer?", "the arrival picker again")
    pick(term, "Lar", "Lars Holten (LEUF)", hidden=("Ole Blickfeldt",))
    term.press("Enter", no_dialog("Hvem kommer?"), "the arrival stored")
    wait_for(lambda: person(record(), LATE).movements != [], "the arrival stored")

    # The secretary tries to put his arrival a little later, typed the Danish way; a mistyped
    # time is refused, and so is a time the meeting's clock has not reached yet ("under punkt
    # 2" cannot be after now): the refusal names the limits and changes nothing.
    stamped = person(record(), LATE).movements[0].at
    later = stamped.replace(second=0, microsecond=0) + timedelta(minutes=2)
    term.press("r", "Parti/org.", "the roll call")
    term.send(*["Down"] * 6)  # from the first member to Lars Holten
    term.press("c", "Lars Holten kom kl.", "his arrival to correct")
    term.send("C-u")
    term.type("16.75")
    term.press("Enter", "er ikke et klokkeslæt", "the mistyped time refused")
    assert person(record(), LATE).movements[0].at == stamped
    # The dialog comes back as typed, to be corrected rather than typed again.
    term.wait_screen(lambda s: "16.75" in s and "Lars Holten kom kl." in s, "the dialog as typed")
    term.send("C-u")
    term.type(f"{later:%H.%M}")
    term.press("Enter", "(nu)", "the time after now refused, naming the limits")
    assert person(record(), LATE).movements[0].at == stamped
    assert payloads(db, "times_corrected") == []
    # The refused time is still typed and unsaved: Escape asks before it goes.
    term.press("Escape", "Kassér teksten?", "asked before the typed time goes")
    term.press("j", no_dialog("Ret tidspunkter"), "the dialog left as it was")
    corrected = stamped
    term.press("m", "n Næste punkt", "back to the meeting")

    term.press("e", "Kandidater", "the election dialog")
    term.type("Gert")
    term.press("Enter", "Én kandidat: Gert Fabrin.", "acclamation offered")
    term.press("j", no_dialog("Én kandidat"), "elected by acclamation")
    wait_for(lambda: record().item(2).elections != [], "the election stored")
    term.press("d", "Beslutning — 2.", "the decision dialog")
    term.wait_screen(ELECTED, "the election's sentence proposed")
    term.press("Enter", no_dialog("Beslutning — 2."), "the decision saved")
    wait_for(lambda: record().item(2).decision == ELECTED, "decision 2 stored")

    # ---- a read-only follower in a second window ------------------------------------------
    term.open_window("follower", "--db", str(db), "open", str(meeting_id), "--readonly")
    follower = term.wait_screen(ELECTED[:30], "the follower on item 2", window="follower")
    for writer_key in ("n Næste", "d Beslutning", "v Afstemning", "k Kommer", "g Går", "i Inhab"):
        assert writer_key not in follower, writer_key

    # ---- the window narrowed to 80×24 mid-meeting -------------------------------------------
    term.resize(80, 24)
    wait_for(lambda: term.size() == (80, 24), "the window at 80×24")
    term.wait_screen(
        lambda s: "BESLUTNINGSDYGTIGT" in s.splitlines()[0], "the meeting screen redrawn at 80×24"
    )

    # ---- 4. Møde- og procesplan: a departure, inhabilitet, a vote, a protokoltilførsel -----
    term.press("n", "BEHANDLES:  4.", "item 4 under way, before item 3")
    term.press("g", "Hvem går?", "the departure picker")
    pick(term, "Sør", "Søren Kræmer (Foreningslivet)", hidden=("Carsten Rasmussen",))
    term.press("Enter", no_dialog("Hvem går?"), "the departure stored")
    wait_for(lambda: person(record(), LEAVES).movements != [], "the departure stored")

    term.press("i", "Inhabilitet — 4.", "the inhabilitet picker")
    pick(term, "Bit", "Bitten Persson (Kommunal leder)", hidden=("Carsten Rasmussen",))
    # The reason form names the member the few letters picked.
    term.press("Enter", "Bitten Persson (Kommunal leder) — begrundelse", "the reason asked")
    term.type(INHABIL_REASON)
    term.press("Enter", no_dialog("— begrundelse"), "the inhabilitet stored")
    wait_for(lambda: record().item(4).absences != [], "the inhabilitet stored")

    term.press("v", "AFSTEMNING", "the vote screen")
    term.press("Escape", no_dialog("AFSTEMNING"), "back to the meeting, the vote open")
    assert [v.is_open for v in record().item(4).votes] == [True]
    term.press("v", "AFSTEMNING", "back in the open vote")
    term.press("f", tally(1, 0), "the formand's ballot")

    # Ctrl+Q in the middle of the vote; if it asks first, the secretary says yes.
    term.send("C-q")
    wait_for(
        lambda: not term.alive() or "Ja, fortsæt" in term.screen(),
        "the app to quit or to ask first",
    )
    if term.alive():
        term.send("j")
        wait_for(lambda: not term.alive(), "the app to quit")
    term.start("--db", str(db), "open", str(meeting_id), width=80, height=24)
    term.wait_screen(tally(1, 0), "the open vote resumed with its ballot")
    # From the first member without a ballot, a key and ↓ each: nobody's ballot is overwritten.
    for cast, name in enumerate(VOTERS_4[1:7], start=2):
        term.press("f", tally(cast, 0), f"{name}'s ballot")
        term.send("Down")
    term.press("i", tally(7, 1), f"{DISSENTER} against")
    term.press("r", "mangler: 0", "the rest for")
    term.wait_screen(tally(8, 1), "8 for, 1 against")
    term.press("l", "Afslut afstemningen med dette resultat?", "closing the vote asks")
    term.press("n", no_dialog("Afslut afstemningen"), "the nervous secretary says not yet")
    assert record().item(4).votes[0].is_open
    term.press("l", "Afslut afstemningen med dette resultat?", "closing the vote asks again")
    term.press("j", no_dialog("AFSTEMNING"), "the vote closed")
    wait_for(lambda: not record().item(4).votes[0].is_open, "the vote closed in the record")

    term.press("b", "Til protokols", "the dissent dialog")
    pick(term, "Lou", "Louise Holm (Grønt råd)", hidden=("Carsten Rasmussen",))
    # The member, then the kind (protokoltilførsel, the first): each Enter moves the focus on.
    term.press_until_restyled("Enter", "Lou", "the name field to give up the focus")
    # The text field is the dialog's last: its top edge (▔) is drawn in the focus colour.
    term.press_until_restyled("Enter", "▔", "the text field to take the focus", last=True)
    term.type(PROTOKOL)
    term.wait_screen(PROTOKOL[:40], "the text typed")
    term.press("Enter", no_dialog("Til protokols"), "the protokoltilførsel stored")
    wait_for(lambda: record().item(4).dissents != [], "the protokoltilførsel stored")

    term.press("d", "Beslutning — 4.", "the decision dialog")
    term.press("2", no_dialog("Skriv beslutningen"), "the quick pick in the field")
    term.press("Enter", no_dialog("Beslutning — 4."), "the decision saved")
    wait_for(lambda: record().item(4).decision == DECISIONS["4"], "decision 4 stored")
    term.wait_screen("Tiltrådt.", "the follower shows decision 4", window="follower")

    # ---- 3. Introduktion til arbejdet, after 4 ---------------------------------------------
    term.press("n", "BEHANDLES:  3.", "item 3 under way, after item 4")
    term.press("d", "Beslutning — 3.", "the decision dialog")
    term.press("3", no_dialog("Skriv beslutningen"), "the quick pick in the field")
    term.press("Enter", no_dialog("Beslutning — 3."), "the decision saved")
    wait_for(lambda: record().item(3).decision == DECISIONS["3"], "decision 3 stored")

    # ---- 5. Eventuelt: a wrong quick pick, undone --------------------------------------------
    term.press("n", "BEHANDLES:  5.", "item 5 under way")
    term.press("d", "Beslutning — 5.", "the decision dialog")
    term.press("6", no_dialog("Skriv beslutningen"), "a wrong quick pick")
    term.press("Enter", no_dialog("Beslutning — 5."), "the wrong decision saved")
    # "Udsat." postpones the item.
    wait_for(lambda: record().item(5).status is ItemStatus.POSTPONED, "the item postponed")
    # The undo names what it will undo and asks first; then says it is done.
    term.press("C-z", "Fortryd udsættelsen af pkt. 5?", "the undo asks")
    term.press("j", "Fortrudt", "the undo says it is done")
    wait_for(lambda: record().item(5).status is ItemStatus.CURRENT, "the postponing undone")
    assert record().current_item_id == 5
    term.press("d", "Beslutning — 5.", "the decision dialog")
    term.type(DECISIONS["5"])
    term.wait_screen(no_dialog("Skriv beslutningen"), "the text typed")
    term.press("Enter", no_dialog("Beslutning — 5."), "the decision saved")
    wait_for(lambda: record().item(5).decision == DECISIONS["5"], "decision 5 stored")

    # ---- closing -----------------------------------------------------------------------------
    term.press("a", "Afslutning af mødet", "the closing screen")
    term.send("l")
    term.wait_screen("Ja, fortsæt", "closing the meeting asks")
    term.send("j")
    wait_for(lambda: record().status is MeetingStatus.CLOSED, "the meeting closed")
    term.wait_screen("LUKKET", "the follower shows the meeting closed", window="follower")
    term.send("C-q")
    wait_for(lambda: not term.alive(), "the app to quit")
    term.send("C-q", window="follower")
    wait_for(lambda: not term.alive("follower"), "the follower to quit")

    # ---- the record ----------------------------------------------------------------------------
    verified = cli(term, "--db", str(db), "verify")
    exported = tmp_path / "referat.json"
    cli(term, "--db", str(db), "export", str(meeting_id), "--format", "json", "-o", str(exported))
    data = json.loads(exported.read_text(encoding="utf-8"))
    referat = tmp_path / "referat.docx"
    cli(
        term,
        "--db",
        str(db),
        "export",
        str(meeting_id),
        "--internal",
        "--no-toc-pages",
        "-o",
        str(referat),
    )
    text = "\n".join(p.text for p in docx.Document(str(referat)).paragraphs)
    check_record(data, corrected)
    check_referat(text, data)
    assert data["event_chain_head"] in verified


def check_record(data: dict[str, Any], corrected: datetime) -> None:
    assert data["status"] == "closed"
    people = {p["name"]: p for p in data["participants"]}
    assert people["Ole Blickfeldt"]["attendance"] == "afbud"
    for name, p in people.items():
        if name != "Ole Blickfeldt":
            assert p["attendance"] == "present", name
    items = {item["number"]: item for item in data["items"]}
    ids = {item["id"]: item["number"] for item in data["items"]}
    # Attendance with times: the arrival under item 2, the departure under item 4.
    movements = {
        name: [(m["kind"], ids[m["item_id"]]) for m in p["movements"]] for name, p in people.items()
    }
    assert {n: m for n, m in movements.items() if m} == {
        LATE: [("arrived", "2")],
        LEAVES: [("left", "4")],
    }
    # Stamped on the meeting's own clock (a meeting held on another day than its date starts at
    # its planned time): the departure while the meeting was open; the arrival as corrected.
    opened, closed = (datetime.fromisoformat(data[k]) for k in ("opened_at", "closed_at"))
    assert opened == datetime(2017, 1, 3, 16, 30)
    left = datetime.fromisoformat(people[LEAVES]["movements"][0]["at"])
    assert opened <= left <= closed, (opened, left, closed)
    arrived = datetime.fromisoformat(people[LATE]["movements"][0]["at"])
    assert arrived == corrected
    # The agenda change: item 4 taken before item 3.
    assert [
        (c["kind"], ids[c["item_id"]], ids[c["before_item_id"]]) for c in data["agenda_changes"]
    ] == [("moved", "4", "3")]
    # Each item's decision text.
    assert {n: item["decision"] for n, item in items.items()} == DECISIONS
    assert all(item["status"] == "decided" for item in items.values())
    # The election.
    (election,) = items["2"]["elections"]
    assert (election["office"], election["elected"], election["acclamation"]) == (
        "næstformand",
        "Gert Fabrin",
        True,
    )
    # The vote: the counts and the named ballots; the inhabil member and the one who left have
    # none, nor has the one who sent afbud.
    (vote,) = items["4"]["votes"]
    assert vote["is_open"] is False
    assert vote["counts"] == {"for": 8, "against": 1, "abstain": 0}
    assert vote["result"] == "adopted"
    ballots = {b["name"]: b["choice"] for b in vote["ballots"]}
    assert ballots == {name: ("against" if name == DISSENTER else "for") for name in VOTERS_4}
    # The dissent and the inhabil member.
    assert [(d["kind"], d["who"], d["text"]) for d in items["4"]["dissents"]] == [
        ("protokoltilførsel", f"{DISSENTER} (Grønt råd)", PROTOKOL)
    ]
    assert [(a["name"], a["kind"], a["reason"]) for a in items["4"]["absent"]] == [
        (INHABIL, "inhabil", INHABIL_REASON)
    ]
    for number, item in items.items():
        if number != "4":
            assert item["votes"] == [] and item["dissents"] == [] and item["absent"] == []


def check_referat(text: str, data: dict[str, Any]) -> None:
    lines = text.splitlines()
    people = {p["name"]: p for p in data["participants"]}
    late, leaves = (
        datetime.fromisoformat(people[name]["movements"][0]["at"]) for name in (LATE, LEAVES)
    )
    arrived = f"{LATE} (LEUF) kom kl. {late:%H.%M} under punkt 2"
    left = f"{LEAVES} (Foreningslivet) forlod mødet kl. {leaves:%H.%M} under punkt 4"
    assert "tirsdag den 3. januar 2017 kl. 16.30" in lines
    present = next(line for line in lines if line.startswith("Til stede: "))
    for name in (*VOTERS_4, LEAVES, INHABIL):
        assert name in present, name
    assert "Ole Blickfeldt" not in present
    assert "Afbud: Ole Blickfeldt (O)" in lines
    movements = next(line for line in lines if line.startswith("Ankomst og afgang: "))
    assert sorted(movements.removeprefix("Ankomst og afgang: ").rstrip(".").split("; ")) == [
        arrived,
        left,
    ]
    assert "Ændringer i dagsordenen: Punkt 4 blev behandlet før punkt 3." in lines
    # Under each item: its decision right after the decision heading, and its own events.
    for item in ITEMS:
        start = lines.index(f"{item.number}. {item.title}")
        end = next(
            (
                i
                for i in range(start + 1, len(lines))
                if re.match(r"\d\. |Underskriftsside", lines[i])
            ),
            len(lines),
        )
        body = lines[start:end]
        heading = body.index("Beslutning i 17, stk. 4-udvalget den 3. januar 2017")
        assert body[heading + 1] == DECISIONS[item.number], item.number
        assert (f"{arrived}." in body) == (item.number == "2"), item.number
        assert (f"{left}." in body) == (item.number == "4"), item.number
        assert any("stemte" in line for line in body) == (item.number == "4"), item.number
        moved = "Punktet blev behandlet før punkt 3."
        assert (moved in body) == (item.number == "4"), item.number
    # Labelled like the arrival and departure lines; the reason's own full stop is not doubled.
    assert (
        f"{INHABIL} (Kommunal leder) deltog ikke i behandlingen af punktet på grund af "
        "inhabilitet (Leder i et af de berørte områder)." in lines
    )
    # A committee of organisations: every voter is named with party or organisation ("A" and
    # "LEUF" alone hid Carsten Rasmussen and Lars Holten), listed "x, y og z".
    labels = {m.name: f"{m.name} ({m.affiliation})" for m in MEMBERS}
    in_favour = [labels[name] for name in VOTERS_4 if name != DISSENTER]
    assert (
        f"Afstemning: For stemte: {', '.join(in_favour[:-1])} og {in_favour[-1]} (8). "
        "Imod stemte: Louise Holm (Grønt råd) (1)."
    ) in lines
    assert "Forslaget blev vedtaget." in lines
    assert f"{DISSENTER} (Grønt råd) ønskede følgende tilført protokollen: ”{PROTOKOL}”" in lines
    assert "udsat" not in text.lower()  # the undone quick pick left no trace in the referat
    assert lines[-1] == f"Kontrolsum: {data['event_chain_head']}"
