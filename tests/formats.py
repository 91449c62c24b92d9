"""One small meeting written in every format the archive reads, from one description.

`Spec` says what a referat holds (body, date, items with their headed parts); each `as_*`
function writes it the way that format's agenda system does: text as pdftotext gives it, a PDF
with bold headings, a Word document with heading styles, FirstAgenda JSON and web page, SBSYS
Publication XML, Acadre and eDoc agenda XML. Tests feed the same phrases through all of them
and compare the records.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import datetime
from html import escape

from tests import docfixtures


@dataclass
class Part:
    heading: str
    lines: list[str]
    decision: bool = False  # structured formats mark decision fields as data


@dataclass
class Item:
    number: str
    title: str
    case: str
    parts: list[Part] = field(default_factory=list)


@dataclass
class Spec:
    body: str = "Økonomiudvalget"
    when: datetime = datetime(2024, 3, 12, 16, 30)
    place: str = "Mødelokale 2"
    items: list[Item] = field(default_factory=list)

    @property
    def long_date(self) -> str:
        months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                  "september", "oktober", "november", "december"]  # fmt: skip
        return f"{self.when.day}. {months[self.when.month - 1]} {self.when.year}"


def _header(spec: Spec) -> list[str]:
    return ["Referat", spec.body, f"tirsdag den {spec.long_date} kl. {spec.when:%H.%M}",
            spec.place]  # fmt: skip


def as_text(spec: Spec) -> bytes:
    lines = _header(spec)
    for item in spec.items:
        lines += [f"{item.number}. {item.title}", f"Sagsnr.: {item.case}"]
        for part in item.parts:
            lines += [part.heading, *part.lines]
    return "\n".join(lines).encode()


def as_pdf(spec: Spec) -> bytes:
    lines = [f"**{line}" if n == 0 else line for n, line in enumerate(_header(spec))]
    for item in spec.items:
        lines += [f"**{item.number}. {item.title}", f"Sagsnr.: {item.case}"]
        for part in item.parts:
            lines += [f"**{part.heading}", *part.lines]
    pages = [lines[i : i + 45] for i in range(0, len(lines), 45)]
    return docfixtures.make_pdf(pages)


def as_docx(spec: Spec) -> bytes:
    import docx

    document = docx.Document()
    for line in _header(spec):
        document.add_paragraph(line)
    for item in spec.items:
        document.add_heading(f"{item.number}. {item.title}", level=1)
        document.add_paragraph(f"Sagsnr.: {item.case}")
        for part in item.parts:
            document.add_heading(part.heading, level=2)
            for line in part.lines:
                document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _html(parts: list[Part], tag: str = "h3") -> str:
    return "".join(
        f"<{tag}>{escape(p.heading)}</{tag}>" + "".join(f"<p>{escape(x)}</p>" for x in p.lines)
        for p in parts
    )


def as_firstagenda_json(spec: Spec) -> bytes:
    items = [
        {
            "Number": item.number,
            "Sorting": n,
            "Caption": item.title,
            "CaseNumber": item.case,
            "IsOpen": False,
            "Felter": [{"Navn": "", "Html": f"<div>{_html(item.parts)}</div>"}],
        }
        for n, item in enumerate(spec.items)
    ]
    document = {
        "Udvalg": {"Navn": spec.body},
        "Moede": {"Dato": spec.when.isoformat(), "Sted": spec.place},
        "Dagsordenpunkter": items,
    }
    return json.dumps(document, ensure_ascii=False).encode()


def as_firstagenda_html(spec: Spec) -> bytes:
    rows = "".join(
        f'<tr class="punktrow"><td><span class="label">{item.number}</span></td><td>'
        f'<h2 class="overskrift">{escape(item.title)}</h2><div class="details">'
        f'<span class="sagsnummer">{item.case}</span><div class="punkt">'
        f'<div id="sagsfremstillingContainer">{_html(item.parts)}</div></div></div></td></tr>'
        for item in spec.items
    )
    return f"""<html><body><h1 class="green">Referat {spec.long_date}</h1>
