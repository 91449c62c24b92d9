"""The JSON export: required field names, its published schema, redaction and lossless reading."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from meetingtui.demo import build_demo_meeting
from meetingtui.exporters import export
from meetingtui.exporters.json_export import json_schema, meeting_from_json, to_json_dict
from meetingtui.models import MeetingStatus
from tests.meetings import CHAIN_HEAD, CLOSED_CONTENT, CLOSED_SECRETS, recorded_meeting


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("public", [True, False])
def test_export_validates_against_the_published_schema(validator, public: bool) -> None:
    for meeting in (
        recorded_meeting(),
        recorded_meeting(status=MeetingStatus.OPEN),
        build_demo_meeting(),
    ):
        data = json.loads(export(meeting, "json", public=public, chain_head=CHAIN_HEAD))
        errors = sorted(validator.iter_errors(data), key=str)
        assert not errors, errors[0]


def test_schema_rejects_a_document_missing_a_required_field(validator) -> None:
    data = to_json_dict(recorded_meeting(), public=False)
    del data["items"][0]["votes"][0]["counts"]
    assert not validator.is_valid(data)
    data = to_json_dict(recorded_meeting(), public=False)
    del data["event_chain_head"]
    assert not validator.is_valid(data)


def test_required_field_names_and_values() -> None:
    data = to_json_dict(recorded_meeting(), public=False, chain_head=CHAIN_HEAD)
    assert data["body"] == "Økonomiudvalget"
    assert data["starts_at"] == "2017-01-03T16:30:00"
    assert data["status"] == "closed"
    assert data["event_chain_head"] == CHAIN_HEAD
    assert (
        data["participants"][0].items()
        >= {
            "name": "Carsten Rasmussen",
            "affiliation": "A",
            "role": "formand",
            "attendance": "present",
        }.items()
    )
    item = data["items"][0]
    assert item["number"] == "1" and item["case_number"] == "16/16318"
    assert item["sections"][0] == {
        "heading": "Resumé",
        "text": "Administrationen forelægger budgetopfølgningen.",
        "blocks": [],  # text typed into the app has no structure of its own
    }
    assert item["absent"][0]["name"] == "Jens Bak" and item["absent"][0]["kind"] == "inhabil"
    amendment, named = item["votes"]
    assert amendment["motion"] == "Rammen hæves med 2 mio. kr."
    assert amendment["counts"] == {"for": 2, "against": 7, "abstain": 1}
    assert named["result"] == "adopted"
    assert named["ballots"][0].items() >= {"name": "Carsten Rasmussen", "choice": "for"}.items()
    assert item["dissents"][0]["text"] == "Rammen er for lav."


def test_public_json_holds_nothing_of_closed_items() -> None:
    text = export(recorded_meeting(), "json", public=True).decode()
    for secret in CLOSED_CONTENT:
        assert secret not in text
    closed = json.loads(text)["items"][4]
    assert closed["closed"] is True and closed["title"] == "Grundsalg Kildebakken"
    assert closed["sections"] == [] and closed["decision"] == "" and closed["votes"] == []
    hidden = export(recorded_meeting(), "json", public=True, show_closed_titles=False).decode()
    for secret in CLOSED_SECRETS:
        assert secret not in hidden


def test_internal_json_reads_back_losslessly() -> None:
    meeting = recorded_meeting()
    first = to_json_dict(meeting, public=False, chain_head=CHAIN_HEAD)
    again = meeting_from_json(json.loads(json.dumps(first)))
    assert again == meeting
    assert to_json_dict(again, public=False, chain_head=CHAIN_HEAD) == first
    # A vote with counts derived from ballots keeps "no recorded counts" on the way back.
    meeting.items[0].votes[1].counts = None
    data = to_json_dict(meeting, public=False)
    assert data["items"][0]["votes"][1]["counts"] == {"for": 5, "against": 2, "abstain": 1}
    assert meeting_from_json(data).items[0].votes[1].counts is None
