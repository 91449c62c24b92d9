"""Small, realistic referat fixtures built in code: text, hand-made PDFs and python-docx files."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from meetingtui.models import Meeting

# A referat as pdftotext gives it: form feeds between pages, a running header with the page
# number, a table of contents, an attachment page after the last item and a signature page.
HEADER = "Fredensborg Kommune · Økonomiudvalget · 12-03-2024"


def text_referat() -> str:
    pages = [
        [
            "Referat",
            "Økonomiudvalget",
            "tirsdag den 12. marts 2024 kl. 16.30 - 18.00",
            "Mødelokale 2, Rådhuset",
            "Afbud: Hanne Berg (V), Jens Lund (Ø)",
            "Fraværende: Ole Sand (O)",
            "Indholdsfortegnelse",
            "1. Godkendelse af dagsorden ........................ 2",
            "2. Budgetopfølgning pr. 31. januar 2024 ......... 2",
            "3. Salg af ejendom, Strandvejen 4 ............... 3",
            "4. Lukket punkt: Personalesag ................... 3",
        ],
        [
            "1. Godkendelse af dagsorden",
            "Sagsnr.: 24/1001",
            "Beslutning i Økonomiudvalget den 12-03-2024:",
            "Godkendt.",
            "2. Budgetopfølgning pr. 31. januar 2024",
            "Sagsnr.: 24/1002",
            "Resumé",
            "Administrationen forelægger budgetopfølgningen.",
            "Indstilling",
            "Direktionen indstiller,",
            "1. at budgetopfølgningen tages til efterretning,",
            "2. at der gives en tillægsbevilling på 2,1 mio. kr.",
            "Beslutning i Økonomiudvalget den 12-03-2024:",
            "Med stemmerne 5 for og 2 imod godkendte udvalget indstillingen.",
            "Karin Holm (C) deltog ikke i behandlingen af punktet.",
            "Sagsfremstilling",
            "Forbruget følger budgettet på de fleste områder.",
            "Bilag",
            "1. Budgetopfølgning januar 2024.pdf",
            "2. Notat om tillægsbevilling.pdf",
        ],
        [
            "3. Salg af ejendom, Strandvejen 4",
            "Sagsnr.: 23/20456",
            "Beslutning i Økonomiudvalget den 12-03-2024:",
            "Anbefales.",
            "For stemte: A, F og Ø (5). Imod stemte: V og O (4). Undlod at stemme: C (1).",
            "Lukket punkt: Personalesag",
            "Sagsnr.: 24/777",
            "Beslutning i Økonomiudvalget den 12-03-2024:",
            "Godkendt.",
        ],
        [
            "Bilag 1: Budgetopfølgning januar 2024",
            "Område        Budget    Forbrug",
            "Skoler         512,0      43,1",
        ],
    ]
    out = []
    for number, lines in enumerate(pages, start=1):
        furniture = [HEADER] if number <= 3 else []
        footer = [f"Side {number} af {len(pages)}"] if number <= 3 else []
        out.append("\n".join([*furniture, *lines, *footer]))
    return "\f".join(out) + "\n"


def agenda_variant() -> str:
    """A dagsorden from another system: "Punkt N (Åben)", year-long numbering, no decisions."""
    return "\n".join(
        [
            "DAGSORDEN",
            "Teknik- og Miljøudvalget",
            "Mødedato: 04.09.2023",
            "Mødetidspunkt: kl. 15:00",
            "Mødested: Byrådssalen",
            "Punkt 412 (Åben) Vejbelysning i Nørreby",
            "Sagsnr. 06.00.00-G01-12-23",
            "Sagsfremstilling:",
            "Vejbelysningen skal udskiftes.",
            "Indstilling:",
            "Forvaltningen indstiller, at udskiftningen godkendes.",
            "Punkt 413 (Lukket) Køb af areal",
            "Punkt 414 (Åben) Orientering om vintertjeneste",
            "Sagsnr. 23-014470",
            "Resumé:",
            "Orientering om beredskabet.",
        ]
    )


# --- a hand-made PDF ------------------------------------------------------------------------


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(
    pages: list[list[str]], *, encrypted: bool = False, subset_bold: bool = False
) -> bytes:
    """A small PDF with one text line per entry; a line starting with "**" is set in bold, and
    a tab in a line starts a column further right (placed, as layout programs do, with no space
    in the text).

    `subset_bold` names the bold face like an embedded subset ("ABCDEF+DejaVuSans-Bold") whose
    descriptor claims weight 400, as LibreOffice and Word exports often do."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    if subset_bold:
        descriptor = add(
            b"<< /Type /FontDescriptor /FontName /ABCDEF+DejaVuSans-Bold /Flags 32 /FontWeight 400"
            b" /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700"
            b" /StemV 80 >>"
        )
        bold = add(
            b"<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+DejaVuSans-Bold"
            b" /Encoding /WinAnsiEncoding /FontDescriptor %d 0 R >>" % descriptor
        )
    else:
        bold = add(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
        )
    pages_id = len(objects) + 1 + 2 * len(pages)
    kids = []
    for lines in pages:
        ops = [b"BT", b"14 TL", b"50 800 Td"]
        for line in lines:
            name = b"/F2" if line.startswith("**") else b"/F1"
            first, *columns = line.lstrip("*").split("\t")
            ops.append(name + b" 11 Tf " + _pdf_string(first) + b" Tj")
            # a tab: the next column set 250 points to the right by position, no space between
            for k, column in enumerate(columns, start=1):
                ops.append(b"%d 0 Td " % (250 * k - 250 * (k - 1)) + _pdf_string(column) + b" Tj")
            ops.append(b"%d 0 Td T*" % (-250 * len(columns)) if columns else b"T*")
        ops.append(b"ET")
        stream = zlib.compress(b"\n".join(ops))
        content = add(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream"
        )
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>"
                % (pages_id, content, font, bold)
            )
        )
    add(
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    encrypt = 0
    if encrypted:
        # Standard security handler with a user password: the empty password does not open it.
        encrypt = add(
            b"<< /Filter /Standard /V 1 /R 2 /O <"
            + b"11" * 32
            + b"> /U <"
            + b"22" * 32
            + b"> /P -44 >>"
        )
    extra = b""
    if encrypt:
        extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encrypt, b"ab" * 16, b"ab" * 16)
    return pdf_file(objects, catalog, header=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", trailer=extra)


def pdf_file(
    objects: list[bytes], catalog: int, *, header: bytes = b"%PDF-1.4\n", trailer: bytes = b""
) -> bytes:
    """Numbered objects with their cross-reference table: a PDF a reader opens as it is."""
    out = io.BytesIO()
    out.write(header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    head = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    out.write(b"trailer\n" + head + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def pdf_referat_pages() -> list[list[str]]:
    """A FirstAgenda-like referat: bold "Punkt N:" headings, case number lines, no Sagsnr label."""
    return [
        [
            "**REFERAT Byrådet d. 27-08-2025",
            "Mødedato Onsdag d. 27. august 2025 kl. 16:00",
            "Mødested Byrådssalen",
        ],
        [
            "**Indholdsfortegnelse",
            "Godkendelse af dagsorden.................................... 3",
            "Anlægsbevilling til ny cykelsti ............................... 3",
            "Lukket: Køb af jord .............................................. 4",
        ],
        [
            "**Punkt 1: Godkendelse af dagsorden",
            "EMN-2025-000101",
            "**Beslutninger",
            "Godkendt.",
            "**Punkt 2: Anlægsbevilling til ny cykelsti langs Ringvejen mellem",
            "**Nordby og Sydby",
            "EMN-2025-000202",
            "**Beslutninger",
            "Med stemmerne 19 for og 1 imod godkendte byrådet indstillingen.",
            "**Resume",
            "Der søges om anlægsbevilling.",
            "**Beslutningspunkter",
            "At 1) der gives en anlægsbevilling på 4,5 mio. kr.",
        ],
        [
            "**Punkt 3: Lukket: Køb af jord",
            "EMN-2025-000303",
            "Godkendt som indstillet.",
        ],
    ]


# --------------------------------------------------------------------------- one document, three readers


def parsed_text(lines: list[str]) -> Meeting:
    """The lines as a plain-text referat, imported."""
    from meetingtui import importers

    _fmt, [meeting] = importers.parse("\n".join(lines).encode(), source="lines.txt")
    return meeting


def parsed_pdf(lines: list[str]) -> Meeting:
    """The lines as one PDF page, imported."""
    from meetingtui import importers

    _fmt, [meeting] = importers.parse(make_pdf([lines]), source="lines.pdf")
    return meeting


def parsed_docx(lines: list[str]) -> Meeting:
    """The lines as the paragraphs of a Word document, imported."""
    import docx

    from meetingtui import importers

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    _fmt, [meeting] = importers.parse(out.getvalue(), source="lines.docx")
    return meeting


def parsed_web_page(lines: list[str]) -> Meeting:
    """The lines as the paragraphs of a municipality's web page (menu and footer around the
    referat's <main>), imported."""
    import html

    from meetingtui import importers

    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    data = (f'<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Referat</title>'
            f"</head><body><nav><a href='/'>Forside</a></nav><main>{body}</main>"
            "<footer><p>Nørreby Kommune</p></footer></body></html>").encode()  # fmt: skip
    _fmt, [meeting] = importers.parse(data, source="lines.html")
    return meeting


def people_rows(meeting: Meeting) -> list[tuple[str, str, str, str, str]]:
    """Each participant as name, affiliation, role, attendance and whose seat it takes."""
    names = {p.id: p.name for p in meeting.participants}
    return [
        (p.name, p.affiliation, p.role.value, p.attendance.value,
         names.get(p.substitute_for, "") if p.substitute_for else "")
        for p in meeting.participants
    ]  # fmt: skip


# The same phrases through every document reader: the records must agree.
DOCUMENT_READERS: dict[str, Callable[[list[str]], Meeting]] = {
    "text": parsed_text,
    "pdf": parsed_pdf,
    "docx": parsed_docx,
}
# ... and through a web page, for the phrases a referat on a municipality's site holds too.
READERS_AND_WEB_PAGE = {**DOCUMENT_READERS, "web-page": parsed_web_page}
