"""Text of the exported referat (Word, Markdown) and of the export commands.

The referat is a legal Danish document, so Danish is the default; the English texts exist for
members who read English and for tests of the catalog's completeness.
"""

from __future__ import annotations

DA: dict[str, str] = {
    # Dates: comma-separated names, Monday first / January first.
    "export.weekdays": "mandag,tirsdag,onsdag,torsdag,fredag,lørdag,søndag",
    "export.months": (
        "januar,februar,marts,april,maj,juni,juli,august,september,oktober,november,december"
    ),
    "export.date": "{day}. {month} {year}",
    "export.date_weekday": "{weekday} den {day}. {month} {year}",
    "export.datetime": "{weekday} den {day}. {month} {year} kl. {time}",
    "export.clock": "{hour:02d}.{minute:02d}",
    # A date where room is short (lists, tables, the status bar); running text writes it long.
    "date.short": "{day:02d}.{month:02d}.{year}",
    # A date field's own form (what it is filled in with; both it and ISO are read back)
    "date.typed": "{day:02d}.{month:02d}.{year}",
    "date.months_short": "jan.,feb.,mar.,apr.,maj,jun.,jul.,aug.,sep.,okt.,nov.,dec.",
    # Title block
    "export.referat": "Referat",
    "export.dagsorden": "Dagsorden",
    "export.draft": "UDKAST",
    "export.draft_note": "Udkast: mødet er ikke afsluttet, og referatet er ikke endeligt.",
    "export.internal": "Internt referat – må ikke offentliggøres",
    "export.internal_marking": "Internt – må ikke offentliggøres",
    "export.lang_tag": "da-DK",
    "export.decimal_symbol": ",",
    "export.list_separator": ";",
    "export.public": "Offentligt referat",
    "export.extraordinary": "Ekstraordinært møde",
    "export.place": "Sted: {place}",
    "export.began": "Mødet begyndte kl. {time}.",
    "export.ended": "Mødet sluttede kl. {time}.",
    "export.meeting_subject": "Referat af mødet i {body} den {date}",
    # Participants
    "export.participants": "Deltagere",
    "export.present": "Til stede:",
    "export.afbud": "Afbud:",
    "export.fravaerende": "Fraværende:",
    "export.unknown_attendance": "Fremmøde ikke registreret:",
    "export.observers": "Desuden deltog:",
    "export.substitutes": "Stedfortrædere:",
    "export.substitute_for": "{name} (stedfortræder for {member})",
    "export.arrived": "{name} kom kl. {time}",
    "export.left": "{name} forlod mødet kl. {time}",
    "export.during_item": "under punkt {number}",
    "export.no_quorum": (
        "Udvalget var ikke beslutningsdygtigt under punktets behandling: højst {present} af "
        "{seats} medlemmer deltog, mindst {needed} skal være til stede (styrelseslovens § 11, "
        "stk. 2)."
    ),
    "export.no_quorum_decided": (
        "Udvalget var ikke beslutningsdygtigt, da beslutningen blev truffet: {present} af "
        "{seats} medlemmer deltog, mindst {needed} skal være til stede (styrelseslovens § 11, "
        "stk. 2)."
    ),
    "export.late_and_early": "Ankomst og afgang:",
    "export.role.formand": "formand",
    "export.role.næstformand": "næstformand",
    "export.role.medlem": "medlem",
    "export.role.stedfortræder": "stedfortræder",
    "export.role.observatør": "observatør",
    # Table of contents
    "export.toc": "Indholdsfortegnelse",
    "export.toc_empty": "Dagsordenen har ingen punkter.",
    # Items
    "export.item_heading": "{number}. {title}",
    "export.closed_item": "Lukket punkt",
    "export.closed_marker": "Lukket punkt – må ikke offentliggøres.",
    "export.public_decision": "Offentliggjort beslutning:",
    "export.case_number": "Sagsnr.: {case_number}",
    "export.recommendation": "Indstilling",
    "export.decision_authority": "Beslutningskompetence",
    "export.decision_heading": "Beslutning i {udvalg} den {dato}",
    "export.no_decision": "Ingen beslutning registreret.",
    "export.postponed": "Punktet blev udsat.",
    "export.postponed_reason": "Punktet blev udsat: {reason}",
    "export.attachments": "Bilag",
    "export.notes": "Øvrige oplysninger",
    "export.empty_item": "Punktet har intet indhold.",
    "export.absent_item": "{name} deltog ikke i behandlingen af punktet.",
    "export.absent_item_reason": "{name} deltog ikke i behandlingen af punktet ({reason}).",
    "export.inhabil_item": "{name} deltog ikke i behandlingen af punktet på grund af inhabilitet.",
    "export.inhabil_item_reason": (
        "{name} deltog ikke i behandlingen af punktet på grund af inhabilitet ({reason})."
    ),
    # Votes
    "export.and": "og",
    "export.vote_on": "Afstemning om {what}:",
    "export.vote": "Afstemning:",
    "export.vote_for": "For stemte: {who} ({count}).",
    "export.vote_against": "Imod stemte: {who} ({count}).",
    "export.vote_abstain": "Undlod at stemme: {who} ({count}).",
    "export.vote_for_count": "For stemte: {count}.",
    "export.vote_against_count": "Imod stemte: {count}.",
    "export.vote_abstain_count": "Undlod at stemme: {count}.",
    "export.roll_call": "Navneafstemning",
    "export.roll_call_choice": "Stemme",
    "export.roll_call_count": "Antal",
    "export.roll_call_names": "Medlemmer",
    "export.roll_call_for": "For",
    "export.roll_call_against": "Imod",
    "export.roll_call_abstain": "Undlod",
    "export.nobody": "ingen",
    "export.vote_adopted": "Forslaget blev vedtaget.",
    "export.vote_rejected": "Forslaget faldt.",
    "export.vote_open": "Afstemningen er ikke afsluttet.",
    "export.motion_amendment": "ændringsforslag fra {proposer}: {text}",
    "export.motion_amendment_anon": "ændringsforslag: {text}",
    "export.motion_indstilling": "indstillingen",
    "export.motion_other": "forslag fra {proposer}: {text}",
    "export.motion_other_anon": "forslag: {text}",
    # Elections
    "export.election": "Valg af {office}:",
    "export.elected": "{name} blev valgt som {office}.",
    "export.election_tied": "Stemmelighed mellem {names}; valget er ikke afgjort.",
    "export.election_open": "Valget er ikke afsluttet.",
    "export.election_tally": "Stemmer: {tally}.",
    # Dissents
    "export.dissent.protokoltilførsel": "{who} ønskede følgende tilført protokollen: ”{text}”",
    "export.dissent.mindretalsudtalelse": (
        "{who} stemte imod med følgende mindretalsudtalelse: ”{text}”"
    ),
    "export.dissent.forbehold": "{who} tager forbehold: ”{text}”",
    "export.dissent.protokoltilførsel_empty": "{who} ønskede en tilførsel til protokollen.",
    "export.dissent.mindretalsudtalelse_empty": "{who} stemte imod.",
    "export.dissent.forbehold_empty": "{who} tager forbehold.",
    # Signature page and verification
    "export.signatures": "Underskriftsside",
    "export.signatures_intro": "Referatet underskrives af de medlemmer, der deltog i mødet:",
    "export.chain_head": "Kontrolsum: {hash}",
    "export.chain_head_property": "Kontrolsum",
    "export.publicity_property": "Offentlighed",
    "export.public_marking": "Offentligt",
    "export.chain_head_missing": "Ingen kontrolsum (mødet er ikke gemt i en database).",
    "export.page": "Side",
    "export.of": "af",
    "export.unplaced": "Øvrig tekst",
    # Commands
    "export.cli.written": "Skrev {path}",
    "export.cli.no_meeting": "Mødet {meeting} findes ikke i databasen {db}.",
    "export.cli.no_db": "Databasen {db} findes ikke.",
    "export.cli.template_needs_docx": "--template kan kun bruges med --format docx eller pdf.",
    "export.error.unknown_format": "Ukendt eksportformat: {fmt}",
    "export.error.bad_template": "Skabelonen {path} kan ikke bruges: {reason}",
    "export.error.no_libreoffice": (
        "PDF kræver LibreOffice, som ikke er installeret (Debian/Ubuntu: "
        "apt install libreoffice-writer-nogui). Findes det et andet sted, så angiv programmet "
        "i MEETINGTUI_SOFFICE."
    ),
    "export.error.libreoffice_failed": "LibreOffice kunne ikke lave PDF'en: {reason}",
    "export.error.bad_formula": (
        "{path}: beslutningsformlen for {body} kan ikke bruges ({problem}); "
        "brug {{udvalg}} og {{dato}}."
    ),
    "export.error.formula_empty": "tom tekst",
    "export.error.bad_formula_file": "{path} kan ikke læses: {problem}",
    "export.error.no_formula_file": "Filen {path} findes ikke.",
    "export.cli.no_toc_pages": (
        "LibreOffice er ikke installeret: indholdsfortegnelsen får sidetal, når Word "
        "opdaterer felterne (F9); LibreOffice viser dem selv."
    ),
}

