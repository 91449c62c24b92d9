"""Catalog: committees and their rosters, meetings planned from a committee, the register."""

DA: dict[str, str] = {
    # refusals of the committee commands
    "committee.empty": "Feltet {field} må ikke være tomt.",
    "committee.too_long": "Feltet {field} er for langt (højst {limit} tegn).",
    "committee.bad_email": "{email} er ikke en gyldig e-mailadresse.",
    "committee.bad_kind": "Ukendt udvalgstype {kind}; vælg en af: {choices}.",
    "committee.bad_role": "Ukendt rolle {role}; vælg en af: {choices}.",
    "committee.unknown": "Der findes intet udvalg {name}.",
    "committee.unknown_listed": "Der findes intet udvalg {name}. Udvalgene er: {names}.",
    "committee.unknown_none": (
        "Der findes intet udvalg {name}; der er ingen udvalg endnu (importér en udvalgsfil)."
    ),
    "committee.ambiguous": "»{name}« passer på flere udvalg: {names}. Skriv hele navnet.",
    "committee.exists": "Udvalget {name} findes allerede.",
    "committee.member_twice": "{name} står allerede på medlemslisten i samme tidsrum.",
    "committee.role_taken": "{name} er allerede {role} i samme tidsrum.",
    "committee.rank_taken": "{name} er allerede nr. {rank} på stedfortræderlisten for {party}.",
    "committee.substitute_needs_party": (
        "Stedfortræderen {name} skal have et parti eller en organisation (listen, de står på)."
    ),
    "committee.bad_rank": "Ugyldig plads på stedfortræderlisten: {rank}.",
    "committee.period_backwards": "Valgperioden {name} slutter, før den begynder.",
    "committee.period_exists": "Valgperioden {name} findes allerede.",
    "committee.period_overlap": "Valgperioden {name} overlapper valgperioden {other}.",
    "committee.unknown_period": "Ukendt valgperiode: {name}.",
    "committee.date_outside_period": "{date} ligger uden for valgperioden {period}.",
    "committee.unknown_member": "Ukendt medlem på medlemslisten: {name}.",
    "committee.already_left": "{name} er allerede udtrådt pr. {date}.",
    "committee.leave_date": (
        "{name} kan ikke udtræde pr. {date}: datoen skal ligge efter indtrædelsen og i "
        "valgperioden {period}."
    ),
    "committee.bad_field": "Ukendt felt: {field}.",
    # the committee file
    "committee.file_missing": "Filen {path} findes ikke.",
    "committee.file_too_large": "{path} er for stor (højst {limit} byte).",
    "committee.file_not_utf8": "{path} er ikke gyldig UTF-8 (byte {position}).",
    "committee.file_syntax": "{path}: TOML-fejl: {problem}",
    "committee.file_field": "{path}: feltet {field}: {problem}",
    "committee.file_refused": "{path}: {problem} Intet er ændret.",
    "committee.file_left_changed": (
        "{name} er registreret som udtrådt pr. {date}; en registreret udtræden kan ikke "
        "fjernes eller flyttes."
    ),
    "committee.file_missing_period": (
        "Valgperioden {name} findes i databasen, men ikke i filen; tag den med "
        "(meetingtui committee export giver hele udvalget)."
    ),
    "committee.file_period_dates": (
        "Valgperioden {name} har andre datoer i databasen; datoerne kan ikke ændres."
    ),
    "committee.file_missing_member": (
        "{name} ({period}) findes i databasen, men ikke i filen; sletning sker ikke — "
        "angiv left = DATO for at registrere en udtræden."
    ),
    # the register in verify
    "verify.register_replay_failed": (
        "Udvalgs- og forsendelsesregistret kan ikke genopbygges af sine hændelser."
    ),
    "verify.register_mismatch": (
        "Udvalgs- og forsendelsesregistret afviger fra sine hændelser i tabellen {table}."
    ),
    # rules
    "warn.no_voting_members": (
        "Mødet har ingen stemmeberettigede medlemmer, så det kan ikke være "
        "beslutningsdygtigt. Opret mødet fra et udvalg med dets medlemsliste (Udvalg på "
        "startskærmen, så Nyt fra dagsorden med udvalgets navn; eller meetingtui new --committee NAVN "
        "--agenda FIL), eller tilføj medlemmer i dagsordensfilen."
    ),
    # command line
    "committee.no_period_on": "Udvalget {name} har ingen valgperiode, der dækker {date}.",
    "committee.cli.created": (
        "Udvalget {name} er oprettet: {periods}, {joined} på listen, {left} udtrådt."
    ),
    "committee.cli.updated": (
        "Udvalget {name} er opdateret: {new_periods}, {joined} indtrådt, "
        "{left} udtrådt, {corrected} rettet."
    ),
    "committee.cli.periods": "{count} valgperioder",
    "committee.cli.periods.one": "1 valgperiode",
    "committee.cli.new_periods": "{count} nye valgperioder",
    "committee.cli.new_periods.one": "1 ny valgperiode",
    "committee.cli.unchanged": "Udvalget {name} er uændret: filen siger det samme som databasen.",
    "committee.cli.written": "Skrevet: {path}",
    "committee.cli.none": "Der er ingen udvalg i databasen (meetingtui committee import FIL).",
    "committee.cli.line": (
        "{id:>4}  {name} ({kind}, {municipality}) · {period}: {members} medlemmer, "
        "{substitutes} stedfortrædere"
    ),
    "committee.cli.no_period": "ingen aktuel valgperiode",
    "committee.cli.roster_head": "{name} den {date} (valgperiode {period}):",
    "committee.cli.no_vote": "(uden stemmeret)",
    "committee.cli.substitutes_head": "Stedfortrædere (i rækkefølge pr. liste):",
    "cli.help.committee": "Udvalg og deres medlemslister (valgperioder, medlemmer, stedfortrædere).",
    "cli.help.committee.import": "Opret eller opdatér et udvalg fra en udvalgsfil (TOML).",
    "cli.help.committee.export": (
        "Skriv udvalget NAVN som en udvalgsfil (TOML), som `committee import` kan læse."
    ),
    "cli.opt.committee.export.output": "Skriv til denne fil i stedet for standard output.",
    "cli.help.committee.list": (
        "Udvalgene: navn, type, kommune, den aktuelle valgperiode og antal medlemmer."
    ),
    "cli.opt.committee.list.as_json": "Skriv JSON til scripts.",
    "cli.help.committee.roster": (
        "Medlemmer og stedfortrædere i udvalget NAVN på en dato (et mødes fremmødeliste)."
    ),
    "cli.opt.committee.roster.on": (
        "Medlemslisten på denne dato (11.03.2025 eller 2025-03-11; standard i dag)."
    ),
    "committee.cli.bad_date": "{value} er ikke en dato; skriv den som 11.03.2025 eller 2025-03-11.",
    "cli.opt.committee.roster.as_json": "Skriv JSON til scripts.",
    # the committees screen
    "key.start.committees": "Udvalg",
    "tui.scope.committees": "Udvalg",
    "key.committees.import": "Importér udvalgsfil",
    "key.committees.new_committee": "Nyt udvalg",
    "key.committees.new_period": "Ny valgperiode",
    "key.committees.join": "Indtræder",
    "key.committees.leave": "Udtræder",
    "key.committees.edit_email": "Ret e-mail",
    "key.committees.roster_date": "Dato",
    "key.committees.back": "Tilbage",
    "committee.tui.title": "Udvalg og medlemslister",
    "committee.tui.empty": (
        "Der er ingen udvalg endnu: tryk {import_key} for at importere en udvalgsfil eller {new_key} "
        "for et nyt udvalg."
    ),
    "committee.tui.col.name": "Navn",
    "committee.tui.col.kind": "Type",
    "committee.tui.col.municipality": "Kommune",
    "committee.tui.col.period": "Valgperiode",
    "committee.tui.col.party": "Parti/org.",
    "committee.tui.col.role": "Rolle",
    "committee.tui.col.email": "E-mail",
    "committee.tui.col.joined": "Indtrådt",
    "committee.tui.col.left": "Udtrådt",
    "committee.tui.no_committee": "Intet udvalg valgt",
    "committee.tui.no_period": "{name}: ingen valgperiode dækker {date} (tryk {new_period} for en ny)",
    "committee.tui.roster_title": "{name} — medlemsliste den {date} (valgperiode {period})",
    "committee.tui.substitute_rank": "stedfortræder nr. {rank}",
    "committee.tui.bad_date": "{value} er ikke en dato; skriv den som DD.MM.ÅÅÅÅ, fx 11.03.2025.",
    "committee.tui.import_title": "Importér udvalgsfil",
    "committee.tui.import_path": "Udvalgsfil (TOML)",
    "committee.tui.new_title": "Nyt udvalg",
    "committee.tui.created": "Udvalget {name} er oprettet.",
    "committee.tui.period_title": "Ny valgperiode for {name}",
    "committee.tui.period_added": "Valgperioden {name} er tilføjet.",
    "committee.tui.join_title": "Indtræder i {name}",
    "committee.tui.joined": "{name} indtræder pr. {date}.",
    "committee.tui.leave_title": "{name} udtræder",
    "committee.tui.left": "{name} udtræder pr. {date}.",
    # a meeting's roll call against its committee's roster on the meeting's date
    "committee.drift_off": (
        "⚠ {name} er ikke medlem af {committee} den {date}{when}, men står på mødets "
        "fremmødeliste, der blev taget fra medlemslisten, da mødet blev planlagt. Den, der ikke "
        "sidder i udvalget, tæller ikke med og stemmer ikke: planlæg mødet igen fra dagsordenen."
    ),
    "committee.drift_left_on": " (udtrådt pr. {date})",
    "committee.drift_joins_on": " (indtræder pr. {date})",
    "committee.drift_missing": (
        "⚠ {name} er medlem af {committee} den {date}, men står ikke på mødets fremmødeliste, "
        "der blev taget fra medlemslisten, da mødet blev planlagt."
    ),
    "committee.tui.email_title": "E-mail for {name}",
    "committee.tui.email_saved": "E-mailadressen for {name} er rettet.",
    "committee.tui.date_title": "Vis medlemslisten på en dato",
    "committee.tui.field.name": "Navn",
    "committee.tui.field.kind": "Type (byråd, udvalg, § 17, stk. 4-udvalg)",
    "committee.tui.field.municipality": "Kommune",
    "committee.tui.field.period": "Valgperiode",
    "committee.tui.field.starts": "Første dag (DD.MM.ÅÅÅÅ)",
    "committee.tui.field.ends": "Sidste dag (DD.MM.ÅÅÅÅ)",
    "committee.tui.field.party": "Parti eller organisation",
    "committee.tui.field.role": "Rolle (formand, næstformand, medlem, observatør, stedfortræder)",
    "committee.tui.field.email": "E-mailadresse",
    "committee.tui.field.joined": "Indtræder pr. (DD.MM.ÅÅÅÅ)",
    "committee.tui.field.left": "Udtræder pr. — første dag uden for udvalget (DD.MM.ÅÅÅÅ)",
    "committee.tui.field.date": "Dato (DD.MM.ÅÅÅÅ)",
    # planning a meeting from a dagsorden and a committee
    "cli.opt.new.agenda_file": "Dagsordenen: en dagsordensfil (TOML) eller et dokument, arkivet kan læse.",
    "cli.opt.new.committee": "Udvalget, hvis medlemsliste på mødedatoen giver fremmødelisten.",
    "plan.two_agendas": "Angiv dagsordenen én gang: som argument eller med --agenda.",
    "plan.no_agenda": "Angiv en dagsorden: meetingtui new --agenda FIL [--committee NAVN].",
    "plan.unreadable": "{path} kan ikke læses: {reason}",
    "plan.is_referat": (
        "{path} er et referat, ikke en dagsorden: der er allerede truffet beslutninger. "
        "Importér det i arkivet i stedet (meetingtui import)."
    ),
    "plan.not_one_meeting": "{path} indeholder {count} møder; et nyt møde kræver én dagsorden.",
    "plan.no_roster": (
        "Udvalget {name} har ingen medlemmer den {date} (valgperioder: {periods}); "
        "tilføj en valgperiode med medlemmer først."
    ),
    "plan.body_differs": (
        "Dagsordenen er til {body}, men mødet oprettes for udvalget {committee}; kontrollér, "
        "at det er den rigtige dagsorden."
    ),
    "plan.items": "{count} punkter fra dagsordenen ({format}).",
    "plan.items.one": "1 punkt fra dagsordenen ({format}).",
    "plan.roster": (
        "Fremmøde fra {committee}s medlemsliste den {date}: {members} deltagere, "
        "{emails} med e-mailadresse."
    ),
    "agenda.members_and_committee": (
        "{path}: filen har [[members]], og udvalget har en medlemsliste; fjern [[members]] "
        "eller udelad --committee."
    ),
    "plan.tui.committee": "Udvalg (valgfrit: medlemslisten giver fremmødelisten)",
    # indkald stedfortræder (the roll call)
    "sub.title": "Indkald stedfortræder for {name}",
    "sub.option": "{name} ({party}), nr. {rank} på listen",
    "sub.other": "En anden — skriv navnet …",
    "sub.nobody": "Ingen stedfortræder",
    "sub.none_left": "Der er ingen stedfortræder tilbage på {party}s liste for {name}.",
    "sub.called_in": "{substitute} er indkaldt for {name}.",
    "sub.address_failed": (
        "{name} er indkaldt, men adressen til referatet blev ikke gemt: {problem}"
    ),
    "tui.quorum_no_members": "ingen stemmeberettigede medlemmer",
}

