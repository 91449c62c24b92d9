"""The JSON export: the complete record under stable field names, and its JSON Schema.

The document is the record's own JSON form (every field of every model, ids included) with a few
names changed or added for readers that do not know the models: `absent` for an item's
absences, and per vote `motion` (what was voted on) and `counts` always filled in. The internal
export is lossless: `meeting_from_json(to_json_dict(m, public=False))` equals `m`.

Version 2 carries the structure of imported text: each section's `blocks` (paragraphs with
bold and italic runs, lists, tables with their header rows) beside its plain `text`, an
imported item's `layout` (its headings in the source's order) and a decision entry's
`number`. Version 1 documents are read too; they hold plain text only. Version 4 adds an
item's `decided_at`; documents of versions 1 to 3 have none and are read as records without it.
"""

from __future__ import annotations

from typing import Any

from meetingtui.exporters.redact import prepare, public_item_dict
from meetingtui.exporters.referat import effective_counts, is_draft
from meetingtui.models import AgendaItem, Meeting, Vote

FORMAT_NAME = "meetingtui.referat"
# 2: imported text keeps its structure (sections' blocks, items' layout).
# 3: ballots' choices and attendance follow GLOSSARY.md (against/abstain, absent; versions 1
#    and 2 wrote imod/undlod and fravaerende). Earlier versions are still imported.
# 4: an item's `decided_at`, the moment its decision was recorded (the quorum's moment); a
#    reader of version 3 refuses the field, so the version says it is there.
FORMAT_VERSION = 4
READABLE_VERSIONS = (1, 2, 3, 4)
SCHEMA_ID = "https://meetingtui.dk/schemas/referat-4.json"

# Keys the export adds on top of the record; a reader removes them before validating.
_EXTRA_TOP = ("format", "format_version", "public", "draft", "event_chain_head")


def _vote_dict(item: AgendaItem, vote: Vote, data: dict[str, Any]) -> dict[str, Any]:
    motion = item.motion(vote.motion_id) if vote.motion_id is not None else None
    counts = effective_counts(vote)
    data["motion"] = motion.text if motion is not None else (vote.description or None)
    data["counts_recorded"] = vote.counts is not None
    data["counts"] = (
        counts.model_dump(mode="json", by_alias=True)
        if counts is not None
        else {"for": 0, "against": 0, "abstain": 0}
    )
    return data


def _item_dict(item: AgendaItem, data: dict[str, Any]) -> dict[str, Any]:
    data["absent"] = data.pop("absences")
    data["votes"] = [_vote_dict(item, v, d) for v, d in zip(item.votes, data["votes"], strict=True)]
    return data


def to_json_dict(
    meeting: Meeting, *, public: bool = True, chain_head: str = "", show_closed_titles: bool = True
) -> dict[str, Any]:
    """The export as a JSON-ready dict; public exports hold nothing of closed items."""
    prepared = prepare(meeting, public=public, show_closed_titles=show_closed_titles)
    record = prepared.model_dump(mode="json", by_alias=True)
    record["items"] = [
        _item_dict(item, data) for item, data in zip(prepared.items, record["items"], strict=True)
    ]
    if public:
        record["items"] = [public_item_dict(d) if d["closed"] else d for d in record["items"]]
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "public": public,
        "draft": is_draft(prepared),
        **record,
        "event_chain_head": chain_head,
    }


def meeting_from_json(data: dict[str, Any]) -> Meeting:
    """The record back from an (internal) JSON export; raises pydantic.ValidationError if broken."""
    record = {k: v for k, v in data.items() if k not in _EXTRA_TOP}
    items = []
    for item in record.get("items", []):
        item = dict(item)
        item["absences"] = item.pop("absent", [])
        votes = []
        for vote in item.get("votes", []):
            vote = dict(vote)
            vote.pop("motion", None)
            recorded = vote.pop("counts_recorded", True)
            if not recorded:
                vote["counts"] = None
            votes.append(vote)
        item["votes"] = votes
        items.append(item)
    record["items"] = items
    return Meeting.model_validate(record)


# --- schema ----------------------------------------------------------------------------------

_STR = {"type": "string"}
_STR_NULL = {"type": ["string", "null"]}
_INT_NULL = {"type": ["integer", "null"]}
_DATETIME = {"type": "string", "format": "date-time"}
_DATETIME_NULL = {"type": ["string", "null"], "format": "date-time"}


