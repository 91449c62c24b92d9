"""The meeting the scenario test runs: Lejre Kommune's 17, stk. 4-udvalg on 3 January 2017, as
its published referat describes it (members and their organisations, the five items with their
case numbers, indstillinger and decisions), written out here so the test runs without the
sample; `sample_disagreements()` checks these facts against the referat's text when the sample
is at hand.

What happened beyond the referat (who sent afbud, who came late or left, a vote, a
protokoltilførsel, an inhabil member) is the scenario's own and is described in the test.

No tests live here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

BODY = "17, stk. 4-udvalget"
MUNICIPALITY = "Lejre Kommune"
LOCATION = "Mødelokale 1, Lejrevej 15, 4320, Allerslev"
SAMPLE = "sample_referat_lejre_2017-01-03.txt"


@dataclass(frozen=True)
class Member:
    name: str
    affiliation: str
    role: str = "medlem"


# The formand (Økonomiudvalget's chair), an Økonomiudvalg member, and the representatives the
# referat lists under item 2, in its order; the administration attends without a vote.
MEMBERS = (
    Member("Carsten Rasmussen", "A", "formand"),
    Member("Ole Blickfeldt", "O"),
    Member("Christina Knudsen", "Områdebestyrelse, dagtilbud"),
    Member("Kristina Garth Grüner", "Skolebestyrelse"),
    Member("Keld Mortensen", "Ældrerådet"),
    Member("Jan Andersen", "Handicaprådet"),
    Member("Lars Holten", "LEUF"),
    Member("Gert Fabrin", "Lokalråd"),
    Member("Louise Holm", "Grønt råd"),
    Member("Bitten Persson", "Kommunal leder"),
    Member("Helle Klink", "Kommunal medarbejder"),
    Member("Søren Kræmer", "Foreningslivet"),
    Member("Inger Marie Vynne", "Administrationen", "observatør"),
)


@dataclass(frozen=True)
class Item:
    number: str
    title: str
    case_number: str | None
    recommendation: str | None
    resume: str | None
    decision: str  # as the referat records it


ITEMS = (
    Item("1", "Godkendelse af dagsorden", None, None, None, "Godkendt."),
    Item(
        "2",
        "Valg af næstformand",
        "13/20237",
        "Koncerndirektionen indstiller:\n1. at udvalget vælger en næstformand.",
        "Kommunalbestyrelsen besluttede på sit møde den 28. november 2016, at nedsætte et "
        "17,4-udvalg, der skal have fokus på at detailplanlægge og gennemføre indsatsen Der "
        "findes et sted, hvor vi er fælles om kerneopgaverne.",
        "Gert Fabrin blev valgt som næstformand.",
    ),
    Item(
        "3",
        "Introduktion til arbejdet",
        "16/16318",
        "Koncerndirektionen indstiller:\n1. at udvalget tager orienteringen til efterretning.",
        "17,4-udvalget orienteres i denne sag om baggrund og kommissoriet for arbejdet med "
        "kerneopgaverne samt administrationens nærmere overvejelser om det forestående arbejde.",
        "Taget til efterretning.",
    ),
    Item(
        "4",
        "Møde- og procesplan samt beslutning om hvilke kerneopgaver der arbejdes med først",
        "16/16318",
        "Koncerndirektionen indstiller:\n1. at mødeplan godkendes,\n2. at der startes op med "
        "kerneopgaverne Bæredygtig vækst og Målrettet (visiteret) støtte.",
        "I denne sag forelægges møde- og procesplan for 17,4-udvalget og det forestående arbejde.",
        "Tiltrådt.",
    ),
    Item("5", "Eventuelt", None, None, None, "Intet."),
)


def _quote(text: str) -> str:
    return '"""' + text.replace("\\", "\\\\").replace('"', '\\"') + '"""'


def agenda_toml() -> str:
    """The agenda file for `meetingtui new`: nobody's attendance is known before the roll call."""
    lines = [
        "[meeting]",
        f'body = "{BODY}"',
        f'municipality = "{MUNICIPALITY}"',
        'title = "Referat"',
        "date = 2017-01-03",
        'time = "16:30"',
        f'location = "{LOCATION}"',
        "",
    ]
    for member in MEMBERS:
        lines += [
            "[[members]]",
            f'name = "{member.name}"',
            f'affiliation = "{member.affiliation}"',
            f'role = "{member.role}"',
            "",
        ]
    for item in ITEMS:
        lines += ["[[items]]", f'number = "{item.number}"', f'title = "{item.title}"']
        if item.case_number:
            lines.append(f'case_number = "{item.case_number}"')
        if item.recommendation:
            lines.append(f"recommendation = {_quote(item.recommendation)}")
        lines.append(f'decision_authority = "{BODY}"')
        if item.resume:
            lines += [
                "",
                "[[items.sections]]",
                'heading = "Resumé"',
                f"text = {_quote(item.resume)}",
            ]
        lines.append("")
    return "\n".join(lines)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def sample_disagreements(samples: Path) -> list[str]:
    """The facts above that the published referat does not bear out (empty when all do)."""
    text = _flat((samples / SAMPLE).read_text(encoding="utf-8"))
    referat = text[: text.index("DER FINDES ET STED")]  # the referat, before its bilag
    wrong = []
    for fact in ("tirsdag den 3. januar 2017 Kl. 16:30", LOCATION):
        if fact not in referat:
            wrong.append(f"meeting: {fact!r}")
    for member in MEMBERS[2:-1]:
        if member.name not in referat:
            wrong.append(f"member: {member.name}")
    if "borgmester Carsten Rasmussen, er også formand" not in referat:
        wrong.append("formand: Carsten Rasmussen")
    # Each item's page: ",4 - <title> Sagsnr.: <case> ... Beslutning 17, stk. 4-udvalget den : <decision>"
    for item in ITEMS:
        page = re.search(
            rf",4 - {re.escape(item.title)} Sagsnr\.: ?(\S*) (.*?) Sagsfremstilling:", referat
        )
        if page is None:
            wrong.append(f"item {item.number}: no page titled {item.title!r}")
            continue
        case, body = page.group(1), page.group(2)
        if (item.case_number or "Resumé:") != case:
            wrong.append(f"item {item.number}: case number {case!r}")
        decision = body.split("Beslutning 17, stk. 4-udvalget den : ")[-1]
        if decision != item.decision:
            wrong.append(f"item {item.number}: decision {decision!r}")
        if item.recommendation and _flat(item.recommendation) not in body:
            wrong.append(f"item {item.number}: indstilling")
        if item.resume and _flat(item.resume) not in body:
            wrong.append(f"item {item.number}: resumé")
    return wrong
