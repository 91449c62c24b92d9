"""Catalog: help texts of the command line (`meetingtui --help`, `meetingtui CMD --help`)."""

DA: dict[str, str] = {
    "cli.help.main": (
        "Kør kommunale udvalgsmøder fra tastaturet, og før deres protokol.\n\n"
        "Uden en kommando åbnes startskærmen."
    ),
    "cli.opt.main.db": "Databasefil (standard: brugerens datamappe, eller MEETINGTUI_DB).",
    "cli.opt.main.lang": (
        "Sprog: da (dansk) eller en (engelsk). Referatet er dansk uanset (se export --referat-lang)."
    ),
    "cli.opt.main.config": "Konfigurationsfil med tastaturgenveje (TOML).",
    "cli.opt.main.version": "Vis versionen og afslut.",
    "cli.help.demo": "Opret (én gang) og åbn demomødet (Lejre, 3. januar 2017).",
    "cli.opt.demo.no_open": "Opret kun demomødet, og skriv dets id.",
    "cli.help.new": (
        "Opret et planlagt møde fra en dagsordensfil (TOML) eller en offentliggjort dagsorden "
        "(FirstAgenda JSON/HTML, PDF, DOCX, XML), og skriv dets id. Med --committee kommer "
        "fremmødelisten fra udvalgets medlemsliste på mødedatoen."
    ),
    "cli.help.open": "Åbn mødet MØDE (et id fra `meetingtui list`) i brugerfladen.",
    "cli.opt.open.readonly": "Følg et møde, som en anden terminal kører (skrivebeskyttet).",
    "cli.help.list": "Møderne i databasen: id, udvalg, titel, start og status.",
    "cli.opt.list.as_json": "Skriv JSON til scripts.",
    "cli.help.verify": (
        "Genberegn revisionssporets hash-kæde, og kontrollér hvert møde mod dets hændelser."
    ),
    "cli.opt.verify.hash_": "Kontrollér, at en hash trykt i et referat findes i kæden.",
    "cli.help.backup": (
        "Kopiér databasen til FIL som ét sammenhængende øjeblik, også mens et møde kører."
        " Sådan kopieres en database: en kopi af .db-filen alene kan mangle de seneste"
        " ændringer."
    ),
    "cli.opt.backup.replace": "Erstat FIL, hvis den findes.",
    "cli.help.export": "Eksportér referatet af mødet MØDE (et id fra `meetingtui list`).",
    "cli.opt.export.fmt": "docx (Word-referat), json (hele protokollen), popolo eller md (Markdown).",
    "cli.opt.export.public": (
        "Offentligt: lukkede punkter viser kun 'Lukket punkt'. Internt: alt."
    ),
    "cli.opt.export.template": "Kommunens egen .docx: typografier, sidehoved og brevpapir.",
    "cli.opt.export.hide_closed_titles": (
        "Offentligt referat: vis lukkede punkter kun med nummer, uden titel."
    ),
    "cli.opt.export.output": "Outputfil ('-' for standard output). Standard: referat-<udvalg>-<dato>.",
    "cli.opt.export.referat_lang": (
        "Referatets sprog: da (dansk, standard, uanset --lang) eller en (engelsk)."
    ),
    "cli.help.schema": "Skriv JSON-skemaet for `meetingtui export --format json`.",
    "cli.opt.schema.output": "Skriv til denne fil i stedet for standard output.",
    "cli.help.import": (
        "Importér referater og dagsordener (filer eller mapper, rekursivt) til arkivet.\n\n"
        "Formatet genkendes ud fra indholdet. Afslutter med status 1, hvis en fil fejlede."
    ),
    "cli.opt.import.as_json": "Skriv opsummeringen som JSON til scripts.",
    "cli.opt.import.workers": "Antal processer, der læser filer.",
    "cli.help.search": "Søg i titler, afsnit og beslutninger i arkivet.",
    "cli.opt.search.body": "Kun dette udvalg (en del af navnet).",
    "cli.opt.search.date_from": "Fra denne dato (inklusive).",
    "cli.opt.search.date_to": "Til denne dato (inklusive).",
    "cli.opt.search.limit": "Højst så mange resultater.",
    "cli.opt.search.as_json": "Skriv JSON til scripts.",
    "cli.help.case": (
        "Alle punkter med dette sagsnummer på tværs af møder, i datoorden, med beslutninger."
    ),
    "cli.opt.case.as_json": "Skriv JSON til scripts.",
    "cli.opt.export.toc_pages": (
        "docx: læg referatet op én gang i LibreOffice (hvis det er installeret), så Word viser "
        "indholdsfortegnelsens sidetal."
    ),
    "cli.help.publish": (
        "Skriv en offentlig kopi af arkivet til FIL (SQLite, til Datasette) og FIL.metadata.json "
        "ved siden af: lukkede punkter som i det offentlige referat."
    ),
    "cli.opt.publish.title": "Arkivets titel (standard: Mødearkiv).",
    "cli.opt.publish.licence": "Licensen for de offentliggjorte data, fx CC0 1.0.",
    "cli.opt.publish.licence_url": "Adressen på licensteksten.",
    "cli.opt.publish.source": "Hvem der offentliggør dem, fx kommunen.",
    "cli.opt.publish.source_url": "Adressen på kilden.",
    "cli.opt.publish.hide_closed_titles": "Lukkede punkter uden deres titler.",
}

