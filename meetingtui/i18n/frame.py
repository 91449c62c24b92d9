"""Catalog: the frame around the screens (quitting, the command palette) and click's own text
in the command-line help."""

DA: dict[str, str] = {
    # Ctrl+Q while a vote or an election is open
    "frame.palette_placeholder": "Søg efter en kommando …",
    "frame.palette_no_match": "Ingen kommando passer til »{query}«",
    "frame.quit_title": "Afslut meetingtui?",
    # Messages that name a meeting by its committee and date, not the database's id
    "storage.locked_named": (
        "Mødet i {meeting} er allerede åbent for skrivning i en anden proces eller terminal. "
        "Åbn det skrivebeskyttet for at følge med."
    ),
    "frame.in_use_title": "Mødet er i brug",
    "frame.cannot_write_title": "Databasen kan kun læses",
    "frame.not_opened_title": "Mødet blev ikke åbnet",
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
    "frame.quit_unsaved_text": "Teksten i »{dialog}« er ikke gemt og går tabt.",
    "frame.quit_unconfirmed": (
        "Spørgsmålet på skærmen er ikke besvaret: det, der spørges om, er ikke registreret og "
        "går tabt."
    ),
    "frame.quit_anyway": "Afslut alligevel?",
    # A read-only follower: the same lines without the keys only the writer has
    "key.meeting.closing.follower": "Referat",
    "tui.preview_banner_follower": " Forhåndsvisning ",
    "tui.meeting_not_opened_follower": "Mødet er ikke åbnet endnu.",
    "tui.open_vote_waiting_follower": "Der er en åben afstemning på punktet.",
    "tui.open_election_waiting_follower": "Der er et åbent valg på punktet.",
    "tui.rollcall_open_hint_follower": "Mødet er ikke åbnet endnu.",
    "tui.election_hint_follower": "Stemmerne vises, efterhånden som sekretæren afgiver dem.",
}

EN: dict[str, str] = {
    "frame.palette_placeholder": "Search for commands…",
    "frame.palette_no_match": "No command matches “{query}”",
    "frame.quit_title": "Quit meetingtui?",
    "storage.locked_named": (
        "The meeting of {meeting} is already open for writing in another process or terminal. "
        "Open it read-only to follow along."
    ),
    "frame.in_use_title": "The meeting is in use",
    "frame.cannot_write_title": "The database can only be read",
    "frame.not_opened_title": "The meeting was not opened",
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
    "frame.quit_unsaved_text": "The text in “{dialog}” is not saved and will be lost.",
    "frame.quit_unconfirmed": (
        "The question on screen is not answered: what it asks about is not recorded and will "
        "be lost."
    ),
    "frame.quit_anyway": "Quit anyway?",
    "key.meeting.closing.follower": "Minutes",
    "tui.preview_banner_follower": " Preview ",
    "tui.meeting_not_opened_follower": "The meeting is not open yet.",
    "tui.open_vote_waiting_follower": "A vote is open on this item.",
    "tui.open_election_waiting_follower": "An election is open on this item.",
    "tui.rollcall_open_hint_follower": "The meeting is not open yet.",
    "tui.election_hint_follower": "The ballots show as the secretary enters them.",
}
