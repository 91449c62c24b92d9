"""The state tables' columns, in the order their rows are written and read, and which tables
hold a meeting's rows and an item's (the projection in `records.py`, `verify` and the tests all
read them from here)."""

from __future__ import annotations

from meetingtui.storage import speaker_rows

COLUMNS: dict[str, tuple[str, ...]] = {
    "meetings": (
        "id",
        "body",
        "municipality",
        "title",
        "kind",
        "starts_at",
        "ends_at",
        "location",
        "status",
        "opened_at",
        "closed_at",
        "approved_at",
        "current_item_id",
        "document_kind",
        "source",
        "content_hash",
        "unplaced",
        "ocr",
        "agenda_changes",
        "reopenings",
        "item_sessions",
    ),
    "participants": (
        "meeting_id",
        "id",
        "position",
        "name",
        "affiliation",
        "role",
        "votes",
        "attendance",
        "substitute_for",
    ),
    "movements": ("meeting_id", "participant_id", "position", "kind", "at", "item_id"),
    "items": (
        "meeting_id",
        "id",
        "position",
        "number",
        "title",
        "case_number",
        "closed",
        "recommendation",
        "decision_authority",
        "status",
        "decision",
        "started_at",
        "ended_at",
        "postponed_reason",
        "attendance_notes",
        "unplaced",
        "public_decision",
        "layout",
        "decided_at",
    ),
    "sections": ("meeting_id", "item_id", "position", "heading", "text", "blocks"),
    "attachments": ("meeting_id", "item_id", "position", "title"),
    "decision_history": ("meeting_id", "item_id", "position", "body", "date", "text", "number"),
    "item_absences": (
        "meeting_id",
        "item_id",
        "position",
        "participant_id",
        "name",
        "kind",
        "reason",
    ),
    "motions": ("meeting_id", "item_id", "id", "kind", "text", "proposer", "amends"),
    "votes": (
        "meeting_id",
        "item_id",
        "id",
        "motion_id",
        "description",
        "is_open",
        "count_for",
        "count_against",
        "count_abstain",
        "party_lines",
        "result",
        "raw_text",
    ),
    "ballots": (
        "meeting_id",
        "vote_id",
        "position",
        "participant_id",
        "name",
        "affiliation",
        "choice",
    ),
    "elections": (
        "meeting_id",
        "item_id",
        "id",
        "office",
        "candidates",
        "elected",
        "tied",
        "is_open",
        "acclamation",
    ),
    "election_ballots": (
        "meeting_id",
        "election_id",
        "position",
        "voter_id",
        "voter",
        "candidate",
    ),
    "dissents": ("meeting_id", "item_id", "id", "kind", "participant_id", "who", "text"),
    **speaker_rows.COLUMNS,
}

# Tables whose rows belong to one meeting (schema.py creates them), in the order they are
# cleared and written.
MEETING_TABLES = (
    "participants",
    "movements",
    "items",
    "sections",
    "attachments",
    "decision_history",
    "item_absences",
    "motions",
    "votes",
    "ballots",
    "elections",
    "election_ballots",
    "dissents",
    *speaker_rows.TABLES,
)

# Child tables of an item, keyed by item_id, and the model list each one mirrors.
ITEM_CHILDREN = (
    "sections",
    "attachments",
    "decision_history",
    "item_absences",
    "motions",
    "votes",
    "elections",
    "dissents",
)
# Item children written and verified like the others, loaded by their own module.
ITEM_TABLES = (*ITEM_CHILDREN, *speaker_rows.TABLES)

# The columns of a meeting's long texts, which a parser process hands over in UTF-8
# (`prepared`): their INSERTs store what they are given as text (`records`).
UTF8_COLUMNS: dict[str, tuple[str, ...]] = {
    "items": ("layout",),
    "sections": ("text", "blocks"),
}
