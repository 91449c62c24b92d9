"""Round trip: a generated meeting, exported as meetingtui JSON, imported through the archive,
comes back equal (only the database id and the source file name are new)."""

from __future__ import annotations

import tempfile
import unicodedata
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetingtui import importers
from meetingtui.archive import FileStatus, import_paths
from meetingtui.exporters import export
from meetingtui.models import (
    AbsenceKind,
    AgendaItem,
    Attendance,
    Ballot,
    Choice,
    DecisionEntry,
    Dissent,
    DissentKind,
    DocumentKind,
    ItemAbsence,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Participant,
    Section,
    Vote,
    VoteCounts,
    VoteResult,
)
from meetingtui.storage.db import connect
from meetingtui.storage.records import load_meeting

_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), max_size=60
).map(lambda s: unicodedata.normalize("NFC", s))
_NAME = st.from_regex(r"[A-ZÆØÅ][a-zæøå]{1,8} [A-ZÆØÅ][a-zæøå]{1,10}", fullmatch=True)
_WHEN = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1)).map(
    lambda d: d.replace(microsecond=0)
)


@st.composite
def meetings(draw: st.DrawFn) -> Meeting:
    people = [
        Participant(
            id=n + 1,
            name=draw(_NAME),
            affiliation=draw(st.sampled_from(["A", "V", "C", "F", "Ø", "LEUF", ""])),
            attendance=draw(st.sampled_from(list(Attendance))),
        )
        for n in range(draw(st.integers(1, 5)))
    ]
    items = []
    vote_id = dissent_id = 0
    for n in range(draw(st.integers(1, 4))):
        votes = []
        for _ in range(draw(st.integers(0, 2))):
            vote_id += 1
            voter = draw(st.sampled_from(people))
            votes.append(
                Vote(
                    id=vote_id,
                    is_open=False,
                    counts=VoteCounts(
                        for_=draw(st.integers(0, 31)), against=draw(st.integers(0, 31))
                    ),
                    party_lines={"for": ["A", "V"], "against": ["Ø"]},
                    ballots=[
                        Ballot(
                            participant_id=voter.id,
                            name=voter.name,
                            affiliation=voter.affiliation,
                            choice=draw(st.sampled_from(list(Choice))),
                        )
                    ],
                    result=draw(st.sampled_from(list(VoteResult))),
                    raw_text=draw(_TEXT),
                )
            )
        dissents = []
        if draw(st.booleans()):
            dissent_id += 1
            dissents.append(
                Dissent(
                    id=dissent_id,
                    kind=draw(st.sampled_from(list(DissentKind))),
                    who=people[0].label,
                    participant_id=people[0].id,
                    text=draw(_TEXT),
                )
            )
        decision = draw(_TEXT)
        items.append(
            AgendaItem(
                id=n + 1,
                number=str(draw(st.integers(1, 999))),
                title=draw(_TEXT) or "Punkt",
                case_number=draw(st.from_regex(r"(\d\d-\d{6})?", fullmatch=True)),
                closed=draw(st.booleans()),
                sections=[
                    Section(heading=draw(_TEXT), text=draw(_TEXT))
                    for _ in range(draw(st.integers(0, 3)))
                ],
                recommendation=draw(_TEXT),
                decision_authority=draw(_TEXT),
                attachments=draw(st.lists(_TEXT.filter(bool), max_size=2)),
                status=ItemStatus.DECIDED if decision else ItemStatus.PENDING,
                decision=decision,
                decision_history=[
                    DecisionEntry(body=draw(_TEXT), date="20-06-2013", text=draw(_TEXT))
                    for _ in range(draw(st.integers(0, 2)))
                ],
                absences=[
                    ItemAbsence(
                        participant_id=people[-1].id,
                        name=people[-1].name,
                        kind=draw(st.sampled_from(list(AbsenceKind))),
                        reason=draw(_TEXT),
                    )
                ]
                if draw(st.booleans())
                else [],
                votes=votes,
                dissents=dissents,
                attendance_notes=draw(st.lists(_TEXT, max_size=2)),
                unplaced=draw(st.lists(_TEXT, max_size=2)),
            )
        )
    return Meeting(
        body=draw(_TEXT.filter(lambda s: bool(s.strip()))),
        title=draw(_TEXT),
        starts_at=draw(_WHEN),
        location=draw(_TEXT),
        status=MeetingStatus.CLOSED,
        document_kind=draw(st.sampled_from([DocumentKind.REFERAT, DocumentKind.DAGSORDEN])),
        participants=people,
        items=items,
        unplaced=draw(st.lists(_TEXT, max_size=2)),
    )


def _comparable(meeting: Meeting) -> dict:
    return meeting.model_dump(mode="json", exclude={"id", "source"})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meeting=meetings())
def test_export_then_import_gives_the_same_meeting(meeting: Meeting) -> None:
    data = export(meeting, "json", public=False)
    fmt, [back] = importers.parse(data, source="m.json")
    assert fmt == "meetingtui"
    assert _comparable(back) == _comparable(meeting)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(meeting=meetings())
def test_round_trip_through_the_archive(tmp_path: Path, meeting: Meeting) -> None:
    # Hypothesis may draw the same meeting twice: every example gets a fresh folder.
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = folder / "export.json"
    path.write_bytes(export(meeting, "json", public=False))
    db = folder / "archive.db"
    summary = import_paths(db, [path], workers=1)
    [result] = summary.files
    assert result.status is FileStatus.IMPORTED, result.reason
    conn = connect(db)
    try:
        stored = load_meeting(conn, result.meeting_ids[0])
    finally:
        conn.close()
    assert _comparable(stored) == _comparable(meeting)
    # Importing the same export again changes nothing.
    assert import_paths(db, [path], workers=1).files[0].status is FileStatus.PRESENT
