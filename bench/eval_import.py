"""How well the importer reads layouts it was not written for: referats generated in the layout
families of Danish agenda systems, scored field by field against what was written.

Each document draws, at random (seeded), a header layout, an item heading style, a case-number
label, where a closed item says it is closed (at the item, only in the table of contents, under
a "Lukkede punkter" part), a decision heading (with or without the word "Beslutning": "Byrådet
den 12-03-2024"), what stands under the decision, the members list and its absence line
(`eval_attendance.py`), the PDF's pages (a page per item, or cut by length) and page
furniture and a format (text, PDF, .docx, FirstAgenda JSON and HTML, SBSYS, Acadre and eDoc
XML). The record read back is compared
with the record written: items found, titles, case numbers, closed flags (which must all be
right), decisions and the header facts, the participants with their attendance and the seat a
substitute takes.

    python bench/eval_import.py [--documents 160] [--seed 7]
"""

from __future__ import annotations

import argparse
import io
import itertools
import random
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_attendance import (
    AFTER_DECISION,
    Person,
    english_date,
    item_substitute,
    people_lines,
)
from bench.eval_webpage import web_page
from meetingtui import importers
from meetingtui.errors import MeetingError
from tests import formats
from tests.docfixtures import make_pdf

BODIES = ["Økonomiudvalget", "Teknik- og Miljøudvalget", "Byrådet", "Kommunalbestyrelsen",
          "Børne- og Skoleudvalget", "Udvalget for Kultur og Fritid"]  # fmt: skip
# The short names the decision headings give the bodies: "Beslutning (ØU)".
ABBREVIATIONS = {"Økonomiudvalget": "ØU", "Teknik- og Miljøudvalget": "TMU", "Byrådet": "BR",
                 "Kommunalbestyrelsen": "KB", "Børne- og Skoleudvalget": "BSU",
                 "Udvalget for Kultur og Fritid": "KFU"}  # fmt: skip
PLACES = ["Mødelokale 2", "Byrådssalen", "Rådhuset, lokale 1.12", "Kantinen, Lejrevej 15"]
TITLES = ["Godkendelse af dagsorden", "Budgetopfølgning pr. 31. marts", "Lokalplan 1204 for "
          "Trige Syd", "Salg af grund ved Havnevej", "Tilskud til spejderhytte", "Personalesag",
          "Vejbelysning i Nørreby", "Orientering om hjemmeplejen", "Anlægsbevilling til cykelsti",
          "Klage over afgørelse", "Skolestruktur 2025", "Eventuelt",
          # titles that begin like an "Ad 3)" heading and are none
          "Adgangsvej til Nørreby Skole", "Administrationsgrundlag for parkering"]  # fmt: skip
CASE_LABELS = ["Sagsnr.: {}", "Sagsnr. {}", "Sagsnr. i ESDH: {}", "Sags nr.: {}",
               "Sagsnummer: {}", "J.nr.: {}", "Journalnr. {}", "Sagsnr.:\n{}", "J.nr.\n{}",
               "Dok.nr.: 24/5555 Sagsnr.: {}", "Sagsnr.: {}\nDok.nr.: 24/5555",
               "Acadre sagsnr.: {}", "SagsID: {}", "Sag: {}", "ESDH-nr.: {}",
               "Sagsnr.: {}\nSagsansvarlig: Bo Hansen", "Sag nr. {}",
               "Sagsnr. i ESDH-systemet: {}", "Sagsnr. {}, dok.nr. 24/5555",
               "Sagsnr./Dok.nr.: {}", "Sags nr. / Dok. nr.: {} / 24/55321",
               "J.nr./Dok.nr.:\n{}", "Sags-ID: {}", "Acadre-sagsnr.: {}", "ESDH: {}",
               "Sagsnummer (ESDH): {}", "Sagsnr. (Acadre): {}", "Journal nr.: {}",
               "SBSYS sagsnr.: {}", "WorkZone sagsnr.: {}",
               # the label without a colon; the item's access on the case number's line
               "Sag {}", "Sagsnr.: {}    Dok.nr.: 24/5555    {access}",
               "Dok.nr.: 1693 Sagsid.: {} Initialer: ps {access}",
               "Sagsnr.: {}\nDok.nr.: 24/5555    {access}",
               # the journal plan's number first, the case's own under a second label
               "J.nr.: 18.15.00 Sagsid.: {} Initialer: ps {access}"]  # fmt: skip
