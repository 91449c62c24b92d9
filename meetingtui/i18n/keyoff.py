"""Catalog: why a key does nothing right now, said when it is pressed anyway (the footer only
dims it). `{key}`-style fields are the user's own keys from the keymap."""

DA: dict[str, str] = {
    "keyoff.no_current_item": (
        "Intet punkt er under behandling: vælg et punkt og tryk {start} for at starte det "
        "({next} starter det næste)."
    ),
    "keyoff.meeting_planned": (
        "Mødet er ikke åbnet endnu: tryk {rollcall} for fremmødet og {open} dér for at åbne det."
    ),
    "keyoff.meeting_ended": "Mødet er afsluttet; punkterne kan ikke længere ændres.",
    "keyoff.rollcall_ended": (
        "Mødet er afsluttet; fremmødet kan ikke længere ændres "
        "(tider rettes med {correct}, indtil referatet er godkendt)."
    ),
    "keyoff.rollcall_approved": "Referatet er godkendt; fremmødet kan ikke længere ændres.",
    "keyoff.close_planned": "Mødet er ikke åbnet endnu, så det kan ikke afsluttes.",
    "keyoff.already_closed": "Mødet er allerede afsluttet.",
    "keyoff.approve_open": "Afslut mødet først ({close}); derefter kan referatet godkendes.",
    "keyoff.approve_planned": "Mødet er ikke holdt endnu; der er intet referat at godkende.",
    "keyoff.already_approved": "Referatet er allerede godkendt.",
    "keyoff.times_approved": "Referatet er godkendt; tiderne kan ikke længere rettes.",
    "keyoff.reopen_not_closed": "Mødet er ikke afsluttet, så der er intet at genåbne.",
    "keyoff.send_not_closed": "Referatet kan sendes, når mødet er afsluttet ({close}).",
    "keyoff.public_decision_approved": (
        "Referatet er godkendt; den offentlige beslutning kan ikke længere ændres."
    ),
    "keyoff.no_closed_items": "Mødet har ingen lukkede punkter.",
    "keyoff.select_committee": "Vælg først et udvalg i listen.",
    "keyoff.select_member": "Vælg først et medlem i medlemslisten.",
}

EN: dict[str, str] = {
    "keyoff.no_current_item": (
        "No item is under way: select an item and press {start} to start it "
        "({next} starts the next one)."
    ),
    "keyoff.meeting_planned": (
        "The meeting is not open yet: press {rollcall} for the roll call and {open} there "
        "to open it."
    ),
    "keyoff.meeting_ended": "The meeting has ended; its items can no longer be changed.",
    "keyoff.rollcall_ended": (
        "The meeting has ended; attendance can no longer be changed "
        "(times are corrected with {correct} until the minutes are approved)."
    ),
    "keyoff.rollcall_approved": "The minutes are approved; attendance can no longer be changed.",
    "keyoff.close_planned": "The meeting is not open yet, so it cannot be closed.",
    "keyoff.already_closed": "The meeting is already closed.",
    "keyoff.approve_open": "Close the meeting first ({close}); then the minutes can be approved.",
    "keyoff.approve_planned": "The meeting has not been held yet; there are no minutes to approve.",
    "keyoff.already_approved": "The minutes are already approved.",
    "keyoff.times_approved": "The minutes are approved; the times can no longer be corrected.",
    "keyoff.reopen_not_closed": "The meeting is not closed, so there is nothing to reopen.",
    "keyoff.send_not_closed": "The minutes can be sent once the meeting is closed ({close}).",
    "keyoff.public_decision_approved": (
        "The minutes are approved; the public decision can no longer be changed."
    ),
    "keyoff.no_closed_items": "The meeting has no closed items.",
    "keyoff.select_committee": "Select a committee in the list first.",
    "keyoff.select_member": "Select a member in the roster first.",
}
