"""Text whose lines were flattened: a whole page or a header block on one line.

Web viewers and some PDF exports give "Sag nr. 31 Vejbelysning Sagsnr.: 11/501
Sagsfremstilling Forvaltningen har ... Indstilling Forvaltningen indstiller ..." on one line.
Such lines are broken before the labels they carry, so each label starts a line again.
"""

from __future__ import annotations

import re

from meetingtui.importers.source import Block, Cont

# Labels that flattened text carries inline: split before them.
_INLINE_LABELS = re.compile(
    r"\s(?=(?:Sagsnr\.?|Sags nr\.?|J\.\s?nr\.?|Resumé|Resume|Indstilling|Beslutningskompetence|"
    r"Sagen afgøres i|Sagsfremstilling|Supplerende sagsfremstilling|Administrationens vurdering|"
    r"Handicappolitik|Økonomi og finansiering|Økonomiske konsekvenser|Bilag|Afbud|Fraværende|"
    r"Lovgrundlag|Kommunikation|Tidsplan|Beslutningstema|Sagsbeskrivelse|Miljøvurdering|"
    r"Udvalgets beslutning|Beslutning|Mødedato|Mødested|Mødetidspunkt|Mødet hævet|Deltagere|"
    r"Mødedeltagere)\s*:|Beslutning(?:\s+i)?\s+[^:]{2,80}?\s+den\b[^:]{0,30}:)"
)
# A members list glued to the header line: "Referat ... kl. 15.00 i Lokale 4 Mødedeltagere: ..."
_PEOPLE_LABEL = re.compile(r"\s(?:Mødedeltagere|Deltagere|Afbud|Fraværende|Afbud fra)\s*:")
# Flattened pages of some systems drop the colon: "... Sagsfremstilling Forvaltningen
# orienterer ...". A capitalised label before a capitalised word is a heading there (Danish
# prose writes these nouns in lower case); the colon is put back.
_BARE_LABEL = re.compile(
    r"\s(Sagsfremstilling|Supplerende sagsfremstilling|Resumé|Indstilling|Beslutning|Bilag|"
    r"Beslutningskompetence|Administrationens vurdering|Økonomi og finansiering|"
    r"Økonomiske konsekvenser|Lovgrundlag|Sagsbeskrivelse|Beslutningstema|SAGSFREMSTILLING|"
    r"INDSTILLING|BESLUTNING|RESUMÉ|BILAG|FORVENTET SAGSGANG|ØKONOMI|LOVGRUNDLAG|HØRING)"
    r"(?:\s*:)?\s+(?=[A-ZÆØÅ][a-zæøå])"
)


def split_inline_labels(blocks: list[Block]) -> list[Block]:
    """Break long lines at known section labels so each label starts a line."""
    out: list[Block] = []
    for block in blocks:
        text = block.text
        if (
            block.table is not None
            or block.item is not None
            or (
                len(text) < 150
                and len(_INLINE_LABELS.findall(text)) < 2
                and not _PEOPLE_LABEL.search(text, 1)
            )
        ):
            out.append(block)
            continue
        if len(_BARE_LABEL.findall(text)) >= 2:
            text = _BARE_LABEL.sub(lambda m: f"\n{m.group(1)}: ", text)
        first = True
        for chunk in text.split("\n"):
            for part in _INLINE_LABELS.split(chunk):
                if part.strip():
                    piece = block.with_text(part.strip())
                    if not first:
                        piece.cont = Cont.NEW  # a label starts a paragraph of its own
                    out.append(piece)
                    first = False
    return out