CLOSED_MARKS = ["Lukket: {}", "Fortrolig: {}", "{} (FOR LUKKEDE DØRE)", "Lukket punkt: {}",
                "{} (Lukket)", "Ikke offentlig: {}", "{}\nLukket punkt", "{}\n(FOR LUKKEDE DØRE)",
                "{}\nPunktet behandles for lukkede døre.", "Lukket sag: {}", "{}\nFortrolig",
                "{}\nIkke offentlig", "{} - FOR LUKKEDE DØRE", "Ikke-offentligt punkt: {}",
                "Fortroligt punkt - {}", "{} (Lukket punkt jf. kommunestyrelseslovens § 10)",
                "{} (Undtaget aktindsigt)", "Evt. lukket punkt: {}",
                "{}\nSagen er undtaget fra aktindsigt.", "{}\nIkke offentlig sag",
                "{}\nLukket punkt, jf. styrelseslovens § 10",
                "{}\nLukket punkt - behandles for lukkede døre", "{}\nStatus: Lukket",
                "{}\nÅben/lukket: Lukket punkt", "{} (Åben/lukket)", "{} (muligvis lukket)",
                "{} (Punktet forventes behandlet for lukkede døre)", "{}\nAktindsigt: Nej",
                "{}\nSagen behandles i lukket møde.", "{} - lukket jf. § 10",
                "LUKKET PUNKT: {}", "{} - LUKKET PUNKT", "{}\nFortroligt punkt",
                "Ikke-offentlig sag: {}", "{}\nIkke-offentlig sag", "{}\nLukket møde",
                "{} (Lukket møde)", "{} [Lukket]", "{} (Fortroligt)", "{}\nPunktet er lukket",
                "{} – fortroligt", "{}\nPunktet behandles på lukket møde",
                # a field block: the closed field after other fields
                "{}\nSagsbehandler: Bo Hansen\nStatus: Lukket", "{}\nLukket: Ja",
                "{}\nAnsvarlig: Bo Hansen\nOffentlighed: Ikke offentlig",
                "{}\nSagsbehandler: Bo Hansen\nStatus: Åben/lukket",
                # the marker with its reason, "ej", "til offentliggørelse", "for offentligheden"
                "{}\nEj offentlig", "{}\nIkke til offentliggørelse",
                "{}\nPunktet er lukket for offentligheden.",
                "{}\nSagen behandles for lukkede døre, jf. styrelseslovens § 10.",
                "{}\nFortroligt - undtaget fra offentlighed jf. offentlighedslovens § 21"]  # fmt: skip
# A closed item that says so only by its title, which is about closed items (kept as written).
CLOSED_TITLES = ["Orientering om åbne og lukkede sager", "Lukkede punkter – orientering",
                 "Status på fortrolige sager", "Orientering fra lukket møde"]  # fmt: skip
# A closed item that says so only in its text, under a heading of its own.
CLOSED_IN_TEXT = ["Sagen behandles for lukkede døre.", "Fortroligt punkt.",
                  "Sagen forventes behandlet i lukket møde.",
                  "Sagen behandles for lukkede døre, da den indeholder personoplysninger."]  # fmt: skip
# The heading of the part that holds the closed items.
CLOSED_PARTS = ["Lukkede punkter", "Lukket del af mødet", "Punkter til lukket behandling",
                "Referat - lukket del", "Dagsorden (lukket)", "Sager til lukket behandling",
                "Lukkede", "Til behandling - for lukkede døre", "For lukkede døre",
                "LUKKEDE BESLUTNINGSSAGER", "Lukkede efterretningssager"]  # fmt: skip
