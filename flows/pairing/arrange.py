"""Arranging a pool into pairs and triads: retries for people left out, repeats as last resort."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from flows.pairing.arrays import PoolArrays
from flows.pairing.graph import DEFAULT_CANDIDATE_LIMIT, SparseMatcher
from flows.pairing.scoring import PairingContext
from flows.pairing.triads import Pair, Placement, place_leftovers

# Retries with stranded people favoured; each retry runs the matching once more.
IMPROVEMENT_ROUNDS = 4


def placed_count(placement: Placement) -> int:
    """How many people a placement gives a partner."""
    return 2 * len(placement.pairs) + len(placement.joined)


def repeat_count(context: PairingContext, placement: Placement) -> int:
    """How many relations inside the placement's groups repeat a recent partnership."""
    repeats = sum(context.is_recent_repeat(a, b) for a, b in placement.pairs)
    return repeats + sum(
        context.is_recent_repeat(joiner, member)
        for host, joiner in placement.joined.items()
        for member in host
    )


def rank(context: PairingContext, placement: Placement) -> tuple[int, int, int]:
    """Placements compare by people placed, then groups (pairs over triads), then fewer repeats."""
    return placed_count(placement), len(placement.pairs), -repeat_count(context, placement)


def _arrange_once(
    context: PairingContext,
    ordered_ids: Sequence[int],
    limit: int,
    fixed_hosts: Sequence[Pair],
) -> Placement:
    """Pairs for the pool and thirds for the leftovers, retried while someone is stranded.

    A matching decides who pairs up before anyone joins as a third, so it can strand someone
    where another choice of pairs would not. Each retry favours the stranded people in the
    matching, so that someone else becomes the third; the best placement is kept.
    """
    matcher = SparseMatcher(context, ordered_ids, limit)
    host_people = [person_id for pair in fixed_hosts for person_id in pair]
    pool = (
        matcher.pool if not host_people else PoolArrays.build(context, [*ordered_ids, *host_people])
    )

    def attempt(favoured: set[int]) -> Placement:
        found = matcher.match(favoured)
        return place_leftovers(
            context,
            pool,
            [*found.pairs, *fixed_hosts],
            found.unmatched,
            breakable=found.pairs,
            reluctant=set(fixed_hosts),
        )

    latest = best = attempt(set())
    favoured: set[int] = set()
    for _round in range(IMPROVEMENT_ROUNDS):
        stranded = set(latest.stranded) - favoured
        if not stranded:
            break
        favoured |= stranded
        latest = attempt(favoured)
        if rank(context, latest) > rank(context, best):
            best = latest
    return best


def arrange(
    context: PairingContext,
    ordered_ids: Sequence[int],
    limit: int = DEFAULT_CANDIDATE_LIMIT,
    fixed_hosts: Sequence[Pair] = (),
) -> Placement:
    """Place as many people of the pool as possible; repeat a recent pair only when that helps.

    If the arrangement contains recent repeats, the pool is arranged once more with recent
    partners kept apart like a do-not-pair wish; that one wins when it places as many people
    in as many groups (a repeat is not avoided by turning pairs into triads).
    `fixed_hosts` are pairs outside the pool that may take in a third when no pair of the pool
    can, and stay as they are otherwise.
    """
    placement = _arrange_once(context, ordered_ids, limit, fixed_hosts)
    if not repeat_count(context, placement):
        return placement
    recent = frozenset(
        frozenset((person_id, partner))
        for person_id, partners in context.recent_partners.items()
        for partner in partners
    )
    strict = replace(context, do_not_pair=context.do_not_pair | recent)
    repeat_free = _arrange_once(strict, ordered_ids, limit, fixed_hosts)
    if rank(context, repeat_free)[:2] < rank(context, placement)[:2]:
        return placement
    # The strict run counts people whose only partners are recent ones as having none at all;
    # for them, partners exist but are taken.
    in_pool = set(ordered_ids)
    has_recent_partner = {
        person_id
        for person_id in repeat_free.without_partner
        if any(
            partner in in_pool and context.compatible(person_id, partner)
            for partner in context.recent_partners.get(person_id, ())
        )
    }
    return replace(
        repeat_free,
        stranded=[*repeat_free.stranded, *sorted(has_recent_partner)],
        without_partner=[p for p in repeat_free.without_partner if p not in has_recent_partner],
    )
