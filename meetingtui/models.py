"""The meeting record: pydantic models shared by the command API, storage, exporters and importers.

One `Meeting` holds everything a referat needs. Identifiers of participants, items, motions,
votes, elections and dissents are small integers local to their meeting, so a record can be
replayed from its events and compared across export and import.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

# The enums are imported from here everywhere else too.
from meetingtui.person import PersonBasics
from meetingtui.vocabulary import (
    LEGACY_VALUES,
    AbsenceKind,
    AgendaChangeKind,
    Attendance,
    Choice,
    DissentKind,
    DocumentKind,
    ItemStatus,
    MeetingKind,
    MeetingStatus,
    MotionKind,
    MovementKind,
    PartKind,
    Role,
    VoteResult,
)

# Characters no referat or database should hold: C0/C1 controls other than tab and newline,
# lone surrogates, the noncharacters U+FFFE/U+FFFF and private-use code points (PDF bullet
# glyphs such as U+F0B7). Emoji and right-to-left text are kept.
_UNWANTED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffe\uffff\U000f0000-\U0010ffff]"
)


def clean_text(value: str) -> str:
    """Strip control characters and normalise to NFC; keep newlines, tabs, emoji and RTL text."""
    if value.isprintable():  # none of the unwanted characters (they are all unprintable)
        if value.isascii() or unicodedata.is_normalized("NFC", value):
            return value
        return unicodedata.normalize("NFC", value)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _UNWANTED.sub("", value)
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    return value


def plain_item_number(number: str) -> str:
    """An item's number as the agenda means it: "01" and "007" are items 1 and 7 (a system's
    zero-padding for sorting); a sub-number "3.1", a letter "3a" and "0" stay as written."""
    return re.sub(r"^0+(?=\d)", "", number.strip())


class Model(BaseModel):
    """Base: every string field is cleaned of control characters."""

    model_config = ConfigDict(validate_assignment=False, extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _clean_strings(cls, value: object) -> object:
        if isinstance(value, str):
            return clean_text(value)
        return value


class Movement(Model):
    """A late arrival or an early departure, stamped with the time and the item under way."""

    kind: MovementKind
    at: datetime
    item_id: int | None = None


class Participant(PersonBasics, Model):
    id: int
    name: str = Field(min_length=1)
    affiliation: str = ""  # party letter ("A", "SF") or organisation ("LEUF")
    role: Role = Role.MEDLEM
    votes: bool = True  # False for observers, secretaries, the administration
    attendance: Attendance = Attendance.UNKNOWN
    substitute_for: int | None = None  # participant id whose seat this substitute takes
    movements: list[Movement] = Field(default_factory=list)


# --- text as its source laid it out: paragraphs, lists and tables -------------------------


class TextRun(Model):
    """A piece of a paragraph with the emphasis the source gave it."""

    text: str
    bold: bool = False
    italic: bool = False


class Paragraph(Model):
    type: Literal["paragraph"] = "paragraph"
    runs: list[TextRun] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


class ListItem(Model):
    runs: list[TextRun] = Field(default_factory=list)
    level: int = 0  # 0 for the list's own items, 1 for a list inside an item, ...

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


class ListBlock(Model):
    type: Literal["list"] = "list"
    ordered: bool = False
    start: int = 1  # the number of the first item of an ordered list
    numbering: Literal["decimal", "lower-letter", "upper-letter"] = "decimal"
    items: list[ListItem] = Field(default_factory=list)

    def label(self, number: int) -> str:
        """ "3.", "c.", "C." for item number `number` of an ordered list; "•" otherwise."""
        return list_label(self.ordered, self.numbering, number)


def list_label(ordered: bool, numbering: str, number: int) -> str:
    """`ListBlock.label` of a list's values (also of a list in its dumped form)."""
    if not ordered:
        return "•"
    if numbering != "decimal" and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return f"{letter.upper() if numbering == 'upper-letter' else letter}."
    return f"{number}."