# The heading of the part that holds the open items, and the pair of part headings in the
# contents.
OPEN_PARTS = ["Åbne punkter", "Åbne", "Til behandling - for åbne døre",
              "ÅBNE BESLUTNINGSSAGER"]  # fmt: skip
CONTENTS_PARTS = [("Åbne punkter", "Lukkede punkter"), ("Åbne", "Lukkede"),
                  ("Til efterretning - for åbne døre", "Til behandling - for lukkede døre"),
                  ("Åbne beslutningssager", "Lukkede beslutningssager")]  # fmt: skip
PROPOSERS = ["Forvaltningen indstiller,", "Teknik- og Miljøudvalget indstiller:",
             "Direktøren for Teknik og Miljø indstiller over for Byrådet:"]  # fmt: skip
DECISION_HEADS = ["Beslutning", "Beslutning:", "Beslutning i {body} den {date}",
                  "{body}s beslutning den {date}", "{body}'s beslutning den {date} Punkt {n}",
                  "Beslutninger", "Udvalgets beslutning", "Afgørelse",
                  "Beslutning i {body} den {long}",
                  # EG/KMD: the body and the date alone, no word "Beslutning"
                  "{body} den {date}", "{body} den {long} Punkt {n}", "{body}, {dotted}",
                  "Beslutning ({body}, {long})", "Beslutning {body} {date}",
                  "{body} {long}, pkt. {n}", "Beslutningen:", "Udvalgets beslutning:",
                  "Afgørelse:", "{body}s afgørelse", "Udvalgets afgørelse", "Protokol:",
                  # the body named, no date: in parentheses, after "i" or a comma
                  "Beslutning ({abbr})", "Beslutning i {body}", "Beslutning, {body}",
                  "{body}s beslutning", "Beslutning i {body}:", "Beslutning ({body})",
                  # "Referat" where the decision stands
                  "Referat", "Referat:",
                  # the body's meeting, the date and the item
                  "{body}s møde {long} Punkt {n}:"]  # fmt: skip
DECISIONS = ["Godkendt.", "Taget til efterretning.", "Anbefales.", "Udsat.",
             "Sagen blev ikke behandlet og udsættes til næste møde.",
             "Med stemmerne 5 for og 2 imod godkendte udvalget indstillingen.",
             # vote lines as other referats write them
             "Et flertal bestående af A, V og C stemte for. O stemte imod.",
             "Anbefales. For stemte 5 (A, V og C). Imod stemte 2 (O). 1 (Ø) undlod at stemme.",
             # the parties by name
             "Et flertal bestående af Socialdemokratiet og Venstre stemte for. Dansk Folkeparti "
             "og Enhedslisten stemte imod. Socialistisk Folkeparti undlod at stemme."]  # fmt: skip
HEADINGS = ["{n}. {title}", "Punkt {n}: {title}", "Sag nr. {n} {title}", "Pkt. {n}\n{title}",
            "{n} {title}", "{n} - {title}", "Pkt. {n} {title}", "Punkt {n}. {title}",
            "Dagsordenspunkt {n}: {title}", "{n}) {title}", "Sag {n}: {title}",
            "Dagsordenspunkt {n}\n{title}", "Punkt {n} - {title}", "Pkt. {n}: {title}",
            "Punkt nr. {n}: {title}", "Sag nr. {n}: {title}",
            # the item referred to: "Ad 3)", "Ad pkt. 3:", "3. punkt:"
            "Ad {n}) {title}", "Ad pkt. {n}: {title}", "Ad punkt {n} - {title}",
            "{n}. punkt: {title}", "Ad {n}. {title}",
            # "Nr." before the number
            "Nr.{n} - {title}", "Nr. {n}: {title}"]  # fmt: skip
HEADERS = ["plain", "one-line", "labelled", "cover", "date-and-time", "time-and-place",
           "meeting-label", "extract", "referat-fra", "short-date", "body-first",
           "body-with-date", "start-label", "web-english"]  # fmt: skip
