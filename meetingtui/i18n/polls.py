"""Catalog: motions, votes, elections and dissents on the meeting's screens."""

DA: dict[str, str] = {
    # motions and votes
    "tui.motion_title": "Nyt forslag — {item}",
    "tui.motion_kind": "Type (⏎ vælger)",
    "tui.motion_amends": "Ændrer forslag",
    "tui.motion_amends_none": "(intet)",
    "tui.motion_text": "Forslagets tekst",
    "tui.motion_proposer": "Stillet af (navn eller parti; ⏎ gemmer)",
    "tui.motion_needs_text": "Skriv forslagets tekst, før det gemmes.",
    "tui.motion.indstilling": "Indstilling",
    "tui.motion.aendringsforslag": "Ændringsforslag",
    "tui.motion.andet": "Forslag",
    "tui.vote_on_recommendation": "Indstillingen",
    "tui.vote_pick_title": "Hvad stemmes der om under pkt. {number}? (ændringsforslag først)",
    "tui.vote_title": "AFSTEMNING: {subject}",
    "tui.vote_line": "Afstemning om {subject}: for {f}, imod {i}, undlod {u}",
    "tui.vote_short": "({f} for, {i} imod, {u} undlod: {result})",
    "tui.vote_open": "åben",
    "tui.vote_closed_title": "Afstemningen er afsluttet",
    "tui.vote_col.party": "Parti",
    "tui.vote_col.size": "Antal",
    "tui.vote_col.for": "For",
    "tui.vote_col.imod": "Imod",
    "tui.vote_col.undlod": "Undlod",
    "tui.vote_col.missing": "Mangler",
    "tui.vote_col.name": "Navn",
    "tui.vote_col.choice": "Stemme",
    "tui.choice.for": "for",
    "tui.choice.against": "imod",
    "tui.choice.abstain": "undlod",
    "tui.no_party": "(uden parti)",
    "tui.missing": "mangler: {count}",
    # One line of the vote's tally box: whole at 80 columns (78 inside its padding); the short
    # one whole at 60 (58). The keys are the keymap's.
    "tui.no_ballots": (
        "Ingen stemmer endnu. {party}: partiet · Tab: ét medlem · {rest}: resten for/imod"
    ),
    "tui.no_ballots_short": "Ingen stemmer. {party}: parti · Tab: medlem · {rest}: resten",
    "tui.close_vote_record": "I referatet: {line}",
    "tui.result.adopted": "VEDTAGET",
    "tui.result.rejected": "FORKASTET",
    "tui.result_tie": "(stemmelighed: forslaget bortfalder)",
    "tui.result_preview": "Resultat hvis afsluttet nu: {result}",
    "tui.close_vote_counts": "For {f}, imod {i}, undlod {u}",
    "tui.close_vote_missing": "{count} stemmeberettigede har ikke stemt: {names}.",
    "tui.close_vote_missing.one": "1 stemmeberettiget har ikke stemt: {names}.",
    "tui.close_vote_question": "Afslut afstemningen med dette resultat?",
    "tui.stale_ballot": "{name} ({reason})",
    "tui.stale_ballots": "Tæller ikke længere: {names}",
    "tui.tally_no_quorum": "men udvalget er ikke beslutningsdygtigt",
    # elections
    "tui.election_title": "Valg — {item}",
    "tui.election_office": "Hvervet (fx næstformand)",
    "tui.election_candidates": (
        "Kandidater, adskilt med komma; nogle bogstaver af navnet er nok (⏎ starter)"
    ),
    "tui.acclamation_title": "Valg af {office}",
    "tui.acclamation_text": "Én kandidat: {name}.",
    "tui.acclamation_question": (
        "Er alle enige? {acclamation}: enstemmigt valgt · {ballot}: stem ved navn · "
        "{cancel}: annullér"
    ),
    "tui.close_election_question": "Afslut valget med dette resultat?",
    "tui.election_needs": "Et valg kræver et hverv og mindst én kandidat.",
    "tui.election_not_members": (
        "Passer ikke på ét medlem: {names}. Ret navnet, eller tryk ⏎ igen for at starte valget "
        "med kandidaten, som den er skrevet (fx en kandidat uden for udvalget)."
    ),
    "tui.election_heading": "VALG AF {office}",
    "tui.election_hint": (
        "Tryk kandidatens nummer ud for hvert medlem; stemmen gemmes med det samme. "
        "{close} afslutter valget."
    ),
    "tui.election_pick": "Kandidat",
    "tui.election_no_such_candidate": "Der er ingen kandidat {number}: valget har {count} kandidater.",
    "tui.election_no_such_candidate.one": "Der er ingen kandidat {number}: valget har 1 kandidat.",
    "tui.elected": "{name} blev valgt som {office}",
    "tui.election_tied": "Valg af {office}: stemmelighed mellem {names}",
    "tui.election_running": "Valg af {office}: i gang, {count} stemmer afgivet",
    "tui.election_running.one": "Valg af {office}: i gang, 1 stemme afgivet",
    "tui.election_none": "Valg af {office}: ingen valgt",
    "tui.open_election_waiting": "Der er et åbent valg på punktet ({election} fortsætter det).",
    # dissents
    "tui.dissent_title": "Til protokols — {item}",
    "tui.dissent_who": "Hvem",
    "tui.dissent_kind": "Type (⏎ vælger)",
    "tui.dissent_text": "Tekst (⏎ gemmer · Ctrl+J ny linje)",
    "tui.dissent_needs_who": "Vælg, hvem der vil have noget til protokols, før der gemmes.",
    "tui.dissent_needs_text": "Skriv teksten, der skal til protokols, før der gemmes.",
    "tui.dissent.protokoltilfoersel": "Protokoltilførsel",
    "tui.dissent.mindretalsudtalelse": "Mindretalsudtalelse",
    "tui.dissent.forbehold": "Forbehold",
}

