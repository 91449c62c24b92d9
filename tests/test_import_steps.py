"""The pipeline's steps on their own: dates, names, closed markers, headings, HTML blocks, votes,
dissents, attendance and the item assembler."""

from __future__ import annotations

from datetime import datetime

import pytest

from meetingtui import dates
from meetingtui.importers import (
    attendance,
    classify,
    decisions,
    dissents,
    html,
    meetings_of,
    text,
    votes,
)
from meetingtui.importers.closed import closed_marker
from meetingtui.importers.source import Block, HeaderFacts, ItemStart, Source
from meetingtui.models import AbsenceKind, AgendaItem, Choice, DissentKind, ItemStatus, VoteResult


def assemble_item(
    title: str,
    *,
    case_number: str = "",
    lead: str = "",
    blocks: list[tuple[str, str]],
    day: datetime = datetime(2016, 5, 20, 16, 0),
) -> AgendaItem:
    """One item of a structured source: a title, text before the first heading, headed parts."""
    stream = [Block("", item=ItemStart("3", title, case_number=case_number))]
    if lead:
        stream.append(Block(lead, role="text"))
    for heading, body in blocks:
        stream.append(Block(heading, level=2))
        stream.extend(Block(line, role="text") for line in body.split("\n"))
    facts = HeaderFacts(body="Økonomiudvalget", starts_at=day)
    [meeting] = meetings_of([Source(stream, facts=facts)])
    [item] = meeting.items
    return item


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tirsdag den 3. januar 2017 kl. 16:30", datetime(2017, 1, 3, 16, 30)),
        ("onsdag den 8. oktober 2025 kl. 16.00", datetime(2025, 10, 8, 16, 0)),
        ("20-06-2013", datetime(2013, 6, 20)),
        ("15-05-2013 16:30:00", datetime(2013, 5, 15, 16, 30)),
        ("2023-05-15T19:00:00+02:00", datetime(2023, 5, 15, 19, 0)),
        ("Referat 4. apr. 2018 Kl. 9.15", datetime(2018, 4, 4, 9, 15)),
    ],
)
def test_parse_datetime(text: str, expected: datetime) -> None:
    assert dates.parse_datetime(text) == expected


def test_parse_datetime_rejects_nonsense() -> None:
    assert dates.parse_datetime("32. januar 2017") is None
    assert dates.parse_datetime("") is None


def test_decode_bytes_tolerates_windows_1252() -> None:
    assert text.decode_bytes("Ærø ".encode() + "Møde".encode("cp1252")) == "Ærø Møde"
    assert text.decode_bytes(b"\xef\xbb\xbfabc") == "abc"


def test_split_name_and_names() -> None:
    assert text.split_name("Doris Børger (A)") == ("Doris Børger", "A")
    assert text.split_name("Hanne Bahnsen") == ("Hanne Bahnsen", "")
    assert text.split_names("Lars Holten (LEUF), Ole Blickfeldt (O) og Søren Kræmer") == [
        "Lars Holten (LEUF)",
        "Ole Blickfeldt (O)",
        "Søren Kræmer",
    ]


@pytest.mark.parametrize(
    ("title", "closed", "clean"),
    [
        ("Lukket: Orientering ", True, "Orientering"),
        ("Lukket punkt: Salg af grund", True, "Salg af grund"),
        ("Salg af grund (Lukket)", True, "Salg af grund"),
        ("(Lukket) Personalesag", True, "Personalesag"),
        ("Lukkethed i forvaltningen", False, "Lukkethed i forvaltningen"),
    ],
)
def test_closed_marker(title: str, closed: bool, clean: str) -> None:
    assert closed_marker(title) == (closed, clean)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Beslutning", "decision"),
        ("Beslutning i Økonomiudvalget den 15-03-2016", "decision"),
        ("Økonomiudvalgets beslutning den 3. maj 2016", "decision"),
        ("Beslutningskompetence", "authority"),
        ("Beslutningen træffes af", "authority"),
        ("Beslutningspunkter", "recommendation"),
        ("Indstilling", "recommendation"),
        ("Forvaltningen foreslår", "recommendation"),
        ("Administrationens indstilling", "recommendation"),
        ("Direktøren indstiller", "recommendation"),
        ("Forvaltningens vurdering", "section"),
        ("Bilag", "attachments"),
        ("Sagsforløb:", "history"),
        ("Resume", "section"),
    ],
)
def test_heading_kind(heading: str, kind: str) -> None:
    assert classify.heading_kind(heading) == kind


