"""A referat published as an ordinary web page (a municipality's own site, a page saved from the
browser), not by an agenda system: it was refused as an unknown format. Its headings,
paragraphs, lists and tables are read by the same rules as a PDF's lines; the site's menus,
cookie notice and footer are not the referat's."""

from __future__ import annotations

import pytest

from meetingtui import importers
from meetingtui.errors import InputError
from meetingtui.models import ListBlock, Meeting

PAGE = """<!DOCTYPE html>
<html lang="da"><head><meta charset="{charset}"><title>Referat - Økonomiudvalget</title>
<script>var tracking = 1;</script></head>
<body>
<header><nav><ul><li><a href="/">Forside</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<div class="cookie">Vi bruger cookies for at forbedre din oplevelse. <button>OK</button></div>
</header>
<{main}>
<h1>Referat - Økonomiudvalget</h1>
<p><strong>Mødedato:</strong> tirsdag den 12. marts 2024 kl. 16.30</p>
<p><strong>Mødested:</strong> Mødelokale 2, Rådhuset</p>
<p><strong>Fraværende:</strong> Lise Bach (V)</p>
<h2>1. Godkendelse af dagsorden</h2>
<p>Sagsnr.: 24/1001</p>
<h3>Beslutning</h3>
<p>Godkendt.</p>
<h2>2. Budgetopfølgning pr. 29. februar 2024</h2>
<p>Sagsnr.: 24/2002</p>
<h3>Sagsfremstilling</h3>
<p>Forvaltningen har gennemgået forbruget på alle udvalgsområder.</p>
<ul><li>Dagtilbud: mindreforbrug 1,2 mio. kr.</li><li>Ældre: merforbrug 0,4 mio. kr.</li></ul>
<h3>Beslutning</h3>
<p>Taget til efterretning.</p>
<h2>3. Lukket punkt: Køb af ejendom</h2>
<h3>Beslutning</h3>
<p>Godkendt.</p>
</{main}>
<footer><p>Nørreby Kommune · Torvet 1 · 4000 Nørreby</p><p>Tilgængelighedserklæring</p></footer>
</body></html>
"""


def _page(*, main: str = "main", charset: str = "utf-8") -> bytes:
    return PAGE.format(main=main, charset=charset).encode(
        "cp1252" if charset == "windows-1252" else "utf-8"
    )


def _read(data: bytes) -> Meeting:
    fmt, [meeting] = importers.parse(data, source="referat.html")
    assert fmt == "html-referat"
    return meeting


@pytest.mark.parametrize(
    "page",
    [_page(), _page(main="div"), _page(main="article"), _page(charset="windows-1252")],
    ids=["main", "no main", "article", "windows-1252"],
)
def test_a_referat_on_a_web_page_is_read(page: bytes) -> None:
    meeting = _read(page)
    assert (meeting.body, meeting.starts_at.isoformat(), meeting.location) == (
        "Økonomiudvalget", "2024-03-12T16:30:00", "Mødelokale 2, Rådhuset",
    )  # fmt: skip
    assert [(p.name, p.affiliation, p.attendance.value) for p in meeting.participants] == [
        ("Lise Bach", "V", "absent")
    ]
    assert [(i.number, i.title, i.case_number, i.closed, i.decision) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "24/1001", False, "Godkendt."),
        ("2", "Budgetopfølgning pr. 29. februar 2024", "24/2002", False, "Taget til efterretning."),
        ("3", "Køb af ejendom", "", True, "Godkendt."),
    ]
    # The site's footer is not part of the last item's decision, nor the menus of anything.
    assert not any("Nørreby Kommune" in u or "Forside" in u for u in meeting.unplaced)


def test_its_lists_stay_lists() -> None:
    [section] = _read(_page()).items[1].sections
    lists = [b for b in section.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [2]


def test_a_web_page_that_is_no_referat_is_refused() -> None:
    news = (b"<!DOCTYPE html><html><body><main><h1>Nyt fra kommunen</h1>"
            b"<p>Biblioteket holder lukket i uge 42.</p></main></body></html>")  # fmt: skip
    with pytest.raises(InputError) as error:
        importers.parse(news, source="nyhed.html")
    assert error.value.key == "import.error.unknown_format"


def test_firstagenda_pages_are_still_read_by_their_own_reader(samples) -> None:  # type: ignore[no-untyped-def]
    data = (samples / "aarhus_byraad_dagsorden_2025-10-08.html").read_bytes()
    fmt, _ = importers.parse(data, source="aarhus.html")
    assert fmt == "firstagenda-html"


def test_a_folder_of_saved_pages_imports_the_pages_not_their_assets(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from meetingtui.archive import FileStatus, import_paths

    folder = tmp_path / "Referater"
    (folder / "Økonomiudvalget 12-03-2024_files").mkdir(parents=True)
    (folder / "Økonomiudvalget 12-03-2024.html").write_bytes(_page())
    for asset in ("style.css", "analytics.js", "logo.png"):
        (folder / "Økonomiudvalget 12-03-2024_files" / asset).write_bytes(b"body { }")
    (folder / "Bilag_files").mkdir()  # no page of that name beside it: an ordinary folder
    (folder / "Bilag_files" / "notat.txt").write_bytes(b"Et notat uden referat.")
    summary = import_paths(tmp_path / "a.db", [folder], workers=1)
    assert [(f.path.rsplit("/", 1)[-1], f.status) for f in summary.files] == [
        ("Økonomiudvalget 12-03-2024.html", FileStatus.IMPORTED),
        ("notat.txt", FileStatus.FAILED),
    ]


def test_a_members_table_in_two_columns_gives_each_member() -> None:
    # A site lays its members list out as a table, two members a row, each with a role.
    members = ("<p>Deltagere:</p><table><tr><td>Bo Krag (A) - Formand</td>"
               "<td>Lise Vig (V) - Næstformand</td></tr><tr><td>Karen Holm (C)</td>"
               "<td>Per Dam (Ø)</td></tr></table>")  # fmt: skip
    page = _page().replace(b"<p><strong>Frav", members.encode() + b"<p><strong>Frav", 1)
    people = [(p.name, p.affiliation, p.role.value, p.attendance.value)
              for p in _read(page).participants]  # fmt: skip
    assert people == [
        ("Bo Krag", "A", "formand", "present"), ("Lise Vig", "V", "næstformand", "present"),
        ("Karen Holm", "C", "medlem", "present"), ("Per Dam", "Ø", "medlem", "present"),
        ("Lise Bach", "V", "medlem", "absent"),
    ]  # fmt: skip