EN: dict[str, str] = {
    "tui.motion_title": "New motion — {item}",
    "tui.motion_kind": "Kind (⏎ picks)",
    "tui.motion_amends": "Amends motion",
    "tui.motion_amends_none": "(none)",
    "tui.motion_text": "Text of the motion",
    "tui.motion_proposer": "Proposed by (name or party; ⏎ records)",
    "tui.motion_needs_text": "Type the text of the motion before saving.",
    "tui.motion.indstilling": "Recommendation",
    "tui.motion.aendringsforslag": "Amendment",
    "tui.motion.andet": "Motion",
    "tui.vote_on_recommendation": "The recommendation",
    "tui.vote_pick_title": "What is voted on under item {number}? (amendments first)",
    "tui.vote_title": "VOTE: {subject}",
    "tui.vote_line": "Vote on {subject}: for {f}, against {i}, abstain {u}",
    "tui.vote_short": "({f} for, {i} against, {u} abstain: {result})",
    "tui.vote_open": "open",
    "tui.vote_closed_title": "The vote is closed",
    "tui.vote_col.party": "Party",
    "tui.vote_col.size": "Seats",
    "tui.vote_col.for": "For",
    "tui.vote_col.imod": "Against",
    "tui.vote_col.undlod": "Abstain",
    "tui.vote_col.missing": "Missing",
    "tui.vote_col.name": "Name",
    "tui.vote_col.choice": "Vote",
    "tui.choice.for": "for",
    "tui.choice.against": "against",
    "tui.choice.abstain": "abstain",
    "tui.no_party": "(no party)",
    "tui.missing": "missing: {count}",
    "tui.no_ballots": (
        "No ballots yet. {party}: the party · Tab: one member · {rest}: rest for/against"
    ),
    "tui.no_ballots_short": "No ballots. {party}: party · Tab: member · {rest}: the rest",
    "tui.close_vote_record": "In the minutes: {line}",
    "tui.result.adopted": "ADOPTED",
    "tui.result.rejected": "REJECTED",
    "tui.result_tie": "(tie: the proposal falls)",
    "tui.result_preview": "Result if closed now: {result}",
    "tui.close_vote_counts": "For {f}, against {i}, abstaining {u}",
    "tui.close_vote_missing": "{count} members who may vote did not vote: {names}.",
    "tui.close_vote_missing.one": "1 member who may vote did not vote: {names}.",
    "tui.close_vote_question": "Close the vote with this result?",
    "tui.stale_ballot": "{name} ({reason})",
    "tui.stale_ballots": "No longer counted: {names}",
    "tui.tally_no_quorum": "but the committee has no quorum",
    "tui.election_title": "Election — {item}",
    "tui.election_office": "Office (e.g. vice-chair)",
    "tui.election_candidates": (
        "Candidates, comma-separated; a few letters of a name will do (⏎ starts)"
    ),
    "tui.acclamation_title": "Election of {office}",
    "tui.acclamation_text": "One candidate: {name}.",
    "tui.acclamation_question": (
        "Does everyone agree? {acclamation}: elected unanimously · {ballot}: vote by name · "
        "{cancel}: cancel"
    ),
    "tui.close_election_question": "Close the election with this result?",
    "tui.election_needs": "An election needs an office and at least one candidate.",
    "tui.election_not_members": (
        "Not one member: {names}. Correct the name, or press ⏎ again to start the election "
        "with the candidate as typed (for instance one from outside the committee)."
    ),
    "tui.election_heading": "ELECTION OF {office}",
    "tui.election_hint": (
        "Press the candidate's number for each member; the ballot is saved at once. "
        "{close} closes the election."
    ),
    "tui.election_pick": "Candidate",
    "tui.election_no_such_candidate": "There is no candidate {number}: the election has {count} candidates.",
    "tui.election_no_such_candidate.one": "There is no candidate {number}: the election has 1 candidate.",
    "tui.elected": "{name} was elected {office}",
    "tui.election_tied": "Election of {office}: tie between {names}",
    "tui.election_running": "Election of {office}: under way, {count} ballots cast",
    "tui.election_running.one": "Election of {office}: under way, 1 ballot cast",
    "tui.election_none": "Election of {office}: nobody elected",
    "tui.open_election_waiting": "An election is open on this item ({election} goes back to it).",
    "tui.dissent_title": "Into the record — {item}",
    "tui.dissent_who": "Who",
    "tui.dissent_kind": "Kind (⏎ picks)",
    "tui.dissent_text": "Text (⏎ records · Ctrl+J new line)",
    "tui.dissent_needs_who": "Pick who wants it in the record before saving.",
    "tui.dissent_needs_text": "Type the text for the record before saving.",
    "tui.dissent.protokoltilfoersel": "Dissent (protokoltilførsel)",
    "tui.dissent.mindretalsudtalelse": "Minority statement",
    "tui.dissent.forbehold": "Reservation",
}
