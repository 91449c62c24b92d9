"""Catalog entries for the archive: importing files, search, case history and the archive screen."""

from __future__ import annotations

DA: dict[str, str] = {
    # Import errors: one line each, shown per failed file.
    "import.error.empty": "Filen er tom",
    "import.error.unknown_format": "Ukendt format: indholdet ligner ingen af de kendte eksporter",
    "import.error.too_large": "Filen er for stor ({size} MB; grænsen er {limit} MB)",
    "import.error.unreadable": "Filen kan ikke læses: {reason}",
    "import.error.json_invalid": "Ugyldig JSON i linje {line}, kolonne {column}",
    "import.error.json_truncated": (
        "JSON-filen holder op midt i indholdet (linje {line}): den er afkortet eller ikke gemt færdig"
    ),
    "import.error.json_shape": "JSON-filen mangler {field}",
    "import.error.xml_invalid": "Ugyldig XML i linje {line}, kolonne {column}",
    "import.error.xml_truncated": (
        "XML-filen holder op midt i indholdet (linje {line}): den er afkortet eller ikke gemt færdig"
    ),
    "import.error.xml_forbidden": "XML-filen indeholder entiteter eller DTD, som ikke tillades",
    "import.error.xml_shape": "XML-filen mangler {field}",
    "import.error.html_shape": "HTML-siden mangler {field}",
    "import.error.no_meetings": "Filen indeholder ingen møder",
    "import.error.no_date": "Mødedatoen kan ikke læses ({value})",
    "import.error.too_deep": "Filen er for dybt indlejret til at blive læst",
    "import.error.internal": "Importen fejlede: {reason}",
    "import.error.storage": "Mødet kunne ikke gemmes: {reason}",
    # Import summary.
    "import.status.imported": "importeret",
    "import.status.present": "findes allerede",
    "import.status.failed": "fejlede",
    "import.summary.header": "Fil\tFormat\tStatus\tMøder\tPunkter\tUplaceret\tÅrsag",
    "import.summary.totals": "{imported} importeret, {present} fandtes allerede, {failed} fejlede",
    "import.summary.totals_skipped": (
        "{imported} importeret, {present} fandtes allerede, {failed} fejlede,"
        " {skipped} sprunget over"
    ),
    "import.status.skipped": "sprunget over",
    # A one-item file whose meeting is already in the archive.
    "import.meeting_label": "{body} den {date}",
    "import.joined": "tilføjet til mødet i {meeting}",
    "import.replaced_undecided": (
        " i stedet for pkt. {number} uden beslutning, som en tidligere fil tilføjede"
    ),
    "refuse.item_file_differs": (
        "Punkt {number} findes allerede i mødet i {meeting} med en anden tekst; filen er ikke"
        " importeret, og mødet er uændret"
    ),
    "refuse.item_file_undecided": (
        "Punkt {number} er besluttet i referatet af mødet i {meeting}; en fil uden beslutning"
        " erstatter det ikke; filen er ikke importeret, og mødet er uændret"
    ),
    "refuse.item_file_ambiguous": (
        "Punkt {number} kan høre til {count} møder i {meeting}, og filen angiver intet"
        " klokkeslæt; filen er ikke importeret"
    ),
    "refuse.item_file_live_meeting": (
        "Mødet i {meeting} er afviklet i programmet, ikke importeret; et punkt fra en fil"
        " tilføjes ikke til det"
    ),
    "refuse.item_file_other_meeting": (
        "Filen hører til mødet i {file}, ikke til mødet i {meeting}; intet er ændret"
    ),
    "refuse.item_file_not_one_item": (
        "Filen indeholder {count} punkter; kun en fil med ét punkt tilføjes til et møde"
    ),
    "undo.item_imported": "punkt {number}, tilføjet fra en fil",
    "import.error.text_too_long": (
        "{where} har en tekst med en linje på {length} tegn; et afsnit i et Word-referat kan"
        " højst rumme {limit} tegn, så filen er ikke importeret (teksten er sandsynligvis"
        " et ødelagt tekstlag)"
    ),
    "import.where_item": "Punkt {number}",
    "import.error.html_limit": (
        "En tekst i filen er over 10 MB i ét stykke og kan ikke læses uden at miste noget;"
        " filen er ikke importeret"
    ),
    "import.where_meeting": "Mødet",
    "import.stopped": "Importen stoppede: {reason}",
    "import.not_attempted": "Ikke forsøgt: importen stoppede",
    "import.skip.fifo": "En navngiven pipe, ikke en fil; ikke læst",
    "import.skip.device": "En enhed, ikke en fil; ikke læst",
    "import.skip.socket": "En socket, ikke en fil; ikke læst",
    "import.skip.other": "Ikke en almindelig fil; ikke læst",
    "import.skip.link_loop": "Et symbolsk link i ring; ikke fulgt",
    "import.skip.broken_link": "Et symbolsk link til noget, der ikke findes",
    "import.skip.folder_loop": "Mappen er allerede med (et link fører tilbage); ikke fulgt igen",
    "import.skip.unreadable": "Kan ikke læses: {reason}",
    "import.progress": "{done}/{total} filer · {items} punkter · {eta} tilbage",
    "import.progress.eta_unknown": "beregner tid",
    "import.no_files": "Ingen filer fundet",
    "import.path_missing": "Stien findes ikke: {path}",
    # Search and case history.
    "search.no_hits": "Ingen resultater",
    "search.hit": "{date} · {body} · punkt {number}: {title}",
    "search.bad_query": "Søgningen kan ikke forstås: {reason}",
    "search.bad_date": "Ugyldig dato: {value}",
    "search.shortened": "Søgningen var for lang og er forkortet til de første {terms} ord.",
    "search.stopped": "Søgningen tog for lang tid; her er de bedste fund indtil da. Gør søgningen smallere.",
    "case.none": "Ingen punkter med sagsnummer {case}",
    "case.header": "Sag {case}: {count} behandlinger",
    "case.header.one": "Sag {case}: 1 behandling",
    "case.entry": "{date} · {body} · punkt {number}: {title}",
    "case.no_decision": "(ingen beslutning)",
    "case.closed": "Lukket punkt",
    "archive.db_option": "Databasefil (standard: programmets database)",
    # The archive in the TUI.
    "key.archive.filter": "Filtre",
    "key.archive.browse": "Udvalg og år",
    "key.archived.case_history": "Sagens historik",
    "key.archived.back": "Tilbage",
    "tui.scope.archived": "Arkiveret møde",
    "tui.archive_all_bodies": "Alle udvalg",
    "tui.archive_from": "Fra dato",
    "tui.archive_to": "Til dato",
    "tui.archive_tree_root": "Udvalg",
    "tui.archive_tree_body": "{body} ({count})",
    "tui.archive_tree_year": "{year} ({count} møder)",
    "tui.archive_tree_year.one": "{year} (1 møde)",
    "tui.archive_tree_meeting": "{date} {kind} ({items})",
    "tui.archive_kind.referat": "referat",
    "tui.archive_kind.dagsorden": "dagsorden",
    "tui.archive_kind.live": "møde",
    "tui.archive_meeting_items": "Mødet {date}: {count} punkter.",
    "tui.archive_meeting_items.one": "Mødet {date}: 1 punkt.",
    "tui.archive_empty": "Arkivet er tomt: tryk {import_key} for at importere referater og dagsordener.",
    "tui.archive_hint": "Vælg udvalg og år til venstre, eller søg med /. f: filtre.",
    "tui.archive_row_case": "Sagsnr. {case}: {history} viser sagens historik, {open} åbner mødet.",
    "tui.archive_col.decision": "Beslutning",
    "tui.archived_readonly": "(skrivebeskyttet)",
    "tui.archived_present": "Til stede: {names}",
    "tui.archived_away": "Afbud/fraværende: {names}",
    "tui.archived_case": "Sagsnr.: {case}",
    "tui.archived_recommendation": "Indstilling",
    "tui.archived_decision": "Beslutning",
    "tui.archived_attachments": "Bilag",
    "tui.archived_col.item": "Punkt",
    "tui.archived_col.case": "Sagsnr.",
    "tui.archived_col.decision": "Beslutning",
    # Scanned referats read through OCR.
    "import.pdf.no_text_no_ocr": (
        "PDF-filen har intet tekstlag ({pages} sider) og er sandsynligvis scannet; for at læse "
        "den med OCR: {install}"
    ),
    "import.ocr.failed": "OCR-læsningen af den scannede PDF mislykkedes: {reason}",
    "import.ocr.no_text": "OCR fandt ingen tekst i den scannede PDF",
    "export.ocr_note": "Teksten er læst fra en scanning med OCR ({engine}){confidence}.",
    "export.ocr_confidence": "; gennemsnitlig sikkerhed {confidence} %",
    # Publishing a public archive.
    "publish.done": (
        "Udgivet: {meetings} møder, {items} punkter ({closed} lukkede punkter vist som "
        "«Lukket punkt») i {database}; metadata i {metadata}"
    ),
    "publish.same_file": "{path} er en meetingtui-database; det offentlige arkiv skal i en ny fil",
    "publish.not_published": "{path} findes og er ikke et udgivet arkiv; vælg en anden fil",
    "publish.default_title": "Mødearkiv",
    "publish.description": (
        "Offentlige referater og dagsordener. Lukkede punkter vises kun med nummer og titel, "
        "som i det offentlige referat."
    ),
    "publish.query.case_history": "Sagens historik",
    "publish.query.case_history_description": (
        "Alle behandlinger af et sagsnummer på tværs af møder, med beslutninger"
    ),
    "publish.query.search": "Søg i punkter",
    "publish.query.search_description": "Fritekstsøgning i titler, tekst og beslutninger",
    # the archive screen
    "tui.archive_title": "Arkiv: tidligere møder",
    "tui.archive_search_placeholder": "Søg i referater og dagsordener (⏎ søger)",
    "tui.archive_col.when": "Dato",
    "tui.archive_col.body": "Udvalg",
    "tui.archive_col.item": "Punkt",
    "tui.archive_col.case": "Sagsnr.",
    "tui.archive_col.snippet": "Uddrag",
    "tui.archive_hits": "{count} fund.",
    "tui.archive_no_hits": "Ingen fund.",
    "tui.archive_need_words": (
        "Skriv ét eller flere ord at søge efter; udvalg og datoer afgrænser søgningen."
    ),
    "tui.archive_import_title": "Importér dokumenter",
    "tui.archive_import_paths": "Filer eller mapper, adskilt med ; (⏎ importerer)",
    "tui.archive_importing": "Importerer … {done} af {total}",
    "tui.archive_imported": "Import færdig: {summary}",
    "tui.archive_import_failed": "Importen mislykkedes: {problem}",
    "tui.archive_unavailable": "Arkivet er ikke tilgængeligt: {problem}",
    "tui.archive_case_title": "Sag {case}: historik",
    "tui.archive_no_case": "Fundet har intet sagsnummer.",
    "tui.item_no_case": "Punktet har intet sagsnummer.",
    "tui.case_history_empty": "Sagen findes ikke i andre møder i databasen.",
    "tui.close": "Luk",
}

