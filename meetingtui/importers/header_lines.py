"""The header's lines made ready for the rules of `header.py`: a label printed on a line of its
own joined to its value, a list of people wrapped over lines joined, a two-digit year on the
meeting's date line written out."""

from __future__ import annotations

import re

from meetingtui.dates import WEEKDAY_PATTERN, find_date
from meetingtui.importers import people
from meetingtui.importers.classify import ATTENDANCE_KIND, classify, norm
from meetingtui.importers.heads import item_head
from meetingtui.importers.source import Block

# "Dato og tid:", "Tid og sted:", "Dato, tid og sted:": one label for several facts; a label
# naming the place ("sted") says the text after the date and time is the place.
DATE_LABEL = re.compile(
    r"(?i)^(?:(?:møde)?(?:dato|tid(?:spunkt)?)(?:\s*,\s*(?:tid(?:spunkt)?|dato))?"
    r"\s+og\s+(?:tid(?:spunkt)?|sted|dato|lokale)"
    r"|mødedato|dato|starttidspunkt|mødetidspunkt|tidspunkt|tid|mødetid|mødestart)"
    r"(?:\s+for\s+mødet?)?\b\s*:?\s*"  # "Starttidspunkt for møde: Kl. 18:00"
)
ANY_LABEL = re.compile(r"^[^:]{2,30}:")


def header_lines(blocks: list[Block]) -> list[Block]:
    """The header's blocks with labels, wrapped people lists and short years joined up."""
    cells = _member_cells(people.grid_people(_long_years(_table_rows(blocks))))
    return _join_wrapped_people(_join_lone_labels(cells))


def _table_rows(blocks: list[Block]) -> list[Block]:
    """A table in the header (a web page's members list in two columns, "Mødested | Rådhuset")
    as the lines a PDF prints it in: a line a row, its cells apart by a column gap."""
    out: list[Block] = []
    for block in blocks:
        if block.table is None:
            out.append(block)
            continue
        out += [block.with_text("    ".join(c.strip() for c in row if c.strip()))
                for row in block.table.rows if any(c.strip() for c in row)]  # fmt: skip
    return out


# Columns of a members list printed side by side: two spaces at least between them (the readers
# keep a longer run of spaces, a table's column gap, as two)
_COLUMN_GAP = re.compile(r"\t|\s{2,}")


def _member_cells(lines: list[Block]) -> list[Block]:
    """ "Bo Krag (A)   Lise Vig (V)", "Bo Krag, A (Borgmester)    Lise Vig, V": two members
    on a line, each in a column of their own, become a line each, so that a role or a comma
    after one member is not read as the next one's."""
    out: list[Block] = []
    for block in lines:
        cells = [c for c in _COLUMN_GAP.split(block.text.strip()) if c]
        if len(cells) > 1 and all(len(people.split_people(c)) == 1 and
                                  people.split_people(c)[0][1] for c in cells):  # fmt: skip
            out += [block.with_text(c) for c in cells]
        else:
            out.append(block)
    return out


# Header labels that some systems print on a line of their own, the value on the next line
# ("STED" / "Kanalstræde 2", "STARTTIDSPUNKT" / "04-06-2020 09:00:00").
_LONE_LABELS = {
    "udvalg": "Udvalg", "forum": "Forum", "mødeforum": "Forum", "sted": "Sted",
    "mødested": "Mødested", "lokale": "Lokale", "mødelokale": "Lokale", "dato": "Dato",
    "mødedato": "Mødedato", "tidspunkt": "Tidspunkt", "mødetidspunkt": "Mødetidspunkt",
    "starttidspunkt": "Starttidspunkt", "mødestart": "Starttidspunkt",
    "sluttidspunkt": "Sluttidspunkt", "mødeslut": "Sluttidspunkt", "møde": "",
}  # fmt: skip


def _join_lone_labels(lines: list[Block]) -> list[Block]:
    out: list[Block] = []
    skip = False
    for i, block in enumerate(lines):
        if skip:
            skip = False
            continue
        key = norm(block.text)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if key in _LONE_LABELS and nxt is not None and norm(nxt.text) not in _LONE_LABELS:
            label = _LONE_LABELS[key]
            text = f"{label}: {nxt.text.strip()}" if label else nxt.text.strip()
            out.append(block.with_text(text))
            skip = True
        else:
            out.append(block)
    return out


def _join_wrapped_people(lines: list[Block]) -> list[Block]:
    out: list[Block] = []
    joining = False
    for block in lines:
        text = block.text.strip()
        if (
            joining and out and len(text) < 160 and not ANY_LABEL.match(text)
            and find_date(text) is None and item_head(block) is None
        ):  # fmt: skip
            out[-1] = out[-1].with_text(f"{out[-1].text.rstrip()} {text}")
            joining = people.dangling(out[-1].text)
            continue
        head = classify(block)
        joining = bool(
            (
                (head is not None and head.kind == ATTENDANCE_KIND)
                or people.SUBSTITUTE_LABEL.match(text)
            )
            and people.dangling(text)
        )
        out.append(block)
    return out


# "Mødedato: 12-03-24", "Dato: 12/3-24", "tirsdag d. 12. marts 24": a two-digit year, read
# (by `dates.find_date`) only on a line labelled as the meeting's date or opening with a weekday
_DATE_LINE = re.compile(rf"(?i)^(?:{WEEKDAY_PATTERN}\b|(?:møde)?dato\b|mødedag\b)")


def _long_years(blocks: list[Block]) -> list[Block]:
    out = []
    for block in blocks:
        text = block.text
        stripped = text.strip()
        if (DATE_LABEL.match(stripped) or _DATE_LINE.match(stripped)) and find_date(text) is None:
            found = find_date(text, short_year=True)
            if found is not None:
                text = f"{text[: found.start]}{found.day:%d.%m.%Y}{text[found.end :]}"
        out.append(block if text == block.text else block.with_text(text))
    return out
