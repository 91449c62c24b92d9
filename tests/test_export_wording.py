"""Wording as Danish referats write it: times, dates, the decision heading for any body name or
the committee's own formula, vote lines that stay unambiguous, dissents, the signature page."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.errors import InputError
from meetingtui.exporters.docx import render_docx
from meetingtui.exporters.formulas import formula_for, load_formulas
from meetingtui.exporters.markdown import to_markdown
from meetingtui.exporters.phrasing import body_in_text, count_line, roll_call_rows, written_date
from meetingtui.models import (
    AbsenceKind,
    AgendaItem,
    Attendance,
    Ballot,
    Choice,
    Dissent,
    DissentKind,
    ItemAbsence,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Participant,
    Vote,
)
from meetingtui.service import import_meeting
from meetingtui.storage.db import connect
from tests import lejre_2017_01_03 as lejre
from tests.meetings import recorded_meeting


def _texts(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


@pytest.mark.parametrize(
    ("body", "in_text"),
    [
        ("Byråd 2022-2025", "Byrådet"),
        ("Kommunalbestyrelse", "Kommunalbestyrelsen"),
        ("Økonomiudvalg", "Økonomiudvalget"),
        ("Økonomiudvalget", "Økonomiudvalget"),
        ("Handicapråd (2018-2021)", "Handicaprådet"),
        (
            "Udvalget for plan, udvikling og kultur (PUK)",
            "Udvalget for plan, udvikling og kultur (PUK)",
        ),
        ("17, stk. 4-udvalget", "17, stk. 4-udvalget"),
        ("Skole-, Børne- og Ungeudvalget", "Skole-, Børne- og Ungeudvalget"),
    ],
)
def test_the_body_as_a_sentence_names_it(body: str, in_text: str) -> None:
    assert body_in_text(body) == in_text


def test_decision_heading_reads_well_and_dates_are_long() -> None:
    item = AgendaItem(id=1, number="1", title="Sag", decision="Godkendt.")
    meeting = Meeting(
        body="Byråd 2022-2025",
        starts_at=datetime(2023, 5, 15, 17, 0),
        closed_at=datetime(2023, 5, 15, 18, 40),
        status=MeetingStatus.CLOSED,
        items=[item],
    )
    texts = _texts(render_docx(meeting))
    assert "Beslutning i Byrådet den 15. maj 2023" in texts
    assert "mandag den 15. maj 2023 kl. 17.00" in texts
    assert "Mødet sluttede kl. 18.40." in texts
    assert written_date("20-06-2013") == "20. juni 2013"
    assert written_date("3. januar 2017") == "3. januar 2017"


def test_a_title_that_says_extraordinary_is_not_said_twice() -> None:
    # Syddjurs' Acadre referat is titled "Ekstraordinært PUK"; its title block read
    # "Ekstraordinært PUK" and then "Ekstraordinært møde".
    meeting = Meeting(
        body="Udvalget for plan, udvikling og kultur (PUK)",
        title="Ekstraordinært PUK",
        kind=MeetingKind.EKSTRAORDINAERT,
        starts_at=datetime(2013, 6, 20, 10, 30),
        items=[AgendaItem(id=1, number="715", title="Kulturkommune 2017")],
    )
    texts = _texts(render_docx(meeting))
    assert "Ekstraordinært PUK" in texts and "Ekstraordinært møde" not in texts
    meeting.title = "Møde nr. 4"
    assert "Ekstraordinært møde" in _texts(render_docx(meeting))


def test_committee_formula_from_referat_toml(tmp_path: Path) -> None:
    path = tmp_path / "referat.toml"
    path.write_text(
        '[beslutning]\n"*" = "Beslutning i {udvalg} den {dato}"\n'
        '"Byråd 2022-2025" = "Byrådets beslutning den {dato}"\n',
        encoding="utf-8",
    )
    formulas = load_formulas(path)
    assert formula_for(formulas, "Byråd 2022-2025") == "Byrådets beslutning den {dato}"
    assert formula_for(formulas, "Økonomiudvalget") == "Beslutning i {udvalg} den {dato}"
    data = render_docx(
        recorded_meeting(), decision_formula="Økonomiudvalgets beslutning den {dato}"
    )
    assert "Økonomiudvalgets beslutning den 3. januar 2017" in _texts(data)


def test_a_formula_with_an_unknown_field_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "referat.toml"
    path.write_text('[beslutning]\n"Byrådet" = "Beslutning {body} den {dato}"\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_formulas(path)
    assert caught.value.message == (
        f"{path}: beslutningsformlen for Byrådet kan ikke bruges ({{body}}); "
        "brug {udvalg} og {dato}."
    )


def test_export_command_uses_the_formula_in_the_config_directory(
    db_path: Path, tmp_path: Path, monkeypatch
) -> None:
    config = tmp_path / "config"
    (config / "meetingtui").mkdir(parents=True)
    (config / "meetingtui" / "referat.toml").write_text(
        '[beslutning]\n"Økonomiudvalget" = "Udvalgets beslutning den {dato}"\n', encoding="utf-8"
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    conn = connect(db_path)
    meeting_id = import_meeting(conn, recorded_meeting(), content_hash="x")
    conn.close()
    target = tmp_path / "referat.docx"
    result = CliRunner().invoke(
        main,
        ["--db", str(db_path), "export", str(meeting_id), "--no-toc-pages", "-o", str(target)],
    )
    assert result.exit_code == 0, result.output
    assert "Udvalgets beslutning den 3. januar 2017" in [
        p.text for p in docx.Document(target).paragraphs
    ]


def test_vote_lines_name_people_without_party_letters_unambiguously() -> None:
    vote = Vote(
        id=1,
        is_open=False,
        ballots=[
            Ballot(name="Mette Holm", affiliation="A", choice=Choice.FOR),
            Ballot(name="Gert Fabrin", affiliation="Lejre Lokalråd, Bramsnæs", choice=Choice.FOR),
            Ballot(name="Louise Holm", affiliation="Grønt råd", choice=Choice.FOR),
            Ballot(name="Peter Vang", affiliation="V", choice=Choice.AGAINST),
            Ballot(name="Keld Mortensen", choice=Choice.AGAINST),
        ],
    )
    # A comma inside the parentheses does not split the list, so it reads "A, B og C"; a lone
    # party member among members of organisations is named.
    assert count_line(vote) == (
        "For stemte: Mette Holm (A), Gert Fabrin (Lejre Lokalråd, Bramsnæs) og Louise Holm "
        "(Grønt råd) (3). Imod stemte: Peter Vang (V) og Keld Mortensen (2)."
    )


def test_a_name_with_a_comma_of_its_own_keeps_the_list_unambiguous() -> None:
    vote = Vote(
        id=1,
        is_open=False,
        ballots=[
            Ballot(name="Lejre Erhvervsforum, LEUF", choice=Choice.FOR),
            Ballot(name="Louise Holm", affiliation="Grønt råd", choice=Choice.FOR),
            Ballot(name="Gert Fabrin", affiliation="Lokalråd", choice=Choice.FOR),
        ],
    )
    assert count_line(vote) == (
        "For stemte: Lejre Erhvervsforum, LEUF; Louise Holm (Grønt råd) og Gert Fabrin "
        "(Lokalråd) (3)."
    )


def _committee_of_organisations() -> Meeting:
    """Lejre's 17, stk. 4-udvalg of 3 January 2017: two members sit for parties (A and O), the
    others for organisations; a named vote with one against."""
    people = [
        Participant(id=n, name=m.name, affiliation=m.affiliation, attendance=Attendance.PRESENT)
        for n, m in enumerate(lejre.MEMBERS, start=1)
        if m.role != "observatør"
    ]
    against = "Louise Holm"
    bitten = next(p for p in people if p.name == "Bitten Persson")
    away = people[-1]
    voters = [p for p in people if p not in (bitten, away)]
    item = AgendaItem(
        id=1,
        number="3",
        title="Introduktion til arbejdet",
        decision="Taget til efterretning.",
        absences=[
            ItemAbsence(
                participant_id=bitten.id,
                name=bitten.name,
                kind=AbsenceKind.INHABIL,
                reason="Hun har selv søgt stillingen.",
            ),
            ItemAbsence(
                participant_id=away.id,
                name=away.name,
                reason="Gik under punktet for at hente sit barn.",
            ),
        ],
        dissents=[Dissent(id=1, who=against, participant_id=9, text="Processen er for kort.")],
    )
    item.votes = [
        Vote(
            id=1,
            is_open=False,
            ballots=[
                Ballot(
                    participant_id=p.id,
                    name=p.name,
                    affiliation=p.affiliation,
                    choice=Choice.AGAINST if p.name == against else Choice.FOR,
                )
                for p in voters
            ],
        )
    ]
    return Meeting(
        body=lejre.BODY,
        starts_at=datetime(2017, 1, 3, 16, 30),
        participants=people,
        items=[item],
    )


COMMITTEE_VOTE = (
    "Afstemning: For stemte: Carsten Rasmussen (A), Ole Blickfeldt (O), Christina Knudsen "
    "(Områdebestyrelse, dagtilbud), Kristina Garth Grüner (Skolebestyrelse), Keld Mortensen "
    "(Ældrerådet), Jan Andersen (Handicaprådet), Lars Holten (LEUF), Gert Fabrin (Lokalråd) og "
    "Helle Klink (Kommunal medarbejder) (9). "
    "Imod stemte: Louise Holm (Grønt råd) (1)."
)
COMMITTEE_INHABIL = (
    "Bitten Persson (Kommunal leder) deltog ikke i behandlingen af punktet på grund af "
    "inhabilitet (Hun har selv søgt stillingen)."
)
COMMITTEE_ABSENT = (
    "Søren Kræmer (Foreningslivet) deltog ikke i behandlingen af punktet (Gik under punktet for "
    "at hente sit barn)."
)


def test_a_committee_of_organisations_names_every_voter() -> None:
    # The referat read "For stemte: A; LEUF; Christina Knudsen (…); …": Carsten Rasmussen
    # was only "A", the organisation LEUF was taken for a party, and the list used semicolons.
    meeting = _committee_of_organisations()
    texts = _texts(render_docx(meeting))
    assert COMMITTEE_VOTE in texts
    # Everyone is named in the line, so no roll-call table repeats them.
    assert not docx.Document(io.BytesIO(render_docx(meeting))).tables
    assert "**" + COMMITTEE_VOTE.replace(": ", ":** ", 1) in to_markdown(meeting).splitlines()


def test_a_party_block_is_kept_where_it_shortens_the_line() -> None:
    vote = Vote(
        id=1,
        is_open=False,
        ballots=[
            Ballot(name="Carsten Rasmussen", affiliation="A", choice=Choice.FOR),
            Ballot(name="Mette Holm", affiliation="A", choice=Choice.FOR),
            Ballot(name="Lars Holten", affiliation="LEUF", choice=Choice.FOR),
            Ballot(name="Ole Blickfeldt", affiliation="O", choice=Choice.AGAINST),
        ],
    )
    assert count_line(vote) == (
        "For stemte: A og Lars Holten (LEUF) (3). Imod stemte: Ole Blickfeldt (O) (1)."
    )
    # The block hides two names, so the roll call names them.
    assert roll_call_rows(vote)[0] == (
        "For",
        "3",
        "Carsten Rasmussen (A)\nMette Holm (A)\nLars Holten (LEUF)",
    )


def test_item_absences_carry_the_label_and_one_full_stop() -> None:
    meeting = _committee_of_organisations()
    texts = _texts(render_docx(meeting))
    assert COMMITTEE_INHABIL in texts
    assert COMMITTEE_ABSENT in texts
    assert (
        "Louise Holm (Grønt råd) ønskede følgende tilført protokollen: ”Processen er for kort.”"
    ) in texts
    markdown = to_markdown(meeting)
    assert COMMITTEE_INHABIL in markdown and COMMITTEE_ABSENT in markdown
    assert ".)." not in markdown


def test_dissents_as_danish_referats_write_them() -> None:
    meeting = recorded_meeting()
    item = meeting.items[0]
    item.dissents = [
        Dissent(id=1, who="O", participant_id=11, text="Rammen er for lav."),
        Dissent(id=2, kind=DissentKind.MINDRETALSUDTALELSE, who="SF", text="Vi ønsker mere."),
        Dissent(id=3, kind=DissentKind.FORBEHOLD, who="C"),
    ]
    texts = _texts(render_docx(meeting))
    assert "Hanne Skov (O) ønskede følgende tilført protokollen: ”Rammen er for lav.”" in texts
    assert "(SF) stemte imod med følgende mindretalsudtalelse: ”Vi ønsker mere.”" in texts
    assert "(C) tager forbehold." in texts


def test_signature_page_has_two_columns_of_those_present() -> None:
    meeting = recorded_meeting()
    meeting.participants.append(
        Participant(id=20, name="Aase Afbud", affiliation="B", attendance=Attendance.AFBUD)
    )
    data = render_docx(meeting)
    document = docx.Document(io.BytesIO(data))
    signers = [p for p in document.paragraphs if p.style.name == "Underskrift"]
    names = [p.text.split("\n")[1] for p in signers]
    assert "Aase Afbud (B)" not in names and "Lars Holten (LEUF)" not in names
    assert "Hanne Skov (O), stedfortræder" in names
    # The last signer closes a section of two columns that starts after the introduction.
    columns = signers[-1]._p.xpath("./w:pPr/w:sectPr/w:cols/@w:num")
    assert columns == ["2"]
    before = signers[0]._p.getprevious()
    assert before.xpath("./w:pPr/w:sectPr")  # the main section ends just before the signers
