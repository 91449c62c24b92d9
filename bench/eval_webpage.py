"""A referat as a municipality's own web site publishes it, for `eval_import.py`: the document's
lines as headings or bold paragraphs and paragraphs, inside the site's header (menus, a cookie
notice), a breadcrumb and a footer with the town hall's address; in a <main> or an <article>,
or straight in the body."""

from __future__ import annotations

import html
import random

_HEADER = ('<header><nav><ul><li><a href="/">Forside</a></li><li><a href="/politik">Politik og '
           'demokrati</a></li><li><a href="/borger">Borger</a></li></ul></nav>'
           '<div class="cookie">Vi bruger cookies til statistik. <button>Accepter</button></div>'
           "</header>")  # fmt: skip
_FOOTER = ("<footer><p>Nørreby Kommune · Torvet 1 · 4000 Nørreby · Tlf. 12 34 56 78</p>"
           "<p>Tilgængelighedserklæring</p><p>Privatlivspolitik</p></footer>")  # fmt: skip


def web_page(rng: random.Random, lines: list[tuple[str, bool]]) -> bytes:
    """The lines (text, bold) as a page: a bold line a heading (<h2>, <h3>) or a paragraph in
    <strong>, as the site's editor made it."""
    as_heading = rng.random() < 0.6
    wrapper = rng.choice(["main", "article", "div"])
    body: list[str] = ['<div class="breadcrumb">Forside / Politik / Dagsordener og referater</div>']
    rows: list[str] = []
    for k, (text, bold) in enumerate(lines):
        escaped = html.escape(text)
        if "    " in text:
            # Columns set apart by spaces in a text are a table's columns on a page (a browser
            # shows a run of spaces as one).
            cells = "".join(f"<td>{html.escape(c.strip())}</td>" for c in text.split("    "))
            rows.append(f"<tr>{cells}</tr>")
            continue
        if rows:
            body.append(f"<table>{''.join(rows)}</table>")
            rows = []
        if bold and as_heading:
            tag = "h1" if k == 0 else rng.choice(["h2", "h3"])
            body.append(f"<{tag}>{escaped}</{tag}>")
        elif bold:
            body.append(f"<p><strong>{escaped}</strong></p>")
        else:
            body.append(f"<p>{escaped}</p>")
    page = (
        '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Referat</title>'
        f"<script>var site = 1;</script></head><body>{_HEADER}<{wrapper}>{''.join(body)}"
        f"</{wrapper}>{_FOOTER}</body></html>"
    )
    return page.encode("utf-8")