# Where a document says which items are closed: at each item, only in its table of contents,
# or by grouping them under "Lukkede punkter" (in the body, or in the contents only).
CLOSED_WHERE = ["items", "items", "contents", "parts", "contents-parts", "items-empty-part"]
# A contents that lists its entries under an open part and ends in the closed part's heading
# with nothing under it; the items say for themselves whether they are closed.
EMPTY_CLOSED_PARTS = [("Åbne punkter", "Lukkede Punkter"), ("Åben dagsorden", "Lukket dagsorden"),
                      ("Åbne punkter:", "Lukkede punkter:")]  # fmt: skip
# What may stand between the decision heading and the decision: the decision's attendance
# field, left empty when nobody was absent, or the list of who was there.
BEFORE_DECISION = [[], [], [], ["Fraværende:"], ["Fraværende: "], ["Afbud:"],
                   ["Tilstede var:", "Borgmester Bo Krag", "Lise Vig"]]  # fmt: skip
FORMATS = ["text", "pdf", "docx", "web-page", "firstagenda-json", "firstagenda-html",
           "sbsys-xml", "acadre-xml", "edoc-xml"]  # fmt: skip


@dataclass
class Truth:
    number: str
    title: str
    case: str
    closed: bool
    decision: str
    recommendation: str = ""
    closed_in_text: str = ""  # the sentence that closes it, in its text
    closed_by_title: bool = False  # its title is about closed items, and no marker says more


@dataclass
class Document:
    fmt: str
    body: str
    when: datetime
    place: str
    items: list[Truth] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)  # name, party, role, attendance, seat of
    starts: list[int] = field(default_factory=list)  # the line each item's page may begin with
    afters: list[str] = field(default_factory=list)  # what stands under each decision
    layout: str = ""
    data: bytes = b""


def _long_date(when: datetime) -> str:
    months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
              "september", "oktober", "november", "december"]  # fmt: skip
    return f"{when.day}. {months[when.month - 1]} {when.year}"


def _header(rng: random.Random, doc: Document) -> list[str]:
    kind = rng.choice(HEADERS)
    doc.layout = kind
    day = f"tirsdag den {_long_date(doc.when)} kl. {doc.when:%H.%M}"
    if kind == "plain":
        return ["Referat", doc.body, day, doc.place, *_people_lines(rng, doc)]
    if kind == "one-line":
        return [f"Referat {doc.body} {day} i {doc.place}"]
    if kind == "labelled":
        return ["Referat", f"Udvalg: {doc.body}", f"Mødedato: {doc.when:%d-%m-%Y}",
                f"Mødetidspunkt: kl. {doc.when:%H:%M}", f"Mødested: {doc.place}"]  # fmt: skip
    if kind == "date-and-time":
        return ["Referat", doc.body, f"Dato og tid: {_long_date(doc.when)}, kl. {doc.when:%H.%M}"
                f"-{doc.when.hour + 2}.00", f"Sted: {doc.place}", *_people_lines(rng, doc)]  # fmt: skip
    if kind == "time-and-place":
        return [doc.body, "Referat", f"Dato: {doc.when:%d.%m.%Y}",
                f"Tid og sted: Kl. {doc.when:%H.%M} i {doc.place}"]  # fmt: skip
    if kind == "extract":
        # "Udskrift af beslutningsprotokol" / "Uddrag af referat fra X": an extract's title
        return [rng.choice(["Udskrift af beslutningsprotokol", f"Uddrag af referat fra {doc.body}"]),
                doc.body, f"Møde den {doc.when:%d.%m.%Y} kl. {doc.when:%H.%M}",
                f"Mødested: {doc.place}"]  # fmt: skip
    if kind == "referat-fra":
        # "Referat fra mødet i X", "Tidspunkt: kl. 16.00-18.30", "Lokale:"/"Sted:"
        label = rng.choice(["Lokale", "Sted", "Mødested", "Mødelokale"])
        return [f"Referat fra mødet i {doc.body}", f"Dato: {doc.when:%d.%m.%Y}",
                f"Tidspunkt: kl. {doc.when:%H.%M}-{doc.when.hour + 2}.30",
                f"{label}: {doc.place}", *_people_lines(rng, doc)]  # fmt: skip
    if kind == "short-date":
        # The short Danish dates: "12/3 2024", "12/3-24", "12.3.24", "12-03-24"
        short = rng.choice([f"{doc.when.day}/{doc.when.month} {doc.when.year}",
                            f"{doc.when.day}/{doc.when.month}-{doc.when:%y}",
                            f"{doc.when.day}.{doc.when.month}.{doc.when:%y}",
                            f"{doc.when:%d-%m-%y}"])  # fmt: skip
        return ["Referat", doc.body, f"{rng.choice(['Dato:', 'Mødedato:', 'Dato'])} {short}",
                f"Tidspunkt: kl. {doc.when:%H.%M}", f"Sted: {doc.place}"]  # fmt: skip
    if kind == "body-first":
        # the body's name over the document kind, the place on the line after the date
        return [doc.body, rng.choice(["Referat", "REFERAT"]), day, doc.place,
                *_people_lines(rng, doc)]  # fmt: skip
    if kind == "body-with-date":
        # the body and the date on one line, the address (ending in the town) under it
        doc.place = f"{doc.place}, Torvet 1, 4000 Nørreby"
        return ["Referat", f"{doc.body} {day}", doc.place]
    if kind == "start-label":
        # "Starttidspunkt for møde:" and "Sluttidspunkt for møde:" under the date
        return [
            doc.body,
            "Referat",
            f"Dato: Tirsdag den {_long_date(doc.when)}",
            f"Starttidspunkt for møde: Kl. {doc.when:%H:%M}",
            f"Sluttidspunkt for møde: Kl. {doc.when.hour + 2}:00",
            f"Mødested: {doc.place}",
        ]
    if kind == "web-english":
        # a web page whose publishing system prints the date in English
        return [doc.body, "Referat", f"Dato: {english_date(doc.when)}", f"Sted: {doc.place}",
                *_people_lines(rng, doc)]  # fmt: skip
    if kind == "meeting-label":
        return ["Referat", f"Møde: {doc.body}", f"Mødedato: {_long_date(doc.when)}",
                f"Mødetidspunkt: {doc.when:%H:%M}-{doc.when.hour + 2}:00", f"Mødested: {doc.place}",
                *_people_lines(rng, doc)]  # fmt: skip
    genitive = doc.body if doc.body.endswith("s") else f"{doc.body}s"
    return [f"{genitive} møde", day, f"Mødested: {doc.place}"]


