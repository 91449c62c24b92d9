"""The command API for motions, votes and elections: ballots are stored as they are cast, a
ballot already cast changes only on purpose, and a vote or election closes on its count."""

from __future__ import annotations

from typing import Any

from meetingtui import rules
from meetingtui.command_base import CommandBase, Outcome, rules_text, word
from meetingtui.errors import CommandRefused, ConfirmationRequired, RuleWarning
from meetingtui.i18n import join_names
from meetingtui.models import AgendaItem, Choice, Election, MotionKind, Participant


class VoteCommands(CommandBase):
    """Motions, votes and elections on the items of one open meeting."""

    def add_motion(
        self,
        item_id: int,
        text: str,
        *,
        kind: MotionKind | str = MotionKind.INDSTILLING,
        proposer: str = "",
        amends: int | None = None,
    ) -> Outcome:
        self._require_live()
        item = self._item(item_id)
        motion_kind = self._choice(MotionKind, kind, "kind")
        if amends is not None and motion_kind is not MotionKind.AENDRINGSFORSLAG:
            raise CommandRefused("refuse.amends_only_amendment")
        if amends is not None and item.motion(amends) is None:
            raise CommandRefused("refuse.unknown_motion", ref=amends)
        motion_id = self.meeting.next_id("motion")
        if amends == motion_id:
            raise CommandRefused("refuse.amends_itself")
        payload = {
            "item_id": item.id,
            "motion_id": motion_id,
            "kind": motion_kind.value,
            "text": self._text(text),
            "proposer": self._text(proposer, allow_empty=True),
            "amends": amends,
        }
        return self._commit("motion_added", payload, created_id=motion_id)

    def open_vote(
        self,
        item_id: int,
        *,
        motion_id: int | None = None,
        description: str = "",
        confirm: bool = False,
    ) -> Outcome:
        self._require_live()
        item = self._item(item_id)
        if motion_id is not None and item.motion(motion_id) is None:
            raise CommandRefused("refuse.unknown_motion", ref=motion_id)
        if any(v.is_open for v in item.votes):
            raise CommandRefused("refuse.vote_open")
        warnings = self._confirm(
            rules.quorum_warnings(self.meeting, item)
            + rules.amendment_order_warnings(item, motion_id),
            confirm,
        )
        vote_id = self.meeting.next_id("vote")
        payload = {
            "item_id": item.id,
            "vote_id": vote_id,
            "motion_id": motion_id,
            "description": self._text(description, allow_empty=True),
        }
        return self._commit("vote_opened", payload, warnings=warnings, created_id=vote_id)

    def _ballot_item(self, vote_id: int) -> AgendaItem:
        self._require_live()
        item, vote = self._vote(vote_id)
        if not vote.is_open:
            raise CommandRefused("refuse.vote_closed")
        return item

    def cast_ballot(
        self, vote_id: int, participant_id: int, choice: Choice | str, *, confirm: bool = False
    ) -> Outcome:
        """One member's ballot. A ballot already cast is changed only when confirmed: the key
        that casts a new ballot must never overwrite one by accident."""
        item = self._ballot_item(vote_id)
        person = self._person(participant_id)
        reason = rules.ineligibility_reason(self.meeting, item, person)
        if reason is not None:
            raise CommandRefused("refuse.not_eligible", name=person.name, reason=rules_text(reason))
        value = self._choice(Choice, choice, "choice")
        cast = {b.participant_id: b.choice for b in self._vote(vote_id)[1].ballots}
        if person.id not in cast:
            ballots = [{"participant_id": person.id, "choice": value.value}]
            return self._commit("ballots_cast", {"vote_id": vote_id, "ballots": ballots})
        if cast[person.id] is value:
            raise CommandRefused("refuse.ballot_unchanged", name=person.name, choice=word(value))
        return self._change_ballots(vote_id, [(person, cast[person.id])], value, confirm)

    def cast_party(
        self, vote_id: int, affiliation: str, choice: Choice | str, *, confirm: bool = False
    ) -> Outcome:
        """The eligible members of a party or organisation who have not voted vote the same way.

        Members who already voted keep their ballot; when all of them have, the party's ballots
        are changed only when confirmed.
        """
        item = self._ballot_item(vote_id)
        wanted = affiliation.strip().casefold()
        voters = [
            p
            for p in rules.eligible_voters(self.meeting, item)
            if p.affiliation.casefold() == wanted
        ]
        if not voters:
            raise CommandRefused("refuse.no_party_voters", party=affiliation)
        value = self._choice(Choice, choice, "choice")
        cast = {b.participant_id: b.choice for b in self._vote(vote_id)[1].ballots}
        missing = [p for p in voters if p.id not in cast]
        if missing:
            ballots = [{"participant_id": p.id, "choice": value.value} for p in missing]
            return self._commit("ballots_cast", {"vote_id": vote_id, "ballots": ballots})
        changed = [(p, cast[p.id]) for p in voters if cast[p.id] is not value]
        if not changed:
            raise CommandRefused("refuse.party_all_voted", party=affiliation, choice=word(value))
        return self._change_ballots(vote_id, changed, value, confirm)

    def cast_rest(self, vote_id: int, choice: Choice | str) -> Outcome:
        """Everyone who may vote and has not voted yet votes `choice` ("resten stemmer for")."""
        item = self._ballot_item(vote_id)
        value = self._choice(Choice, choice, "choice")
        cast = {b.participant_id for b in self._vote(vote_id)[1].ballots}
        missing = [p for p in rules.eligible_voters(self.meeting, item) if p.id not in cast]
        if not missing:
            raise CommandRefused("refuse.nobody_left_to_vote")
        ballots = [{"participant_id": p.id, "choice": value.value} for p in missing]
        return self._commit("ballots_cast", {"vote_id": vote_id, "ballots": ballots})

    def _change_ballots(
        self,
        vote_id: int,
        changed: list[tuple[Participant, Choice]],
        value: Choice,
        confirm: bool,
    ) -> Outcome:
        """Ballots already cast, changed deliberately: the chair sees "name: old → new" first."""
        warnings = [
            RuleWarning(
                "confirm.ballot_change",
                {"name": p.name, "old": word(old), "new": word(value)},
            )
            for p, old in changed
        ]
        if not confirm:
            raise ConfirmationRequired(warnings, question="confirm.ballot_change_question")
        changes = [
            {"participant_id": p.id, "from": old.value, "to": value.value} for p, old in changed
        ]
        return self._commit("ballot_changed", {"vote_id": vote_id, "changes": changes})

    def close_vote(self, vote_id: int, *, confirm: bool = False) -> Outcome:
        item = self._ballot_item(vote_id)
        _, vote = self._vote(vote_id)
        if not vote.ballots:
            raise CommandRefused("refuse.vote_empty")
        # Ballots of members who since left, became inhabil or gave their seat back do not count.
        stale = rules.ineligible_ballots(self.meeting, item, vote)
        warnings = rules.quorum_warnings(self.meeting, item)
        if stale:
            names = ", ".join(b.name for b in stale)
            warnings.append(RuleWarning("warn.ballots_discarded", {"names": names}))
        warnings = self._confirm(warnings, confirm)
        payload = {"vote_id": vote_id, "discarded": [b.participant_id for b in stale]}
        return self._commit("vote_closed", payload, warnings=warnings)

    def _candidates(self, candidates: list[str]) -> list[str]:
        names = [self._text(c) for c in candidates]
        if not names:
            raise CommandRefused("refuse.election_candidates")
        return names

    def _with_tie(self, outcome: Outcome, election_id: int) -> Outcome:
        """A tie elects nobody: the chair hears it with the result."""
        found = self.meeting.find_election(election_id)
        assert found is not None
        tied = found[1].tied
        if not tied:
            return outcome
        tie = RuleWarning("warn.election_tie", {"names": join_names(tied)})
        return Outcome(outcome.seq, [*outcome.warnings, tie], outcome.created_id)

    def open_election(
        self, item_id: int, office: str, candidates: list[str], *, confirm: bool = False
    ) -> Outcome:
        """An election by majority among candidates; each ballot is stored as it is cast."""
        self._require_live()
        item = self._item(item_id)
        names = self._candidates(candidates)
        payload, warnings = self._new_election(item, office, names, confirm)
        return self._commit(
            "election_opened", payload, warnings=warnings, created_id=payload["election_id"]
        )

    def _new_election(
        self, item: AgendaItem, office: str, names: list[str], confirm: bool
    ) -> tuple[dict[str, Any], list[RuleWarning]]:
        """The payload that starts an election, once the chair has heard the quorum warnings."""
        if any(e.is_open for e in item.elections):
            raise CommandRefused("refuse.election_open")
        warnings = self._confirm(rules.quorum_warnings(self.meeting, item), confirm)
        payload = {
            "item_id": item.id,
            "election_id": self.meeting.next_id("election"),
            "office": self._text(office),
            "candidates": names,
        }
        return payload, warnings

    def _elector(self, item: AgendaItem, voter_id: int, candidate: str, names: list[str]) -> int:
        """The voter's id, once they may vote on the item and `candidate` stands."""
        person = self._person(voter_id)
        reason = rules.ineligibility_reason(self.meeting, item, person)
        if reason is not None:
            raise CommandRefused("refuse.not_eligible", name=person.name, reason=rules_text(reason))
        if candidate not in names:
            raise CommandRefused("refuse.election_unknown_candidate", candidate=candidate)
        return person.id

    def _open_election(self, election_id: int) -> tuple[AgendaItem, Election]:
        self._require_live()
        found = self.meeting.find_election(election_id)
        if found is None:
            raise CommandRefused("refuse.unknown_election", ref=election_id)
        if not found[1].is_open:
            raise CommandRefused("refuse.election_closed")
        return found

    def cast_election_ballot(self, election_id: int, voter_id: int, candidate: str) -> Outcome:
        """Member `voter_id` names `candidate`; naming another later replaces the ballot."""
        item, election = self._open_election(election_id)
        voter = self._elector(item, voter_id, candidate, election.candidates)
        payload = {"election_id": election_id, "voter_id": voter, "candidate": candidate}
        return self._commit("election_ballot_cast", payload)

    def close_election(self, election_id: int, *, confirm: bool = False) -> Outcome:
        """Count the ballots; a tie is reported and nobody is elected."""
        item, election = self._open_election(election_id)
        if not election.ballots:
            raise CommandRefused("refuse.vote_empty")
        # Ballots of members who since left, became inhabil or gave their seat back do not count.
        stale = rules.no_longer_eligible(self.meeting, item, (b.voter_id for b in election.ballots))
        names = ", ".join(b.voter for b in election.ballots if b.voter_id in stale)
        if len(stale) == len(election.ballots):
            raise CommandRefused("refuse.election_no_valid_ballots", names=names)
        warnings = rules.quorum_warnings(self.meeting, item)
        if stale:
            warnings.append(RuleWarning("warn.ballots_discarded", {"names": names}))
        warnings = self._confirm(warnings, confirm)
        payload = {"election_id": election_id, "discarded": stale}
        outcome = self._commit("election_closed", payload, warnings=warnings)
        return self._with_tie(outcome, election_id)

    def hold_election(
        self,
        item_id: int,
        office: str,
        candidates: list[str],
        ballots: dict[int, str],
        *,
        confirm: bool = False,
    ) -> Outcome:
        """An election taken whole, ballots and all (for scripts); a tie elects nobody."""
        self._require_live()
        item = self._item(item_id)
        names = self._candidates(candidates)
        if not ballots:
            raise CommandRefused("refuse.vote_empty")
        cast = [
            {"voter_id": self._elector(item, voter_id, candidate, names), "candidate": candidate}
            for voter_id, candidate in ballots.items()
        ]
        payload, warnings = self._new_election(item, office, names, confirm)
        payload["ballots"] = cast
        election_id = payload["election_id"]
        outcome = self._commit("election_held", payload, warnings=warnings, created_id=election_id)
        return self._with_tie(outcome, election_id)

    def elect_by_acclamation(
        self, item_id: int, office: str, candidate: str, *, confirm: bool = False
    ) -> Outcome:
        """One candidate, and everyone who may vote agrees: elected unanimously without a ballot
        ("Gert Fabrin blev enstemmigt valgt som næstformand"). Each of them is recorded as
        naming the candidate."""
        self._require_live()
        item = self._item(item_id)
        (name,) = self._candidates([candidate])
        voters = rules.eligible_voters(self.meeting, item)
        if not voters:
            raise CommandRefused("refuse.vote_empty")
        payload, warnings = self._new_election(item, office, [name], confirm)
        payload["ballots"] = [{"voter_id": p.id, "candidate": name} for p in voters]
        payload["acclamation"] = True
        return self._commit(
            "election_held", payload, warnings=warnings, created_id=payload["election_id"]
        )
