"""Catalog entries for the archive: importing files, search and case history."""

from __future__ import annotations

DA: dict[str, str] = {
    # Import errors: one line each, shown per failed file.
    "import.error.empty": "Filen er tom",
    "import.error.unknown_format": "Ukendt format: indholdet ligner ingen af de kendte eksporter",
    "import.error.too_large": "Filen er for stor ({size} MB; grænsen er {limit} MB)",
    "import.error.unreadable": "Filen kan ikke læses: {reason}",
    "import.error.json_invalid": "Ugyldig JSON: {reason}",
    "import.error.json_shape": "JSON-filen mangler {field}",
    "import.error.xml_invalid": "Ugyldig XML: {reason}",
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
    "case.none": "Ingen punkter med sagsnummer {case}",
    "case.header": "Sag {case}: {count} behandlinger",
    "case.entry": "{date} · {body} · punkt {number}: {title}",
    "case.no_decision": "(ingen beslutning)",
    "case.closed": "Lukket punkt",
    "archive.db_option": "Databasefil (standard: programmets database)",
}

EN: dict[str, str] = {
    "import.error.empty": "The file is empty",
    "import.error.unknown_format": "Unknown format: the content matches none of the known exports",
    "import.error.too_large": "The file is too large ({size} MB; the limit is {limit} MB)",
    "import.error.unreadable": "The file cannot be read: {reason}",
    "import.error.json_invalid": "Invalid JSON: {reason}",
    "import.error.json_shape": "The JSON file lacks {field}",
    "import.error.xml_invalid": "Invalid XML: {reason}",
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
    "case.none": "No items with case number {case}",
    "case.header": "Case {case}: {count} hearings",
    "case.entry": "{date} · {body} · item {number}: {title}",
    "case.no_decision": "(no decision)",
    "case.closed": "Closed item",
    "archive.db_option": "Database file (default: the application's database)",
}