def _people_lines(rng: random.Random, doc: Document) -> list[str]:
    """A members list and an absence line under it, when the document has one."""
    lines, doc.people = people_lines(rng, pdf=doc.fmt == "pdf", first_item=doc.items[0].number)
    return lines


def _recommendation_lines(truth: Truth, *, headed: bool = True) -> list[tuple[str, bool]]:
    """The indstilling: a heading or not, the proposer's line, the "at ..." lines."""
    if not truth.recommendation:
        return []
    lines = truth.recommendation.split("\n")
    odd = truth.number.endswith(("1", "3", "5", "7", "9"))
    heading = [("Indstilling", True)] if headed and odd else []
    return [*heading, (lines[0], heading == []), *((x, False) for x in lines[1:])]


def _document_lines(rng: random.Random, doc: Document) -> list[tuple[str, bool]]:
    """(line, bold) of a text-layer referat."""
    lines = [(line, n == 0) for n, line in enumerate(_header(rng, doc))]
    style = rng.choice(HEADINGS)
    case_label = rng.choice(CASE_LABELS)
    # Systems whose only labels are "Sags nr." and "Afgørelse", with no "Indstilling" heading:
    # a text file of theirs has none of the words most referats have.
    system = rng.random() < 0.15
    if system:
        case_label = rng.choice(["Sags nr. {}", "Sags nr.: {}"])
    date = f"{doc.when:%d-%m-%Y}"
    where = rng.choice(CLOSED_WHERE)
    if where == "items-empty-part":
        opened, closed = rng.choice(EMPTY_CLOSED_PARTS)
        contents = _contents(doc, "items", ("", ""))
        lines += [contents[0], (opened, False), *contents[1:], (closed, False)]
        where = "items"
    elif where != "items":
        # Only the contents or the parts say which items are closed.
        first = int(doc.items[0].number)
        doc.items.sort(key=lambda t: t.closed if "parts" in where else False)
        for k, truth in enumerate(doc.items):
            truth.number = str(first + k)
            truth.closed_in_text = ""
        lines += _contents(doc, where, rng.choice(CONTENTS_PARTS))
    for truth in doc.items:
        doc.starts.append(len(lines))
        title = truth.title
        extra: list[str] = []
        if (
            where == "parts"
            and truth.closed
            and (truth is doc.items[0] or not doc.items[doc.items.index(truth) - 1].closed)
        ):
            lines.append((rng.choice(CLOSED_PARTS), True))
        elif where == "parts" and truth is doc.items[0]:
            lines.append((rng.choice(OPEN_PARTS), True))
        if (
            truth.closed
            and not (truth.closed_in_text or truth.closed_by_title)
            and where == "items"
        ):
            marked = rng.choice(CLOSED_MARKS).format(title)
            title, *extra = marked.split("\n")
        if where == "items" and truth is not doc.items[0] and truth.case.endswith(("3", "7")):
            # the committee that prepared the items after it, its name in capitals (drawn from
            # the case number, so that the other documents of a seed stay as they were)
            lines.append((doc.body.upper(), False))
        heading = style.format(n=truth.number, title=title).split("\n")
        lines += [(heading[0], True), *((h, True) for h in heading[1:])]
        lines += [(x, False) for x in extra]
        access = "Lukket" if truth.closed else "Åbent"
        lines += [(x, False) for x in case_label.format(truth.case, access=access).split("\n")]
        lines += [("Resumé", True), ("Sagen forelægges for udvalget.", False)]
        if truth.closed_in_text:
            lines += [("Sagsfremstilling", True), (truth.closed_in_text, False)]
        lines += _recommendation_lines(truth, headed=not system)
        head = rng.choice(["Afgørelse", "Afgørelse:"] if system else DECISION_HEADS).format(
            body=doc.body,
            date=date,
            n=truth.number,
            long=_long_date(doc.when),
            dotted=f"{doc.when:%d.%m.%Y}",
            abbr=ABBREVIATIONS[doc.body],
        )
        lines.append((head, True))
        lines += [(x, False) for x in rng.choice(BEFORE_DECISION)]
        lines.append((truth.decision, False))
        after = rng.choice(AFTER_DECISION)
        doc.afters.append(after)
        lines += [(x, False) for x in after.split("\n") if x]
    return lines