def test_decision_entry_head() -> None:
    assert decisions.entry_head("Beslutning i Økonomiudvalget den 15-03-2016") == (
        "Økonomiudvalget",
        "15-03-2016",
    )
    assert decisions.entry_head("Beslutning") == ("", "")


def test_html_blocks_keep_every_heading_level_lists_and_emphasis() -> None:
    found = html.blocks(
        "<div><p>Indledning</p><h3>Beslutning</h3><p>Godkendt.</p>"
        "<h3>Fremstilling</h3><span><h4>Resume</h4><p>Kort &amp; <i>godt</i>.</p>"
        "<ul><li>et</li><li>to</li></ul></span></div>"
    )
    assert [(b.level, b.text, b.list_label) for b in found] == [
        (0, "Indledning", ""),
        (3, "Beslutning", ""),
        (0, "Godkendt.", ""),
        (3, "Fremstilling", ""),
        (4, "Resume", ""),
        (0, "Kort & godt.", ""),
        (0, "et", "•"),
        (0, "to", "•"),
    ]
    assert [(s.text, s.italic) for s in found[5].spans] == [
        ("Kort & ", False),
        ("godt", True),
        (".", False),
    ]


def test_html_paragraph_spaces_and_emphasis_of_one_piece_of_text() -> None:
    # A paragraph's spaces read as one plain space whatever the page wrote (non-breaking,
    # tabs, line breaks in the source, runs of spaces, thin spaces), none at its ends; a
    # paragraph all bold or all italic is bold or italic as a whole, without spans.
    found = html.blocks(
        "<p>  Budget&nbsp;2024 \t og\n  2025  </p><p>Et  langt\u2009stykke.</p>"
        "<p><b>Alt med fed</b></p><p><em> Kursiv  her </em></p><p>&nbsp; </p>"
        "<p>En <b>fed</b> og en <i>kursiv</i>\u00a0del</p>"
    )
    assert [(b.text, b.bold, b.italic, len(b.spans)) for b in found] == [
        ("Budget 2024 og 2025", False, False, 0),
        ("Et langt stykke.", False, False, 0),
        ("Alt med fed", True, False, 0),
        ("Kursiv her", False, True, 0),
        ("En fed og en kursiv del", False, False, 5),
    ]
    assert [s.text for s in found[4].spans] == ["En ", "fed", " og en ", "kursiv", " del"]


def test_html_table_nested_in_a_cell_is_read_as_paragraphs() -> None:
    # A table that frames another table is layout: its cells are paragraphs; a table whose
    # only nested table sits outside its cells is still a table.
    framed = html.blocks(
        "<table><tr><td>Ramme</td><td><table><tr><td>a</td><td>b</td></tr>"
        "<tr><td>c</td><td>d</td></tr></table></td></tr><tr><td>x</td><td>y</td></tr></table>"
    )
    assert [(b.text, b.table.rows if b.table else None) for b in framed] == [
        ("Ramme", None),
        ("a  b\nc  d", [["a", "b"], ["c", "d"]]),  # the framed table is the table
        ("x", None),
        ("y", None),
    ]
    plain = html.blocks(
        "<table><caption><table><tr><td>note</td></tr></table></caption>"
        "<tr><th>År</th><th>Beløb</th></tr><tr><td>2024</td><td>5 mio.</td></tr></table>"
    )
    tables = [b.table for b in plain if b.table is not None]
    assert len(tables) == 1
    assert tables[0].rows == [["År", "Beløb"], ["2024", "5 mio."]]
    assert tables[0].header_rows == 1


def test_a_body_and_date_heading_is_read_however_its_spaces_pad_it() -> None:
    # Long lines are turned away before their spaces are squeezed; a heading padded past the
    # length with spaces or tabs, or ending in colons, is still the heading.
    head = "Økonomiudvalget den 4. marts 2024 Punkt 7"
    expected = ("Økonomiudvalget", "4. marts 2024")
    assert decisions.body_date_head(head) == expected
    assert decisions.body_date_head(head.replace(" ", " " * 40)) == expected
    assert decisions.body_date_head(head.replace(" ", "\t" * 40)) == expected
    assert decisions.body_date_head(head + ":" * 150) == expected
    sentence = head + " besluttede at godkende indstillingen" + " og budgettet" * 10
    assert decisions.body_date_head(sentence) is None


def test_votes_counts() -> None:
    [vote] = votes.parse_votes("Med stemmerne 19 for og 1 imod godkendte Byrådet indstillingen.")
    assert vote.counts is not None
    assert (vote.counts.for_, vote.counts.against, vote.counts.abstain) == (19, 1, 0)
    assert vote.result is VoteResult.ADOPTED
    assert "19 for" in vote.raw_text


