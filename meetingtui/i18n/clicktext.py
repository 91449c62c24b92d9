"""Catalog: click's own words in the command line ("Usage:", "Options:", "Error: …", "Show this
message and exit."), keyed by click's English message as click's gettext calls pass it.

A singular/plural pair (click's `ngettext`) is keyed by the singular and the plural; the value
is the Danish pair. English is click's own text, so English needs no entries.
"""

# What click prints around the help (`Command.format_*`) and as its metavars.
DA_WORDS: dict[str, str] = {
    "Usage:": "Brug:",
    "Options": "Tilvalg",
    "Commands": "Kommandoer",
    "Positional arguments": "Argumenter",
    "[OPTIONS]": "[TILVALG]",
    "COMMAND [ARGS]...": "KOMMANDO [ARGUMENTER]...",
    "Show this message and exit.": "Vis denne hjælp og afslut.",
    "Show the version and exit.": "Vis versionen og afslut.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Aborted!": "Afbrudt.",
    "Error: {message}": "Fejl: {message}",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' for at få hjælp.",
    "Missing command.": "Der mangler en kommando.",
    "Missing argument": "Der mangler et argument",
    "Missing option": "Der mangler et tilvalg",
    "Missing parameter": "Der mangler en parameter",
    "Missing parameter: {param_name}": "Der mangler en parameter: {param_name}",
    "Missing {param_type}": "Der mangler {param_type}",
    "unknown error": "ukendt fejl",
    "Invalid value for {param_hint}: {message}": "Ugyldig værdi for {param_hint}: {message}",
    "Invalid value: {message}": "Ugyldig værdi: {message}",
    "No such option {name!r}.": "Tilvalget {name!r} findes ikke.",
    "No such command {name!r}.": "Kommandoen {name!r} findes ikke.",
    "Could not open file {filename!r}: {message}": "Filen {filename!r} kan ikke åbnes: {message}",
    "default: {default}": "standard: {default}",
    "env var: {var}": "miljøvariabel: {var}",
    "required": "påkrævet",
    "(dynamic)": "(dynamisk)",
    "deprecated": "forældet",
    "Value must be an iterable.": "Værdien skal være en liste.",
    "{value!r} is not a valid {number_type}.": "{value!r} er ikke et gyldigt {number_type}.",
    "{value} is not in the range {range}.": "{value} ligger ikke i intervallet {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} er ikke en gyldig sandhedsværdi. Kendte værdier: {states}"
    ),
    "{value!r} is not a valid UUID.": "{value!r} er ikke et gyldigt UUID.",
    # Type names: the metavar in help ("--db FIL") and the start of an error ("Fil …")
    "file": "fil",
    "directory": "mappe",
    "path": "sti",
    "filename": "filnavn",
    "text": "tekst",
    "integer": "heltal",
    "integer range": "heltal",
    "float": "decimaltal",
    "float range": "decimaltal",
    "boolean": "ja/nej",
    "{name} {filename!r} is a file.": "{name} {filename!r} er en fil.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} er en mappe.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan ikke læses.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan ikke skrives.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} kan ikke køres.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} findes ikke.",
    "Choose from:\n\t{choices}": "Vælg mellem:\n\t{choices}",
    "Option {name!r} does not take a value.": "Tilvalget {name!r} tager ingen værdi.",
    "Argument {name!r} takes {nargs} values.": "Argumentet {name!r} tager {nargs} værdier.",
    "Invalid start character for option ({option})": "Ugyldigt første tegn i tilvalg ({option})",
    "Do you want to continue?": "Vil du fortsætte?",
    "Confirm the action without prompting.": "Bekræft handlingen uden at spørge.",
    "Repeat for confirmation": "Gentag for at bekræfte",
    "Error: The two entered values do not match.": "Fejl: De to indtastede værdier er forskellige.",
    "Error: invalid input": "Fejl: ugyldigt input",
    "Press any key to continue...": "Tryk på en tast for at fortsætte ...",
}

# Our arguments' names in usage lines and errors ("Brug: meetingtui open [TILVALG] MØDE").
DA_ARGUMENTS: dict[str, str] = {
    "MEETING_ID": "MØDE",
    "MEETING": "MØDE",
    "FILE": "FIL",
    "OUT": "FIL",
    "PATHS": "STI",
    "QUERY": "SØGNING",
    "CASE_NUMBER": "SAGSNUMMER",
    "NAME": "NAVN",
    "AGENDA": "DAGSORDEN",
}

# click's singular/plural messages: (singular, plural) -> (Danish singular, Danish plural).
DA_PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    (
        "Got unexpected extra argument ({args})",
        "Got unexpected extra arguments ({args})",
    ): ("Uventet ekstra argument ({args})", "Uventede ekstra argumenter ({args})"),
    (
        "Did you mean {possibility}?",
        "(Did you mean one of: {possibilities}?)",
    ): ("Mente du {possibility}?", "(Mente du en af: {possibilities}?)"),
    (
        "{value!r} is not {choice}.",
        "{value!r} is not one of {choices}.",
    ): ("{value!r} er ikke {choice}.", "{value!r} er ikke en af {choices}."),
    (
        "Option {name!r} requires an argument.",
        "Option {name!r} requires {nargs} arguments.",
    ): ("Tilvalget {name!r} kræver et argument.", "Tilvalget {name!r} kræver {nargs} argumenter."),
    (
        "Takes {nargs} values but 1 was given.",
        "Takes {nargs} values but {len} were given.",
    ): (
        "Tager {nargs} værdier, men 1 blev givet.",
        "Tager {nargs} værdier, men {len} blev givet.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "{len_type} værdier kræves, men {len_value} blev givet.",
        "{len_type} værdier kræves, men {len_value} blev givet.",
    ),
}