def _contents(doc: Document, where: str, parts: tuple[str, str]) -> list[tuple[str, bool]]:
    """A table of contents; "contents" marks the closed items only here, "contents-parts"
    groups them under "Lukkede punkter" here only."""
    lines = [("Indholdsfortegnelse", True)]
    part = None
    for page, truth in enumerate(doc.items, start=2):
        if where == "contents-parts" and truth.closed != part:
            part = truth.closed
            lines.append((parts[1] if part else parts[0], False))
        mark = " (Lukket punkt)" if truth.closed and where == "contents" else ""
        lines.append((f"{truth.number}. {truth.title}{mark} {page}", False))
    return lines


def _docx(lines: list[tuple[str, bool]]) -> bytes:
    import docx

    document = docx.Document()
    for text, bold in lines:
        document.add_paragraph().add_run(text).bold = bold
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build(rng: random.Random, fmt: str) -> Document:
    doc = Document(
        fmt=fmt,
        body=rng.choice(BODIES),
        when=datetime(
            rng.randint(2012, 2025),
            rng.randint(1, 12),
            rng.randint(1, 28),
            rng.choice([9, 15, 16, 17]),
            rng.choice([0, 30]),
        ),
        place=rng.choice(PLACES),
    )
    first = rng.choice([1, 1, 7, 412])
    titles = rng.sample(TITLES, rng.randint(3, 7))
    for k, title in enumerate(titles):
        closed = rng.random() < 0.3
        proposer = rng.choice(PROPOSERS)
        doc.items.append(
            Truth(
                str(first + k),
                title,
                f"{rng.randint(12, 25)}/{rng.randint(100, 29999)}",
                closed,
                rng.choice(DECISIONS),
                recommendation=(
                    f"{proposer}\nat sagen godkendes, og\nat udgiften afholdes af puljen."
                    if rng.random() < 0.5
                    else ""
                ),
                closed_in_text=rng.choice(CLOSED_IN_TEXT) if closed and rng.random() < 0.25 else "",
            )
        )
        truth = doc.items[-1]
        unused = [t for t in CLOSED_TITLES if all(t != i.title for i in doc.items)]
        if closed and not truth.closed_in_text and rng.random() < 0.2:
            truth.title, truth.closed_by_title = rng.choice(unused), True
    if fmt in ("text", "pdf", "docx", "web-page"):
        lines = _document_lines(rng, doc)
        doc.people = item_substitute(doc.people, doc.afters)
        if fmt == "text":
            doc.data = "\n".join(t for t, _ in lines).encode()
        elif fmt == "pdf":
            flat = [f"**{t}" if bold else t for text, bold in lines for t in [text]]
            size = rng.choice([48, 20, 0])
            if size:
                pages = [flat[i : i + size] for i in range(0, len(flat), size)]
            else:
                # each item on a page of its own, the header on the first item's
                cuts = [0, *doc.starts[1:], len(flat)]
                pages = [flat[a:b] for a, b in itertools.pairwise(cuts) if b > a]
            furniture = rng.random()
            if len(pages) > 1 and furniture < 0.2:
                # A running header of three lines on every page, the title page's too.
                pages = [[doc.body, "Referat", _long_date(doc.when), *page] for page in pages]
            elif len(pages) > 1 and furniture < 0.6:
                # Page furniture: a running header with the body and date, a footer naming the
                # referat, and "Side k af n".
                pages = [
                    [f"{doc.body} {doc.when:%d-%m-%Y}"] * (k > 0) + page
                    + [f"Referat - {doc.body} - {_long_date(doc.when)}",
                       f"Side {k + 1} af {len(pages)}"]
                    for k, page in enumerate(pages)
                ]  # fmt: skip
            doc.data = make_pdf(pages)
        elif fmt == "web-page":
            doc.data = web_page(rng, lines)
        else:
            doc.data = _docx(lines)
        return doc
    spec = formats.Spec(body=doc.body, when=doc.when, place=doc.place)
    for truth in doc.items:
        marked = truth.closed and not (truth.closed_in_text or truth.closed_by_title)
        title = rng.choice(CLOSED_MARKS[:6]).format(truth.title) if marked else truth.title
        parts = [formats.Part("Resumé", ["Sagen forelægges for udvalget."])]
        if truth.closed_in_text:
            parts.append(formats.Part("Sagsfremstilling", [truth.closed_in_text]))
        if truth.recommendation:
            first, *rest = truth.recommendation.split("\n")
            parts.append(
                formats.Part("Indstilling", [first, *rest])
                if truth.number.endswith(("1", "3", "5", "7", "9"))
                else formats.Part(first, rest)
            )
        head = (
            rng.choice(DECISION_HEADS)
            .format(
                body=doc.body,
                date=f"{doc.when:%d-%m-%Y}",
                n=truth.number,
                long=_long_date(doc.when),
                dotted=f"{doc.when:%d.%m.%Y}",
                abbr=ABBREVIATIONS[doc.body],
            )
            .rstrip(":")
        )
        spec.items.append(
            formats.Item(truth.number, title, truth.case, [
                *parts, formats.Part(head, [truth.decision], decision=True),
            ])
        )  # fmt: skip
    doc.layout = "structured"
    doc.data = formats.WRITERS[fmt](spec)
    return doc


