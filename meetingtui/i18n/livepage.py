"""Catalog: the public live page (`meetingtui serve`) and the projector view."""

DA: dict[str, str] = {
    "live.page_title": "{body} — {date}",
    "live.skip_to_current": "Spring til punktet under behandling",
    "live.fullscreen": "Fuld skærm",
    "live.fullscreen_hint": "Tryk F for fuld skærm",
    "live.status.planned": "Mødet er ikke begyndt.",
    "live.status.open": "Mødet er i gang.",
    "live.status.closed": "Mødet er slut.",
    "live.status.closed_at": "Mødet sluttede kl. {time}.",
    "live.status.approved": "Mødet er slut, og referatet er godkendt.",
    "live.current_heading": "Punkt under behandling",
    "live.no_current": "Intet punkt er under behandling lige nu.",
    "live.item_label": "Punkt {number}",
    "live.closed_item": "Lukket punkt",
    "live.closed_item_explained": "Punktet behandles for lukkede døre.",
    "live.case_number": "Sagsnr. {number}",
    "live.recommendation": "Indstilling",
    "live.decision": "Beslutning",
    "live.postponed": "Punktet blev udsat.",
    "live.votes_heading": "Afstemning",
    "live.no_votes": "Der er ingen afstemning på punktet.",
    "live.vote_running": "Afstemning i gang om {subject}.",
    "live.vote_done": "Afstemning om {subject}",
    "live.election_running": "Valg af {office} i gang.",
    "live.elected": "{name} blev valgt som {office}.",
    "live.election_tied": "Stemmelighed ved valg af {office} mellem {names}: ingen er valgt.",
    "live.election_none": "Ingen blev valgt som {office}.",
    "live.agenda_heading": "Dagsorden",
    "live.speakers_heading": "Talerliste",
    "live.no_speakers": "Ingen har bedt om ordet.",
    "live.speaking": "Har ordet:",
    "live.speaker_time": "Taletid:",
    "live.debate_time": "Punktets samlede taletid:",
    "live.time_left": "tilbage",
    "live.time_over": "over tiden",
    "live.waiting": "Derefter ({count}):",
    "live.item_status.pending": "Ikke behandlet",
    "live.item_status.current": "Behandles nu",
    "live.item_status.decided": "Behandlet",
    "live.item_status.postponed": "Udsat",
    "live.quorum_heading": "Beslutningsdygtighed",
    "live.quorum_met": "Udvalget er beslutningsdygtigt: {present} af {seats} medlemmer deltager.",
    "live.quorum_lost": (
        "Udvalget er ikke beslutningsdygtigt: {present} af {seats} medlemmer deltager, "
        "mindst {needed} skal være til stede."
    ),
    "live.quorum_not_open": "Fremmødet registreres, når mødet begynder.",
    "live.quorum_ended": "Mødet er slut; fremmødet står i referatet.",
    "live.connected": "Siden opdateres automatisk.",
    "live.disconnected": "Forbindelsen er afbrudt; siden prøver igen …",
    "live.announce_current": "{label} behandles nu: {title}",
    "live.announce_closed": "{label}: lukket punkt",
    "live.announce_decided": "{label}: {decision}",
    "live.announce_none": "Intet punkt er under behandling.",
    # the command
    "live.cli.serving": "Mødets offentlige side: {url}  (Ctrl+C stopper)",
    "live.cli.public_warning": (
        "Advarsel: siden kan ses af alle på netværket ({host}). Den viser kun det offentlige, "
        "men brug et netværk, du stoler på."
    ),
    "live.cli.missing_extra": (
        "meetingtui serve kræver ekstra pakker: pip install 'meetingtui[serve]' ({problem})."
    ),
    "live.cli.no_db": "Databasen {db} findes ikke.",
    "live.cli.port_busy": "Kan ikke lytte på {host}:{port}: {problem}.",
    "cli.help.serve": (
        "Vis mødet MØDE som en offentlig webside, der opdateres live (læser kun databasen)."
    ),
    "cli.opt.serve.host": (
        "Adresse at lytte på (standard 127.0.0.1; 0.0.0.0 for lokalets netværk, med en advarsel)."
    ),
    "cli.opt.serve.port": "Port (standard 8000; 0 vælger en ledig).",
}

