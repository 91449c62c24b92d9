"""Catalog: the live meeting's commands that guard the record: ballots cast and changed, undo,
reopening, agenda changes and time corrections."""

DA: dict[str, str] = {
    # ballots
    "ballot.for": "for",
    "ballot.against": "imod",
    "ballot.abstain": "undlod",
    "confirm.ballot_change": "{name}: {old} → {new}",
    "confirm.ballot_change_question": "Ret stemmen? Det kan fortrydes med Ctrl+Z.",
    "refuse.ballot_unchanged": "{name} har allerede stemt {choice}.",
    "refuse.party_all_voted": (
        "Alle fra {party} har allerede stemt {choice}; ret en enkelt stemme under navnene (Tab)."
    ),
    "refuse.nobody_left_to_vote": "Alle stemmeberettigede har allerede stemt.",
    "refuse.time_format": "»{text}« er ikke et klokkeslæt; skriv det som 16.30.",
    # time corrections: what a time marks, and the change as the log and undo say it
    "time.meeting_start": "mødet begyndte",
    "time.meeting_end": "mødet sluttede",
    "time.item_start": "pkt. {number} begyndte",
    "time.item_end": "pkt. {number} sluttede",
    "time.item_start_nth": "pkt. {number} begyndte {nth}. gang",
    "time.item_end_nth": "pkt. {number} sluttede {nth}. gang",
    "time.arrival": "{name} kom",
    "time.departure": "{name} gik",
    "time.now": "nu",
    "time.change": "{what} {old} → {new}",
    "undo.times_corrected": "rettelsen af tidspunktet: {changes}",
    "tui.time_field": "{what} kl.",
    "tui.correct_times_title": "Ret tidspunkter",
    "tui.correct_times_note": "Skriv tiden som 16.30. Kun de ændrede tider rettes.",
    "tui.no_times_yet": "Der er ingen tidspunkter at rette endnu.",
    "refuse.time_unchanged": "Tidspunktet er det samme som før; intet er ændret.",
    "refuse.time_window": (
        "Tiden for »{what}« skal ligge mellem {low} ({low_what}) og {high} ({high_what}); "
        "intet er ændret."
    ),
    "refuse.time_not_before": (
        "Tiden for »{what}« kan ikke ligge før {low} ({low_what}); intet er ændret."
    ),
    "refuse.time_not_after": (
        "Tiden for »{what}« kan ikke ligge efter {high} ({high_what}); intet er ændret."
    ),
    "refuse.time_order": (
        "»{later}« kl. {late} kan ikke ligge før »{earlier}« kl. {early}; intet er ændret."
    ),
    "refuse.time_not_set_meeting_start": "Mødet er ikke åbnet; der er intet starttidspunkt at rette.",
    "refuse.time_not_set_meeting_end": "Mødet er ikke slut; der er intet sluttidspunkt at rette.",
    "refuse.time_not_set_item_start": "Punktet er ikke taget op; der er intet starttidspunkt at rette.",
    "refuse.time_not_set_item_end": "Punktet er ikke afsluttet; der er intet sluttidspunkt at rette.",
    "refuse.no_arrival": "{name} er ikke registreret som kommet; der er intet tidspunkt at rette.",
    "refuse.no_departure": "{name} er ikke registreret som gået; der er intet tidspunkt at rette.",
    # undo: what Ctrl+Z takes back, in words
    "undo.ballot": "stemmen: {name} {choice}",
    "undo.ballots": "{count} stemmer {choice}",
    "undo.ballot_changed": "rettelsen {changes}",
    "undo.decision": "beslutningen på pkt. {number}: »{text}«",
    "undo.attendance_set": "fremmødet for {name} ({attendance})",
    "undo.arrived": "at {name} kom",
    "undo.left": "at {name} gik",
    "undo.item_started": "at pkt. {number} blev taget op",
    "undo.item_postponed": "udsættelsen af pkt. {number}",
    "undo.vote_opened": "afstemningen på pkt. {number}",
    "undo.vote_closed": "afslutningen af afstemningen på pkt. {number} (den bliver åben igen)",
    "undo.election_opened": "valget af {office}",
    "undo.election_held": "valget af {office}",
    "undo.election_closed": "afslutningen af valget af {office} (det bliver åbent igen)",
    "undo.election_ballot_cast": "{name}s stemme i valget af {office}",
    "undo.item_absence_set": "at {name} ikke deltager i pkt. {number}",
    "undo.item_absence_cleared": "at {name} igen deltager i pkt. {number}",
    "undo.motion_added": "forslaget på pkt. {number}",
    "undo.dissent_added": "teksten fra {who} til protokollen på pkt. {number}",
    "undo.substitute_seated": "stedfortræderen {who}",
    "undo.meeting_opened": "åbningen af mødet",
    "undo.speaker_added": "at {name} kom på talerlisten til pkt. {number}",
    "undo.speaker_started": "at {name} fik ordet på pkt. {number}",
    "undo.speaker_stopped": "at {name} holdt op med at tale på pkt. {number}",
    "undo.speaker_removed": "at {name} blev taget af talerlisten til pkt. {number}",
    "undo.speaking_limits_set": "taletiden på pkt. {number}",
    "undo.public_decision_set": "den offentlige beslutning på pkt. {number}",
    "undo.other": "den seneste registrering ({type})",
    "refuse.undo_meeting_closed": (
        "Mødet er lukket; fortryd går ikke tilbage forbi lukningen. "
        "Genåbn mødet med en begrundelse for at ændre det."
    ),
    "refuse.undo_minutes_approved": (
        "Referatet er godkendt, og mødet er låst; fortryd går ikke tilbage forbi godkendelsen. "
        "Genåbn mødet med en begrundelse for at ændre det."
    ),
    "refuse.undo_meeting_reopened": (
        "Genåbningen af mødet fortrydes ikke; luk mødet igen, når ændringerne er gjort."
    ),
    "refuse.undo_changed": (
        "Mødet er ændret i mellemtiden; tryk Ctrl+Z igen for at se, hvad der fortrydes."
    ),
    # reopening a closed or approved meeting
    "refuse.reopen_not_closed": "Mødet er ikke lukket; der er intet at genåbne.",
    "refuse.reopen_reason": "Skriv, hvorfor mødet genåbnes; begrundelsen kommer i loggen.",
    "verify.hash_superseded": (
        "Referatet er erstattet: mødet i {meeting} blev genåbnet {when} "
        "(begrundelse: {reason}). Eksportér referatet igen."
    ),
    "meeting.name": "{body} den {date}",
    # reopening and agenda changes in the referat and on the screens
    "export.agenda_this_item": "Punktet",
    "export.agenda_item": "Punkt {number}",
    "export.agenda_added": "{subject} blev optaget på dagsordenen med formandens godkendelse.",
    "export.agenda_withdrawn": "{subject} udgik.",
    "export.agenda_moved": "{subject} blev behandlet før punkt {before}.",
    "export.agenda_changes": "Ændringer i dagsordenen:",
    "export.item_sessions": "Punktet blev behandlet {spans}.",
    "export.item_session": "kl. {start}–{end}",
    "export.item_session_open": "fra kl. {start}",
    "export.item_session_moment": "kl. {start}",
    "export.reopened_closed": (
        "Mødet blev genåbnet den {date} kl. {time}, efter at det var lukket. "
        "Referater af mødet udsendt før da er erstattet af dette."
    ),
    "export.reopened_approved": (
        "Mødet blev genåbnet den {date} kl. {time}, efter at referatet var godkendt. "
        "Referater af mødet udsendt før da er erstattet af dette."
    ),
    "export.reopened_reason": "Begrundelse: {reason}",
    "live.item_status.withdrawn": "Udgået",
    "export.elected_unanimously": "{name} blev enstemmigt valgt som {office}.",
    "tui.item_status.withdrawn": "udgået",
    # changing the agenda during the meeting
    "undo.item_added": "at pkt. {number} blev optaget på dagsordenen",
    "undo.item_withdrawn": "at pkt. {number} udgik",
    "undo.item_moved": "at pkt. {number} behandles før pkt. {before}",
    "confirm.agenda_add": "Nyt punkt {number}: {title}",
    "confirm.postpone_decided": "Pkt. {number} har allerede beslutningen »{decision}«",
    "confirm.postpone_decided_question": (
        "Udsæt punktet alligevel? Beslutningen fjernes fra punktet (Ctrl+Z fortryder)."
    ),
    "confirm.agenda_add_closed": (
        "Nyt lukket punkt {number}: {title} (kommer ikke med i det offentlige referat)"
    ),
    "refuse.agenda_number_too_long": (
        "»{number}« er ikke et punktnummer (højst {limit} tegn, fx »6« eller »6a«)."
    ),
    "confirm.agenda_add_question": (
        "Har formanden godkendt, at punktet optages på dagsordenen? "
        "Referatet skriver, at det skete med formandens godkendelse."
    ),
    "refuse.agenda_title_missing": "Skriv punktets titel.",
    "refuse.agenda_number_taken": "Der er allerede et pkt. {number} på dagsordenen.",
    "refuse.agenda_already_withdrawn": "Pkt. {number} er allerede udgået.",
    "refuse.agenda_item_withdrawn": "Pkt. {number} er udgået af dagsordenen.",
    "refuse.agenda_withdraw_dealt_with": (
        "Pkt. {number} er allerede behandlet; det kan ikke udgå. Fortryd beslutningen først."
    ),
    "refuse.agenda_move_itself": "Vælg et andet punkt end pkt. {number}.",
    "refuse.agenda_move_before_taken": (
        "Pkt. {before} er allerede taget op; et punkt kan kun behandles før et punkt, der venter."
    ),
    "refuse.agenda_move_taken": (
        "Pkt. {number} er allerede taget op; kun et punkt, der venter, kan behandles før et andet."
    ),
    "tui.agenda_change_title": "Ændr dagsordenen",
    "tui.agenda_add": "Nyt punkt (med formandens godkendelse)",
    "tui.agenda_withdraw": "Pkt. {number} udgår",
    "tui.agenda_withdraw_question": "Skal pkt. {item} udgå af dagsordenen?",
    "tui.agenda_withdraw_under_way": "Punktet er taget op på mødet.",
    "tui.agenda_move": "Pkt. {number} behandles før et andet punkt",
    "tui.agenda_add_title": "Nyt punkt på dagsordenen",
    "tui.agenda_number": "Nummer",
    "tui.agenda_title": "Titel",
    "tui.agenda_add_note": "Et lukket punkt: skriv titlen som »Lukket: Personalesag«.",
    "tui.agenda_move_title": "Pkt. {number} behandles før",
}

