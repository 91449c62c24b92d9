"""Catalog: the closing screen: open points, closing, approving, reopening, the public
decision of a closed item, and exporting the referat."""

DA: dict[str, str] = {
    # closing and export
    "tui.closing_title": "Afslutning af mødet: beslutninger og åbne punkter",
    "tui.public_decision_title": "Offentlig beslutning for lukket punkt {number}",
    "tui.public_decision_label": "Tekst i det offentlige referat (tom: intet ud over «Lukket punkt»)",
    "tui.public_decision_note": (
        "Kun denne tekst kommer i det offentlige referat; punktets øvrige indhold forbliver lukket."
    ),
    "tui.public_decision_not_closed": "Vælg et lukket punkt for at give det en offentlig beslutning.",
    "tui.closing_col.nr": "Nr.",
    "tui.closing_col.item": "Punkt",
    "tui.closing_col.status": "Status",
    "tui.closing_col.decision": "Beslutning",
    "tui.open_points_title": "ÅBNE PUNKTER:",
    "tui.no_open_points": "Alle punkter er afgjort eller udsat.",
    "tui.open_point_item": "pkt. {number} {title}: ikke afgjort",
    "tui.open_point_postponed": "pkt. {number} {title}: udsat",
    "tui.open_point_vote": "pkt. {number}: afstemningen er ikke afsluttet",
    "tui.open_point_election": "pkt. {number}: valget af {office} er ikke afsluttet",
    "tui.close_anyway": "Luk mødet alligevel?",
    "tui.close_question": (
        "Luk mødet? Bagefter kan det kun ændres ved at genåbne det med en begrundelse."
    ),
    "tui.approve_question": (
        "Godkend referatet? Mødet låses; en ændring kræver, at det genåbnes med en begrundelse."
    ),
    "tui.reopen_title": "Genåbn mødet",
    "tui.reopen_reason": "Hvorfor genåbnes mødet? (⏎ genåbner · Ctrl+J ny linje)",
    "tui.reopen_note": (
        "Genåbningen og begrundelsen logges, og referater eksporteret før den er erstattet."
    ),
    "tui.exported_current": "Eksporteret: {path}",
    "tui.exported_stale": (
        "{path} er ikke længere det seneste referat: mødet er ændret siden. Eksportér igen."
    ),
    "tui.export_title": "Eksportér referat",
    "tui.export_public": "{fmt} — offentligt referat",
    "tui.export_internal": "{fmt} — internt referat (med lukkede punkter)",
    "tui.export_path": "Gem som (⏎ eksporterer)",
    "tui.export_language_title": "Referatets sprog",
    "tui.export_in_danish": "Dansk",
    "tui.export_in_english": "Engelsk (English)",
    "tui.exporting": "Eksporterer til {path} …",
    "tui.exported": "Gemt: {path} ({size} byte)",
    "tui.export_failed": "Eksporten mislykkedes: {problem}",
}

EN: dict[str, str] = {
    "tui.closing_title": "Ending the meeting: decisions and open points",
    "tui.public_decision_title": "Public decision for closed item {number}",
    "tui.public_decision_label": "Text in the public minutes (empty: nothing but «Closed item»)",
    "tui.public_decision_note": (
        "Only this text goes into the public minutes; the rest of the item stays closed."
    ),
    "tui.public_decision_not_closed": "Choose a closed item to give it a public decision.",
    "tui.closing_col.nr": "No.",
    "tui.closing_col.item": "Item",
    "tui.closing_col.status": "Status",
    "tui.closing_col.decision": "Decision",
    "tui.open_points_title": "OPEN POINTS:",
    "tui.no_open_points": "Every item is decided or postponed.",
    "tui.open_point_item": "item {number} {title}: not decided",
    "tui.open_point_postponed": "item {number} {title}: postponed",
    "tui.open_point_vote": "item {number}: the vote is not closed",
    "tui.open_point_election": "item {number}: the election of {office} is not closed",
    "tui.close_anyway": "Close the meeting anyway?",
    "tui.close_question": "Close the meeting? Afterwards only reopening it with a reason changes it.",
    "tui.approve_question": (
        "Approve the minutes? The meeting is frozen; a change needs reopening it with a reason."
    ),
    "tui.reopen_title": "Reopen the meeting",
    "tui.reopen_reason": "Why is the meeting reopened? (⏎ reopens · Ctrl+J new line)",
    "tui.reopen_note": (
        "The reopening and its reason are logged, and minutes exported before it are superseded."
    ),
    "tui.exported_current": "Exported: {path}",
    "tui.exported_stale": (
        "{path} is no longer the latest minutes: the meeting changed since. Export again."
    ),
    "tui.export_title": "Export the minutes",
    "tui.export_public": "{fmt} — public minutes",
    "tui.export_internal": "{fmt} — internal minutes (with closed items)",
    "tui.export_path": "Save as (⏎ exports)",
    "tui.export_language_title": "The minutes' language",
    "tui.export_in_danish": "Danish (dansk)",
    "tui.export_in_english": "English",
    "tui.exporting": "Exporting to {path} …",
    "tui.exported": "Saved: {path} ({size} bytes)",
    "tui.export_failed": "The export failed: {problem}",
}