EN: dict[str, str] = {
    "live.page_title": "{body} — {date}",
    "live.skip_to_current": "Skip to the item under way",
    "live.fullscreen": "Full screen",
    "live.fullscreen_hint": "Press F for full screen",
    "live.status.planned": "The meeting has not started.",
    "live.status.open": "The meeting is under way.",
    "live.status.closed": "The meeting has ended.",
    "live.status.closed_at": "The meeting ended at {time}.",
    "live.status.approved": "The meeting has ended and the minutes are approved.",
    "live.current_heading": "Item under way",
    "live.no_current": "No item is under way right now.",
    "live.item_label": "Item {number}",
    "live.closed_item": "Closed item",
    "live.closed_item_explained": "The item is dealt with behind closed doors.",
    "live.case_number": "Case no. {number}",
    "live.recommendation": "Recommendation",
    "live.decision": "Decision",
    "live.postponed": "The item was postponed.",
    "live.votes_heading": "Vote",
    "live.no_votes": "There is no vote on this item.",
    "live.vote_running": "Vote under way on {subject}.",
    "live.vote_done": "Vote on {subject}",
    "live.election_running": "Election of {office} under way.",
    "live.elected": "{name} was elected {office}.",
    "live.election_tied": "Tie in the election of {office} between {names}: nobody is elected.",
    "live.election_none": "Nobody was elected {office}.",
    "live.agenda_heading": "Agenda",
    "live.speakers_heading": "Speakers",
    "live.no_speakers": "Nobody has asked for the floor.",
    "live.speaking": "Has the floor:",
    "live.speaker_time": "Speaking time:",
    "live.debate_time": "Time for the item:",
    "live.time_left": "left",
    "live.time_over": "over time",
    "live.waiting": "Next ({count}):",
    "live.item_status.pending": "Not yet dealt with",
    "live.item_status.current": "Under way",
    "live.item_status.decided": "Dealt with",
    "live.item_status.postponed": "Postponed",
    "live.quorum_heading": "Quorum",
    "live.quorum_met": "The committee has a quorum: {present} of {seats} members take part.",
    "live.quorum_lost": (
        "The committee has no quorum: {present} of {seats} members take part, "
        "at least {needed} must be present."
    ),
    "live.quorum_not_open": "Attendance is taken when the meeting starts.",
    "live.quorum_ended": "The meeting has ended; attendance is in the minutes.",
    "live.connected": "The page updates by itself.",
    "live.disconnected": "The connection is lost; the page keeps trying …",
    "live.announce_current": "{label} under way: {title}",
    "live.announce_closed": "{label}: closed item",
    "live.announce_decided": "{label}: {decision}",
    "live.announce_none": "No item is under way.",
    "live.cli.serving": "The meeting's public page: {url}  (Ctrl+C stops)",
    "live.cli.public_warning": (
        "Warning: everyone on the network can see the page ({host}). It shows only what is "
        "public, but use a network you trust."
    ),
    "live.cli.missing_extra": (
        "meetingtui serve needs extra packages: pip install 'meetingtui[serve]' ({problem})."
    ),
    "live.cli.no_db": "The database {db} does not exist.",
    "live.cli.port_busy": "Cannot listen on {host}:{port}: {problem}.",
    "cli.help.serve": (
        "Show meeting MEETING as a public web page that updates live (only reads the database)."
    ),
    "cli.opt.serve.host": (
        "Address to listen on (default 127.0.0.1; 0.0.0.0 for the room's network, with a warning)."
    ),
    "cli.opt.serve.port": "Port (default 8000; 0 picks a free one).",
}