class TableBlock(Model):
    type: Literal["table"] = "table"
    rows: list[list[str]] = Field(default_factory=list)
    header_rows: int = 0  # leading rows the source marks as the header


# Told apart by `type` (each class accepts only its own); the strings of every block are cleaned
# like all text of the record, so `type` cannot be a declared discriminator.
ContentBlock = Paragraph | ListBlock | TableBlock


def blocks_text(blocks: list[Paragraph | ListBlock | TableBlock]) -> str:
    """The plain text of structured blocks, for search and for readers of `text`: a paragraph
    per line, list items with their number or bullet, table rows with cells two spaces apart."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            runs = block.runs  # most paragraphs are one run: its text is the paragraph's
            lines.append(runs[0].text if len(runs) == 1 else block.text)
        elif isinstance(block, ListBlock):
            number = block.start
            for item in block.items:
                mark = block.label(number) if item.level == 0 else "–"
                if item.level == 0:
                    number += 1
                lines.append(f"{'  ' * item.level}{mark} {item.text}")
        else:
            lines.extend("  ".join(c for c in row if c) for row in block.rows)
    return "\n".join([line for line in lines if line.strip()]).strip()


class Section(Model):
    heading: str
    text: str = ""  # always the plain text; `blocks` hold its structure when it is known
    blocks: list[ContentBlock] = Field(default_factory=list)


class DecisionEntry(Model):
    """One "Beslutning <body> den <date>:" entry; imported items may carry several."""

    body: str = ""
    date: str = ""  # as written, e.g. "20-06-2013" or "3. januar 2017"
    text: str = ""
    number: str = ""  # the item's number at that meeting, when the source states it


class ItemPart(Model):
    """A heading of an imported item and what the source printed under it, in the source's
    order: a referat exported again keeps the order and headings the municipality used."""

    kind: PartKind
    heading: str = ""  # as the source wrote it; "" where the source had none
    index: int = -1  # a section: its index in `sections`; a decision: its entry in
    #                  `decision_history` (-1: the item's `decision`)
    blocks: list[ContentBlock] = Field(default_factory=list)  # the text of the other kinds


class ItemAbsence(Model):
    participant_id: int | None = None
    name: str
    kind: AbsenceKind = AbsenceKind.ABSENT
    reason: str = ""


class Motion(Model):
    id: int
    kind: MotionKind = MotionKind.INDSTILLING
    text: str
    proposer: str = ""  # name or party, as said in the meeting
    amends: int | None = None  # motion id this amendment changes


class Ballot(Model):
    participant_id: int | None = None
    name: str
    affiliation: str = ""
    choice: Choice


class VoteCounts(Model):
    for_: int = Field(0, alias="for", ge=0)
    against: int = Field(0, ge=0)
    abstain: int = Field(0, ge=0)

    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Vote(Model):
    id: int
    motion_id: int | None = None
    description: str = ""  # what is voted on, when not a recorded motion
    is_open: bool = True
    ballots: list[Ballot] = Field(default_factory=list)
    # Imported votes often state only counts or party letters; live votes derive counts from
    # ballots. `counts` is then filled when the vote closes.
    counts: VoteCounts | None = None
    party_lines: dict[str, list[str]] = Field(default_factory=dict)  # choice -> party letters
    result: VoteResult | None = None
    raw_text: str = ""

    @field_validator("party_lines", mode="before")
    @classmethod
    def _choices_as_today(cls, value: object) -> object:
        # Older records keyed the party lines "imod"/"undlod": read them as today's choices.
        if isinstance(value, dict):
            return {
                LEGACY_VALUES["Choice"].get(key, key) if isinstance(key, str) else key: letters
                for key, letters in value.items()
            }
        return value


class ElectionBallot(Model):
    voter_id: int | None = None
    voter: str
    candidate: str


class Election(Model):
    id: int
    office: str  # e.g. "næstformand"
    candidates: list[str]
    ballots: list[ElectionBallot] = Field(default_factory=list)
    elected: str | None = None
    tied: list[str] = Field(default_factory=list)  # a tie is reported, never guessed
    # A live election takes its ballots one by one, each stored as it is typed, until closed.
    is_open: bool = False
    # By acclamation: one candidate, everyone who may vote agrees ("blev enstemmigt valgt").
    acclamation: bool = False


class Dissent(Model):
    id: int
    kind: DissentKind = DissentKind.PROTOKOLTILFOERSEL
    participant_id: int | None = None
    who: str  # a name or a party letter, as it should read in the referat
    text: str = ""


class Speaker(Model):
    """One name on an item's speakers' list (talerliste), waiting, speaking or done.

    The list's order is the order of speaking: those who spoke, the one speaking, then those
    waiting. Debate is not recorded in a Danish referat; the list is kept for the meeting.
    """

    id: int
    participant_id: int | None = None
    name: str
    affiliation: str = ""
    reply: bool = False  # a replik: a short answer to the speaker before
    limit_seconds: int | None = None  # this speaker's own limit; else the item's
    started_at: datetime | None = None
    ended_at: datetime | None = None


class AgendaItem(Model):
    id: int
    number: str  # as text: "1", "715", "3a"
    title: str
    case_number: str = ""
    closed: bool = False
    sections: list[Section] = Field(default_factory=list)
    recommendation: str = ""  # indstilling
    decision_authority: str = ""  # beslutningskompetence / "Sagen afgøres i"
    attachments: list[str] = Field(default_factory=list)
    status: ItemStatus = ItemStatus.PENDING
    decision: str = ""
    # A closed item's decision as released to the public (some municipalities publish it):
    # the one text of a closed item a public referat may print.
    public_decision: str = ""
    decision_history: list[DecisionEntry] = Field(default_factory=list)
    started_at: datetime | None = None
    ended_at: datetime | None = None
    # When the decision in `decision` was recorded, by the meeting's clock: the moment the
    # quorum counts for it (§ 11, stk. 2). None for imported items and older records.
    decided_at: datetime | None = None
    postponed_reason: str = ""
    absences: list[ItemAbsence] = Field(default_factory=list)
    motions: list[Motion] = Field(default_factory=list)
    votes: list[Vote] = Field(default_factory=list)
    elections: list[Election] = Field(default_factory=list)
    dissents: list[Dissent] = Field(default_factory=list)
    attendance_notes: list[str] = Field(default_factory=list)  # imported lines, kept verbatim
    unplaced: list[str] = Field(default_factory=list)  # imported text with no better home
    # An imported item's headings in the source's order; empty for live meetings.
    layout: list[ItemPart] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    speaker_limit_seconds: int | None = None  # each speaker's time on this item
    debate_limit_seconds: int | None = None  # all speakers together on this item

    def motion(self, motion_id: int) -> Motion | None:
        return next((m for m in self.motions if m.id == motion_id), None)

    def vote(self, vote_id: int) -> Vote | None:
        return next((v for v in self.votes if v.id == vote_id), None)

    def absence_of(self, participant_id: int) -> ItemAbsence | None:
        return next((a for a in self.absences if a.participant_id == participant_id), None)


class OcrNote(Model):
    """How a scanned document's text was read: the archivist must know a decision's wording
    came from OCR, and how sure the engine was (mean word confidence, 0-100)."""

    engine: str  # "Tesseract 5.3.0 (dan), OCRmyPDF 17.13.0"
    pages: int = 0
    confidence: float | None = None


class Reopening(Model):
    """A closed meeting, or approved minutes, opened again: when, why and from which state.

    Every referat printed before it (its hash is `superseded_head` or older) is superseded.
    """

    at: datetime
    reason: str
    from_status: MeetingStatus
    superseded_head: str = ""


class ItemSession(Model):
    """One stretch of time an item was under treatment: from when it was taken up until another
    item was, it was withdrawn or the meeting closed. An item taken up again later (reopened,
    a postponed item resumed, a key pressed by mistake) has one per stretch, so the record
    never says it was under way while other items were."""

    item_id: int
    started_at: datetime
    ended_at: datetime | None = None  # under way


class AgendaChange(Model):
    """An item added, withdrawn or taken before another during the meeting."""

    kind: AgendaChangeKind
    item_id: int
    before_item_id: int | None = None  # MOVED: the item it was taken before
    chair_approved: bool = False  # ADDED: the chair admitted it ("med formandens godkendelse")
    at: datetime


class Meeting(Model):
    id: int | None = None
    body: str = Field(min_length=1)  # the committee: "Økonomiudvalget", "Byrådet"
    municipality: str = ""
    title: str = ""  # "Ordinært møde", "Møde nr. 3"
    kind: MeetingKind = MeetingKind.ORDINAERT
    starts_at: datetime
    ends_at: datetime | None = None
    location: str = ""
    status: MeetingStatus = MeetingStatus.PLANNED
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    approved_at: datetime | None = None
    current_item_id: int | None = None
    document_kind: DocumentKind = DocumentKind.LIVE
    source: str = ""  # file an imported meeting came from
    participants: list[Participant] = Field(default_factory=list)
    items: list[AgendaItem] = Field(default_factory=list)
    unplaced: list[str] = Field(default_factory=list)
    ocr: OcrNote | None = None  # set when the text was read from a scan through OCR
    agenda_changes: list[AgendaChange] = Field(default_factory=list)
    reopenings: list[Reopening] = Field(default_factory=list)
    # Every stretch an item was under treatment, in the order they happened. An item's
    # `started_at` and `ended_at` are its first start and its last end; a meeting recorded
    # before sessions were kept has none (`sessions_of` reads its items' times instead).
    item_sessions: list[ItemSession] = Field(default_factory=list)
    # Whether an imported document named its kind ("Referat", "Dagsorden"), as the importer
    # read it; not stored. A one-item file that did not, and has no decision, may be an
    # undecided item of a referat (item_join.py).
    _kind_stated: bool = PrivateAttr(default=False)

    @property
    def kind_stated(self) -> bool:
        return self._kind_stated

    def state_kind(self, stated: bool) -> None:
        self._kind_stated = stated

    def participant(self, participant_id: int) -> Participant | None:
        return next((p for p in self.participants if p.id == participant_id), None)

    def item(self, item_id: int) -> AgendaItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    @property
    def current_item(self) -> AgendaItem | None:
        return self.item(self.current_item_id) if self.current_item_id is not None else None

    def sessions_of(self, item: AgendaItem) -> list[ItemSession]:
        """The stretches `item` was under treatment, in order; for a meeting recorded before
        sessions were kept, its first start to its last end as one."""
        if self.item_sessions:
            return [s for s in self.item_sessions if s.item_id == item.id]
        if item.started_at is None:
            return []
        return [ItemSession(item_id=item.id, started_at=item.started_at, ended_at=item.ended_at)]

    def find_vote(self, vote_id: int) -> tuple[AgendaItem, Vote] | None:
        return next(((i, v) for i in self.items for v in i.votes if v.id == vote_id), None)

    def find_election(self, election_id: int) -> tuple[AgendaItem, Election] | None:
        return next(((i, e) for i in self.items for e in i.elections if e.id == election_id), None)

    def next_id(self, kind: str) -> int:
        """Next free local id for participants, items, motions, votes, elections, dissents or
        speakers."""
        if kind == "participant":
            ids = [p.id for p in self.participants]
        elif kind == "item":
            ids = [i.id for i in self.items]
        else:
            ids = [x.id for i in self.items for x in getattr(i, kind + "s")]
        return max(ids, default=0) + 1