EN: dict[str, str] = {
    "ballot.for": "for",
    "ballot.against": "against",
    "ballot.abstain": "abstain",
    "confirm.ballot_change": "{name}: {old} → {new}",
    "confirm.ballot_change_question": "Change the ballot? Ctrl+Z undoes it.",
    "refuse.ballot_unchanged": "{name} has already voted {choice}.",
    "refuse.party_all_voted": (
        "Everyone from {party} has already voted {choice}; change a single ballot under the "
        "names (Tab)."
    ),
    "refuse.nobody_left_to_vote": "Everyone who may vote has already voted.",
    "refuse.time_format": "“{text}” is not a time of day; type it as 16.30.",
    "time.meeting_start": "the meeting began",
    "time.meeting_end": "the meeting ended",
    "time.item_start": "item {number} began",
    "time.item_end": "item {number} ended",
    "time.item_start_nth": "item {number} began (time {nth})",
    "time.item_end_nth": "item {number} ended (time {nth})",
    "time.arrival": "{name} arrived",
    "time.departure": "{name} left",
    "time.now": "now",
    "time.change": "{what} {old} → {new}",
    "undo.times_corrected": "the corrected time: {changes}",
    "tui.time_field": "{what} at",
    "tui.correct_times_title": "Correct times",
    "tui.correct_times_note": "Type the time as 16.30. Only the times you change are corrected.",
    "tui.no_times_yet": "There are no times to correct yet.",
    "refuse.time_unchanged": "The time is the same as before; nothing was changed.",
    "refuse.time_window": (
        "The time “{what}” must lie between {low} ({low_what}) and {high} ({high_what}); "
        "nothing was changed."
    ),
    "refuse.time_not_before": (
        "The time “{what}” cannot come before {low} ({low_what}); nothing was changed."
    ),
    "refuse.time_not_after": (
        "The time “{what}” cannot come after {high} ({high_what}); nothing was changed."
    ),
    "refuse.time_order": (
        "“{later}” at {late} cannot come before “{earlier}” at {early}; nothing was changed."
    ),
    "refuse.time_not_set_meeting_start": "The meeting has not been opened; there is no start to correct.",
    "refuse.time_not_set_meeting_end": "The meeting has not ended; there is no end to correct.",
    "refuse.time_not_set_item_start": "The item has not been taken up; there is no start to correct.",
    "refuse.time_not_set_item_end": "The item has not ended; there is no end to correct.",
    "refuse.no_arrival": "{name} is not recorded as arriving; there is no time to correct.",
    "refuse.no_departure": "{name} is not recorded as leaving; there is no time to correct.",
    "undo.ballot": "the ballot: {name} {choice}",
    "undo.ballots": "{count} ballots {choice}",
    "undo.ballot_changed": "the change {changes}",
    "undo.decision": "the decision on item {number}: “{text}”",
    "undo.attendance_set": "the attendance of {name} ({attendance})",
    "undo.arrived": "that {name} arrived",
    "undo.left": "that {name} left",
    "undo.item_started": "taking up item {number}",
    "undo.item_postponed": "postponing item {number}",
    "undo.vote_opened": "the vote on item {number}",
    "undo.vote_closed": "closing the vote on item {number} (it opens again)",
    "undo.election_opened": "the election of {office}",
    "undo.election_held": "the election of {office}",
    "undo.election_closed": "closing the election of {office} (it opens again)",
    "undo.election_ballot_cast": "{name}'s ballot in the election of {office}",
    "undo.item_absence_set": "that {name} takes no part in item {number}",
    "undo.item_absence_cleared": "that {name} takes part in item {number} again",
    "undo.motion_added": "the motion on item {number}",
    "undo.dissent_added": "the text from {who} for the record on item {number}",
    "undo.substitute_seated": "the substitute {who}",
    "undo.meeting_opened": "opening the meeting",
    "undo.speaker_added": "that {name} was put on the speakers' list for item {number}",
    "undo.speaker_started": "that {name} was given the floor on item {number}",
    "undo.speaker_stopped": "that {name} stopped speaking on item {number}",
    "undo.speaker_removed": "that {name} was taken off the speakers' list for item {number}",
    "undo.speaking_limits_set": "the speaking times on item {number}",
    "undo.public_decision_set": "the public decision on item {number}",
    "undo.other": "the latest entry ({type})",
    "refuse.undo_meeting_closed": (
        "The meeting is closed; undo does not go back past closing it. "
        "Reopen the meeting with a reason to change it."
    ),
    "refuse.undo_minutes_approved": (
        "The minutes are approved and the meeting is frozen; undo does not go back past the "
        "approval. Reopen the meeting with a reason to change it."
    ),
    "refuse.undo_meeting_reopened": (
        "Reopening the meeting is not undone; close the meeting again when the changes are made."
    ),
    "refuse.undo_changed": (
        "The meeting changed in the meantime; press Ctrl+Z again to see what would be undone."
    ),
    "refuse.reopen_not_closed": "The meeting is not closed; there is nothing to reopen.",
    "refuse.reopen_reason": "Say why the meeting is reopened; the reason goes into the log.",
    "verify.hash_superseded": (
        "The minutes are superseded: the meeting of {meeting} was reopened {when} "
        "(reason: {reason}). Export the minutes again."
    ),
    "meeting.name": "{body} on {date}",
    "export.agenda_this_item": "The item",
    "export.agenda_item": "Item {number}",
    "export.agenda_added": "{subject} was added to the agenda with the chair's approval.",
    "export.agenda_withdrawn": "{subject} was withdrawn.",
    "export.agenda_moved": "{subject} was taken before item {before}.",
    "export.agenda_changes": "Changes to the agenda:",
    "export.item_sessions": "The item was dealt with {spans}.",
    "export.item_session": "from {start} to {end}",
    "export.item_session_open": "from {start}",
    "export.item_session_moment": "at {start}",
    "export.reopened_closed": (
        "The meeting was reopened on {date} at {time}, after it had been closed. "
        "Minutes of the meeting sent out before then are superseded by these."
    ),
    "export.reopened_approved": (
        "The meeting was reopened on {date} at {time}, after the minutes had been approved. "
        "Minutes of the meeting sent out before then are superseded by these."
    ),
    "export.reopened_reason": "Reason: {reason}",
    "live.item_status.withdrawn": "Withdrawn",
    "export.elected_unanimously": "{name} was elected {office} unanimously.",
    "tui.item_status.withdrawn": "withdrawn",
    "undo.item_added": "adding item {number} to the agenda",
    "undo.item_withdrawn": "withdrawing item {number}",
    "undo.item_moved": "taking item {number} before item {before}",
    "confirm.agenda_add": "New item {number}: {title}",
    "confirm.postpone_decided": "Item {number} already has the decision “{decision}”",
    "confirm.postpone_decided_question": (
        "Postpone the item anyway? The decision is taken off the item (Ctrl+Z undoes it)."
    ),
    "confirm.agenda_add_closed": ("New closed item {number}: {title} (not in the public minutes)"),
    "refuse.agenda_number_too_long": (
        "»{number}« is not an item number (at most {limit} characters, e.g. »6« or »6a«)."
    ),
    "confirm.agenda_add_question": (
        "Has the chair approved adding the item to the agenda? "
        "The minutes say it was added with the chair's approval."
    ),
    "refuse.agenda_title_missing": "Type the item's title.",
    "refuse.agenda_number_taken": "There is already an item {number} on the agenda.",
    "refuse.agenda_already_withdrawn": "Item {number} is already withdrawn.",
    "refuse.agenda_item_withdrawn": "Item {number} was withdrawn from the agenda.",
    "refuse.agenda_withdraw_dealt_with": (
        "Item {number} has been dealt with; it cannot be withdrawn. Undo the decision first."
    ),
    "refuse.agenda_move_itself": "Pick another item than item {number}.",
    "refuse.agenda_move_before_taken": (
        "Item {before} has been taken up; an item can only be taken before one still waiting."
    ),
    "refuse.agenda_move_taken": (
        "Item {number} has been taken up; only an item still waiting can be taken before another."
    ),
    "tui.agenda_change_title": "Change the agenda",
    "tui.agenda_add": "New item (with the chair's approval)",
    "tui.agenda_withdraw": "Item {number} is withdrawn",
    "tui.agenda_withdraw_question": "Withdraw item {item} from the agenda?",
    "tui.agenda_withdraw_under_way": "The item has been taken up at the meeting.",
    "tui.agenda_move": "Take item {number} before another item",
    "tui.agenda_add_title": "New item on the agenda",
    "tui.agenda_number": "Number",
    "tui.agenda_title": "Title",
    "tui.agenda_add_note": "A closed item: type the title as “Lukket: Personalesag”.",
    "tui.agenda_move_title": "Take item {number} before",
}
