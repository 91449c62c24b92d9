"""Catalog: the record, the rules of procedure, storage and the core command line."""

DA: dict[str, str] = {
    # rule warnings
    "warn.quorum_lost": (
        "Udvalget er ikke beslutningsdygtigt: {present} af {seats} medlemmer deltager, "
        "mindst {needed} skal være til stede (styrelseslovens § 11, stk. 2)."
    ),
    "warn.amendments_first": (
        "{count} ændringsforslag til dette forslag er ikke sat til afstemning endnu; "
        "ændringsforslag stemmes om før det forslag, de ændrer."
    ),
    "warn.amendments_first.one": (
        "1 ændringsforslag til dette forslag er ikke sat til afstemning endnu; "
        "ændringsforslag stemmes om før det forslag, de ændrer."
    ),
    "warn.dissent_not_against": (
        "Kun et medlem, der har stemt imod, kan få sin opfattelse ført til protokols "
        "(styrelseslovens § 13, stk. 2)."
    ),
    "warn.decision_against_vote": (
        "Indstillingen faldt ved afstemningen ({for_} for, {against} imod), men beslutningen "
        "lyder »{text}«."
    ),
    "warn.decision_election_undecided": (
        "Valget af {office} er ikke afgjort (stemmelighed mellem {tied}), men beslutningen "
        "lyder »{text}«."
    ),
    "warn.decision_election_other": (
        "{elected} blev valgt ved valget af {office}, men beslutningen lyder »{text}«."
    ),
    "warn.dissent_not_at_meeting": (
        "{name} er ikke registreret som til stede ved mødet og har ikke deltaget i beslutningen."
    ),
    "warn.dissent_inhabil": "{name} er inhabil i punktet og har ikke deltaget i beslutningen.",
    "warn.dissent_absent": "{name} deltog ikke i punktets behandling.",
    "warn.election_tie": "Stemmelighed mellem {names}: ingen er valgt.",
    "confirm.required": "Bekræft for at fortsætte: {details}",
    # refusals
    "refuse.readonly": "Mødet er åbnet skrivebeskyttet; ændringer kan ikke gemmes.",
    "refuse.unknown_member": "Ukendt medlem: {ref}.",
    "refuse.unknown_item": "Ukendt dagsordenspunkt: {ref}.",
    "refuse.item_not_closed": (
        "Punkt {number} er ikke lukket; dets beslutning står allerede i det offentlige referat."
    ),
    "refuse.unknown_motion": "Ukendt forslag: {ref}.",
    "refuse.unknown_vote": "Ukendt afstemning: {ref}.",
    "refuse.meeting_not_open": "Mødet er ikke åbent (status: {status}).",
    "refuse.meeting_already_open": "Mødet er allerede åbnet.",
    "refuse.meeting_closed": "Mødet er lukket (status: {status}); det kan ikke ændres.",
    "refuse.meeting_not_closed": "Referatet kan først godkendes, når mødet er lukket.",
    "refuse.vote_closed": "Afstemningen er afsluttet; der kan ikke afgives flere stemmer.",
    "refuse.vote_open": "Der er en åben afstemning på punktet; afslut den først.",
    "refuse.vote_empty": "Der er ikke afgivet nogen stemmer.",
    "refuse.not_eligible": "{name} kan ikke stemme på dette punkt ({reason}).",
    "refuse.reason_absent": "ikke til stede",
    "refuse.reason_inhabil": "inhabil",
    "refuse.reason_item_absent": "deltager ikke i punktet",
    "refuse.reason_non_voting": "uden stemmeret",
    "refuse.reason_seat_taken": "stedfortræderen stemmer ikke, mens medlemmet selv er til stede",
    "refuse.no_party_voters": "Ingen stemmeberettigede medlemmer fra {party} på dette punkt.",
    "refuse.already_present": "{name} er allerede til stede.",
    "refuse.not_present": "{name} er ikke til stede.",
    "refuse.substitute_for_present": (
        "{name} er til stede; en stedfortræder kan kun indtræde for et fraværende medlem."
    ),
    "refuse.already_absent": "{name} deltager allerede ikke i punktet.",
    "refuse.not_item_absent": "{name} er ikke registreret som fraværende på punktet.",
    "refuse.empty_text": "Teksten må ikke være tom.",
    "refuse.text_too_long": "Teksten er for lang ({length} tegn; højst {limit}).",
    "refuse.election_candidates": "Et valg kræver mindst én kandidat.",
    "refuse.election_unknown_candidate": "{candidate} er ikke kandidat.",
    "refuse.unknown_election": "Ukendt valg: {ref}.",
    "refuse.election_closed": "Valget er afsluttet; der kan ikke afgives flere stemmer.",
    "refuse.election_open": "Der er et åbent valg på mødet; afslut det først.",
    "refuse.election_no_valid_ballots": (
        "Ingen af stemmerne tæller: {names} kan ikke længere stemme på punktet."
    ),
    "refuse.amends_itself": "Et ændringsforslag skal ændre et andet forslag.",
    "refuse.attendance_after_movement": (
        "{name} er allerede registreret som kommet eller gået; brug Kommer/Går i stedet."
    ),
    "refuse.attendance_after_taking_part": (
        "{name} deltog under punkt {number} (stemte, talte eller fik noget ført til protokol) og "
        "kan ikke have været fraværende; gik {name} fra mødet, registreres det som Går."
    ),
    "refuse.amends_only_amendment": "Kun et ændringsforslag kan ændre et andet forslag.",
    "refuse.substitute_for_non_member": (
        "{name} har ingen stemmeberettiget plads, som en stedfortræder kan overtage."
    ),
    "refuse.seat_already_taken": "En stedfortræder har allerede {name}s plads.",
    "warn.ballots_discarded": (
        "Stemmer fra medlemmer, der ikke længere kan stemme på punktet, tælles ikke med: {names}."
    ),
    "verify.hash_invalid": "{hash} er ikke en hash fra et referat (mindst 12 hexadecimale tegn).",
    "verify.hash_outdated": (
        "Referatet er ikke det seneste: mødet i {meeting} har {count} senere hændelser."
    ),
    "verify.hash_outdated.one": (
        "Referatet er ikke det seneste: mødet i {meeting} har 1 senere hændelse."
    ),
    "refuse.nothing_to_undo": "Der er intet at fortryde.",
    "refuse.invalid_value": "Ugyldig værdi for {field}: {problem}.",
    # storage
    "storage.damaged": "Databasen {path} er beskadiget: {problem}",
    "storage.not_a_database": "{path} er ikke en meetingtui-database ({problem}).",
    "storage.locked": (
        "Mødet {meeting_id} er allerede åbent for skrivning i en anden proces eller terminal. "
        "Åbn det skrivebeskyttet for at følge med."
    ),
    "storage.busy": "Databasen er optaget af en anden proces; prøv igen.",
    "storage.no_meeting": "Der findes intet møde med id {meeting_id}.",
    "storage.newer_schema": (
        "Databasen {path} er skrevet af en nyere version af meetingtui (skemaversion {found};"
        " denne version kender til og med {known}). Den ændres ikke; opdatér meetingtui."
    ),
    "storage.newer_schema_reading": (
        "Bemærk: databasen {path} er fra en nyere version af meetingtui (skemaversion {found};"
        " denne version kender til og med {known}). Den læses, men ændres ikke."
    ),
    "storage.migration_missing": (
        "Databasen {path} mangler registreringen af opdateringen {name} i tabellen"
        " _sqlite_migrations, skønt senere opdateringer er registreret; tabellen er ændret"
        " uden om meetingtui. Databasen ændres ikke."
    ),
    "storage.migration_failed": (
        "Databasen {path} kan ikke opdateres: registreringerne i tabellen _sqlite_migrations"
        " passer ikke til tabellerne ({problem}). Databasen ændres ikke."
    ),
    "storage.disk_full": (
        "Disken er fuld: {path} kan ikke skrives. Intet er ændret; frigør plads, og prøv igen."
    ),
    "storage.readonly_file": (
        "Filen {path} er skrivebeskyttet: den kan læses, men intet kan gemmes i den."
    ),
    "storage.readonly_media": (
        "{path} ligger på et skrivebeskyttet drev: den kan læses, men intet kan gemmes i den."
    ),
    "storage.readonly_folder": (
        "Mappen {folder} er skrivebeskyttet: databasen {path} kan læses, men intet kan gemmes"
        " (databasen skal kunne oprette filer ved siden af sig)."
    ),
    "storage.no_access": "Ingen adgang til {path}.",
    "storage.io_error": "Disken kunne ikke læse eller skrive {path} ({problem}). Intet er ændret.",
    "storage.cannot_open": "Databasen {path} kan ikke åbnes ({problem}).",
    "storage.missing": "Databasen {path} findes ikke.",
    "storage.wal_unreadable": (
        "De seneste ændringer i {path} ligger i filen {path}-wal, som ikke kan læses på et"
        " skrivebeskyttet drev. Kopiér databasen med dens -wal-fil til en skrivbar mappe."
    ),
    "storage.record_mismatch": (
        "{problem} Databasen er ændret uden om meetingtui; intet er vist eller eksporteret."
        " Kør meetingtui verify."
    ),
    "storage.follow_stopped": "Følger ikke længere mødet: {problem}",
    "storage.write_failed": (
        "{path} kunne ikke skrives: {cause}. En tidligere fil med samme navn er ikke rørt."
    ),
    "fault.disk_full": "disken er fuld",
    "fault.readonly_media": "drevet er skrivebeskyttet",
    "fault.readonly_folder": "mappen er skrivebeskyttet",
    "fault.readonly_file": "filen er skrivebeskyttet",
    "fault.no_access": "ingen adgang",
    # backup
    "backup.exists": "{path} findes allerede; vælg et andet navn, eller brug --replace.",
    "backup.same_file": "{path} er selve databasen; vælg et andet navn til kopien.",
    "backup.done": (
        "Databasen er kopieret til {path}: {meetings} møder, {events} hændelser,"
        " seneste hash {head}."
    ),
    "storage.older_schema": (
        "Databasen {path} er fra en ældre version af meetingtui. Åbn den én gang uden"
        " skrivebeskyttelse (fx med meetingtui list), så bliver den opdateret."
    ),
    # verify
    "verify.ok": "Revisionssporet er intakt: {events} hændelser, seneste hash {head}.",
    "verify.broken_hash": "Hændelse {seq} er ændret: dens hash passer ikke til indholdet.",
    "verify.broken_link": "Hændelse {seq} peger ikke på den forrige hændelse; en hændelse er slettet eller ændret.",
    "verify.missing_events": "Hændelser efter nr. {seq} mangler (kæden sluttede tidligere end registreret).",
    "verify.head_mismatch": "Kædens hoved passer ikke: registreret {expected}, fundet {found}.",
    "verify.state_mismatch": "Mødet i {meeting} afviger fra sine hændelser i tabellen {table}.",
    "verify.replay_failed": "Mødet i {meeting} kan ikke genopbygges af sine hændelser.",
    "verify.hash_found": "Hash {hash} hører til mødet i {meeting}, hændelse {seq}.",
    "verify.hash_unknown": "Hash {hash} findes ikke i revisionssporet.",
    "verify.checked": "Kontrolleret: {events} hændelser, seneste hash {head}.",
    "verify.meeting_head": "Den seneste hash for mødet i {meeting} er {head}.",
    # agenda files
    "agenda.file_missing": "Filen {path} findes ikke.",
    "agenda.not_utf8": "{path} er ikke gyldig UTF-8 (byte {position}).",
    "agenda.toml_syntax": "{path}: TOML-fejl: {problem}",
    "agenda.field": "{path}: feltet {field}: {problem}",
    "agenda.duplicate": "{path}: feltet {field}: findes allerede tidligere i filen.",
    # What is wrong with a field of an agenda or committee file (i18n.field_problem).
    "field_problem.missing": "skal udfyldes",
    "field_problem.too_short": "skal have mindst {min_length}",
    "field_problem.string_too_short": "må ikke være tomt",
    "field_problem.extra_forbidden": "kendes ikke (en stavefejl?)",
    "field_problem.enum": "skal være en af: {expected}",
    "field_problem.literal_error": "skal være en af: {expected}",
    "field_problem.bool_parsing": "skal være true eller false",
    "field_problem.bool_type": "skal være true eller false",
    "field_problem.string_type": "skal være tekst i anførselstegn",
    "field_problem.int_parsing": "skal være et helt tal",
    "field_problem.int_type": "skal være et helt tal",
    "field_problem.date_type": "skal være en dato som 2025-03-11",
    "field_problem.date_parsing": "skal være en dato som 2025-03-11",
    "field_problem.date_from_datetime_parsing": "skal være en dato som 2025-03-11",
    "field_problem.list_type": "skal være en liste",
    "field_problem.model_type": "skal være en tabel",
    "field_problem.dict_type": "skal være en tabel",
    "agenda.not_a_file": (
        "{path} er ikke en almindelig fil (men fx en mappe, en pipe eller en enhed);"
        " angiv dagsordensfilen."
    ),
    "agenda.unreadable": "{path} kan ikke læses: {problem}.",
    "agenda.too_large": "{path} er for stor til at være en dagsorden (højst {limit} MB).",
    "agenda.too_deep": "{path}: filen er indlejret for dybt til at være en dagsorden.",
    # cli
    "cli.created": "Møde {meeting_id} oprettet: {label}.",
    "cli.demo_exists": "Demomødet findes allerede (id {meeting_id}).",
    "cli.no_meetings": "Der er ingen møder i databasen.",
    "cli.not_available": "{command} er ikke tilgængelig endnu.",
    # status names
    "status.planned": "planlagt",
    "status.open": "åbent",
    "status.closed": "lukket",
    "status.approved": "godkendt",
}

