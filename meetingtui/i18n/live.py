"""Catalog: the live meeting's commands that guard the record: ballots cast and changed, undo,
reopening, agenda changes and time corrections."""

DA: dict[str, str] = {
    # ballots
    "ballot.for": "for",
    "ballot.imod": "imod",
    "ballot.undlod": "undlod",
    "confirm.ballot_change": "{name}: {old} → {new}",
    "confirm.ballot_change_question": "Ret stemmen? Det kan fortrydes med Ctrl+Z.",
    "refuse.ballot_unchanged": "{name} har allerede stemt {choice}.",
    "refuse.party_all_voted": (
        "Alle fra {party} har allerede stemt {choice}; ret en enkelt stemme under navnene (Tab)."
    ),
    "refuse.nobody_left_to_vote": "Alle stemmeberettigede har allerede stemt.",
}

EN: dict[str, str] = {
    "ballot.for": "for",
    "ballot.imod": "against",
    "ballot.undlod": "abstain",
    "confirm.ballot_change": "{name}: {old} → {new}",
    "confirm.ballot_change_question": "Change the ballot? Ctrl+Z undoes it.",
    "refuse.ballot_unchanged": "{name} has already voted {choice}.",
    "refuse.party_all_voted": (
        "Everyone from {party} has already voted {choice}; change a single ballot under the "
        "names (Tab)."
    ),
    "refuse.nobody_left_to_vote": "Everyone who may vote has already voted.",
}
