"""Catalog: importing document formats (PDF, extracted text, ESDH .docx, meetingtui's own files)."""

DA: dict[str, str] = {
    "import.docs.no_text": "Dokumentet indeholder ingen tekst",
    "import.docs.no_date": "Mødedatoen kan ikke findes i dokumentet",
    "import.docs.no_body": "Udvalget kan ikke findes i dokumentet",
    "import.docs.no_items": "Dokumentet indeholder ingen dagsordenspunkter, der kan genkendes",
    "import.pdf.encrypted": "PDF-filen er krypteret med adgangskode og kan ikke læses",
    "import.pdf.corrupt": "PDF-filen er beskadiget eller ufuldstændig ({reason})",
    "import.pdf.no_text": (
        "PDF-filen har intet tekstlag ({pages} sider); den er sandsynligvis scannet og skal "
        "OCR-behandles først"
    ),
    "import.pdf.too_many_pages": "PDF-filen har {pages} sider; grænsen er {limit}",
    "import.docx.corrupt": "Word-filen er beskadiget eller ikke en .docx-fil ({reason})",
    "import.docx.encrypted": (
        "Filen er en krypteret Word-fil eller et gammelt .doc-dokument; gem den som .docx uden "
        "adgangskode"
    ),
    "import.docx.zip_bomb": (
        "Word-filen pakker ud til urimeligt meget data ({reason}) og afvises som mistænkelig"
    ),
    "import.docx.no_document": "Word-filen mangler selve dokumentet (word/document.xml)",
    "import.docx.document_cut": (
        "Word-filen er afskåret midt i selve dokumentet (word/document.xml) og kan ikke læses"
    ),
    "import.docx.recovered": (
        "Word-filens zip-katalog er beskadiget; dokumentet er læst fra de dele, der var hele"
    ),
    "import.docx.lost.styles": (
        "Tabt: typografierne (word/styles.xml); overskrifter er genkendt på ordlyden alene"
    ),
    "import.docx.lost.numbering": (
        "Tabt: listenummereringen (word/numbering.xml); numre fra Word-lister mangler"
    ),
    "import.docx.lost.furniture": (
        "Tabt: sidehoveder og sidefødder; de kan have sagt »Lukket referat«, så alle punkter er "
        "importeret som lukkede"
    ),
    "import.own.invalid": "meetingtuis egen eksport kan ikke læses: {reason}",
    "import.own.version": "meetingtuis eksport har en ukendt version: {version}",
}

EN: dict[str, str] = {
    "import.docs.no_text": "The document contains no text",
    "import.docs.no_date": "The meeting date cannot be found in the document",
    "import.docs.no_body": "The committee cannot be found in the document",
    "import.docs.no_items": "The document contains no recognisable agenda items",
    "import.pdf.encrypted": "The PDF is password-protected and cannot be read",
    "import.pdf.corrupt": "The PDF is damaged or incomplete ({reason})",
    "import.pdf.no_text": (
        "The PDF has no text layer ({pages} pages); it is probably scanned and needs OCR first"
    ),
    "import.pdf.too_many_pages": "The PDF has {pages} pages; the limit is {limit}",
    "import.docx.corrupt": "The Word file is damaged or not a .docx file ({reason})",
    "import.docx.encrypted": (
        "The file is an encrypted Word file or an old .doc document; save it as .docx without "
        "a password"
    ),
    "import.docx.zip_bomb": (
        "The Word file unpacks to an unreasonable amount of data ({reason}) and is rejected as "
        "suspicious"
    ),
    "import.docx.no_document": "The Word file lacks the document itself (word/document.xml)",
    "import.docx.document_cut": (
        "The Word file is cut off inside the document itself (word/document.xml) and cannot be read"
    ),
    "import.docx.recovered": (
        "The Word file's zip directory is damaged; the document was read from the parts that "
        "were whole"
    ),
    "import.docx.lost.styles": (
        "Lost: the styles (word/styles.xml); headings were recognised by their wording alone"
    ),
    "import.docx.lost.numbering": (
        "Lost: the list numbering (word/numbering.xml); numbers from Word lists are missing"
    ),
    "import.docx.lost.furniture": (
        "Lost: the page headers and footers; they may have said “Lukket referat”, so every item "
        "was imported as closed"
    ),
    "import.own.invalid": "meetingtui's own export cannot be read: {reason}",
    "import.own.version": "meetingtui's export has an unknown version: {version}",
}