def test_votes_party_letters_with_counts() -> None:
    [vote] = votes.parse_votes(
        "For stemte: A, F og Ø (5). Imod stemte: V og O (4). Undlod at stemme: C (1)."
    )
    assert vote.party_lines == {"for": ["A", "F", "Ø"], "against": ["V", "O"], "abstain": ["C"]}
    assert vote.counts is not None and vote.counts.abstain == 1
    assert vote.result is VoteResult.ADOPTED


def test_votes_roll_call_by_name() -> None:
    [vote] = votes.parse_votes(
        "For: 3 (Bo Hilsted (A), Anne Jensen (V), Per Olsen (F)) Imod: 1 (Lis Holm (O))"
    )
    assert [(b.name, b.affiliation, b.choice) for b in vote.ballots] == [
        ("Bo Hilsted", "A", Choice.FOR),
        ("Anne Jensen", "V", Choice.FOR),
        ("Per Olsen", "F", Choice.FOR),
        ("Lis Holm", "O", Choice.AGAINST),
    ]
    assert vote.counts is not None and (vote.counts.for_, vote.counts.against) == (3, 1)


def test_votes_majority_and_reservation() -> None:
    text = "Et flertal (A+V+C+N) godkender indstillingen. 1 medlem (O) tager forbehold."
    [vote] = votes.parse_votes(text)
    assert vote.party_lines == {"for": ["A", "V", "C", "N"]}
    assert vote.result is VoteResult.ADOPTED
    [dissent] = dissents.parse_dissents(text)
    assert dissent.kind is DissentKind.FORBEHOLD and dissent.who == "O"


def test_votes_mixed_parties_and_names_in_one_decision() -> None:
    text = (
        "Byrådet godkendte administrationens indstilling 1.-3.\n"
        "Med stemmerne 12 for og ingen imod godkendte Byrådet indstilling 4. "
        "For stemte (V), (Ø), Liselott Blixt (UP-1) og Hans-Jørgen Kirstein (UP-2).\n"
        "(A), (C) og (F) undlod at tage stilling."
    )
    [vote] = votes.parse_votes(text)
    assert vote.party_lines == {"for": ["V", "Ø"], "abstain": ["A", "C", "F"]}
    assert [b.name for b in vote.ballots] == ["Liselott Blixt", "Hans-Jørgen Kirstein"]
    assert vote.counts is not None and vote.counts.against == 0


def test_votes_conflicting_statement_keeps_raw_text_only() -> None:
    [vote] = votes.parse_votes("For stemte: A og V. Imod stemte: A.")
    assert vote.party_lines == {} and vote.counts is None
    assert vote.raw_text == "For stemte: A og V. Imod stemte: A."


def test_no_vote_in_plain_decision() -> None:
    assert votes.parse_votes("Godkendt. Udvalget ønsker en ny sag om vikardækning.") == []


def test_mindretalsudtalelse() -> None:
    text = (
        "Udvalget godkender indstillingen.\n"
        "Linda Heegaard (SF) stemte imod med følgende mindretalsudtalelse:\n"
        "”SF stemmer imod, da opgaven har været for snæver.”"
    )
    [dissent] = dissents.parse_dissents(text)
    assert dissent.kind is DissentKind.MINDRETALSUDTALELSE
    assert dissent.who == "Linda Heegaard (SF)"
    assert dissent.text == "SF stemmer imod, da opgaven har været for snæver."
    [vote] = votes.parse_votes(text)
    assert vote.ballots[0].choice is Choice.AGAINST


def test_attendance_lines() -> None:
    facts = attendance.parse_attendance(
        "Godkendt.\nFraværende: Tina Rottbøll\n"
        "Thure Hastrup deltog ikke i sagens behandling.\n"
        "Bo Jensen (V) erklærede sig inhabil og forlod mødet under punktet."
    )
    assert [(a.name, a.kind) for a in facts.absences] == [
        ("Tina Rottbøll", AbsenceKind.ABSENT),
        ("Thure Hastrup", AbsenceKind.ABSENT),
        ("Bo Jensen", AbsenceKind.INHABIL),
    ]
    assert "Fraværende: Tina Rottbøll" in facts.notes
    assert "Fraværende" not in facts.remaining and facts.remaining.startswith("Godkendt.")