EN: dict[str, str] = {
    "committee.empty": "The field {field} must not be empty.",
    "committee.too_long": "The field {field} is too long (at most {limit} characters).",
    "committee.bad_email": "{email} is not a valid email address.",
    "committee.bad_kind": "Unknown kind of committee {kind}; choose one of: {choices}.",
    "committee.bad_role": "Unknown role {role}; choose one of: {choices}.",
    "committee.unknown": "There is no committee {name}.",
    "committee.unknown_listed": "There is no committee {name}. The committees are: {names}.",
    "committee.unknown_none": (
        "There is no committee {name}; there are no committees yet (import a committee file)."
    ),
    "committee.ambiguous": "“{name}” fits several committees: {names}. Type the whole name.",
    "committee.exists": "The committee {name} already exists.",
    "committee.member_twice": "{name} is already on the roster for the same time.",
    "committee.role_taken": "{name} is already {role} for the same time.",
    "committee.rank_taken": "{name} is already no. {rank} on the substitutes' list of {party}.",
    "committee.substitute_needs_party": (
        "The substitute {name} needs a party or organisation (the list they are on)."
    ),
    "committee.bad_rank": "Invalid place on the substitutes' list: {rank}.",
    "committee.period_backwards": "The term {name} ends before it starts.",
    "committee.period_exists": "The term {name} already exists.",
    "committee.period_overlap": "The term {name} overlaps the term {other}.",
    "committee.unknown_period": "Unknown term: {name}.",
    "committee.date_outside_period": "{date} is outside the term {period}.",
    "committee.unknown_member": "Unknown member on the roster: {name}.",
    "committee.already_left": "{name} already left on {date}.",
    "committee.leave_date": (
        "{name} cannot leave on {date}: the date must come after joining and lie within the "
        "term {period}."
    ),
    "committee.bad_field": "Unknown field: {field}.",
    "committee.file_missing": "The file {path} does not exist.",
    "committee.file_too_large": "{path} is too large (at most {limit} bytes).",
    "committee.file_not_utf8": "{path} is not valid UTF-8 (byte {position}).",
    "committee.file_syntax": "{path}: TOML error: {problem}",
    "committee.file_field": "{path}: field {field}: {problem}",
    "committee.file_refused": "{path}: {problem} Nothing was changed.",
    "committee.file_left_changed": (
        "{name} is recorded as having left on {date}; a recorded departure cannot be removed "
        "or moved."
    ),
    "committee.file_missing_period": (
        "The term {name} is in the database but not in the file; include it "
        "(meetingtui committee export gives the whole committee)."
    ),
    "committee.file_period_dates": (
        "The term {name} has other dates in the database; the dates cannot be changed."
    ),
    "committee.file_missing_member": (
        "{name} ({period}) is in the database but not in the file; nothing is deleted — "
        "give left = DATE to record a departure."
    ),
    "verify.register_replay_failed": (
        "The register of committees and deliveries cannot be rebuilt from its events."
    ),
    "verify.register_mismatch": (
        "The register of committees and deliveries differs from its events in table {table}."
    ),
    "warn.no_voting_members": (
        "The meeting has no voting members, so it can never have a quorum. Create it from a "
        "committee with its roster (Committees on the start screen, then New from agenda with the "
        "committee's name; or meetingtui new --committee NAME --agenda FILE), or add members "
        "to the agenda file."
    ),
    "committee.no_period_on": "The committee {name} has no term that covers {date}.",
    "committee.cli.created": (
        "Committee {name} created: {periods}, {joined} on the roster, {left} left."
    ),
    "committee.cli.updated": (
        "Committee {name} updated: {new_periods}, {joined} joined, {left} left, "
        "{corrected} corrected."
    ),
    "committee.cli.periods": "{count} terms",
    "committee.cli.periods.one": "1 term",
    "committee.cli.new_periods": "{count} new terms",
    "committee.cli.new_periods.one": "1 new term",
    "committee.cli.unchanged": "Committee {name} unchanged: the file says what the database says.",
    "committee.cli.written": "Written: {path}",
    "committee.cli.none": "There are no committees in the database (meetingtui committee import FILE).",
    "committee.cli.line": (
        "{id:>4}  {name} ({kind}, {municipality}) · {period}: {members} members, "
        "{substitutes} substitutes"
    ),
    "committee.cli.no_period": "no current term",
    "committee.cli.roster_head": "{name} on {date} (term {period}):",
    "committee.cli.no_vote": "(no vote)",
    "committee.cli.substitutes_head": "Substitutes (in order, list by list):",
    "cli.help.committee": "Committees and their rosters (terms, members, substitutes).",
    "cli.help.committee.import": "Create or update a committee from a committee file (TOML).",
    "cli.help.committee.export": (
        "Print the committee NAME as a committee file (TOML) that `committee import` reads."
    ),
    "cli.opt.committee.export.output": "Write to this file instead of standard output.",
    "cli.help.committee.list": (
        "The committees: name, kind, municipality, the current term and its roster size."
    ),
    "cli.opt.committee.list.as_json": "Print JSON for scripts.",
    "cli.help.committee.roster": (
        "The members and substitutes of committee NAME on a date (a meeting's roll call)."
    ),
    "cli.opt.committee.roster.on": (
        "The roster valid on this date (11.03.2025 or 2025-03-11; default today)."
    ),
    "committee.cli.bad_date": "{value} is not a date; write it as 11.03.2025 or 2025-03-11.",
    "cli.opt.committee.roster.as_json": "Print JSON for scripts.",
    "key.start.committees": "Committees",
    "tui.scope.committees": "Committees",
    "key.committees.import": "Import committee file",
    "key.committees.new_committee": "New committee",
    "key.committees.new_period": "New term",
    "key.committees.join": "Joins",
    "key.committees.leave": "Leaves",
    "key.committees.edit_email": "Correct email",
    "key.committees.roster_date": "Date",
    "key.committees.back": "Back",
    "committee.tui.title": "Committees and rosters",
    "committee.tui.empty": (
        "There are no committees yet: press {import_key} to import a committee file or {new_key} "
        "for a new one."
    ),
    "committee.tui.col.name": "Name",
    "committee.tui.col.kind": "Kind",
    "committee.tui.col.municipality": "Municipality",
    "committee.tui.col.period": "Term",
    "committee.tui.col.party": "Party/org.",
    "committee.tui.col.role": "Role",
    "committee.tui.col.email": "Email",
    "committee.tui.col.joined": "Joined",
    "committee.tui.col.left": "Left",
    "committee.tui.no_committee": "No committee selected",
    "committee.tui.no_period": "{name}: no term covers {date} (press {new_period} for a new one)",
    "committee.tui.roster_title": "{name} — roster on {date} (term {period})",
    "committee.tui.substitute_rank": "substitute no. {rank}",
    "committee.tui.bad_date": "{value} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-11.",
    "committee.tui.import_title": "Import committee file",
    "committee.tui.import_path": "Committee file (TOML)",
    "committee.tui.new_title": "New committee",
    "committee.tui.created": "Committee {name} created.",
    "committee.tui.period_title": "New term for {name}",
    "committee.tui.period_added": "The term {name} was added.",
    "committee.tui.join_title": "Joining {name}",
    "committee.tui.joined": "{name} joins on {date}.",
    "committee.tui.leave_title": "{name} leaves",
    "committee.tui.left": "{name} leaves on {date}.",
    "committee.drift_off": (
        "⚠ {name} is not a member of {committee} on {date}{when}, but is on the meeting's "
        "roll call, taken from the roster when the meeting was planned. Someone not on the "
        "committee neither counts nor votes: plan the meeting again from its agenda."
    ),
    "committee.drift_left_on": " (left on {date})",
    "committee.drift_joins_on": " (joins on {date})",
    "committee.drift_missing": (
        "⚠ {name} is a member of {committee} on {date}, but is not on the meeting's roll "
        "call, taken from the roster when the meeting was planned."
    ),
    "committee.tui.email_title": "Email of {name}",
    "committee.tui.email_saved": "The email address of {name} was corrected.",
    "committee.tui.date_title": "Show the roster on a date",
    "committee.tui.field.name": "Name",
    "committee.tui.field.kind": "Kind (byråd, udvalg, § 17, stk. 4-udvalg)",
    "committee.tui.field.municipality": "Municipality",
    "committee.tui.field.period": "Term",
    "committee.tui.field.starts": "First day (YYYY-MM-DD)",
    "committee.tui.field.ends": "Last day (YYYY-MM-DD)",
    "committee.tui.field.party": "Party or organisation",
    "committee.tui.field.role": "Role (formand, næstformand, medlem, observatør, stedfortræder)",
    "committee.tui.field.email": "Email address",
    "committee.tui.field.joined": "Joins on (YYYY-MM-DD)",
    "committee.tui.field.left": "Leaves on — the first day off the committee (YYYY-MM-DD)",
    "committee.tui.field.date": "Date (YYYY-MM-DD)",
    "cli.opt.new.agenda_file": "The dagsorden: an agenda file (TOML) or a document the archive reads.",
    "cli.opt.new.committee": "The committee whose roster on the meeting's date is the roll call.",
    "plan.two_agendas": "Give the dagsorden once: as the argument or with --agenda.",
    "plan.no_agenda": "Give a dagsorden: meetingtui new --agenda FILE [--committee NAME].",
    "plan.unreadable": "{path} cannot be read: {reason}",
    "plan.is_referat": (
        "{path} is a referat, not a dagsorden: decisions have already been made. "
        "Import it into the archive instead (meetingtui import)."
    ),
    "plan.not_one_meeting": "{path} holds {count} meetings; a new meeting needs one dagsorden.",
    "plan.no_roster": (
        "The committee {name} has no members on {date} (terms: {periods}); add a term with "
        "members first."
    ),
    "plan.body_differs": (
        "The dagsorden is for {body}, but the meeting is created for the committee "
        "{committee}; check that it is the right dagsorden."
    ),
    "plan.items": "{count} items from the dagsorden ({format}).",
    "plan.items.one": "1 item from the dagsorden ({format}).",
    "plan.roster": (
        "Roll call from the roster of {committee} on {date}: {members} participants, "
        "{emails} with an email address."
    ),
    "agenda.members_and_committee": (
        "{path}: the file has [[members]] and the committee has a roster; remove [[members]] "
        "or leave out --committee."
    ),
    "plan.tui.committee": "Committee (optional: its roster gives the roll call)",
    "sub.title": "Call in a substitute for {name}",
    "sub.option": "{name} ({party}), no. {rank} on the list",
    "sub.other": "Someone else — type the name …",
    "sub.nobody": "No substitute",
    "sub.none_left": "There is no substitute left on the list of {party} for {name}.",
    "sub.called_in": "{substitute} is called in for {name}.",
    "sub.address_failed": (
        "{name} is called in, but the address for the referat was not saved: {problem}"
    ),
    "tui.quorum_no_members": "no voting members",
}
