"""The words Danish agenda systems write, as data: one list per meaning, read by every importer.

Acadre, SBSYS, eDoc, Prepare, FirstAgenda, WorkZone and Cicero each word a referat a little
differently; what a heading or a marker *means* is decided here once, whatever the format
carries it (a PDF line, a Word heading, an <h3>, an XML field caption). Entries are lower case
without the trailing colon; the patterns that use them (`classify`, `closed`, `casenumber`,
`decisions`, `header`) add case folding, optional colons, genitive s and line breaks.

To teach the importer a new wording, add it here and add the phrase to
`tests/test_import_vocabulary.py`, which feeds every phrase through every reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from meetingtui.dates import MONTHS, WEEKDAYS

__all__ = ["MONTHS", "WEEKDAYS"]


def alternation(words: Iterable[str]) -> str:
    """A regular expression alternation of `words`, longest first, spaces matching any space."""
    escaped = (
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )
    return "(?:" + "|".join(escaped) + ")"


# --- section headings ------------------------------------------------------------------------

# Free-text sections. A line that equals one of these (with or without a colon) is a heading.
SECTIONS = frozenset({
    "resumé", "resume", "sammendrag", "sagsfremstilling", "supplerende sagsfremstilling",
    "sagsbeskrivelse", "administrationens vurdering", "forvaltningens vurdering", "vurdering",
    "økonomi", "økonomi og finansiering", "økonomiske konsekvenser",
    "økonomiske konsekvenser og finansiering", "økonomi og organisatoriske konsekvenser",
    "økonomi og konsekvenser", "handicappolitik", "baggrund", "lovgrundlag", "retsgrundlag",
    "høring", "høringer", "kommunikation", "tidsplan", "videre proces", "beskrivelse",
    "problemstilling", "sagens indhold", "borgerinddragelse", "miljøvurdering", "konsekvenser",
    "personalemæssige konsekvenser", "klimakonsekvenser", "bæredygtighed", "beslutningstema",
    "formål", "indledning", "sammenfatning", "sagen kort", "bemærkninger", "begrundelse",
    "supplerende oplysninger", "supplerende bemærkninger", "relation til politikker",
    "politisk behandling", "lovgivning", "proces", "finansiering", "administrative konsekvenser",
    "sundhedsmæssige konsekvenser", "klima og miljø", "hvad skal der ske", "sagens baggrund",
    "juridiske forhold", "risikovurdering", "organisering", "høringssvar", "udtalelser",
    "tidligere politisk behandling", "konklusion", "anbefaling", "plangrundlag",
    "økonomi og ressourcer", "anledning", "forventet sagsgang", "sagsgang",
    "sagsgang og sagstype", "sagstype", "beskrivelse af sagen", "retsregler og andre forskrifter",
    "personale", "økonomi og afledt drift", "sagens gang", "sammenhæng med politikker",
    "sagens kerne", "fremstilling", "motivation", "målgruppe", "effekt", "indhold",
    "sagsresumé", "sagens resumé", "status", "udfordringer", "løsningsforslag",
})  # fmt: skip
# Headings that begin with one of these words are sections when the source marks them as
# headings (bold, a heading style) or writes a colon after them.
SECTION_PREFIXES = (
    "supplerende", "økonomi", "økonomiske", "administrationens", "forvaltningens",
    "direktionens", "høring", "konsekvenser", "vurdering", "sagsfremstilling",
)  # fmt: skip
# "Borgmesterens Afdelings påtegning", "Revisionspåtegning": sections by their last word.
SECTION_SUFFIXES = ("påtegning",)

# Indstilling: what the committee is asked to decide.
RECOMMENDATION = frozenset({
    "indstilling", "indstillinger", "beslutningspunkter", "forslag til beslutning",
    "forvaltningens indstilling", "administrationens indstilling", "direktionens indstilling",
    "direktørens indstilling", "indstilling til beslutning", "det indstilles",
    "administrativ indstilling", "administrationens forslag", "forvaltningens forslag",
    "forslag til indstilling",
})  # fmt: skip
RECOMMENDATION_PREFIXES = ("indstilling", "beslutningspunkter", "forslag til beslutning",
                           "det indstilles")  # fmt: skip
# "Forvaltningen foreslår", "Administrationens indstilling", "Direktøren indstiller": the
# proposer's word and a verb or noun of proposing.
PROPOSERS = ("forvaltning", "administration", "direktion", "direktør", "center", "sekretariat",
             "afdeling", "stab", "borgmester", "magistrat")  # fmt: skip
PROPOSING = ("indstiller", "indstilling", "foreslår", "forslag")

# Beslutningskompetence: who decides.
AUTHORITY = frozenset({
    "beslutningskompetence", "beslutningskompetencen", "sagen afgøres i", "sagen afgøres af",
    "afgøres af", "kompetence", "kompetenceplacering", "kompetencefordeling",
    "beslutningsniveau", "beslutningen træffes af", "beslutningen træffes i", "sagsprocedure",
    "afgørelseskompetence", "endelig beslutning træffes af", "kompetent organ",
})  # fmt: skip
AUTHORITY_PREFIXES = ("beslutningskompetence", "sagen afgøres", "beslutningen træffes",
                      "beslutningsniveau", "kompetence", "sagsprocedure",
                      "afgørelseskompetence")  # fmt: skip

ATTACHMENTS = frozenset({"bilag", "bilagsoversigt", "vedlagte bilag", "bilag til punktet",
                         "bilag til sagen", "bilagsliste", "vedhæftede bilag", "vedhæftede filer",
                         "vedhæftninger"})  # fmt: skip
ATTACHMENT_PREFIXES = ("bilag", "vedhæftede", "bilagsliste")

HISTORY = frozenset({"sagsforløb", "tidligere beslutninger", "historik", "sagens forløb",
                     "tidligere behandling", "tidligere beslutning", "sagshistorik",
                     "tidligere behandlinger"})  # fmt: skip

# Decision headings: "Beslutning", "Beslutninger", "Afgørelse", "Protokol", and the entry forms
# "Beslutning i Økonomiudvalget den 15-03-2016", "Økonomiudvalgets beslutning den 3. maj
# 2016", "Teknik- og Miljøudvalget's beslutning den 04.12.2012 Punkt 2".
DECISION_WORDS = ("beslutning", "beslutninger", "beslutningen", "afgørelse", "protokol",
                  "beslutningsprotokol")  # fmt: skip
# Words that head the decision in some systems and name the document everywhere else
# ("Referat" over "Godkendt."): a decision heading only where an item's decision stands and the
# item has no other, never in the header or a running header.
DECISION_DOCUMENT_WORDS = ("referat",)
# Words that begin with "beslutning" but are not decisions.
NOT_DECISION = ("beslutningsforslag", "beslutningspunkt", "beslutningsgrundlag",
                "beslutningstema", "beslutningssag", "beslutningsproces", "beslutningsniveau",
                "beslutningskompetence", "beslutningen træffes")  # fmt: skip

# --- attendance ------------------------------------------------------------------------------

ABSENT_LABELS = {
    "fraværende": "absent", "fravær": "absent", "fraværende uden afbud": "absent",
    "ikke til stede": "absent", "ikke mødt": "absent", "udeblevet": "absent",
    "afbud": "afbud", "afbud fra": "afbud", "fraværende med afbud": "afbud",
    "meldt afbud": "afbud", "afbud modtaget fra": "afbud",
    # "Fraværende i mødet:", "Afbud til mødet:": the whole meeting, not one item
    "fraværende i mødet": "absent", "fraværende fra mødet": "absent",
    "fraværende ved mødet": "absent", "afbud til mødet": "afbud", "afbud til dagens møde": "afbud",
}  # fmt: skip
PRESENT_LABELS = frozenset({"til stede", "tilstede", "deltagere", "fremmødte", "mødedeltagere",
                            "medlemmer", "deltog", "fremmødt", "deltagende", "til stede var",
                            "mødt", "fremmøde", "tilstede var", "til stede ved mødet",
                            "tilstede ved mødet"})  # fmt: skip
SUBSTITUTE_WORDS = ("stedfortræder", "stedfortrædere", "suppleant", "suppleanter")

# --- roles -----------------------------------------------------------------------------------

ROLE_WORDS = {
    "formand": "formand", "forkvinde": "formand", "borgmester": "formand",
    "næstformand": "næstformand", "næstforkvinde": "næstformand",
    "viceborgmester": "medlem", "rådmand": "medlem", "overborgmester": "formand",
    "udvalgsformand": "formand", "udvalgsnæstformand": "næstformand", "udvalgsmedlem": "medlem",
    "medlem": "medlem", "byrådsmedlem": "medlem", "kommunalbestyrelsesmedlem": "medlem",
    "stedfortræder": "stedfortræder", "suppleant": "stedfortræder",
    "observatør": "observatør", "tilforordnet": "observatør", "sekretær": "observatør",
    "referent": "observatør",
}  # fmt: skip

# --- closed and open items -------------------------------------------------------------------

# A marker anywhere in a heading or right under it closes the item: "(FOR LUKKEDE DØRE)",
# "Lukket punkt", "Lukket sag", "Fortrolig", "Ikke offentlig". When the evidence is ambiguous
# the item is closed: a false "closed" costs a line in the public referat, a false "open"
# publishes a secret.
CLOSED_MARKERS = ("lukket punkt", "lukket sag", "lukket", "lukkede", "fortrolig", "fortroligt",
                  "for lukkede døre", "behandles for lukkede døre", "ikke offentlig",
                  "ikke offentligt", "ikke-offentlig", "ikke-offentligt", "undtaget offentlighed",
                  "undtaget fra offentlighed", "undtaget aktindsigt", "undtaget fra aktindsigt",
                  "lukket dagsordenspunkt", "lukket møde", "lukket behandling",
                  # "maybe closed" is ambiguous, and ambiguous is closed
                  "evt. lukket", "evt. lukket punkt", "eventuelt lukket",
                  "eventuelt lukket punkt",
                  # "Ej offentlig", "Ikke til offentliggørelse" under the heading
                  "ej offentlig", "ej offentligt", "ikke til offentliggørelse",
                  "ikke offentliggjort")  # fmt: skip
OPEN_MARKERS = ("åben", "åbent", "åben sag", "åbent punkt", "åben punkt", "offentlig",
                "offentligt", "åbent dagsordenspunkt")  # fmt: skip
# Parts of a document that hold only closed or only open items.
CLOSED_PART = ("lukket dagsorden", "lukket referat", "lukkede punkter", "lukkede sager",
               "lukkede dagsordenspunkter", "fortrolige punkter", "fortrolige sager",
               "lukket del", "lukket møde", "punkter behandlet for lukkede døre",
               "lukket beslutningsprotokol", "lukket del af mødet", "lukket del af dagsordenen",
               "punkter til lukket behandling", "sager til lukket behandling",
               "punkter til behandling for lukkede døre", "lukkede punkter på dagsordenen",
               # "Lukkede" alone over the closed items; "Til behandling - for lukkede døre"
               "lukkede", "for lukkede døre", "til behandling - for lukkede døre",
               "til efterretning - for lukkede døre", "til orientering - for lukkede døre",
               "til beslutning - for lukkede døre",
               # the part named by the kind of its cases: "Lukkede beslutningssager"
               "lukkede beslutningssager", "lukkede efterretningssager",
               "lukkede orienteringssager", "lukkede drøftelsessager", "lukkede meddelelser",
               "lukkede sager til beslutning", "lukkede sager til orientering")  # fmt: skip
OPEN_PART = ("åben dagsorden", "åbent referat", "åbne punkter", "åbne sager",
             "åbne dagsordenspunkter", "åben del", "åben beslutningsprotokol",
             "åben del af mødet", "åbne", "for åbne døre", "til behandling - for åbne døre",
             "til efterretning - for åbne døre", "til orientering - for åbne døre",
             "til beslutning - for åbne døre", "åbne beslutningssager", "åbne efterretningssager",
             "åbne orienteringssager", "åbne drøftelsessager", "åbne meddelelser",
             "åbne sager til beslutning", "åbne sager til orientering")  # fmt: skip
# A title about closed items ("Orientering om åbne og lukkede sager", "Lukkede punkter -
# orientering", "Status på fortrolige sager") may hold what they hold: the evidence is
# ambiguous, so the item is closed and its title kept. The words of this family name the
# items, the cases or the part of the meeting, after "lukket"/"lukkede"/"fortrolige" anywhere
# in the title (with "og åbne" between). Not of it, and left as the rules above read them:
# "lukket" before any other word ("Lukket boligforening" at the start is closed, by the rule
# that a marker may begin a title; "Salg af lukket vej" inside it is open: a road, not the
# item, is closed) and the other words of the stem ("Lukning af skole", "Lukkeloven",
# "Lukkeperiode"), which say nothing of the item's access.
CLOSED_ITEMS_NAMED = ("punkt", "punkter", "sag", "sager", "dagsordenspunkt", "dagsordenspunkter",
                      "dagsorden", "del", "møde", "møder", "beslutningssager",
                      "orienteringssager", "efterretningssager", "meddelelser")  # fmt: skip
# Labels of a field right under an item's heading whose value says closed or open: "Status:
# Lukket", "Åben/lukket: Lukket punkt", "Adgang: Åben".
ACCESS_LABELS = ("status", "adgang", "åben/lukket", "åben/lukket punkt", "åben eller lukket",
                 "offentlighed", "tilgængelighed", "punkttype", "behandling", "behandles",
                 "offentlig/lukket", "lukket/åben")  # fmt: skip

# Labels of an item's other fields under its heading ("Sagsbehandler: Bo Hansen"): such a line
# ends a wrapped title.
ITEM_FIELD_LABELS = ("sagsbehandler", "sagsansvarlig", "ansvarlig", "forvaltning", "afdeling",
                     "enhed", "ansvarlig forvaltning", "ansvarlig afdeling", "fagområde",
                     "udarbejdet af", "forfatter")  # fmt: skip

# --- case numbers ----------------------------------------------------------------------------

# "Sagsnr.", "Sagsnr. i ESDH:", "Sags nr.", "Sagsnummer", "J.nr.", "Journalnr."; the value may
# follow on the same line, the next line or the next table cell.
CASE_LABELS = ("sagsnr", "sags nr", "sags-nr", "sagsnummer", "sagsnummeret", "sag nr",
               "journalnr", "journalnummer", "j nr", "j.nr", "jnr", "j. nr", "acadre sagsnr",
               "sbsys sagsnr", "esdh sagsnr", "esdh-sagsnr", "sagsid", "sags-id", "sags id",
               "edoc sagsnr", "workzone sagsnr", "acadre-sagsnr", "sbsys-sagsnr", "journal nr",
               "journal-nr")  # fmt: skip
# Short or generic labels that are a case-number label only when a case number follows them
# ("Sag: 24/1001", "ESDH-nr.: 24/1001"); "Sag: Salg af grund" is no case number.
CASE_LABELS_WITH_NUMBER = ("sag", "esdh-nr", "esdh nr", "esdhnr", "sagsref", "sagsreference",
                           "sags-ref", "esdh", "acadre", "sbsys")  # fmt: skip
# Labels of other numbers that stand where a case number would: never read as the case number.
NOT_CASE_LABELS = ("dok.nr", "dok nr", "doknr", "dokumentnr", "dokumentnummer", "dok. nr",
                   "akt id", "aktid", "akt-id", "aktnr", "bilagsnr", "løbenr",
                   "dokument id", "dokument-id", "dok")  # fmt: skip

# --- decisions -------------------------------------------------------------------------------

# A decision that postpones the item: "Udsat.", "Punktet blev udsat", "Sagen udsættes til
# næste møde", "Udvalget besluttede at udsætte sagens behandling".
POSTPONED = (
    r"^\s*(?:punktet\s+|sagen\s+|behandlingen\s+|sagens\s+behandling\s+)?(?:blev\s+|er\s+)?"
    r"(?:udsat|udsættes|udskudt|udskydes)\b",
    r"\b(?:besluttede|beslutter|vedtog)\s+(?:\w+\s+){0,2}at\s+(?:udsætte|udskyde)\s+"
    r"(?:sagens\s+behandling|sagen|punktet|behandlingen)",
    r"^\s*(?:[\w\- ]{1,60}\s+)?(?:udsatte|udskød)\s+(?:sagen|punktet|behandlingen)\b",
    # "Sagen blev ikke behandlet og udsættes til næste møde."
    r"^\s*(?:punktet|sagen)\s+(?:blev|er)\s+ikke\s+behandlet\s+og\s+(?:blev\s+|er\s+)?"
    r"(?:udsat|udsættes|udskudt|udskydes)\b",
)
# What a beslutningsprotokol prints under the title without a heading.
DECISION_PHRASES = (
    "godkendt", "godkendes", "tiltrådt", "tiltrædes", "anbefales", "anbefalet",
    "taget til efterretning", "tages til efterretning", "udsat", "udsættes", "oversendes",
    "oversendt", "vedtaget", "indstillingen godkendt", "indstillingen blev godkendt",
    "indstillingen tiltrådt", "indstillingen blev tiltrådt", "indstillingen anbefalet",
    "indstillingen blev anbefalet", "indstillingen vedtaget", "indstillingen blev vedtaget",
    "for stemte", "med stemmerne", "et enigt udvalg", "et flertal", "orienteringen taget til efterretning",
    "drøftet", "drøftedes", "bevilget", "afvist", "forkastet", "udgår", "punktet udgik",
)  # fmt: skip
# A decision that is not released yet is no decision.
NOT_RELEASED = (r"^\s*beslutning(?:en)?\s+(?:er\s+)?ikke\s+(?:frigivet|offentliggjort)\s*\.?\s*$",)

# --- the document ----------------------------------------------------------------------------

DOCUMENT_KINDS = {"referat": "referat", "beslutningsprotokol": "referat",
                  "mødeprotokol": "referat", "protokol": "referat", "dagsorden": "dagsorden",
                  "tillægsdagsorden": "dagsorden"}  # fmt: skip
# Running-header words that name the document, never the body.
NOT_BODY = ("åbent referat", "lukket referat", "åben dagsorden", "lukket dagsorden", "referat",
            "dagsorden", "beslutningsprotokol", "tillægsdagsorden", "mødeprotokol",
            "indholdsfortegnelse", "indhold", "side", "møde", "mødet", "ordinært møde",
            "ekstraordinært møde", "udskrift", "uddrag")  # fmt: skip
# Words a body's name ends in ("Økonomiudvalget", "Byrådet", "Kommunalbestyrelsen").
BODY_ENDINGS = ("udvalg", "udvalget", "råd", "rådet", "bestyrelse", "bestyrelsen",
                "repræsentationen", "nævn", "nævnet", "forsamling", "forsamlingen", "komité",
                "komitéen", "magistrat", "magistraten", "forum", "forummet",
                "kommunalbestyrelse", "borgerrepræsentation", "bestyrelse")  # fmt: skip
# A web page's navigation, saved with the referat's text: page furniture, never an item's text.
WEB_FURNITURE = ("til toppen", "tilbage til toppen", "til top", "gå til toppen", "fold alle ud",
                 "fold alle sammen", "udskriv", "udskriv hele dagsordenen",
                 "udskriv hele dagsordnen", "se alle bilag", "vis alle bilag")  # fmt: skip
TOC_HEADINGS = ("indholdsfortegnelse", "indhold", "dagsordenspunkter", "punktoversigt",
                "oversigt over punkter", "dagsordensoversigt", "sagsliste")  # fmt: skip
END_OF_ITEMS = ("underskriftsside", "underskriftsark", "underskrifter", "underskrift",
                "mødet hævet", "mødet blev hævet", "mødet sluttede",
                "godkendelse af referat ved underskrift", "godkendelse af referatet ved underskrift",
                "underskrevet af", "underskriftsblad")  # fmt: skip

# --- parties ---------------------------------------------------------------------------------

# The parties by name, with the letter a vote line writes for them ("Et flertal bestående af
# Socialdemokratiet og Venstre stemte for" is "A og V"): the parties of the Folketing's lists
# today and the common ones of the recent past, which old referats name. A name is matched with
# its first letter a capital ("Venstre", never "til venstre"); a local list has no fixed letter
# and is left as written.
PARTY_NAMES = {
    "socialdemokratiet": "A", "socialdemokraterne": "A",
    "radikale venstre": "B", "det radikale venstre": "B", "de radikale": "B",
    "det konservative folkeparti": "C", "konservative folkeparti": "C", "de konservative": "C",
    "konservative": "C",
    "nye borgerlige": "D", "centrum-demokraterne": "D", "centrumdemokraterne": "D",
    "retsforbundet": "E", "danmarks retsforbund": "E",
    "socialistisk folkeparti": "F",
    "liberal alliance": "I",
    "kristendemokraterne": "K", "danmarks kommunistiske parti": "K",
    "kristeligt folkeparti": "Q", "frie grønne": "Q",
    "moderaterne": "M",
    "dansk folkeparti": "O",
    "slesvigsk parti": "S",
    "venstre": "V", "venstre, danmarks liberale parti": "V",
    "ny alliance": "Y",
    "fremskridtspartiet": "Z",
    "danmarksdemokraterne": "Æ",
    "enhedslisten": "Ø", "enhedslisten - de rød-grønne": "Ø", "enhedslisten – de rød-grønne": "Ø",
    "alternativet": "Å",
}  # fmt: skip
