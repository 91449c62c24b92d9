"""The Popolo export validated against the published Popolo schemas (draft-03).

The schemas are read from ../shared/schemas/popolo, never copied into this repository; the test
skips when they are not there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meetingtui.demo import build_demo_meeting
from meetingtui.exporters import export
from meetingtui.exporters.popolo import popolo_datetime, to_popolo
from tests.meetings import CHAIN_HEAD, CLOSED_CONTENT, recorded_meeting

SCHEMAS = Path(__file__).resolve().parents[1].parent / "shared" / "schemas" / "popolo"
BASE = "http://www.popoloproject.com/schemas/"
COLLECTIONS = {
    "persons": "person",
    "organizations": "organization",
    "memberships": "membership",
    "events": "event",
    "motions": "motion",
    "vote_events": "vote_event",
}


@pytest.fixture(scope="module")
def validators() -> dict[str, object]:
    if not SCHEMAS.is_dir():
        pytest.skip(f"Popolo schemas not found at {SCHEMAS} (../shared/schemas/popolo)")
    from jsonschema import Draft3Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT3

    resources = []
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (BASE + path.name, Resource.from_contents(contents, default_specification=DRAFT3))
        )
        resources.append(
            (BASE + path.name + "#", Resource.from_contents(contents, default_specification=DRAFT3))
        )
    registry = Registry().with_resources(resources)
    return {
        collection: Draft3Validator(
            json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8")), registry=registry
        )
        for collection, name in COLLECTIONS.items()
    }


@pytest.mark.parametrize("public", [True, False])
def test_popolo_validates(validators, public: bool) -> None:
    for meeting, has_votes in ((recorded_meeting(), True), (build_demo_meeting(), False)):
        data = json.loads(export(meeting, "popolo", public=public, chain_head=CHAIN_HEAD))
        for collection, validator in validators.items():
            assert data[collection] or not has_votes, f"{collection} is empty"
            for entry in data[collection]:
                errors = list(validator.iter_errors(entry))
                assert not errors, (collection, entry.get("id"), errors[0].message)


def test_validator_catches_a_broken_document(validators) -> None:
    data = to_popolo(recorded_meeting(), public=False)
    data["vote_events"][0]["counts"][0]["value"] = "two"
    assert not validators["vote_events"].is_valid(data["vote_events"][0])
    data["events"][0]["start_date"] = "3. januar 2017"
    assert not validators["events"].is_valid(data["events"][0])


def test_popolo_content() -> None:
    data = to_popolo(recorded_meeting(), public=False, chain_head=CHAIN_HEAD)
    persons = {p["id"]: p["name"] for p in data["persons"]}
    assert persons["person/1"] == "Carsten Rasmussen"
    committee = next(o for o in data["organizations"] if o["classification"] == "committee")
    assert committee["name"] == "Økonomiudvalget"
    assert {o["name"] for o in data["organizations"] if o["classification"] == "party"} >= {
        "A",
        "V",
    }
    chair = next(m for m in data["memberships"] if m["person_id"] == "person/1")
    assert chair["role"] == "formand" and chair["on_behalf_of_id"] == "organization/group-a"
    named = next(v for v in data["vote_events"] if v["id"] == "vote_event/1-2")
    assert named["result"] == "pass"
    assert named["motion_id"] == "motion/1-1"
    assert {c["option"]: c["value"] for c in named["counts"]} == {"yes": 5, "no": 2, "abstain": 1}
    assert {"voter_id": "person/6", "option": "no", "group_id": "organization/group-v"} in named[
        "votes"
    ]
    amendment = next(v for v in data["vote_events"] if v["id"] == "vote_event/1-1")
    assert amendment["result"] == "fail" and amendment["votes"] == []
    motions = {m["id"]: m for m in data["motions"]}
    assert motions["motion/1-2"]["classification"] == "ændringsforslag"
    assert motions["motion/5-vote-3"]["text"] == "Hemmeligtilbud Nordvest"  # internal: all
    assert data["events"][0]["start_date"] == "2017-01-03T16:30:00+01:00"
    assert data["meta"]["event_chain_head"] == CHAIN_HEAD


def test_public_popolo_holds_nothing_of_closed_items() -> None:
    text = export(recorded_meeting(), "popolo", public=True).decode()
    for secret in CLOSED_CONTENT:
        assert secret not in text
    assert '"vote_event/5-3"' not in text


def test_popolo_datetime_has_an_offset() -> None:
    from datetime import datetime

    assert popolo_datetime(datetime(2017, 7, 3, 16, 30)) == "2017-07-03T16:30:00+02:00"
    assert popolo_datetime(None) is None
