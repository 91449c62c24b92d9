"""Search that reads Danish: inflections, compounds, old spellings, and anything typed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui import service
from meetingtui.models import AgendaItem, DocumentKind, Meeting, Section
from meetingtui.storage import search
from meetingtui.storage.db import connect
from meetingtui.storage.search_query import MAX_TERMS
from tests.search_support import imported_archive

# Items as Danish referats word them; each says one thing only in the form given.
ITEMS = {
    "Lokalplan i teksten": (
        "Boliger ved Trige Syd",
        "Området er i dag omfattet af lokalplan 12 fra 1998, som udlægger det til landbrug.",
    ),
    "Lokalplanen i titlen": (
        "Lokalplanen for Trige Syd sendes i offentlig høring",
        "Planen giver mulighed for 120 boliger. Der holdes borgermøde i april.",
    ),
    "Lokalplanerne": (
        "Endelig vedtagelse af planer for midtbyen",
        "Lokalplanerne har været i høring i otte uger. Borgerne har sendt 14 høringssvar.",
    ),
    "Udvalgets": (
        "Budgetopfølgning 2. kvartal",
        "Udvalgets område forventer et merforbrug på 2,1 mio. kr.",
    ),
    "Tilskuddet": (
        "Foreningspuljen 2020",
        "Tilskuddet udbetales, når regnskabet er godkendt af forvaltningen.",
    ),
    "Skole": ("Ny skole i Tranbjerg", "Byggeriet af en skole til 600 elever begynder i 2021."),
    "Skolen": ("Renovering i Lystrup", "Skolen får nye faglokaler og en ny hal."),
    "Skolestruktur": (
        "Høring om skolestrukturen",
        "Forslaget samler skoleområdet i fire distrikter.",
    ),
    "Borgmesteren": ("Meddelelser", "Borgmesteren orienterede om mødet med regionen."),
    "Århus": ("Samarbejde om letbanen", "Århus Kommune og Region Midtjylland deler udgiften."),
    "Aabenraa": ("Venskabsby", "Aabenraa Kommune inviterer til erhvervstræf i juni."),
    "Reglerne": ("Parkering i midtbyen", "Reglerne for beboerlicenser ændres fra 1. januar."),
    "Museet": ("Kulturarv", "Museet får 2 mio. kr. til nye udstillinger."),
    "Avej": ("Trafiksikring", "Hastigheden på Avej nedsættes til 40 km/t."),
}


def _meeting(items: dict[str, tuple[str, str]]) -> Meeting:
    return Meeting(
        body="Teknik- og Miljøudvalget",
        starts_at=datetime(2020, 5, 12, 16, 0),
        document_kind=DocumentKind.REFERAT,
        items=[
            AgendaItem(
                id=n,
                number=str(n),
                title=title,
                case_number=f"20/{1000 + n}",
                sections=[Section(heading="Sagsfremstilling", text=text)],
                decision="Godkendt.",
            )
            for n, (title, text) in enumerate(items.values(), start=1)
        ],
    )


NUMBER = {name: str(n) for n, name in enumerate(ITEMS, start=1)}


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """The meeting imported once per run and copied."""
    yield from imported_archive("search_danish items", tmp_path / "s.db", lambda: [_meeting(ITEMS)])


def found(conn: sqlite3.Connection, query: str) -> list[tuple[str, str]]:
    """(item name, match tier) of every hit, best first."""
    names = {number: name for name, number in NUMBER.items()}
    return [(names[h.number], h.match) for h in search.search(conn, query, limit=100).hits]


def test_a_base_form_finds_definite_plural_and_genitive_forms(conn: sqlite3.Connection) -> None:
    assert {name for name, _ in found(conn, "lokalplan")} == {
        "Lokalplan i teksten",
        "Lokalplanen i titlen",
        "Lokalplanerne",
    }
    assert [name for name, _ in found(conn, "udvalg")] == ["Udvalgets"]
    assert [name for name, _ in found(conn, "tilskud")] == ["Tilskuddet"]
    assert [name for name, _ in found(conn, "regel")] == ["Reglerne"]  # "regel" -> "regl-"
    assert [name for name, _ in found(conn, "museum")] == ["Museet"]
    # An inflected form finds the others too.
    assert "Lokalplan i teksten" in {name for name, _ in found(conn, "lokalplanerne")}


def test_stemming_does_not_join_unrelated_words(conn: sqlite3.Connection) -> None:
    # "borger" and "borgmester" share a Snowball stem prefix, not a word; "borgermøde" is a
    # compound of "borger".
    assert found(conn, "borger") == [
        ("Lokalplanerne", "inflected"),
        ("Lokalplanen i titlen", "compound"),
    ]
    assert [name for name, _ in found(conn, "borgmester")] == ["Borgmesteren"]


def test_exact_matches_rank_above_inflected_ones_whatever_the_column(
    conn: sqlite3.Connection,
) -> None:
    # bm25 alone ranks a title match far above a body-text match; the exact word still wins.
    hits = found(conn, "lokalplan")
    assert hits[0] == ("Lokalplan i teksten", "exact")
    assert {tier for _, tier in hits[1:]} == {"inflected"}


def test_compounds_beginning_with_the_word_come_after_whole_words(
    conn: sqlite3.Connection,
) -> None:
    assert found(conn, "skole") == [
        ("Skole", "exact"),
        ("Skolen", "inflected"),
        ("Skolestruktur", "compound"),
    ]


def test_old_double_a_spelling_matches_aa_but_a_never_matches_aa(
    conn: sqlite3.Connection,
) -> None:
    assert [name for name, _ in found(conn, "Aarhus")] == ["Århus"]
    assert [name for name, _ in found(conn, "århus")] == ["Århus"]
    assert [name for name, _ in found(conn, "Åbenrå")] == ["Aabenraa"]
    assert found(conn, "Arhus") == [] and found(conn, "Abenra") == []
    assert [name for name, _ in found(conn, "avej")] == ["Avej"]
    assert found(conn, "åvej") == []


def test_phrases_in_quotes_stay_exact(conn: sqlite3.Connection) -> None:
    assert [name for name, _ in found(conn, '"lokalplan 12"')] == ["Lokalplan i teksten"]
    assert found(conn, '"lokalplaner"') == []
    assert [name for name, _ in found(conn, '"Lokalplanerne har"')] == ["Lokalplanerne"]
    assert found(conn, '"har lokalplanerne"') == []


@pytest.mark.parametrize(
    ("query", "same_as"),
    [
        ('"lokalplan', "lokalplan"),  # unbalanced quote
        ('lokalplan"', "lokalplan"),
        ("lokalplan -", "lokalplan"),  # an operator typed by accident
        ("-lokalplan", "lokalplan"),
        ("lokalplan *", "lokalplan"),
        ("(lokalplan)", "lokalplan"),
        ("NEAR(skole", "near skole"),
        ("skole AND OR", "skole and or"),
        ("OR skole", "or skole"),
        ("lokalplan AND borger", "lokalplan borger"),
    ],
)
def test_syntax_typed_by_accident_reads_as_plain_words(
    conn: sqlite3.Connection, query: str, same_as: str
) -> None:
    assert found(conn, query) == found(conn, same_as)


@pytest.mark.parametrize(
    "query", ['"', '""', "-", "*", "NEAR(", "AND OR", "NOT", ":", "a:b", "^x", "{x}", "A+V", "kl."]
)
def test_nothing_typed_is_an_error(conn: sqlite3.Connection, query: str) -> None:
    assert isinstance(search.search(conn, query), search.SearchResults)


def test_stop_words_beside_other_words_are_left_out(conn: sqlite3.Connection) -> None:
    # "og" is not in the item; an archivist's "museet og kulturarv" still finds it.
    assert found(conn, "museet og kulturarv") == [("Museet", "exact")]
    assert found(conn, '"museet og kulturarv"') == []  # a phrase keeps every word
    assert ("Århus", "exact") in found(conn, "og")  # alone, a stop word is searched for


def test_or_between_words_finds_either(conn: sqlite3.Connection) -> None:
    assert {name for name, _ in found(conn, "tilskud OR museum")} == {"Tilskuddet", "Museet"}


def test_a_very_long_query_is_shortened_and_says_so(conn: sqlite3.Connection) -> None:
    words = " OR ".join(f"ord{n}" for n in range(1600)) + " OR tilskud"
    results = search.search(conn, words)
    assert results.shortened and results.hits == []  # "tilskud" was past the cut
    assert results.notices() == [
        f"Søgningen var for lang og er forkortet til de første {MAX_TERMS} ord."
    ]
    results = search.search(conn, "tilskud " + "x" * 20_000)
    assert results.shortened and results.notices()
    assert not search.search(conn, "tilskud").shortened


def test_a_search_out_of_time_answers_with_what_it_has(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "PROGRESS_STEPS", 1)
    results = search.search(conn, "skole", deadline=0.0)
    assert results.stopped and results.hits == []
    assert "for lang tid" in results.notices()[0]
    # The connection is usable afterwards: the time limit is lifted.
    assert len(search.search(conn, "skole").hits) == 3


def test_snippets_mark_inflected_forms_and_compounds(conn: sqlite3.Connection) -> None:
    def snippet_of(query: str, name: str) -> str:
        hits = search.search(conn, query, limit=100).hits
        return next(h.snippet for h in hits if h.number == NUMBER[name])

    assert "[Lokalplanerne] har været" in snippet_of("lokalplan", "Lokalplanerne")
    assert "[Tilskuddet] udbetales" in snippet_of("tilskud", "Tilskuddet")
    assert "samler [skoleområdet]" in snippet_of("skole", "Skolestruktur")
    assert "[Århus] Kommune" in snippet_of("Aarhus", "Århus")
    assert "[Borgerne]" in snippet_of("borger", "Lokalplanerne")
    assert "[" not in snippet_of("borgmester", "Borgmesteren").replace("[Borgmesteren]", "")


def test_cli_marks_inflected_forms_and_says_when_a_query_was_shortened(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    from meetingtui.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(tmp_path / "s.db"), "search", "tilskud"])
    assert result.exit_code == 0, result.output
    assert "[Tilskuddet] udbetales" in result.stdout
    long = " ".join(["tilskud"] * 40)
    result = runner.invoke(main, ["--db", str(tmp_path / "s.db"), "search", long])
    assert result.exit_code == 0 and "forkortet" in result.stderr
    assert "[Tilskuddet]" in result.stdout


def test_an_archive_indexed_before_danish_search_gets_its_stems(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = connect(path)
    service.import_meeting(conn, _meeting(ITEMS), content_hash="old")
    # Back to the index as it was before: no stem columns, no stem index.
    for name in ("item_stems_ai", "item_stems_ad", "item_stems_au"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE item_stems_fts")
    for column in search.STEM_COLUMNS:
        conn.execute(f"ALTER TABLE item_search DROP COLUMN {column}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_danish_stems'")
    conn.close()

    conn = connect(path)
    assert [h.number for h in search.search(conn, "tilskud").hits] == [NUMBER["Tilskuddet"]]
    assert len(search.search(conn, "lokalplan").hits) == 3
    for index in ("item_search_fts", "item_stems_fts"):
        conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
    conn.close()


@pytest.mark.parametrize(
    "text",
    [
        "Aarhus Kommune og HAAR-projektet: Økonomiudvalget indstiller, at budgettet godkendes.",
        "ΟΔΟΣ'Α er en græsk vej",  # a capital sigma lowers by what follows it
        "İstanbul-aftalen",  # a dotted capital I lowers to two characters
        "snake_case Æblehaven ǅemal ﬁnansiering",
        # pieces between spaces with no word, and with several words
        "Tilskud – 2024/25: 1,5 mio. kr./år (A+B) – «Aarhus-aftalen».  ",
        "Aftalen om İstanbul-ruten og ΟΔΟΣ-vejen, ΟΔΟΣ igen",  # the rare letters in some pieces
    ],
)
def test_the_indexed_stems_are_those_of_each_word_on_its_own(text: str) -> None:
    # The index folds the whole text at once and remembers stems, for speed; it must give the
    # Snowball stems word by word, the second time as the first.
    from meetingtui.storage import danish_words

    expected = " ".join(danish_words.stem(word) for word in danish_words.WORD.findall(text))
    assert danish_words.stems_text(text) == expected
    assert danish_words.stems_text(text) == expected


def test_remembered_stems_are_forgotten_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    from meetingtui.storage import danish_words

    monkeypatch.setattr(danish_words, "_STEMS", danish_words._Stems())
    monkeypatch.setattr(danish_words, "_STEMS_KEPT", 3)
    assert danish_words.stems_text("borgere kommunerne") == "borg kommun"
    assert danish_words.stems_text("udvalgene godkendte budgetterne") == "udvalg godkend budget"
    assert len(danish_words._STEMS) <= 3
    assert danish_words.stems_text("borgere") == "borg"


def test_the_words_found_for_stemming_split_at_every_character_the_word_pattern_splits_at() -> None:
    # Stemming splits a text without the word pattern (for speed): the characters beyond ASCII
    # it takes for separators are those WORD does not take, none of the rest splits at
    # str.split, and every ASCII character between letters splits or joins as WORD says.
    from meetingtui.storage import danish_words

    wide = "".join(map(chr, range(0x80, 0x110000)))
    kept = danish_words._WIDE_SEPARATOR.sub("", wide)
    assert kept == "".join(danish_words.WORD.findall(wide))
    assert kept.split() == [kept]
    for code in range(0x80):
        text = f"x{chr(code)}y{chr(code)}{chr(code)}z"
        assert danish_words._words(text) == danish_words.WORD.findall(text), code


@pytest.mark.parametrize(
    "text",
    [
        "Byrådet godkendte – med 15 stemmer for – at § 17, stk. 4 udvalget\u00a0nedsættes.",
        "• Budget 2024–2027: “anlæg” og ´drift´ … ½ mio. kr.\tsnake_case\n",
        "\u2028ord\u3000ord\x85ord",  # separators str.split also knows
        "",
        "  ",
        "–",
    ],
)
def test_the_words_found_for_stemming_are_those_of_the_word_pattern(text: str) -> None:
    from meetingtui.storage import danish_words

    normal = danish_words.normalize(text)
    assert danish_words._words(normal) == danish_words.WORD.findall(normal)