FIELDS = ("items", "titles", "case numbers", "closed flags", "decisions", "indstillinger",
          "body", "date", "time", "place", "participants")  # fmt: skip


def score(doc: Document, found: dict[str, list[int]]) -> list[str]:
    """Add [right, asked] per field for one document; the fields it got wrong."""
    missed: list[str] = []
    try:
        _fmt, meetings = importers.parse(doc.data, source=f"eval.{doc.fmt}")
    except MeetingError:
        meetings = []
    meeting = meetings[0] if meetings else None
    items = {i.number: i for i in meeting.items} if meeting else {}
    for truth in doc.items:
        item = items.get(truth.number)
        found["items"][1] += 1
        found["items"][0] += item is not None
        for name, ok in (
            ("titles", item is not None and item.title == truth.title),
            ("case numbers", item is not None and item.case_number == truth.case),
            ("closed flags", item is not None and item.closed == truth.closed),
            ("decisions", item is not None and item.decision == truth.decision),
            (
                "indstillinger",
                item is not None and _recommended(item) == " ".join(truth.recommendation.split()),
            ),
        ):
            found[name][0] += ok
            found[name][1] += 1
            if not ok:
                missed.append(f"item {truth.number} {name}: wrote {truth}, read {_read(item)}")
    for name, ok in (
        ("body", meeting is not None and meeting.body == doc.body),
        ("date", meeting is not None and meeting.starts_at.date() == doc.when.date()),
        ("time", meeting is not None and meeting.starts_at == doc.when),
        ("place", meeting is not None and meeting.location == doc.place),
        ("participants", meeting is not None and _people(meeting) == doc.people),
    ):
        found[name][0] += ok
        found[name][1] += 1
        if not ok:
            missed.append(f"{name}: wrote {doc.body!r} {doc.when} {doc.place!r}, read "
                          + (f"{meeting.body!r} {meeting.starts_at} {meeting.location!r}"
                             if meeting else "no meeting"))  # fmt: skip
    return missed


