"""Catalog: the frame around the screens (quitting, the command palette) and click's own text
in the command-line help."""

DA: dict[str, str] = {
    # Ctrl+Q while a vote or an election is open
    "frame.quit_title": "Afslut meetingtui?",
    "frame.quit_open_vote": (
        "Afstemningen om punkt {number} er åben. Den forbliver åben og fortsætter, "
        "når mødet åbnes igen; de afgivne stemmer er gemt."
    ),
    "frame.quit_open_election": (
        "Valget af {office} under punkt {number} er åbent. Det forbliver åbent og fortsætter, "
        "når mødet åbnes igen; de afgivne stemmer er gemt."
    ),
    "frame.meetings_title": "Tilbage til møderne?",
    "frame.quit_question": "Forlad mødet alligevel?",
}

EN: dict[str, str] = {
    "frame.quit_title": "Quit meetingtui?",
    "frame.quit_open_vote": (
        "The vote on item {number} is open. It stays open and goes on when the meeting is "
        "opened again; the ballots cast are saved."
    ),
    "frame.quit_open_election": (
        "The election of {office} under item {number} is open. It stays open and goes on when "
        "the meeting is opened again; the ballots cast are saved."
    ),
    "frame.meetings_title": "Back to the meetings?",
    "frame.quit_question": "Leave the meeting anyway?",
}
