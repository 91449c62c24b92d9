"""Page furniture: running headers and footers, page numbers, and the pages after the referat.

Lines that repeat at the top or bottom of pages (modulo page numbers) are the layout's, not the
referat's, and are dropped before anything else reads the text: on most pages, or, with a page
number or a date in them, on fewer (a short document's header, an attachment's own). Headings
repeat by design ("Beslutning", "Byrådet den 12-03-2024" on every item page, and the decision under
them, across a page break too), and the page breaks may put the same line of text at a page's
edge twice ("at sagen godkendes, og"): none of these is ever furniture.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections import Counter
from datetime import date

from meetingtui.dates import find_date
from meetingtui.importers import casenumber
from meetingtui.importers.classify import (
    ATTENDANCE_KIND,
    DECISION,
    RECOMMENDS,
    classify,
    known_heading,
)
from meetingtui.importers.closed import part_mark
from meetingtui.importers.decisions import (
    body_date_head,
    is_decision_phrase,
    is_postponed,
    referat_head,
)
from meetingtui.importers.heads import ITEM_START, item_head
from meetingtui.importers.source import Block, Cont
from meetingtui.importers.vocabulary import WEB_FURNITURE, alternation

_PAGE_NUMBER_TOKEN = re.compile(r"\d+")
_PAGE_MARK = re.compile(
    r"(?i)^(?P<worded>side\s*|page\s+)?(?P<page>\d+)(?:\s*(?:af|/|of)\s*(?P<of>\d+))?$"
    r"|^(?:side|page)\s+\d+"
)
_WORDED_PAGE_MARK = re.compile(r"(?i)^(?:side|page)\s*\d+(?:\s*(?:af|/|of)\s*\d+)?$")

Pages = list[list[Block]]


_WEB_FURNITURE = re.compile(rf"(?i)^\s*{alternation(WEB_FURNITURE)}\s*[.:]?\s*$")


def web_furniture(text: str) -> bool:
    """A web page's navigation saved with the referat ("Til toppen" after every item, "Udskriv",
    "Fold alle ud"): page furniture."""
    return _WEB_FURNITURE.match(text) is not None


def _shape(text: str) -> str:
    return _PAGE_NUMBER_TOKEN.sub("#", text.strip().lower())


# "24/5555", "23/777", "2015/01786": a year and a serial, a case's or a document's number
_YEAR_AND_SERIAL = re.compile(r"(?<![\d./-])\d{2,4}[-/]\d{3,7}(?!\d)")


def _page_counters(text: str) -> list[tuple[int, int]]:
    """(place in the line, value) of the numbers of a line at a page's edge that may count
    its pages: short ones, not those of a case or document number ("Dok.nr.: 24/5555 Sagsnr.:
    23/777" under every item heading has no page number in it, though its year 23 on page 1
    and the document number's 24 on page 2 both stand one page apart from 22)."""
    numbered = {m.start() for found in _YEAR_AND_SERIAL.finditer(text)
                for m in _PAGE_NUMBER_TOKEN.finditer(text, found.start(), found.end())}  # fmt: skip
    found = []
    for place, token in enumerate(_PAGE_NUMBER_TOKEN.finditer(text)):
        if place < 6 and len(token.group()) <= 4 and token.start() not in numbered:
            found.append((place, int(token.group())))
    return found


def strip_running_lines(pages: Pages, *, cautious: bool = False) -> tuple[Pages, int, int]:
    """Drop lines that repeat at the top or bottom of many pages (modulo page numbers).

    `cautious=True` is for documents whose pages are not laid out by the exporter (a .docx):
    a lone number at a page's edge is content there (a table cell), only "Side 3 af 7" is a
    page number, and only a repeated line with a number in it (a date, a page count) is page
    furniture; a repeated "Godkendt." at the foot of every item page is not.

    Returns the pages, how many lines were dropped and the index of the last page that carried
    the document's own running header (-1 if none): pages after it are usually appended
    attachments, which may have running headers of their own.
    """
    n = len(pages)
    if n < 2:
        kept = _strip_page_marks(pages)
        return kept, sum(map(len, pages)) - sum(map(len, kept)), -1
    # A short document's title page often has no running header: every page but the first.
    need = max(2, math.ceil(0.1 * n)) if n >= 4 else max(2, n - 1)
    exact: dict[str, list[int]] = {}
    shaped: dict[str, list[tuple[int, list[tuple[int, int]]]]] = {}
    first_page: dict[str, int] = {}
    for index, page in enumerate(pages):
        positions = sorted({*range(min(2, len(page))), *range(max(0, len(page) - 2), len(page))})
        # Headings and item headings repeat by design ("Punkt 7" may even sit on page 7), and
        # so does the text right under a heading ("Beslutning" / "Godkendt." at the foot of
        # every item page): furniture never follows a heading of the referat, unless it is a
        # dated line and no sentence (a footer "Referat - Byrådet - 12. marts 2024" under an
        # item's last heading; a decision "Med stemmerne 5 for og 2 imod ..." stays).
        edge = [
            page[k] for k in positions
            if page[k].text.strip() and not known_heading(page[k]) and item_head(page[k]) is None
            and not _referat_text(page[k].text)
            and not (_under_heading(pages, index, k) and not _dated_label(page[k].text))
            and not _decision_head(pages, index, k)
            and not _over_item(page, k)
        ]  # fmt: skip
        for key in {b.text.strip().lower() for b in edge}:
            exact.setdefault(key, []).append(index)
            first_page.setdefault(key, index)
        for block in edge:
            shape = _shape(block.text)
            numbers = _page_counters(block.text)
            if numbers:
                shaped.setdefault(shape, []).append((index, numbers))
                first_page.setdefault(shape, index)
    running = {
        k for k, seen in exact.items()
        if _is_running(seen, need) and len(k) <= 160
        and (2 * len(seen) > n or (2 * len(seen) == n and not _sentence(k)) or _numbered(k))
        # a sentence of the text at the foot of two of three pages is the text (the same
        # attendance line under two decisions); furniture stands on every page after the first
        and (not _sentence(k) or _numbered(k) or set(range(1, n)) <= set(seen))
    }  # fmt: skip
    for shape, occurrences in shaped.items():
        # Digits only make lines "the same" when they count pages: a constant page offset of
        # the number in one place of the line ("Side 3 af 7": the first number on every page).
        offsets: Counter[tuple[int, int]] = Counter()
        for index, numbers in occurrences:
            offsets.update({(place, num - index) for place, num in numbers})
        seen_pages = sorted({index for index, _ in occurrences})
        if (
            _is_running(seen_pages, need)
            and offsets
            and offsets.most_common(1)[0][1] >= 0.6 * len(seen_pages)
        ):
            running.add(shape)
    if cautious:
        running = {k for k in running if re.search(r"[\d#]", k)}
    third = _third_header_lines(pages, running, need)
    running |= third
    for key in third:
        first_page.setdefault(key, min(i for i, p in enumerate(pages) if _top_key(p) == key))
    dated = _dated_running(running)
    prefix, prefix_first = _running_prefix(pages, need) if not cautious else ("", len(pages))
    own_first = min([first_page[s] for s in running] + [prefix_first])
    own = {s for s in running if first_page[s] == own_first}
    dropped = 0
    last_with_header = -1
    out: Pages = []
    for index, page in enumerate(pages):
        kept_blocks: list[Block] = []
        dropped_above = False
        top_three = len(page) > 3 and all(_hit_key(page[k], running) for k in (0, 1, 2))
        for pos, block in enumerate(page):
            if dropped_above and block.cont is Cont.WRAP:
                # It wrapped from the running header above it, which is gone: a paragraph of
                # its own, not the end of the last paragraph of the page before.
                block = dataclasses.replace(block, cont=Cont.NEW)
            dropped_above = False
            at_edge = pos < 2 or pos >= len(page) - 2 or (pos == 2 and top_three)
            shape = _shape(block.text)
            key = block.text.strip().lower()
            hit = shape if shape in running else key if key in running else None
            if (
                hit is None and index > 0 and pos < 2 and _restates(block.text, dated)
                and not _decision_head(pages, index, pos)
            ):  # fmt: skip
                hit = key
            if hit and referat_head(block.text) == "" and _decision_head(pages, index, pos):
                hit = None  # "Referat" over the decision: the decision's heading, kept
            if at_edge and (hit or _page_mark(block.text.strip(), n, cautious=cautious)):
                dropped += 1
                dropped_above = True
                if hit in own:
                    last_with_header = index
                continue
            if pos == 0 and prefix and shape.startswith(prefix):
                block = block.with_text(_cut_prefix(block.text, prefix))
                dropped += 1
                if prefix_first == own_first:
                    last_with_header = index
                if not block.text:
                    continue
            kept_blocks.append(block)
        out.append(kept_blocks)
    return out, dropped, last_with_header


# "Direktøren indstiller over for Byrådet:", "at sagen godkendes, og", "2. at udgiften
# afholdes af puljen": the lines of an indstilling; and a line that runs on into the next
# ("…, og", "…:"): the referat's text, however often the page layout happens to put it at a
# page's edge. No running header or footer reads like that.
_REFERAT_TEXT = re.compile(
    r"(?i)^(?:\d{1,2}[.)]\s*|[•\-–]\s*)?at\s+[a-zæøå]|(?:[,:]|\s(?:og|eller|samt))$"
)


def _neighbour(pages: Pages, index: int, k: int, step: int) -> Block | None:
    """The line before (`step` -1) or after (+1) line `k` of page `index` in reading order,
    across the page break."""
    page = pages[index]
    if 0 <= k + step < len(page):
        return page[k + step]
    other = index + step
    if 0 <= other < len(pages) and pages[other]:
        return pages[other][-1 if step < 0 else 0]
    return None


def _under_heading(pages: Pages, index: int, k: int) -> bool:
    """The line right under a heading of the referat; across a page break only a decision
    ("Beslutning" at the foot of a page, "Godkendt." atop the next), for a running header
    stands between a heading and the next page's text too."""
    above = _neighbour(pages, index, k, -1)
    if above is None or not (known_heading(above) or body_date_head(above.text) is not None):
        return False
    return k > 0 or is_decision_phrase(pages[index][k].text)


def _over_item(page: list[Block], k: int) -> bool:
    """A line at a page's foot with an item heading under it on the same page: a line of the
    referat ("KOMMUNALBESTYRELSEN", the committee that prepared the items after it), for no
    footer has the text go on under it."""
    at_foot = k >= max(2, len(page) - 2)
    return at_foot and k + 1 < len(page) and item_head(page[k + 1]) is not None


def _decision_head(pages: Pages, index: int, k: int) -> bool:
    """ "Byrådet den 12-03-2024" or "Referat" over "Godkendt.": a decision heading of the body
    and the date alone, or of the document's word, however often the page breaks put it at a
    page's edge."""
    text = pages[index][k].text
    referat = referat_head(text) == ""
    if not referat and body_date_head(text) is None:
        return False
    below = _neighbour(pages, index, k, 1)
    if referat and k == len(pages[index]) - 1 and index + 1 < len(pages):
        # the decision on the next page, under the running header the pages repeat
        top = {b.text.strip().lower() for b in pages[index][:3]}
        below = next((b for b in pages[index + 1][:4] if b.text.strip().lower() not in top), None)
    page = pages[index]
    if below is not None and k + 1 < len(page) and page[k + 1] is below:
        below = _past_attendance(page, k + 1)
    return below is not None and (is_decision_phrase(below.text) or is_postponed(below.text))


# "Borgmester Bo Krag", "Lise Vig (V)": a name in a list of who was there, no sentence
_LISTED_NAME = re.compile(
    r"^(?:(?i:borgmester|formand|næstformand|rådmand)\s+)?[A-ZÆØÅ][a-zæøåé\-]+"
    r"(?:\s+[A-ZÆØÅ][a-zæøåé\-]+){1,3}(?:\s*\([^()]{1,20}\))?$"
)


def _past_attendance(page: list[Block], k: int) -> Block | None:
    """The line at `k`, or, where the decision's attendance stands there ("Afbud:" left empty,
    "Tilstede var:" and its names), the first line after it on the page."""
    listing = False
    for block in page[k : k + 8]:
        head = classify(block)
        if head is not None and head.kind == ATTENDANCE_KIND:
            listing = True
        elif not (listing and _LISTED_NAME.match(block.text.strip())):
            return block
    return None


def _referat_text(text: str) -> bool:
    text = text.strip()
    return _REFERAT_TEXT.search(text) is not None or RECOMMENDS.match(text) is not None


def _sentence(key: str) -> bool:
    """ "sagen forelægges for udvalget.": a sentence of the referat's text, which a page break
    may put atop half of a short document's pages; a running header is no sentence, so such a
    line must stand on most pages to be one."""
    return key.endswith(".") and len(key.split()) >= 3


def _numbered(key: str) -> bool:
    """A line with a number in it (a page number, a date): page furniture even where it repeats
    on fewer than half the pages (a short document's header, an attachment's own header). A
    line without one must stand on most pages."""
    return re.search(r"\d", key) is not None


def _dated_running(running: set[str]) -> list[tuple[date, str]]:
    """(day, text) of the running lines that carry a date ("referat - byrådet - 12. marts
    2024")."""
    found = []
    for key in running:
        when = find_date(key) if "#" not in key else None
        if when is not None:
            found.append((when.day.date(), key))
    return found


def _restates(text: str, dated: list[tuple[date, str]]) -> bool:
    """A line at a page's top that names the body and the date of a running footer in another
    form ("Byrådet 12-03-2024" over "Referat - Byrådet - 12. marts 2024"): the page header of a
    short document, which has too few pages to repeat on."""
    when = find_date(text)
    if when is None or not dated:
        return False
    rest = " ".join((text[: when.start] + " " + text[when.end :]).split()).strip(" -–,").lower()
    return len(rest) >= 4 and any(day == when.day.date() and rest in key for day, key in dated)


def _dated_label(text: str) -> bool:
    """A line that names a date and ends like no sentence: a running header or footer."""
    text = text.strip()
    return find_date(text) is not None and not text.endswith((".", ",", ":", ";"))


def _hit_key(block: Block, running: set[str]) -> bool:
    return _shape(block.text) in running or block.text.strip().lower() in running


def _top_key(page: list[Block]) -> str:
    return page[2].text.strip().lower() if len(page) > 3 else ""


def _third_header_lines(pages: Pages, running: set[str], need: int) -> set[str]:
    """A running header of three lines ("Byrådet" / "Referat" / "12. marts 2024"): the third
    line is furniture where it repeats under the two running lines on enough pages."""
    seen: dict[str, list[int]] = {}
    for index, page in enumerate(pages):
        if len(page) > 3 and _hit_key(page[0], running) and _hit_key(page[1], running):
            block = page[2]
            if known_heading(block) or item_head(block) is not None:
                continue
            seen.setdefault(_top_key(page), []).append(index)
    return {key for key, where in seen.items() if key and _is_running(where, need)}


def _page_mark(text: str, pages: int, *, cautious: bool) -> bool:
    """ "Side 3 af 7", "3/7", a lone "3": a page number, not a case number ("20/18097") or a
    count ("412") that happens to stand at a page's edge."""
    if cautious:
        return _WORDED_PAGE_MARK.match(text) is not None
    match = _PAGE_MARK.match(text)
    if match is None:
        return False
    if match.group("worded") or match.group("page") is None:
        return True
    page, of = int(match.group("page")), match.group("of")
    if of is None:
        return page <= pages + 10
    return page <= int(of) and pages - 2 <= int(of) <= pages + 10


def _strip_page_marks(pages: Pages) -> Pages:
    """A one-page document has no repetition to go by; a "Side 1 af 1" at its top or bottom
    is still page furniture."""
    return [
        [b for pos, b in enumerate(page)
         if not ((pos == 0 or pos == len(page) - 1) and _WORDED_PAGE_MARK.match(b.text.strip()))]
        for page in pages
    ]  # fmt: skip


def _is_running(pages_seen: list[int], need: int) -> bool:
    """Page furniture recurs on enough pages, and on consecutive pages somewhere."""
    if len(pages_seen) < need:
        return False
    run = best = 1
    for a, b in itertools.pairwise(pages_seen):
        run = run + 1 if b == a + 1 else 1
        best = max(best, run)
    return best >= min(3, need)


def _running_prefix(pages: Pages, need: int) -> tuple[str, int]:
    """A running header glued to the first line of a page, as flattened PDF text has it.

    Returns the prefix (digits as "#") and the first page carrying it; the document's own
    header is the one that starts earliest.
    """
    counts: Counter[str] = Counter()
    first_page: dict[str, int] = {}
    for index, page in enumerate(pages):
        if not page or len(page) > 2:
            continue
        words = page[0].text.split()
        seen: set[str] = set()
        for k in range(2, min(len(words), 12) + 1):
            shape = _shape(" ".join(words[:k]))
            if shape not in seen:
                seen.add(shape)
                counts[shape] += 1
                first_page.setdefault(shape, index)
    candidates = {
        shape: count for shape, count in counts.items()
        if count >= max(need, 3) and len(shape.split()) >= 3 and not ITEM_START.match(shape)
    }  # fmt: skip
    if not candidates:
        return "", len(pages)
    earliest = min(first_page[s] for s in candidates)
    group = {s: c for s, c in candidates.items() if first_page[s] == earliest}
    top = max(group.values())
    best = max((s for s, c in group.items() if c == top), key=len)
    # Extend while nearly every page that has the prefix also has the longer one.
    for shape, count in group.items():
        if shape.startswith(best) and count >= 0.8 * top and len(shape) > len(best):
            best = shape
    # A prefix ending in a page number is cut with the number; stop before content words.
    return best.rstrip("#").rstrip(), earliest


def _cut_prefix(text: str, prefix: str) -> str:
    words = text.split()
    taken = 0
    for k in range(1, len(words) + 1):
        if _shape(" ".join(words[:k])) == prefix:
            taken = k
            break
    rest = words[taken:]
    if rest and re.fullmatch(r"\d{1,4}", rest[0]):
        rest = rest[1:]  # the page number that follows "Side"
    return " ".join(rest)


def dropped_from_first_page(before: Pages, after: Pages) -> list[str]:
    """The lines of the first page that were taken for page furniture, in order."""
    if not before or not after:
        return []
    kept = {id(b) for b in after[0]}
    texts = {b.text for b in after[0]}
    return [b.text for b in before[0] if id(b) not in kept and b.text not in texts]


def split_attachment_pages(pages: Pages, last_with_header: int) -> tuple[Pages, list[str]]:
    """Pages after the last one carrying the referat's running header are attachments: they
    are kept with the meeting as text of their own, out of the items."""
    if not 0 <= last_with_header < len(pages) - 1:
        return pages, []
    if any(_referat_page(page) for page in pages[last_with_header + 1 :]):
        # An item heading with its case number under it, or a decision heading: the referat
        # goes on (what looked like its running header was a line of its text); its items and
        # decisions must not become attachments.
        return pages, []
    tail = ["\n".join(b.text for b in page) for page in pages[last_with_header + 1 :]]
    return pages[: last_with_header + 1], [t for t in tail if t]


def _referat_page(page: list[Block]) -> bool:
    for k, block in enumerate(page):
        if item_head(block) is not None and any(
            casenumber.label(b.text) is not None for b in page[k + 1 : k + 4]
        ):
            return True
        heading = classify(block)
        if heading is not None and heading.kind == DECISION and (heading.body or heading.date):
            return True  # "Beslutning i Økonomiudvalget den 12-03-2024"
    return False


def closed_running_header(pages: Pages) -> bool:
    """Whether a running header or footer says the whole document is closed ("Lukket
    referat" on every page): stripped as furniture, it must still close the items."""
    marked = 0
    for page in pages:
        edges = [*page[:2], *page[-2:]]
        marked += any(part_mark(b.text.strip()) is True for b in edges)
    return marked >= max(1, min(2, len(pages)))