def test_case_history_entries() -> None:
    entries = decisions.parse_case_history(
        [
            "Udvalg: Magistraten",
            "Dato: 02-09-2025",
            "Punktnummer: 3",
            "Fremsendes til byrådet.",
            "Udvalg: Aarhus Byråd",
            "Dato: 10-09-2025",
            "Punktnummer: 2",
            "Tiltrådt.",
        ]
    )
    assert [(e.body, e.date, e.text) for e in entries] == [
        ("Magistraten", "02-09-2025", "Fremsendes til byrådet."),
        ("Aarhus Byråd", "10-09-2025", "Tiltrådt."),
    ]
    assert decisions.parse_case_history(["Bare almindelig tekst."]) == []


def test_assemble_item_places_every_block() -> None:
    item = assemble_item(
        "Lukket: Salg af grund",
        case_number="21-014420",
        lead="Indledende tekst",
        blocks=[
            ("Resume", "Kort resumé."),
            ("Indstilling", "1. at salget godkendes"),
            ("Beslutningskompetence", "Økonomiudvalget"),
            ("Beslutning i Økonomiudvalget den 02-05-2016", "Anbefales."),
            ("Beslutning i Byrådet den 20-05-2016", "Godkendt.\nFraværende: Bo Jensen (V)"),
            ("Bilag", "1. Kort\n2. Tilbud"),
        ],
    )
    assert item.closed and item.title == "Salg af grund"
    assert item.recommendation == "1. at salget godkendes"
    assert item.decision_authority == "Økonomiudvalget"
    assert item.decision == "Godkendt."
    assert [(d.body, d.date) for d in item.decision_history] == [
        ("Økonomiudvalget", "02-05-2016"),
        ("Byrådet", "20-05-2016"),
    ]
    assert item.attachments == ["Kort", "Tilbud"]
    assert [s.heading for s in item.sections] == ["", "Resume"]
    assert item.absences[0].name == "Bo Jensen"


def test_inhabil_and_not_taking_part_in_one_sentence_is_one_inhabil_entry() -> None:
    facts = attendance.parse_attendance(
        "Karen Holm (F) erklærede sig inhabil og deltog ikke i behandlingen af punktet."
    )
    assert [(a.name, a.kind) for a in facts.absences] == [("Karen Holm", AbsenceKind.INHABIL)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mette Lund var forhindret i at deltage i udvalgets behandling af sagen.",
        "Mette Lund deltog ikke i udvalgets behandling af sagen.",
        "Mette Lund deltog ikke i sagens behandling.",
    ],
)
def test_not_taking_part_phrasings(sentence: str) -> None:
    facts = attendance.parse_attendance("Indstillingen blev tiltrådt.\n" + sentence)
    assert [(a.name, a.kind) for a in facts.absences] == [("Mette Lund", AbsenceKind.ABSENT)]
    assert facts.remaining.startswith("Indstillingen blev tiltrådt.")


@pytest.mark.parametrize(
    ("decision", "postponed"),
    [
        ("Udsat.", True),
        ("Punktet blev udsat til næste møde.", True),
        ("Sagen udsættes.", True),
        ("Der var foretræde. Udvalget besluttede herefter at udsætte sagens behandling.", True),
        ("Godkendt. Udsættelse af byggeriet blev drøftet.", False),
        ("Tiltrådt.", False),
    ],
)
def test_postponed_decisions(decision: str, postponed: bool) -> None:
    item = assemble_item("Punkt", blocks=[("Beslutning", decision)])
    assert (item.status is ItemStatus.POSTPONED) == postponed
    assert item.postponed_reason == (decision if postponed else "")


def test_following_did_not_take_part_label() -> None:
    facts = attendance.parse_attendance(
        "Godkendt.\nFølgende deltog ikke i behandlingen af punktet: Bo Berg (V), Eva Dahl"
    )
    assert [a.name for a in facts.absences] == ["Bo Berg", "Eva Dahl"]
    assert facts.remaining == "Godkendt."
    empty = attendance.parse_attendance(
        "Godkendt.\nFølgende deltog ikke i behandlingen af punktet: "
    )
    assert empty.absences == [] and empty.remaining == "Godkendt."


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Bo Krag (A) (Borgmester)", ("Bo Krag", "A")),
        ("Lise Vig (V) (Næstformand)", ("Lise Vig", "V")),
        ("Anne Sø (F), formand", ("Anne Sø", "F")),
        ("Hans Formand (C)", ("Hans Formand", "C")),
    ],
)
def test_split_name_leaves_a_role_after_the_party_out(
    written: str, expected: tuple[str, str]
) -> None:
    """XML and JSON readers take a member's name field apart with `split_name`: a role after
    the party is never the party."""
    assert text.split_name(written) == expected
