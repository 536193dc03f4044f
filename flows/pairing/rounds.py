"""Proposing a round, re-pairing a few people, and the coordinator's manual swap."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from flows.pairing.arrange import arrange
from flows.pairing.graph import DEFAULT_CANDIDATE_LIMIT, seeded_order
from flows.pairing.matches import build_match
from flows.pairing.model import (
    Candidate,
    Match,
    PairingError,
    PairingHistory,
    PairingRules,
    Proposal,
    Unmatched,
    UnmatchedReason,
)
from flows.pairing.scoring import PairingContext
from flows.pairing.triads import Pair, Placement

# Frozen, so sharing them as defaults is safe.
DEFAULT_RULES = PairingRules()
NO_HISTORY = PairingHistory()


def _locked_groups(
    context: PairingContext, locked: Iterable[Collection[int]]
) -> list[tuple[int, ...]]:
    """The locked matches as sorted tuples, after checking they keep every hard constraint."""
    groups: list[tuple[int, ...]] = []
    seen: set[int] = set()
    for group in locked:
        members = tuple(sorted(set(group)))
        for person_id in members:
            context.person(person_id)
            if person_id in seen:
                raise PairingError(f"person {person_id} is in two locked matches")
            seen.add(person_id)
        problem = context.group_problem(members)
        if problem is not None:
            raise PairingError(f"locked match {list(members)} cannot stay together: {problem}")
        groups.append(members)
    return groups


def _matches_from(context: PairingContext, placement: Placement) -> list[Match]:
    """Pairs and triads of a placement as Match records."""
    matches: list[Match] = []
    for pair in placement.pairs:
        joiner = placement.joined.get(pair)
        if joiner is None:
            matches.append(build_match(context, pair))
        else:
            matches.append(build_match(context, (*pair, joiner), joined_as_third=joiner))
    return matches


def _why_left(
    context: PairingContext, placement: Placement, others: Collection[int]
) -> list[Unmatched]:
    """Reasons for the people a placement could not place.

    `others` are active people outside the pool (locked ones, or already matched ones in a
    repair): being compatible only with them means partners were there but already taken.
    """
    entries = [
        Unmatched(person_id, UnmatchedReason.PARTNERS_ALREADY_TAKEN)
        for person_id in placement.stranded
    ]
    everyone = [*context.people, *others]
    for person_id in placement.without_partner:
        taken = any(context.compatible(person_id, other) for other in others)
        if taken:
            why = UnmatchedReason.PARTNERS_ALREADY_TAKEN
        elif any(_only_repeat_keeps_apart(context, person_id, other) for other in everyone):
            why = UnmatchedReason.ONLY_PREVIOUS_PARTNERS
        else:
            why = UnmatchedReason.NO_COMPATIBLE_PARTNER
        entries.append(Unmatched(person_id, why))
    return entries


def _only_repeat_keeps_apart(context: PairingContext, a: int, b: int) -> bool:
    """Whether a and b would fit if they had not been partners before."""
    if b not in context.people or context.compatible(a, b):
        return False
    return context.compatible(a, b, ignoring_repeats=True)


def _proposal(matches: Iterable[Match], unmatched: Iterable[Unmatched]) -> Proposal:
    """A proposal in a stable order: matches by members, unmatched people by id."""
    return Proposal(
        matches=tuple(sorted(matches, key=lambda match: match.members)),
        unmatched=tuple(sorted(unmatched, key=lambda entry: entry.person_id)),
    )


def propose_round(
    candidates: Iterable[Candidate],
    rules: PairingRules = DEFAULT_RULES,
    history: PairingHistory = NO_HISTORY,
    do_not_pair: frozenset[frozenset[int]] = frozenset(),
    locked: Iterable[Collection[int]] = (),
    seed: int = 0,
    *,
    candidate_limit: int = DEFAULT_CANDIDATE_LIMIT,
) -> Proposal:
    """Propose a round: everyone not paused gets a partner where the hard constraints allow.

    Locked matches stay as they are. The rest is paired to match as many people as possible,
    then to avoid recent repeats, then to score highest on the soft preferences; leftovers join
    a pair as its third member. Whoever still has no partner is listed with the reason.
    Same input and seed give the same proposal; another seed may break ties differently.
    """
    context = PairingContext.build(candidates, rules, history, do_not_pair, seed)
    groups = _locked_groups(context, locked)
    locked_people = {person_id for group in groups for person_id in group}
    matches = [build_match(context, group, locked=True) for group in groups]
    unmatched = [
        Unmatched(person.person_id, UnmatchedReason.PAUSED)
        for person in context.people.values()
        if person.paused
    ]
    active = [
        person.person_id
        for person in context.people.values()
        if not person.paused and person.person_id not in locked_people
    ]
    placement = arrange(context, seeded_order(active, seed), candidate_limit)
    matches += _matches_from(context, placement)
    unmatched += _why_left(context, placement, sorted(locked_people))
    return _proposal(matches, unmatched)


def repair(
    people_to_pair: Iterable[int],
    pool: Iterable[Candidate],
    current_matches: Sequence[Match],
    rules: PairingRules = DEFAULT_RULES,
    history: PairingHistory = NO_HISTORY,
    do_not_pair: frozenset[frozenset[int]] = frozenset(),
    seed: int = 0,
    *,
    join_existing: bool = True,
) -> Proposal:
    """Pair a few people again (after a missing click, a pause ending) without redoing the round.

    `pool` holds the candidates of everyone involved: the people to pair and the members of
    `current_matches`. The current matches stay exactly as they are, except that a pair may
    take in one of these people as a third member when `join_existing` is on and nothing else
    works. Returns the whole round: untouched matches (equal to the ones passed in), new
    matches, and whoever is still without a partner, with the reason. To keep a dissolved pair
    from meeting again, pass it in `do_not_pair`.
    """
    context = PairingContext.build(pool, rules, history, do_not_pair, seed)
    to_pair = sorted(set(people_to_pair))
    in_matches = {person_id for match in current_matches for person_id in match.members}
    for person_id in [*to_pair, *in_matches]:
        context.person(person_id)
    already = sorted(set(to_pair) & in_matches)
    if already:
        raise PairingError(f"persons {already} already have a match; dissolve it first")
    unmatched = [
        Unmatched(person_id, UnmatchedReason.PAUSED)
        for person_id in to_pair
        if context.people[person_id].paused
    ]
    active = [person_id for person_id in to_pair if not context.people[person_id].paused]
    open_pairs: list[Pair] = []
    if join_existing:
        open_pairs = [
            (match.members[0], match.members[1])
            for match in current_matches
            if len(match.members) == 2 and not match.locked
        ]
    placement = arrange(context, seeded_order(active, seed), fixed_hosts=open_pairs)
    joined_existing = {pair for pair in open_pairs if pair in placement.joined}
    kept = [match for match in current_matches if match.members not in joined_existing]
    placement.pairs = [
        pair for pair in placement.pairs if pair not in open_pairs or pair in joined_existing
    ]
    matches = kept + _matches_from(context, placement)
    unmatched += _why_left(context, placement, sorted(in_matches))
    return _proposal(matches, unmatched)


def swap(
    proposal: Proposal,
    a: int,
    b: int,
    *,
    candidates: Iterable[Candidate],
    rules: PairingRules = DEFAULT_RULES,
    history: PairingHistory = NO_HISTORY,
    do_not_pair: frozenset[frozenset[int]] = frozenset(),
    seed: int = 0,
) -> Proposal:
    """Swap two people between their matches, or put an unmatched person in someone's place.

    The changed matches get fresh roles and reasons (marked as chosen by the coordinator).
    Raises PairingError when a hard constraint would break, a locked match is involved, or
    the two are already together. Someone swapped out of a match is listed as unmatched.
    """
    context = PairingContext.build(candidates, rules, history, do_not_pair, seed)
    if a == b:
        raise PairingError("choose two different people to swap")
    match_a, match_b = proposal.match_of(a), proposal.match_of(b)
    if match_a is None and match_b is None:
        raise PairingError(f"neither {a} nor {b} is in a match")
    if match_a is not None and match_a == match_b:
        raise PairingError(f"{a} and {b} are already together")
    for match in (match_a, match_b):
        if match is not None and match.locked:
            raise PairingError(f"match {list(match.members)} is locked; unlock it first")
    changed: dict[Match, Match] = {}
    if match_a is not None:
        changed[match_a] = _replace_member(context, match_a, a, b)
    if match_b is not None:
        changed[match_b] = _replace_member(context, match_b, b, a)
    matches = [changed.get(match, match) for match in proposal.matches]
    unmatched = [entry for entry in proposal.unmatched if entry.person_id not in (a, b)]
    if match_b is None:
        unmatched.append(Unmatched(a, UnmatchedReason.SWAPPED_OUT))
    if match_a is None:
        unmatched.append(Unmatched(b, UnmatchedReason.SWAPPED_OUT))
    return _proposal(matches, unmatched)


def _replace_member(context: PairingContext, match: Match, leaving: int, coming: int) -> Match:
    """The match with one member replaced, re-checked against every hard constraint."""
    members = tuple(coming if person_id == leaving else person_id for person_id in match.members)
    joiner = coming if match.joined_as_third == leaving else match.joined_as_third
    problem = context.group_problem(members)
    if problem is not None:
        raise PairingError(f"swapping {leaving} for {coming} is not possible: {problem}")
    return build_match(context, members, joined_as_third=joiner, by_coordinator=True)