def _obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": required if required is not None else list(properties),
    }


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def _content_block() -> dict[str, Any]:
    """A paragraph, list or table of imported text, as the source laid it out."""
    run = _obj({"text": _STR, "bold": {"type": "boolean"}, "italic": {"type": "boolean"}}, ["text"])
    return {
        "oneOf": [
            _obj({"type": {"const": "paragraph"}, "runs": _array(run)}, ["type", "runs"]),
            _obj(
                {
                    "type": {"const": "list"},
                    "ordered": {"type": "boolean"},
                    "start": {"type": "integer"},
                    "numbering": {"enum": ["decimal", "lower-letter", "upper-letter"]},
                    "items": _array(
                        _obj({"runs": _array(run), "level": {"type": "integer"}}, ["runs"])
                    ),
                },
                ["type", "ordered", "items"],
            ),
            _obj(
                {
                    "type": {"const": "table"},
                    "rows": _array(_array(_STR)),
                    "header_rows": {"type": "integer", "minimum": 0},
                },
                ["type", "rows"],
            ),
        ]
    }


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the export. Readers may rely on every required name."""
    counts = _obj({n: {"type": "integer", "minimum": 0} for n in ("for", "against", "abstain")})
    ballot = _obj(
        {
            "name": _STR,
            "choice": {"enum": ["for", "against", "abstain"]},
            "affiliation": _STR,
            "participant_id": _INT_NULL,
        },
        ["name", "choice"],
    )
    vote = _obj(
        {
            "id": {"type": "integer"},
            "motion": _STR_NULL,
            "motion_id": _INT_NULL,
            "description": _STR,
            "is_open": {"type": "boolean"},
            "result": {"enum": ["adopted", "rejected", None]},
            "counts": counts,
            "counts_recorded": {"type": "boolean"},
            "ballots": _array(ballot),
            "party_lines": {"type": "object", "additionalProperties": _array(_STR)},
            "raw_text": _STR,
        },
        ["motion", "result", "counts", "ballots"],
    )
    section = _obj(
        {"heading": _STR, "text": _STR, "blocks": _array(_content_block())}, ["heading", "text"]
    )
    part = _obj(
        {
            "kind": {
                "enum": [
                    "text",
                    "section",
                    "recommendation",
                    "authority",
                    "decision",
                    "attachments",
                    "history",
                    "attendance",
                ]
            },
            "heading": _STR,
            "index": {"type": "integer"},
            "blocks": _array(_content_block()),
        },
        ["kind", "heading"],
    )
    dissent = _obj(
        {
            "id": {"type": "integer"},
            "kind": {"enum": ["protokoltilførsel", "mindretalsudtalelse", "forbehold"]},
            "participant_id": _INT_NULL,
            "who": _STR,
            "text": _STR,
        },
        ["who", "text"],
    )
    absence = _obj(
        {
            "participant_id": _INT_NULL,
            "name": _STR,
            "kind": {"enum": ["absent", "inhabil"]},
            "reason": _STR,
        },
        ["name", "kind"],
    )
    item = _obj(
        {
            "id": {"type": "integer"},
            "number": _STR,
            "title": _STR,
            "case_number": _STR,
            "closed": {"type": "boolean"},
            "sections": _array(section),
            "recommendation": _STR,
            "decision_authority": _STR,
            "decision": _STR,
            "decided_at": _DATETIME_NULL,
            "public_decision": _STR,
            "decision_history": _array(
                _obj(
                    {"body": _STR, "date": _STR, "text": _STR, "number": _STR},
                    ["body", "date", "text"],
                )
            ),
            "layout": _array(part),
            "status": {"enum": ["pending", "current", "decided", "postponed", "withdrawn"]},
            "attachments": _array(_STR),
            "votes": _array(vote),
            "elections": _array({"type": "object"}),
            "motions": _array({"type": "object"}),
            "dissents": _array(dissent),
            "absent": _array(absence),
        },
        [
            "number",
            "title",
            "case_number",
            "closed",
            "sections",
            "recommendation",
            "decision",
            "votes",
            "dissents",
            "absent",
        ],
    )
    participant = _obj(
        {
            "id": {"type": "integer"},
            "name": _STR,
            "affiliation": _STR,
            "role": {"enum": ["formand", "næstformand", "medlem", "stedfortræder", "observatør"]},
            "votes": {"type": "boolean"},
            "attendance": {"enum": ["unknown", "present", "afbud", "absent"]},
            "substitute_for": _INT_NULL,
            "movements": _array({"type": "object"}),
        },
        ["name", "affiliation", "role", "attendance"],
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "meetingtui referat",
        "description": (
            "The complete record of a municipal committee meeting. A public export reduces "
            "closed items to number and (optionally) title."
        ),
        **_obj(
            {
                "format": {"const": FORMAT_NAME},
                "format_version": {"const": FORMAT_VERSION},
                "public": {"type": "boolean"},
                "draft": {"type": "boolean"},
                "body": {"type": "string", "minLength": 1},
                "municipality": _STR,
                "title": _STR,
                "starts_at": _DATETIME,
                "ends_at": _DATETIME_NULL,
                "location": _STR,
                "status": {"enum": ["planned", "open", "closed", "approved"]},
                "participants": _array(participant),
                "items": _array(item),
                # Each stretch an item was under treatment, in the order they happened.
                "item_sessions": _array(
                    _obj(
                        {
                            "item_id": {"type": "integer"},
                            "started_at": _DATETIME,
                            "ended_at": _DATETIME_NULL,
                        },
                        ["item_id", "started_at"],
                    )
                ),
                "event_chain_head": {"type": "string", "pattern": "^([0-9a-fA-F]{64})?$"},
            },
            [
                "body",
                "title",
                "starts_at",
                "location",
                "status",
                "participants",
                "items",
                "event_chain_head",
            ],
        ),
    }