<span class="udvalg">{spec.body}</span><span class="dato">tirsdag den {spec.long_date}
kl. {spec.when:%H.%M}</span><span class="sted">{spec.place}</span>
<table id="dagsordenDetaljer"><tbody>{rows}</tbody></table></body></html>""".encode()


def as_sbsys_xml(spec: Spec) -> bytes:
    def fields(item: Item) -> str:
        return "".join(
            f"<ItemField><Caption>{escape(p.heading)}</Caption><Index>{n}</Index>"
            f"<IsFeedback>{p.decision}</IsFeedback><Content>"
            f"{escape(''.join(f'<p>{x}</p>' for x in p.lines))}</Content></ItemField>"
            for n, p in enumerate(item.parts)
        )

    items = "".join(
        f"<Item><Number>{item.number}</Number><Caption>{escape(item.title)}</Caption>"
        f"<IsPublic>True</IsPublic><Case><Number>{item.case}</Number></Case>"
        f"<Fields>{fields(item)}</Fields></Item>"
        for item in spec.items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?><Publication><Agendas><Agenda>
<Items>{items}</Items><Committee><Name>{spec.body}</Name></Committee>
<Meeting><Where>{spec.place}</Where><When>{spec.when:%d-%m-%Y %H:%M:%S}</When></Meeting>
</Agenda></Agendas></Publication>""".encode()


def as_acadre_xml(spec: Spec) -> bytes:
    def fields(**values: str) -> str:
        inner = "".join(f'<field name="{k}">{escape(v)}</field>' for k, v in values.items())
        return f"<fields>{inner}</fields>"

    def table(name: str, content: str) -> str:
        return f'<table name="{name}">{content}</table>'

    items = "".join(
        table(
            "agendaitemparents",
            fields(sort=item.number)
            + table(
                "agendaitem",
                fields(name=item.title, caseno=item.case, accessname="Åben")
                + "".join(
                    table(
                        "bullet",
                        fields(
                            bulletname=p.heading,
                            bulletsortorder=str(n),
                            bulletcontent="".join(f"<p>{x}</p>" for x in p.lines),
                        ),
                    )
                    for n, p in enumerate(item.parts)
                ),
            ),
        )
        for item in spec.items
    )
    meeting = table("meeting", fields(date=f"{spec.when:%Y-%m-%d %H:%M}", location=spec.place))
    committee = table("committee", fields(name=spec.body))
    agenda = table("agenda", fields(name="Referat") + committee + meeting + items)
    return f'<?xml version="1.0"?><root>{agenda}</root>'.encode()


def as_edoc_xml(spec: Spec) -> bytes:
    def presentations(item: Item) -> str:
        return "".join(
            f"<edoc:CasePresentation><edoc:Title>{escape(p.heading)}</edoc:Title>"
            f"<edoc:Content><![CDATA[{''.join(f'<p>{x}</p>' for x in p.lines)}]]></edoc:Content>"
            f"<edoc:IsDecision>{str(p.decision).lower()}</edoc:IsDecision>"
            "</edoc:CasePresentation>"
            for p in item.parts
        )

    elements = "".join(
        f"<edoc:AgendaElement><edoc:AccessIsPublic>true</edoc:AccessIsPublic>"
        f"<edoc:SortOrder>{n}</edoc:SortOrder><edoc:HandlingItem>"
        f"<edoc:SerialNo>{item.number}</edoc:SerialNo><edoc:Title>{escape(item.title)}</edoc:Title>"
        f"<edoc:CaseNumber>{item.case}</edoc:CaseNumber>"
        f"<edoc:CasePresentations>{presentations(item)}</edoc:CasePresentations>"
        "</edoc:HandlingItem></edoc:AgendaElement>"
        for n, item in enumerate(spec.items)
    )
    return f"""<Root xmlns:edoc="http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/">
<edoc:Committee><edoc:Name>{spec.body}</edoc:Name><edoc:Meeting>
<edoc:MeetingDateTime>{spec.when:%d-%m-%Y %H:%M}</edoc:MeetingDateTime>
<edoc:MeetingLocation>{spec.place}</edoc:MeetingLocation>
<edoc:Agenda><edoc:Type>Referat</edoc:Type><edoc:AgendaElements>{elements}</edoc:AgendaElements>
</edoc:Agenda></edoc:Meeting></edoc:Committee></Root>""".encode()


WRITERS = {
    "text": as_text,
    "pdf": as_pdf,
    "docx": as_docx,
    "firstagenda-json": as_firstagenda_json,
    "firstagenda-html": as_firstagenda_html,
    "sbsys-xml": as_sbsys_xml,
    "acadre-xml": as_acadre_xml,
    "edoc-xml": as_edoc_xml,
}
