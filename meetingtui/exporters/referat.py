"""The referat's content as a flat list of blocks, shared by the Word and Markdown renderers.

Deciding *what* a referat says (vote lines, attendance, the order of sections) happens here once;
the renderers only decide how a block looks (the blocks are in `blocks.py`, the participants
section in `participants.py`). The meeting given must already be prepared by
`redact.prepare`, so a public referat is built from a record without closed content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from meetingtui import quorum_moments, rules
from meetingtui.exporters import changes
from meetingtui.exporters.blocks import Block, Kind, ListMark, split_lines, text_blocks
from meetingtui.exporters.participants import (
    movement_lines,
    participant_blocks,
    signature_label,
    took_part,
)
from meetingtui.exporters.phrasing import (
    absence_line,
    body_in_text,
    count_line,
    decision_heading,
    dissent_text,
    dissent_who,
    effective_counts,
    join_names,
    result_line,
    roll_call_rows,
    vote_subject,
    written_date,
)
from meetingtui.i18n import full_stop, t
from meetingtui.i18n.dates import clock, long_date, long_datetime
from meetingtui.models import (
    AgendaItem,
    DocumentKind,
    Election,
    ItemStatus,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Vote,
)

__all__ = [  # the phrasing helpers are part of what the renderers and tests use from here
    "body_in_text",
    "count_line",
    "effective_counts",
    "join_names",
    "result_line",
]


# Section headings that come before the decision in most municipalities' referats.
_BEFORE_DECISION = {"resumé", "resume", "indstilling", "beslutningskompetence", "sagen afgøres i"}


def _norm_heading(heading: str) -> str:
    return heading.strip().rstrip(":").strip().casefold()


def anchor_for(item: AgendaItem) -> str:
    return f"punkt_{item.id}"


def is_draft(meeting: Meeting) -> bool:
    """A live meeting not yet closed is exported as a draft, clearly marked."""
    return meeting.document_kind is not DocumentKind.DAGSORDEN and meeting.status in (
        MeetingStatus.PLANNED,
        MeetingStatus.OPEN,
    )


def document_title(meeting: Meeting, *, draft_mark: bool = True) -> str:
    if meeting.document_kind is DocumentKind.DAGSORDEN:
        title = t("export.dagsorden")
    else:
        title = t("export.referat")
    return f"{title} – {t('export.draft')}" if draft_mark and is_draft(meeting) else title


def item_title(item: AgendaItem) -> str:
    return item.title if item.title.strip() else t("export.closed_item")


# --- votes, elections, dissents --------------------------------------------------------------


def vote_blocks(item: AgendaItem, vote: Vote) -> list[Block]:
    subject = vote_subject(item, vote.motion_id, vote.description)
    lead = t("export.vote_on", what=subject) if subject else t("export.vote")
    if vote.raw_text.strip():
        # An imported vote keeps the words the municipality wrote.
        lines = split_lines(vote.raw_text)
        table: tuple[tuple[str, ...], ...] = ()
    else:
        lines = [line for line in (count_line(vote), result_line(vote)) if line]
        rows = roll_call_rows(vote)
        table = (
            (
                (
                    t("export.roll_call_choice"),
                    t("export.roll_call_count"),
                    t("export.roll_call_names"),
                ),
                *rows,
            )
            if rows
            else ()
        )
    if not lines:
        lines = [result_line(vote) or t("export.vote_open")]
    blocks = [Block(Kind.VOTE, lines[0], lead=lead)]
    blocks.extend(Block(Kind.VOTE, line) for line in lines[1:])
    if table:
        # The named roll call: who voted how, one name per line, read out with its column.
        blocks.append(Block(Kind.TABLE, t("export.roll_call"), cells=table))
    return blocks


def election_sentence(election: Election) -> str:
    """ "Gert Fabrin blev (enstemmigt) valgt som næstformand." """
    key = "export.elected_unanimously" if election.acclamation else "export.elected"
    return t(key, name=election.elected, office=election.office)


def election_blocks(election: Election, *, sentence_said: bool = False) -> list[Block]:
    """The election's outcome and count; `sentence_said`: the decision already says who was
    elected, word for word, so only the count follows ("Valg af næstformand: Stemmer: …")."""
    lead = t("export.election", office=election.office)
    if sentence_said:
        lines = []
    elif election.elected:
        lines = [election_sentence(election)]
    elif election.tied:
        lines = [t("export.election_tied", names=join_names(election.tied))]
    else:
        lines = [t("export.election_open")]
    if election.ballots and not election.acclamation:
        outcome = rules.election_outcome(election.ballots, election.candidates)
        tally = join_names(f"{name} {n}" for name, n in outcome.votes.items())
        lines.append(t("export.election_tally", tally=tally))
    if not lines:
        return []
    blocks = [Block(Kind.VOTE, lines[0], lead=lead)]
    blocks.extend(Block(Kind.VOTE, line) for line in lines[1:])
    return blocks


def speaker_blocks(item: AgendaItem) -> list[Block]:
    """Who spoke, in order; present only when the export asked for it (`--with-speakers`)."""
    spoke = [s for s in item.speakers if s.started_at is not None]
    if not spoke:
        return []
    labels = [
        t("speakers.export_reply", name=label) if s.reply else label
        for s in spoke
        for label in [f"{s.name} ({s.affiliation})" if s.affiliation else s.name]
    ]
    return [Block(Kind.LINE, ", ".join(labels) + ".", lead=t("speakers.export_lead"))]


# --- items -----------------------------------------------------------------------------------


def _section_blocks(heading: str, text: str) -> Iterator[Block]:
    if heading.strip():
        yield Block(Kind.HEADING2, heading.strip())
    yield from text_blocks(text)


def _decision_blocks(meeting: Meeting, item: AgendaItem, formula: str | None) -> list[Block]:
    blocks: list[Block] = []
    meeting_date = long_date(meeting.starts_at.date())
    for entry in item.decision_history:
        heading = decision_heading(
            formula,
            entry.body or meeting.body,
            written_date(entry.date) if entry.date.strip() else meeting_date,
        )
        blocks.append(Block(Kind.DECISION_HEADING, heading))
        blocks.extend(Block(Kind.DECISION, line) for line in split_lines(entry.text))
    already = any(entry.text.strip() == item.decision.strip() for entry in item.decision_history)
    if item.decision_history and (already or not item.decision.strip()):
        return blocks
    blocks.append(
        Block(Kind.DECISION_HEADING, decision_heading(formula, meeting.body, meeting_date))
    )
    lines = split_lines(item.decision)
    if not lines and item.postponed_reason.strip():
        lines = [t("export.postponed_reason", reason=full_stop(item.postponed_reason))]
    elif not lines and item.status is ItemStatus.POSTPONED:
        lines = [t("export.postponed")]
    # Agenda changes under the item ("Punktet udgik.") read as part of its decision, after
    # it: an item added to the agenda and then postponed says both.
    lines += changes.item_lines(meeting, item)
    blocks.extend(Block(Kind.DECISION, line) for line in lines or [t("export.no_decision")])
    return blocks


def _attendance_blocks(meeting: Meeting, item: AgendaItem) -> list[Block]:
    lines = changes.session_lines(meeting, item)
    # Decided while the committee had no quorum (the chair went on past the warning): the
    # record says so, for a decision taken so may not stand. At the decision's own moment
    # where the record has it; else only where the item had none at any moment.
    lacking, key = None, "export.no_quorum"
    if quorum_moments.decision_moment(meeting, item) is not None:
        lacking, key = (
            quorum_moments.quorum_lacking_at_decision(meeting, item),
            "export.no_quorum_decided",
        )
    elif _decided(item):
        lacking = quorum_moments.quorum_lacking_throughout(meeting, item)
    if lacking:
        lines.append(t(key, present=lacking.present, seats=lacking.seats,
                       needed=lacking.needed))  # fmt: skip
    lines.extend(absence_line(meeting, absence) for absence in item.absences)
    lines.extend(line for note in item.attendance_notes for line in split_lines(note))
    lines.extend(f"{line}." for line in movement_lines(meeting, item.id))
    return [Block(Kind.ATTENDANCE, line) for line in lines]


def _decided(item: AgendaItem) -> bool:
    return bool(item.decision.strip() or item.votes or item.elections)


def _outcome_blocks(meeting: Meeting, item: AgendaItem, formula: str | None) -> list[Block]:
    """Decision, attendance, votes, elections and dissents: what the meeting did with the item."""
    blocks = _decision_blocks(meeting, item, formula)
    blocks.extend(_attendance_blocks(meeting, item))
    for vote in item.votes:
        blocks.extend(vote_blocks(item, vote))
    for election in item.elections:
        # The decision often is the election's sentence (d proposes it): said once, with the
        # count after it; an acclamation has no count, so nothing follows.
        said = bool(election.elected) and election_sentence(election) in item.decision
        blocks.extend(election_blocks(election, sentence_said=said))
    blocks.extend(
        Block(
            Kind.DISSENT,
            dissent_text(d.kind.value, dissent_who(meeting, d.who, d.participant_id), d.text),
        )
        for d in item.dissents
    )
    return blocks


def _split_sections(item: AgendaItem) -> int:
    """Index after the leading sections that precede the decision (resumé, indstilling, ...)."""
    split = 0
    for index, section in enumerate(item.sections):
        if _norm_heading(section.heading) in _BEFORE_DECISION:
            split = index + 1
    return split


def item_blocks(
    meeting: Meeting, item: AgendaItem, *, public: bool, formula: str | None = None
) -> list[Block]:
    heading = Block(
        Kind.HEADING1,
        t("export.item_heading", number=item.number, title=item_title(item)),
        anchor=anchor_for(item),
        new_page=True,
    )
    if item.closed and public:
        # The redacted record holds nothing more: that the item exists and, when the committee
        # released it, its decision as published.
        blocks = [heading, Block(Kind.CLOSED, t("export.closed_item"))]
        if item.public_decision.strip():
            when = long_date(meeting.starts_at.date())
            blocks.append(
                Block(Kind.DECISION_HEADING, decision_heading(formula, meeting.body, when))
            )
            blocks.extend(Block(Kind.DECISION, line) for line in split_lines(item.public_decision))
        return blocks
    blocks = [heading]
    if item.closed:
        blocks.append(Block(Kind.CLOSED, t("export.closed_marker")))
        if item.public_decision.strip():
            blocks.append(
                Block(Kind.BODY, item.public_decision.strip(), lead=t("export.public_decision"))
            )
    if item.case_number.strip():
        blocks.append(
            Block(Kind.CASE, t("export.case_number", case_number=item.case_number.strip()))
        )
    if item.layout:  # an imported item: the source's headings, in the source's order
        from meetingtui.exporters import source_layout

        return [*blocks, *source_layout.body_blocks(meeting, item, formula), *_unplaced(item)]
    split = _split_sections(item)
    headings = {_norm_heading(s.heading) for s in item.sections}
    for section in item.sections[:split]:
        blocks.extend(_section_blocks(section.heading, section.text))
    if item.recommendation.strip() and "indstilling" not in headings:
        blocks.extend(_section_blocks(t("export.recommendation"), item.recommendation))
    if item.decision_authority.strip() and not headings & {
        "beslutningskompetence",
        "sagen afgøres i",
    }:
        blocks.extend(_section_blocks(t("export.decision_authority"), item.decision_authority))
    blocks.extend(_outcome_blocks(meeting, item, formula))
    blocks.extend(speaker_blocks(item))
    for section in item.sections[split:]:
        blocks.extend(_section_blocks(section.heading, section.text))
    if item.attachments:
        blocks.append(Block(Kind.HEADING2, t("export.attachments")))
        blocks.extend(
            Block(Kind.ATTACHMENT, name.strip(), list_mark=ListMark.NUMBERED, number=n)
            for n, name in enumerate(item.attachments, start=1)
        )
    blocks.extend(_unplaced(item))
    return blocks


def _unplaced(item: AgendaItem) -> list[Block]:
    if not item.unplaced:
        return []
    return [
        Block(Kind.HEADING2, t("export.unplaced")),
        *(Block(Kind.BODY, line) for text in item.unplaced for line in split_lines(text)),
    ]


# --- the whole referat -----------------------------------------------------------------------


def ocr_line(meeting: Meeting) -> str:
    """ "Teksten er læst fra en scanning med OCR (...); gennemsnitlig sikkerhed 91 %." """
    note = meeting.ocr
    if note is None:
        return ""
    confidence = ""
    if note.confidence is not None:
        confidence = t("export.ocr_confidence", confidence=round(note.confidence))
    return t("export.ocr_note", engine=note.engine, confidence=confidence)


def title_blocks(meeting: Meeting, *, public: bool) -> list[Block]:
    blocks = []
    if meeting.municipality.strip():
        blocks.append(Block(Kind.MUNICIPALITY, meeting.municipality.strip()))
    blocks += [Block(Kind.TITLE, document_title(meeting)), Block(Kind.META, meeting.body)]
    if meeting.title.strip():
        blocks.append(Block(Kind.META, meeting.title.strip()))
    if meeting.kind is MeetingKind.EKSTRAORDINAERT and not _says_extraordinary(meeting.title):
        blocks.append(Block(Kind.META, t("export.extraordinary")))
    blocks.append(Block(Kind.META, long_datetime(meeting.starts_at)))
    if meeting.location.strip():
        blocks.append(Block(Kind.META, t("export.place", place=meeting.location.strip())))
    if not public:
        blocks.append(Block(Kind.DRAFT, t("export.internal")))
    if is_draft(meeting):
        blocks.append(Block(Kind.DRAFT, t("export.draft_note")))
    if meeting.ocr is not None:
        blocks.append(Block(Kind.META, ocr_line(meeting)))
    return blocks


def toc_blocks(meeting: Meeting) -> list[Block]:
    blocks = [Block(Kind.HEADING1, t("export.toc"))]
    if not meeting.items:
        return [*blocks, Block(Kind.BODY, t("export.toc_empty"))]
    for item in meeting.items:
        title = item_title(item)
        if item.closed and item.title.strip():
            title = f"{t('export.closed_item')}: {title}"
        blocks.append(Block(Kind.TOC, title, lead=f"{item.number}.", link=anchor_for(item)))
    return blocks


def signature_blocks(meeting: Meeting) -> list[Block]:
    blocks = [Block(Kind.HEADING1, t("export.signatures"), new_page=True)]
    signers = [p for p in meeting.participants if p.votes and took_part(p)]
    if not signers:
        return []  # no page to sign for nobody
    blocks.append(Block(Kind.BODY, t("export.signatures_intro")))
    blocks.extend(Block(Kind.SIGNATURE, signature_label(p)) for p in signers)
    return blocks


def checksum_blocks(chain_head: str) -> list[Block]:
    if not chain_head:
        return [Block(Kind.CHECKSUM, t("export.chain_head_missing"))]
    return [Block(Kind.CHECKSUM, t("export.chain_head", hash=chain_head))]


def ended_at(meeting: Meeting) -> datetime | None:
    """When the meeting really ended: closed in the app, or as an imported referat states it.

    A live meeting's `ends_at` is only the planned end from the agenda.
    """
    if meeting.closed_at is not None:
        return meeting.closed_at
    if meeting.document_kind is DocumentKind.REFERAT:
        return meeting.ends_at
    return None


def began_late(meeting: Meeting) -> datetime | None:
    """When the meeting really began, if not at the time it was called for (the header's
    "kl. 16.30"): "Mødet begyndte kl. 16.35." """
    opened = meeting.opened_at
    if opened is None or (opened.hour, opened.minute) == (
        meeting.starts_at.hour,
        meeting.starts_at.minute,
    ):
        return None
    return opened


def build(
    meeting: Meeting, *, public: bool, chain_head: str = "", formula: str | None = None
) -> list[Block]:
    """Every block of the referat, in reading order. `meeting` must come from `redact.prepare`;
    `formula` is the committee's own decision heading ("Beslutning i {udvalg} den {dato}")."""
    blocks = title_blocks(meeting, public=public)
    blocks.extend(
        Block(Kind.DRAFT, line) for line in changes.reopening_lines(meeting, public=public)
    )
    blocks.extend(participant_blocks(meeting))
    agenda = changes.meeting_lines(meeting)
    if agenda:
        blocks.append(Block(Kind.LINE, " ".join(agenda), lead=t("export.agenda_changes")))
    began = began_late(meeting)
    if began is not None:
        blocks.append(Block(Kind.BODY, t("export.began", time=clock(began))))
    ended = ended_at(meeting)
    if ended is not None and not is_draft(meeting):
        blocks.append(Block(Kind.BODY, t("export.ended", time=clock(ended))))
    blocks.extend(toc_blocks(meeting))
    for item in meeting.items:
        blocks.extend(item_blocks(meeting, item, public=public, formula=formula))
    if meeting.unplaced:
        blocks.append(Block(Kind.HEADING1, t("export.unplaced"), new_page=True))
        blocks.extend(
            Block(Kind.BODY, line) for text in meeting.unplaced for line in split_lines(text)
        )
    blocks.extend(signature_blocks(meeting))
    blocks.extend(checksum_blocks(chain_head))
    return blocks


_SLUG = re.compile(r"[^0-9a-zæøå]+")


def slug(text: str) -> str:
    """File-name-safe form of a body name: "17, stk. 4-udvalget" -> "17-stk-4-udvalget"."""
    return _SLUG.sub("-", text.casefold()).strip("-") or "moede"


def _says_extraordinary(title: str) -> bool:
    """A title such as "Ekstraordinært PUK" already tells the reader; saying it twice reads as
    a mistake."""
    return any(word in title.casefold() for word in ("ekstraordin", "extraordinary"))