EN: dict[str, str] = {
    "cli.help.main": (
        "Run Danish municipal committee meetings from the keyboard, and keep their record.\n\n"
        "Without a command, opens the start screen."
    ),
    "cli.opt.main.db": "Database file (default: the user data directory; or MEETINGTUI_DB).",
    "cli.opt.main.lang": (
        "Language: da (Danish) or en (English). The referat is Danish regardless (see export "
        "--referat-lang)."
    ),
    "cli.opt.main.config": "Keymap/config file (TOML).",
    "cli.opt.main.version": "Show the version and exit.",
    "cli.help.demo": "Create (once) and open the demo meeting (Lejre, 3 January 2017).",
    "cli.opt.demo.no_open": "Only create the demo meeting and print its id.",
    "cli.help.new": (
        "Create a planned meeting from an agenda file (TOML) or a published dagsorden "
        "(FirstAgenda JSON/HTML, PDF, DOCX, XML) and print its id. With --committee the roll "
        "call is the committee's roster on the meeting's date."
    ),
    "cli.help.open": "Open meeting MEETING_ID in the TUI.",
    "cli.opt.open.readonly": "Follow a meeting another terminal is running (read-only).",
    "cli.help.list": "The meetings in the database: id, body, title, start and status.",
    "cli.opt.list.as_json": "Print JSON for scripts.",
    "cli.help.verify": "Recompute the audit chain and check every meeting against its events.",
    "cli.opt.verify.hash_": "Check that a hash printed in a referat is in the chain.",
    "cli.help.backup": (
        "Copy the database to FILE as one consistent moment, even while a meeting runs."
        " This is how to copy a database: a copy of the .db file alone may lack the latest"
        " changes."
    ),
    "cli.opt.backup.replace": "Replace FILE if it exists.",
    "cli.help.export": "Export the referat of meeting MEETING (an id from `meetingtui list`).",
    "cli.opt.export.fmt": "docx (Word referat), json (complete record), popolo or md (Markdown).",
    "cli.opt.export.public": "Public: closed items show only 'Lukket punkt'. Internal: everything.",
    "cli.opt.export.template": "The municipality's .docx: styles, header and letterhead.",
    "cli.opt.export.hide_closed_titles": (
        "Public referat: show closed items by number only, without their titles."
    ),
    "cli.opt.export.output": "Output file ('-' for standard output). Default: referat-<body>-<date>.",
    "cli.opt.export.referat_lang": (
        "The referat's language: da (Danish, the default, whatever --lang says) or en (English)."
    ),
    "cli.help.schema": "Print the JSON Schema of `meetingtui export --format json`.",
    "cli.opt.schema.output": "Write to this file instead of standard output.",
    "cli.help.import": (
        "Import referats and agendas (files or folders, recursively) into the archive.\n\n"
        "The format is detected from each file's content. Exit status 1 when any file failed."
    ),
    "cli.opt.import.as_json": "Print the summary as JSON for scripts.",
    "cli.opt.import.workers": "Parser processes.",
    "cli.help.search": "Search titles, sections and decisions in the archive.",
    "cli.opt.search.body": "Only this body (part of its name).",
    "cli.opt.search.date_from": "From this date (inclusive).",
    "cli.opt.search.date_to": "To this date (inclusive).",
    "cli.opt.search.limit": "At most this many results.",
    "cli.opt.search.as_json": "Print JSON for scripts.",
    "cli.help.case": (
        "Every item with this case number, across meetings, in date order, with its decisions."
    ),
    "cli.opt.case.as_json": "Print JSON for scripts.",
    "cli.opt.export.toc_pages": (
        "docx: lay the referat out once in LibreOffice (when installed) so Word shows the page "
        "numbers of the table of contents."
    ),
    "cli.help.publish": (
        "Write a public-only copy of the archive to OUT (SQLite, for Datasette) and "
        "OUT.metadata.json beside it: closed items as in the public referat."
    ),
    "cli.opt.publish.title": "The archive's title (default: Mødearkiv).",
    "cli.opt.publish.licence": "Licence of the published data, e.g. CC0 1.0.",
    "cli.opt.publish.licence_url": "Address of the licence text.",
    "cli.opt.publish.source": "Who publishes it, e.g. the municipality.",
    "cli.opt.publish.source_url": "Address of the source.",
    "cli.opt.publish.hide_closed_titles": "Closed items without their titles.",
}
