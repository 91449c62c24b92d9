"""Reading HTML fields into blocks: the one-piece paragraph read without the general path, and
the paragraph breaks the walker decides without a flush, give the blocks the general reading
gave (the expected blocks below are what it read before)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from meetingtui.importers import html
from meetingtui.importers.source import Block


def _seen(block: Block) -> tuple[Any, ...]:
    table = (block.table.rows, block.table.header_rows) if block.table else None
    spans = tuple((s.text, s.bold, s.italic) for s in block.spans)
    return (
        block.text,
        block.level,
        block.bold,
        block.italic,
        int(block.cont),
        spans,
        block.list_label,
        block.list_level,
        block.role,
        table,
    )


def _p(text: str, cont: int = 0, **kw: Any) -> tuple[Any, ...]:
    spans = kw.get("spans", ())
    return (
        text,
        0,
        kw.get("bold", False),
        kw.get("italic", False),
        cont,
        spans,
        kw.get("label", ""),
        kw.get("list_level", 0),
        "text",
        None,
    )


CASES: list[tuple[str, list[tuple[Any, ...]]]] = [
    (
        "<p>Byrådet <b>godkendte</b> indstillingen.</p><p><em>Hele afsnittet</em></p>",
        [
            _p(
                "Byrådet godkendte indstillingen.",
                spans=(
                    ("Byrådet ", False, False),
                    ("godkendte", True, False),
                    (" indstillingen.", False, False),
                ),
            ),
            _p("Hele afsnittet", italic=True),
        ],
    ),
    (
        "<div>Før<p>Et  afsnit\u00a0med\tmellemrum</p>efter<br/>linje<br>sidste</div>",
        [_p("Før"), _p("Et afsnit med mellemrum"), _p("efter"), _p("linje", 2), _p("sidste", 2)],
    ),
    (
        "<p>Linje et<br>linje to</p><h4>Overskrift</h4><p></p><p>   </p><h3></h3>"
        "<p>Tekst &amp; mere &lt;x&gt; &aelig;&oslash;&aring;</p>",
        [
            _p("Linje et"),
            _p("linje to", 2),
            ("Overskrift", 5, True, False, 0, (), "", 0, "", None),
            ("", 4, None, None, 0, (), "", 0, "", None),
            _p("Tekst & mere <x> æøå"),
        ],
    ),
    (
        "<span><p>Første</p>hale<p><span>i span</span> og <strong>fed</strong> tekst</p></span>",
        [
            _p("Første"),
            _p("hale"),
            _p(
                "i span og fed tekst",
                spans=(
                    ("i span og ", False, False),
                    ("fed", True, False),
                    (" tekst", False, False),
                ),
            ),
        ],
    ),
    (
        "<ul><li>Et</li><li><p>To</p></li><li>Tre<p>Fire:</p>"
        "<ol start='3'><li>a</li><li>b</li></ol>efter</li></ul>",
        [
            _p("Et", label="•"),
            _p("To", label="•"),
            _p("Tre", label="•"),
            _p("Fire:"),
            _p("a", label="3.", list_level=1),
            _p("b", label="4.", list_level=1),
            _p("efter"),
        ],
    ),
    (
        "<ol type='A'><li>Alfa</li><li>Beta</li></ol><p style='font-weight:bold'>Fed stil</p>"
        "<p><span style='font-style: italic'>kursiv</span> og ikke</p>",
        [
            _p("Alfa", label="A."),
            _p("Beta", label="B."),
            _p("Fed stil", bold=True),
            _p("kursiv og ikke", spans=(("kursiv", False, True), (" og ikke", False, False))),
        ],
    ),
    (
        "<table><thead><tr><th>Navn</th><th>Beløb</th></tr></thead><tbody><tr><td><p>Skole</p>"
        "</td><td>1.000</td></tr><tr><td>Vej<br>sti</td><td></td></tr></tbody></table>"
        "<p>Efter tabellen</p>",
        [
            (
                "Navn  Beløb\nSkole  1.000\nVej sti",
                0,
                None,
                None,
                0,
                (),
                "",
                0,
                "text",
                ([["Navn", "Beløb"], ["Skole", "1.000"], ["Vej sti", ""]], 1),
            ),
            _p("Efter tabellen"),
        ],
    ),
    (
        "<table><tr><td><p>Kun én celle</p><p>to afsnit</p></td></tr></table>",
        [_p("Kun én celle"), _p("to afsnit")],
    ),
    (
        # A heading after a line break starts a paragraph of its own, not a broken line.
        "<p>tekst<br></p><h4>Efter brud</h4><p>a<br><br>b</p>",
        [_p("tekst"), ("Efter brud", 5, True, False, 0, (), "", 0, "", None), _p("a"), _p("b")],
    ),
    (
        "<p><b>Fed</b> <b>også fed</b></p><p><i>kursiv</i><b>fed</b></p><p> <u>understreget</u> </p>",
        [
            _p("Fed også fed", bold=True),
            _p("kursivfed", spans=(("kursiv", False, True), ("fed", True, False))),
            _p("understreget"),
        ],
    ),
    (
        "<h4><em>Kursiv overskrift</em></h4><p>x<sup>2</sup> og <a href='#'>link</a></p>"
        "<script>ikke tekst</script><p>slut</p>",
        [
            ("Kursiv overskrift", 5, True, True, 0, (), "", 0, "", None),
            _p("x2 og link"),
            _p("slut"),
        ],
    ),
    (
        "tekst uden element<p>og så et afsnit</p>hale til sidst",
        [_p("tekst uden element"), _p("og så et afsnit"), _p("hale til sidst")],
    ),
]


@pytest.mark.parametrize(("fragment", "expected"), CASES)
def test_blocks_of_tricky_html_are_read_as_before(fragment: str, expected: list[Any]) -> None:
    assert [_seen(b) for b in html.blocks(fragment, level_offset=1)] == expected


_CHILDLESS = ("p", "span", "em", "strong", "b", "i", "u", "h4", "li", "div", "td")


def _general(fragment: str) -> list[tuple[Any, ...]]:
    """The blocks read with every childless element given an empty child, so that no element
    takes the one-piece path: the general reading."""
    root = html.parse(fragment)
    if root is None:
        return []
    for element in list(root.iter()):
        if isinstance(element.tag, str) and element.tag in _CHILDLESS and not len(element):
            etree.SubElement(element, "span")
    return [_seen(b) for b in html.element_blocks(root, level_offset=1)]


_TEXT = st.sampled_from(["", " ", "  ", "Byrådet", " godkendte ", "a\u00a0b", "&amp; x", "\t1.\n"])


@st.composite
def _fragments(draw: st.DrawFn, depth: int = 0) -> str:
    tags = ["p", "span", "em", "strong", "h4", "div", "br", "li", "u"]
    if depth < 2:
        tags += ["ul", "ol", "table"]
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        tag = draw(st.sampled_from(tags))
        style = draw(
            st.sampled_from(["", " style='font-weight:bold'", " style='font-style:italic'"])
        )
        inner = draw(_fragments(depth + 1)) if depth < 3 else draw(_TEXT)
        if tag == "br":
            parts.append(f"<br>{draw(_TEXT)}")
        elif tag in ("ul", "ol"):
            parts.append(f"<{tag}><li>{draw(_TEXT)}</li><li{style}>{inner}</li></{tag}>")
        elif tag == "table":
            parts.append(
                f"<table><tr><th>{draw(_TEXT)}</th><td>{inner}</td></tr>"
                f"<tr><td>x</td><td><p>{draw(_TEXT)}</p></td></tr></table>"
            )
        else:
            parts.append(f"<{tag}{style}>{draw(_TEXT)}{inner}</{tag}>{draw(_TEXT)}")
    return draw(_TEXT) + "".join(parts)


@settings(max_examples=300, deadline=None)
@given(_fragments())
def test_one_piece_paragraphs_read_as_the_general_path_reads_them(fragment: str) -> None:
    root = html.parse(fragment)
    read = [_seen(b) for b in html.element_blocks(root, level_offset=1)] if root is not None else []
    assert read == _general(fragment)