def _recommended(item: object) -> str:
    """The indstilling with its proposer line, whether the source made that line its text or
    its heading."""
    text: str = item.recommendation  # type: ignore[attr-defined]
    heads = [p.heading for p in item.layout if p.kind.value == "recommendation"]  # type: ignore[attr-defined]
    if text and heads and heads[0] not in ("", "Indstilling") and not text.startswith(heads[0]):
        text = f"{heads[0]}\n{text}"
    return " ".join(text.split())


def _people(meeting: object) -> list[Person]:
    names = {p.id: p.name for p in meeting.participants}  # type: ignore[attr-defined]
    return [(p.name, p.affiliation, p.role.value, p.attendance.value,
             names.get(p.substitute_for, "") if p.substitute_for else "")
            for p in meeting.participants]  # type: ignore[attr-defined]  # fmt: skip


def _read(item: object) -> str:
    if item is None:
        return "no such item"
    return (f"{item.number!r} {item.title!r} {item.case_number!r} closed={item.closed} "  # type: ignore[attr-defined]
            f"{item.decision!r}")  # type: ignore[attr-defined]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=160)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--show-misses",
        action="store_true",
        help="print each document read wrongly, with what was written and read",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_format: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for n in range(args.documents):
        doc = build(rng, FORMATS[n % len(FORMATS)])
        scored: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        missed = score(doc, scored)
        if missed and args.show_misses:
            print(f"--- document {n} ({doc.fmt}):", *sorted(set(missed)), sep="\n  ")
            if doc.fmt == "text":
                print(doc.data.decode())
        for name, (right, asked) in scored.items():
            totals[name][0] += right
            totals[name][1] += asked
            per_format[doc.fmt][name][0] += right
            per_format[doc.fmt][name][1] += asked
    print(f"{args.documents} generated referats, seed {args.seed}")
    columns = ["all", *FORMATS]
    widths = [max(len(f), 7) + 1 for f in columns]
    print(f"{'field':<14}" + "".join(f"{f:>{w}}" for f, w in zip(columns, widths, strict=True)))
    for name in FIELDS:
        cells = [totals[name], *(per_format[f][name] for f in FORMATS)]
        print(f"{name:<14}" + "".join(f"{100 * r / a:>{w - 1}.1f}%" if a else f"{'-':>{w}}"
                                       for (r, a), w in zip(cells, widths, strict=True)))  # fmt: skip


if __name__ == "__main__":
    main()
