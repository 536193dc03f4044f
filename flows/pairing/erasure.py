"""A pairing proposal without someone whose data is erased: the others' history stays."""

from __future__ import annotations

from dataclasses import replace

from flows.pairing.model import Match, Proposal, Reason


def forget_person(proposal: Proposal, person_id: int) -> Proposal:
    """The proposal as if the person had never been in it; nobody else changes place."""
    return Proposal(
        matches=tuple(_match_without(match, person_id) for match in proposal.matches),
        unmatched=tuple(entry for entry in proposal.unmatched if entry.person_id != person_id),
    )


def _match_without(match: Match, person_id: int) -> Match:
    if person_id not in match.members:
        return match
    return replace(
        match,
        members=tuple(member for member in match.members if member != person_id),
        coach_of=tuple(pair for pair in match.coach_of if person_id not in pair),
        reasons=tuple(_reason_without(reason, person_id) for reason in match.reasons),
        joined_as_third=None if match.joined_as_third == person_id else match.joined_as_third,
    )


def _reason_without(reason: Reason, person_id: int) -> Reason:
    return replace(reason, people=tuple(p for p in reason.people if p != person_id))