EN: dict[str, str] = {
    "import.error.empty": "The file is empty",
    "import.error.unknown_format": "Unknown format: the content matches none of the known exports",
    "import.error.too_large": "The file is too large ({size} MB; the limit is {limit} MB)",
    "import.error.unreadable": "The file cannot be read: {reason}",
    "import.error.json_invalid": "Invalid JSON at line {line}, column {column}",
    "import.error.json_truncated": (
        "The JSON file stops mid-content (line {line}): it was cut short or not saved in full"
    ),
    "import.error.json_shape": "The JSON file lacks {field}",
    "import.error.xml_invalid": "Invalid XML at line {line}, column {column}",
    "import.error.xml_truncated": (
        "The XML file stops mid-content (line {line}): it was cut short or not saved in full"
    ),
    "import.error.xml_forbidden": "The XML file contains entities or a DTD, which are not allowed",
    "import.error.xml_shape": "The XML file lacks {field}",
    "import.error.html_shape": "The HTML page lacks {field}",
    "import.error.no_meetings": "The file contains no meetings",
    "import.error.no_date": "The meeting date cannot be read ({value})",
    "import.error.too_deep": "The file is nested too deeply to be read",
    "import.error.internal": "The import failed: {reason}",
    "import.error.storage": "The meeting could not be stored: {reason}",
    "import.status.imported": "imported",
    "import.status.present": "already present",
    "import.status.failed": "failed",
    "import.summary.header": "File\tFormat\tStatus\tMeetings\tItems\tUnplaced\tReason",
    "import.summary.totals": "{imported} imported, {present} already present, {failed} failed",
    "import.summary.totals_skipped": (
        "{imported} imported, {present} already present, {failed} failed, {skipped} skipped"
    ),
    "import.status.skipped": "skipped",
    "import.meeting_label": "{body} on {date}",
    "import.joined": "added to the meeting of {meeting}",
    "import.replaced_undecided": (
        " in place of item {number} without a decision, which an earlier file added"
    ),
    "refuse.item_file_differs": (
        "Item {number} is already in the meeting of {meeting} with a different text; the file"
        " was not imported and the meeting is unchanged"
    ),
    "refuse.item_file_undecided": (
        "Item {number} is decided in the referat of the meeting of {meeting}; a file without a"
        " decision does not replace it; the file was not imported and the meeting is unchanged"
    ),
    "refuse.item_file_ambiguous": (
        "Item {number} may belong to {count} meetings of {meeting} and the file states no time;"
        " the file was not imported"
    ),
    "refuse.item_file_live_meeting": (
        "The meeting of {meeting} was recorded in the program, not imported; an item from a"
        " file is not added to it"
    ),
    "refuse.item_file_other_meeting": (
        "The file belongs to the meeting of {file}, not to the meeting of {meeting}; nothing"
        " was changed"
    ),
    "refuse.item_file_not_one_item": (
        "The file holds {count} items; only a file with one item is added to a meeting"
    ),
    "undo.item_imported": "item {number}, added from a file",
    "import.error.text_too_long": (
        "{where} has a text with a line of {length} characters; a paragraph of a Word referat"
        " holds at most {limit} characters, so the file was not imported (the text is most"
        " likely a broken text layer)"
    ),
    "import.where_item": "Item {number}",
    "import.error.html_limit": (
        "A text in the file is over 10 MB in one piece and cannot be read without losing"
        " some of it; the file was not imported"
    ),
    "import.where_meeting": "The meeting",
    "import.stopped": "The import stopped: {reason}",
    "import.not_attempted": "Not attempted: the import stopped",
    "import.skip.fifo": "A named pipe, not a file; not read",
    "import.skip.device": "A device, not a file; not read",
    "import.skip.socket": "A socket, not a file; not read",
    "import.skip.other": "Not a regular file; not read",
    "import.skip.link_loop": "A symbolic link in a loop; not followed",
    "import.skip.broken_link": "A symbolic link to something that does not exist",
    "import.skip.folder_loop": "The folder is already included (a link leads back); not followed again",
    "import.skip.unreadable": "Cannot be read: {reason}",
    "import.progress": "{done}/{total} files · {items} items · {eta} left",
    "import.progress.eta_unknown": "estimating",
    "import.no_files": "No files found",
    "import.path_missing": "The path does not exist: {path}",
    "search.no_hits": "No results",
    "search.hit": "{date} · {body} · item {number}: {title}",
    "search.bad_query": "The search cannot be understood: {reason}",
    "search.bad_date": "Invalid date: {value}",
    "search.shortened": "The search was too long and was cut to its first {terms} words.",
    "search.stopped": "The search took too long; these are the best hits found until then. Narrow it down.",
    "case.none": "No items with case number {case}",
    "case.header": "Case {case}: {count} hearings",
    "case.header.one": "Case {case}: 1 hearing",
    "case.entry": "{date} · {body} · item {number}: {title}",
    "case.no_decision": "(no decision)",
    "case.closed": "Closed item",
    "archive.db_option": "Database file (default: the application's database)",
    "key.archive.filter": "Filters",
    "key.archive.browse": "Committees and years",
    "key.archived.case_history": "Case history",
    "key.archived.back": "Back",
    "tui.scope.archived": "Archived meeting",
    "tui.archive_all_bodies": "All committees",
    "tui.archive_from": "From date",
    "tui.archive_to": "To date",
    "tui.archive_tree_root": "Committees",
    "tui.archive_tree_body": "{body} ({count})",
    "tui.archive_tree_year": "{year} ({count} meetings)",
    "tui.archive_tree_year.one": "{year} (1 meeting)",
    "tui.archive_tree_meeting": "{date} {kind} ({items})",
    "tui.archive_kind.referat": "minutes",
    "tui.archive_kind.dagsorden": "agenda",
    "tui.archive_kind.live": "meeting",
    "tui.archive_meeting_items": "Meeting of {date}: {count} items.",
    "tui.archive_meeting_items.one": "Meeting of {date}: 1 item.",
    "tui.archive_empty": "The archive is empty: press {import_key} to import minutes and agendas.",
    "tui.archive_hint": "Choose a committee and year on the left, or search with /. f: filters.",
    "tui.archive_row_case": "Case no. {case}: {history} shows the case history, {open} opens the meeting.",
    "tui.archive_col.decision": "Decision",
    "tui.archived_readonly": "(read-only)",
    "tui.archived_present": "Present: {names}",
    "tui.archived_away": "Apologies/absent: {names}",
    "tui.archived_case": "Case no.: {case}",
    "tui.archived_recommendation": "Recommendation",
    "tui.archived_decision": "Decision",
    "tui.archived_attachments": "Attachments",
    "tui.archived_col.item": "Item",
    "tui.archived_col.case": "Case no.",
    "tui.archived_col.decision": "Decision",
    "import.pdf.no_text_no_ocr": (
        "The PDF has no text layer ({pages} pages) and is probably scanned; to read it with "
        "OCR: {install}"
    ),
    "import.ocr.failed": "Reading the scanned PDF with OCR failed: {reason}",
    "import.ocr.no_text": "OCR found no text in the scanned PDF",
    "export.ocr_note": "The text was read from a scan with OCR ({engine}){confidence}.",
    "export.ocr_confidence": "; mean confidence {confidence} %",
    "publish.done": (
        "Published: {meetings} meetings, {items} items ({closed} closed items shown as "
        "'Closed item') in {database}; metadata in {metadata}"
    ),
    "publish.same_file": "{path} is a meetingtui database; the public archive goes in a new file",
    "publish.not_published": "{path} exists and is not a published archive; choose another file",
    "publish.default_title": "Meeting archive",
    "publish.description": (
        "Public minutes and agendas. Closed items show only their number and title, as in the "
        "public minutes."
    ),
    "publish.query.case_history": "Case history",
    "publish.query.case_history_description": (
        "Every hearing of a case number across meetings, with its decisions"
    ),
    "publish.query.search": "Search items",
    "publish.query.search_description": "Full-text search of titles, text and decisions",
    "tui.archive_title": "Archive: past meetings",
    "tui.archive_search_placeholder": "Search minutes and agendas (⏎ searches)",
    "tui.archive_col.when": "Date",
    "tui.archive_col.body": "Committee",
    "tui.archive_col.item": "Item",
    "tui.archive_col.case": "Case no.",
    "tui.archive_col.snippet": "Excerpt",
    "tui.archive_hits": "{count} hits.",
    "tui.archive_no_hits": "No hits.",
    "tui.archive_need_words": (
        "Type one or more words to search for; the committee and dates narrow the search."
    ),
    "tui.archive_import_title": "Import documents",
    "tui.archive_import_paths": "Files or folders, separated by ; (⏎ imports)",
    "tui.archive_importing": "Importing … {done} of {total}",
    "tui.archive_imported": "Import finished: {summary}",
    "tui.archive_import_failed": "The import failed: {problem}",
    "tui.archive_unavailable": "The archive is not available: {problem}",
    "tui.archive_case_title": "Case {case}: history",
    "tui.archive_no_case": "The hit has no case number.",
    "tui.item_no_case": "The item has no case number.",
    "tui.case_history_empty": "The case is in no other meeting in the database.",
    "tui.close": "Close",
}
