"""The referat's document properties: what a file list, a search engine, a screen reader and a
PDF viewer show before anyone opens the document.

Only the body, the municipality, the date, the kind of referat and the audit checksum go here,
never anything of an item (a public referat must not leak a closed item's title this way).
"""

from __future__ import annotations

from datetime import UTC, datetime

from docx.document import Document as DocxDocument
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from meetingtui.exporters import referat
from meetingtui.exporters.wordml import xml_escape
from meetingtui.i18n import t
from meetingtui.i18n.dates import long_date
from meetingtui.models import Meeting

CUSTOM_PARTNAME = "/docProps/custom.xml"
CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_RELTYPE = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# The format id Word gives every user-defined property.
_USER_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def document_title(meeting: Meeting, *, public: bool) -> str:
    """ "Referat – Økonomiudvalget – 3. januar 2017" (+ the internal marking)."""
    date = long_date(meeting.starts_at.date())
    title = f"{referat.document_title(meeting)} – {meeting.body} – {date}"
    if not public:
        title += f" – {t('export.internal_marking')}"
    return title


def core_properties(doc: DocxDocument, meeting: Meeting, *, public: bool, lang: str) -> None:
    props = doc.core_properties
    date = long_date(meeting.starts_at.date())
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.title = document_title(meeting, public=public)
    props.subject = t("export.meeting_subject", body=referat.body_in_text(meeting.body), date=date)
    # The committee is the author of its referat; the municipality is the company (app.xml).
    props.author = meeting.body
    props.last_modified_by = meeting.body
    props.created = now
    props.modified = now
    props.comments = ""
    keywords = [t("export.referat").lower(), meeting.body]
    if meeting.municipality:
        keywords.append(meeting.municipality)
    keywords.append(date)
    if not public:
        keywords.append(t("export.internal_marking"))
    # Semicolons: a body name may hold a comma ("17, stk. 4-udvalget").
    props.keywords = "; ".join(keywords)
    props.category = t("export.referat")
    markings = []
    if referat.is_draft(meeting):
        markings.append(t("export.draft"))
    if not public:
        markings.append(t("export.internal_marking"))
    props.content_status = "; ".join(markings)
    props.identifier = ""
    props.language = lang
    props.version = ""
    props.revision = 1


def app_properties(doc: DocxDocument, meeting: Meeting) -> None:
    """Replace the template's extended properties (application, company, statistics of some
    other document) with the minimum; Word and LibreOffice recompute the rest."""
    company = (
        f"<Company>{xml_escape(meeting.municipality)}</Company>" if meeting.municipality else ""
    )
    blob = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'extended-properties"><Application>meetingtui</Application>{company}</Properties>'
    ).encode()
    for part in doc.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = blob


def custom_properties(doc: DocxDocument, values: dict[str, str]) -> None:
    """User-defined properties (File > Properties > Custom in Word), e.g. the checksum."""
    entries = "".join(
        f'<property fmtid="{_USER_FMTID}" pid="{pid}" name="{xml_escape(name)}">'
        f"<vt:lpwstr>{xml_escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(values.items(), start=2)
    )
    blob = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{entries}</Properties>'
    ).encode()
    package = doc.part.package
    part = Part(PackURI(CUSTOM_PARTNAME), CUSTOM_CONTENT_TYPE, blob, package)
    package.relate_to(part, CUSTOM_RELTYPE)