EN: dict[str, str] = {
    "export.weekdays": "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
    "export.months": (
        "January,February,March,April,May,June,July,August,September,October,November,December"
    ),
    "export.date": "{day} {month} {year}",
    "export.date_weekday": "{weekday} {day} {month} {year}",
    "export.datetime": "{weekday} {day} {month} {year} at {time}",
    "export.clock": "{hour:02d}:{minute:02d}",
    "date.short": "{day} {month_short} {year}",
    "date.typed": "{year}-{month:02d}-{day:02d}",
    "date.months_short": "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec",
    "export.referat": "Minutes",
    "export.dagsorden": "Agenda",
    "export.draft": "DRAFT",
    "export.draft_note": "Draft: the meeting has not been closed and these minutes are not final.",
    "export.internal": "Internal minutes – not for publication",
    "export.internal_marking": "Internal – not for publication",
    "export.lang_tag": "en-GB",
    "export.decimal_symbol": ".",
    "export.list_separator": ",",
    "export.public": "Public minutes",
    "export.extraordinary": "Extraordinary meeting",
    "export.place": "Place: {place}",
    "export.began": "The meeting began at {time}.",
    "export.ended": "The meeting ended at {time}.",
    "export.meeting_subject": "Minutes of the meeting of {body} on {date}",
    "export.participants": "Participants",
    "export.present": "Present:",
    "export.afbud": "Apologies:",
    "export.fravaerende": "Absent:",
    "export.unknown_attendance": "Attendance not recorded:",
    "export.observers": "Also present:",
    "export.substitutes": "Substitutes:",
    "export.substitute_for": "{name} (substitute for {member})",
    "export.arrived": "{name} arrived at {time}",
    "export.left": "{name} left the meeting at {time}",
    "export.during_item": "during item {number}",
    "export.no_quorum": (
        "The committee had no quorum while the item was dealt with: at most {present} of "
        "{seats} members took part, at least {needed} must be present (Local Government Act "
        "§ 11(2))."
    ),
    "export.no_quorum_decided": (
        "The committee had no quorum when the decision was made: {present} of {seats} members "
        "took part, at least {needed} must be present (Local Government Act § 11(2))."
    ),
    "export.late_and_early": "Arrivals and departures:",
    "export.role.formand": "chair",
    "export.role.næstformand": "vice-chair",
    "export.role.medlem": "member",
    "export.role.stedfortræder": "substitute",
    "export.role.observatør": "observer",
    "export.toc": "Contents",
    "export.toc_empty": "The agenda has no items.",
    "export.item_heading": "{number}. {title}",
    "export.closed_item": "Closed item",
    "export.closed_marker": "Closed item – not for publication.",
    "export.public_decision": "Decision as published:",
    "export.case_number": "Case no.: {case_number}",
    "export.recommendation": "Recommendation",
    "export.decision_authority": "Decided by",
    "export.decision_heading": "Decision of {udvalg} on {dato}",
    "export.no_decision": "No decision recorded.",
    "export.postponed": "The item was postponed.",
    "export.postponed_reason": "The item was postponed: {reason}",
    "export.attachments": "Attachments",
    "export.notes": "Further information",
    "export.empty_item": "The item has no content.",
    "export.absent_item": "{name} did not take part in the item.",
    "export.absent_item_reason": "{name} did not take part in the item ({reason}).",
    "export.inhabil_item": "{name} did not take part in the item because of a conflict of interest.",
    "export.inhabil_item_reason": (
        "{name} did not take part in the item because of a conflict of interest ({reason})."
    ),
    "export.and": "and",
    "export.vote_on": "Vote on {what}:",
    "export.vote": "Vote:",
    "export.vote_for": "For: {who} ({count}).",
    "export.vote_against": "Against: {who} ({count}).",
    "export.vote_abstain": "Abstained: {who} ({count}).",
    "export.vote_for_count": "For: {count}.",
    "export.vote_against_count": "Against: {count}.",
    "export.vote_abstain_count": "Abstained: {count}.",
    "export.roll_call": "Roll call",
    "export.roll_call_choice": "Vote",
    "export.roll_call_count": "Number",
    "export.roll_call_names": "Members",
    "export.roll_call_for": "For",
    "export.roll_call_against": "Against",
    "export.roll_call_abstain": "Abstained",
    "export.nobody": "none",
    "export.vote_adopted": "The proposal was adopted.",
    "export.vote_rejected": "The proposal fell.",
    "export.vote_open": "The vote has not been closed.",
    "export.motion_amendment": "amendment from {proposer}: {text}",
    "export.motion_amendment_anon": "amendment: {text}",
    "export.motion_indstilling": "the recommendation",
    "export.motion_other": "proposal from {proposer}: {text}",
    "export.motion_other_anon": "proposal: {text}",
    "export.election": "Election of {office}:",
    "export.elected": "{name} was elected {office}.",
    "export.election_tied": "Tie between {names}; the election is not decided.",
    "export.election_open": "The election has not been closed.",
    "export.election_tally": "Votes: {tally}.",
    "export.dissent.protokoltilførsel": "{who} had the following entered in the record: “{text}”",
    "export.dissent.mindretalsudtalelse": (
        "{who} voted against with the following minority statement: “{text}”"
    ),
    "export.dissent.forbehold": "{who} reserves their position: “{text}”",
    "export.dissent.protokoltilførsel_empty": "{who} had a statement entered in the record.",
    "export.dissent.mindretalsudtalelse_empty": "{who} voted against.",
    "export.dissent.forbehold_empty": "{who} reserves their position.",
    "export.signatures": "Signature page",
    "export.signatures_intro": "The minutes are signed by the members who took part in the meeting:",
    "export.chain_head": "Checksum: {hash}",
    "export.chain_head_property": "Checksum",
    "export.publicity_property": "Publicity",
    "export.public_marking": "Public",
    "export.chain_head_missing": "No checksum (the meeting is not stored in a database).",
    "export.page": "Page",
    "export.of": "of",
    "export.unplaced": "Other text",
    "export.cli.written": "Wrote {path}",
    "export.cli.no_meeting": "Meeting {meeting} does not exist in the database {db}.",
    "export.cli.no_db": "The database {db} does not exist.",
    "export.cli.template_needs_docx": "--template can only be used with --format docx or pdf.",
    "export.error.unknown_format": "Unknown export format: {fmt}",
    "export.error.bad_template": "The template {path} cannot be used: {reason}",
    "export.error.no_libreoffice": (
        "PDF needs LibreOffice, which is not installed (Debian/Ubuntu: "
        "apt install libreoffice-writer-nogui). If it is installed elsewhere, name the program "
        "in MEETINGTUI_SOFFICE."
    ),
    "export.error.libreoffice_failed": "LibreOffice could not make the PDF: {reason}",
    "export.error.bad_formula": (
        "{path}: the decision formula for {body} cannot be used ({problem}); "
        "use {{udvalg}} and {{dato}}."
    ),
    "export.error.formula_empty": "empty text",
    "export.error.bad_formula_file": "{path} cannot be read: {problem}",
    "export.error.no_formula_file": "The file {path} does not exist.",
    "export.cli.no_toc_pages": (
        "LibreOffice is not installed: the table of contents gets its page numbers when Word "
        "updates the fields (F9); LibreOffice shows them itself."
    ),
}