EN: dict[str, str] = {
    "warn.quorum_lost": (
        "The committee has no quorum: {present} of {seats} members take part, "
        "at least {needed} must be present (Local Government Act § 11(2))."
    ),
    "warn.amendments_first": (
        "{count} amendments to this proposal have not been voted on yet; "
        "amendments are voted on before the proposal they amend."
    ),
    "warn.amendments_first.one": (
        "1 amendment to this proposal has not been voted on yet; "
        "amendments are voted on before the proposal they amend."
    ),
    "warn.dissent_not_against": (
        "Only a member who voted against may have a dissent entered in the record (§ 13(2))."
    ),
    "warn.decision_against_vote": (
        "The recommendation fell in the vote ({for_} for, {against} against), but the decision "
        "reads “{text}”."
    ),
    "warn.decision_election_undecided": (
        "The election of {office} is not decided (a tie between {tied}), but the decision "
        "reads “{text}”."
    ),
    "warn.decision_election_other": (
        "{elected} was elected {office}, but the decision reads “{text}”."
    ),
    "warn.dissent_not_at_meeting": (
        "{name} is not recorded as present at the meeting and took no part in the decision."
    ),
    "warn.dissent_inhabil": "{name} has a conflict of interest and took no part in the decision.",
    "warn.dissent_absent": "{name} took no part in the item.",
    "warn.election_tie": "Tie between {names}: nobody is elected.",
    "confirm.required": "Confirm to go on: {details}",
    "refuse.readonly": "The meeting is open read-only; changes cannot be saved.",
    "refuse.unknown_member": "Unknown member: {ref}.",
    "refuse.unknown_item": "Unknown agenda item: {ref}.",
    "refuse.item_not_closed": (
        "Item {number} is not closed; its decision is already in the public minutes."
    ),
    "refuse.unknown_motion": "Unknown motion: {ref}.",
    "refuse.unknown_vote": "Unknown vote: {ref}.",
    "refuse.meeting_not_open": "The meeting is not open (status: {status}).",
    "refuse.meeting_already_open": "The meeting is already open.",
    "refuse.meeting_closed": "The meeting is closed (status: {status}); it cannot be changed.",
    "refuse.meeting_not_closed": "The minutes can be approved only after the meeting is closed.",
    "refuse.vote_closed": "The vote is closed; no more ballots can be cast.",
    "refuse.vote_open": "A vote is open on this item; close it first.",
    "refuse.vote_empty": "No ballots have been cast.",
    "refuse.not_eligible": "{name} may not vote on this item ({reason}).",
    "refuse.reason_absent": "not present",
    "refuse.reason_inhabil": "conflict of interest",
    "refuse.reason_item_absent": "not taking part in the item",
    "refuse.reason_non_voting": "no vote",
    "refuse.reason_seat_taken": "the substitute does not vote while the member is present",
    "refuse.no_party_voters": "No eligible members of {party} on this item.",
    "refuse.already_present": "{name} is already present.",
    "refuse.not_present": "{name} is not present.",
    "refuse.substitute_for_present": (
        "{name} is present; a substitute can only take the seat of an absent member."
    ),
    "refuse.already_absent": "{name} is already not taking part in the item.",
    "refuse.not_item_absent": "{name} is not recorded as absent from the item.",
    "refuse.empty_text": "The text must not be empty.",
    "refuse.text_too_long": "The text is too long ({length} characters; at most {limit}).",
    "refuse.election_candidates": "An election needs at least one candidate.",
    "refuse.election_unknown_candidate": "{candidate} is not a candidate.",
    "refuse.unknown_election": "Unknown election: {ref}.",
    "refuse.election_closed": "The election is closed; no more ballots can be cast.",
    "refuse.election_open": "An election is open in this meeting; close it first.",
    "refuse.election_no_valid_ballots": (
        "None of the ballots count: {names} may no longer vote on the item."
    ),
    "refuse.amends_itself": "An amendment must amend another motion.",
    "refuse.attendance_after_movement": (
        "{name} is already recorded as arrived or left; use Arrives/Leaves instead."
    ),
    "refuse.attendance_after_taking_part": (
        "{name} took part under item {number} (voted, spoke or had a statement recorded) and "
        "cannot have been away; if {name} left the meeting, record it with Leaves."
    ),
    "refuse.amends_only_amendment": "Only an amendment can amend another motion.",
    "refuse.substitute_for_non_member": "{name} holds no voting seat a substitute could take.",
    "refuse.seat_already_taken": "A substitute already holds {name}'s seat.",
    "warn.ballots_discarded": (
        "Ballots of members who may no longer vote on the item are not counted: {names}."
    ),
    "verify.hash_invalid": "{hash} is not a hash from a referat (at least 12 hexadecimal digits).",
    "verify.hash_outdated": (
        "The referat is not the latest: the meeting of {meeting} has {count} later events."
    ),
    "verify.hash_outdated.one": (
        "The referat is not the latest: the meeting of {meeting} has 1 later event."
    ),
    "refuse.nothing_to_undo": "There is nothing to undo.",
    "refuse.invalid_value": "Invalid value for {field}: {problem}.",
    "storage.damaged": "The database {path} is damaged: {problem}",
    "storage.not_a_database": "{path} is not a meetingtui database ({problem}).",
    "storage.locked": (
        "Meeting {meeting_id} is already open for writing in another process or terminal. "
        "Open it read-only to follow along."
    ),
    "storage.busy": "The database is busy in another process; try again.",
    "storage.no_meeting": "There is no meeting with id {meeting_id}.",
    "storage.newer_schema": (
        "The database {path} was written by a newer version of meetingtui (schema version"
        " {found}; this version knows up to {known}). It is not changed; update meetingtui."
    ),
    "storage.newer_schema_reading": (
        "Note: the database {path} is from a newer version of meetingtui (schema version"
        " {found}; this version knows up to {known}). It is read, not changed."
    ),
    "storage.migration_missing": (
        "The database {path} lacks the record of upgrade {name} in the table"
        " _sqlite_migrations although later upgrades are recorded; the table was changed"
        " outside meetingtui. The database is not changed."
    ),
    "storage.migration_failed": (
        "The database {path} cannot be upgraded: the records in the table _sqlite_migrations"
        " do not match the tables ({problem}). The database is not changed."
    ),
    "storage.disk_full": (
        "The disk is full: {path} cannot be written. Nothing was changed; free some space and"
        " try again."
    ),
    "storage.readonly_file": "The file {path} is read-only: it can be read, but nothing saved.",
    "storage.readonly_media": (
        "{path} is on a read-only drive: it can be read, but nothing can be saved in it."
    ),
    "storage.readonly_folder": (
        "The folder {folder} is read-only: the database {path} can be read, but nothing saved"
        " (the database must be able to create files beside itself)."
    ),
    "storage.no_access": "No access to {path}.",
    "storage.io_error": "The disk could not read or write {path} ({problem}). Nothing was changed.",
    "storage.cannot_open": "The database {path} cannot be opened ({problem}).",
    "storage.missing": "The database {path} does not exist.",
    "storage.wal_unreadable": (
        "The latest changes to {path} are in the file {path}-wal, which cannot be read on a"
        " read-only drive. Copy the database with its -wal file to a writable folder."
    ),
    "storage.record_mismatch": (
        "{problem} The database was changed outside meetingtui; nothing was shown or"
        " exported. Run meetingtui verify."
    ),
    "storage.follow_stopped": "No longer following the meeting: {problem}",
    "storage.write_failed": (
        "{path} could not be written: {cause}. An earlier file of that name is untouched."
    ),
    "fault.disk_full": "the disk is full",
    "fault.readonly_media": "the drive is read-only",
    "fault.readonly_folder": "the folder is read-only",
    "fault.readonly_file": "the file is read-only",
    "fault.no_access": "no access",
    "backup.exists": "{path} already exists; choose another name, or use --replace.",
    "backup.same_file": "{path} is the database itself; choose another name for the copy.",
    "backup.done": (
        "The database was copied to {path}: {meetings} meetings, {events} events,"
        " latest hash {head}."
    ),
    "storage.older_schema": (
        "The database {path} is from an older version of meetingtui. Open it once without"
        " read-only (for instance with meetingtui list) and it is brought up to date."
    ),
    "verify.ok": "The audit chain is intact: {events} events, latest hash {head}.",
    "verify.broken_hash": "Event {seq} was altered: its hash does not match its content.",
    "verify.broken_link": "Event {seq} does not point at the previous event; an event was deleted or altered.",
    "verify.missing_events": "Events after no. {seq} are missing (the chain ended earlier than recorded).",
    "verify.head_mismatch": "The chain head does not match: recorded {expected}, found {found}.",
    "verify.state_mismatch": "The meeting of {meeting} differs from its events in table {table}.",
    "verify.replay_failed": "The meeting of {meeting} cannot be rebuilt from its events.",
    "verify.hash_found": "Hash {hash} belongs to the meeting of {meeting}, event {seq}.",
    "verify.hash_unknown": "Hash {hash} is not in the audit chain.",
    "verify.checked": "Checked: {events} events, latest hash {head}.",
    "verify.meeting_head": "The latest hash of the meeting of {meeting} is {head}.",
    "agenda.file_missing": "The file {path} does not exist.",
    "agenda.not_utf8": "{path} is not valid UTF-8 (byte {position}).",
    "agenda.toml_syntax": "{path}: TOML error: {problem}",
    "agenda.field": "{path}: field {field}: {problem}",
    "agenda.duplicate": "{path}: field {field}: already used earlier in the file.",
    "field_problem.missing": "is required",
    "field_problem.too_short": "must have at least {min_length}",
    "field_problem.string_too_short": "must not be empty",
    "field_problem.extra_forbidden": "is not known (a typo?)",
    "field_problem.enum": "must be one of: {expected}",
    "field_problem.literal_error": "must be one of: {expected}",
    "field_problem.bool_parsing": "must be true or false",
    "field_problem.bool_type": "must be true or false",
    "field_problem.string_type": "must be text in quotes",
    "field_problem.int_parsing": "must be a whole number",
    "field_problem.int_type": "must be a whole number",
    "field_problem.date_type": "must be a date like 2025-03-11",
    "field_problem.date_parsing": "must be a date like 2025-03-11",
    "field_problem.date_from_datetime_parsing": "must be a date like 2025-03-11",
    "field_problem.list_type": "must be a list",
    "field_problem.model_type": "must be a table",
    "field_problem.dict_type": "must be a table",
    "agenda.not_a_file": (
        "{path} is not a regular file (but a folder, a pipe or a device, say);"
        " give the agenda file."
    ),
    "agenda.unreadable": "{path} cannot be read: {problem}.",
    "agenda.too_large": "{path} is too large to be an agenda (at most {limit} MB).",
    "agenda.too_deep": "{path}: the file is nested too deeply to be an agenda.",
    "cli.created": "Meeting {meeting_id} created: {label}.",
    "cli.demo_exists": "The demo meeting already exists (id {meeting_id}).",
    "cli.no_meetings": "There are no meetings in the database.",
    "cli.not_available": "{command} is not available yet.",
    "status.planned": "planned",
    "status.open": "open",
    "status.closed": "closed",
    "status.approved": "approved",
}
