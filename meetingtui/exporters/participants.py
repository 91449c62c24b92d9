"""Who took part: the referat's "Deltagere" section, the labels of members and stedfortrædere,
and the arrivals and departures during the meeting."""

from __future__ import annotations

from meetingtui.exporters.blocks import Block, Kind
from meetingtui.i18n import t
from meetingtui.i18n.dates import clock
from meetingtui.models import Attendance, Meeting, MovementKind, Participant, Role


def took_part(person: Participant) -> bool:
    """Present at the roll call or arrived later."""
    return person.attendance is Attendance.PRESENT or any(
        m.kind is MovementKind.ARRIVED for m in person.movements
    )


def participant_label(meeting: Meeting, person: Participant) -> str:
    label = person.label
    if person.substitute_for is not None:
        member = meeting.participant(person.substitute_for)
        if member is not None:
            return t("export.substitute_for", name=label, member=member.label)
    if person.role not in (Role.MEDLEM, Role.STEDFORTRAEDER):
        label = f"{label}, {t(f'export.role.{person.role.value}')}"
    return label


def signature_label(person: Participant) -> str:
    """ "Carsten Rasmussen (A), formand"; short enough for a column of the signature page."""
    label = person.label
    if person.substitute_for is not None or person.role is not Role.MEDLEM:
        role = Role.STEDFORTRAEDER if person.substitute_for is not None else person.role
        label = f"{label}, {t(f'export.role.{role.value}')}"
    return label


def movement_lines(meeting: Meeting, item_id: int | None = None) -> list[str]:
    """ "X kom kl. 17.05 under punkt 2", in time order; only those during `item_id` if given."""
    moves = sorted(
        (
            (move, person)
            for person in meeting.participants
            for move in person.movements
            if item_id is None or move.item_id == item_id
        ),
        key=lambda pair: pair[0].at,
    )
    if not moves:
        return []  # the common case, asked once per item: no lookup table for every item
    numbers = {item.id: item.number for item in meeting.items}
    lines: list[str] = []
    for move, person in moves:
        key = "export.arrived" if move.kind is MovementKind.ARRIVED else "export.left"
        line = t(key, name=person.label, time=clock(move.at))
        if move.item_id is not None and move.item_id in numbers:
            line += " " + t("export.during_item", number=numbers[move.item_id])
        lines.append(line)
    return lines


def participant_blocks(meeting: Meeting) -> list[Block]:
    present: list[str] = []
    observers: list[str] = []
    afbud: list[str] = []
    absent: list[str] = []
    unknown: list[str] = []
    for person in meeting.participants:
        label = participant_label(meeting, person)
        if took_part(person):
            (present if person.votes else observers).append(label)
        elif person.attendance is Attendance.AFBUD:
            afbud.append(label)
        elif person.attendance is Attendance.ABSENT:
            absent.append(label)
        else:
            unknown.append(label)
    if not meeting.participants:
        return []  # no "Deltagere" heading over nothing (an imported referat that lists nobody)
    blocks = [Block(Kind.HEADING1, t("export.participants"))]
    for key, names in (
        ("export.present", present),
        ("export.observers", observers),
        ("export.unknown_attendance", unknown),
        ("export.afbud", afbud),
        ("export.fravaerende", absent),
    ):
        if names:
            blocks.append(Block(Kind.LINE, ", ".join(names), lead=t(key)))
    moves = movement_lines(meeting)
    if moves:
        blocks.append(Block(Kind.LINE, "; ".join(moves) + ".", lead=t("export.late_and_early")))
    return blocks
