"""Placing people a matching left over: join a pair as its third, or take a partner's place."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import rustworkx as rx

from flows.pairing.arrays import PoolArrays
from flows.pairing.scoring import PAIR_SCORE_MAX, PairingContext

# Hosts looked at per leftover person (via their best-ranked partners); keeps a cohort with
# many more coachees than coaches fast.
HOST_OPTIONS = 32
# Stranded people for whom a reshuffle of one pair is tried.
SHIFT_LIMIT = 20

Pair = tuple[int, int]


@dataclass
class Placement:
    """Pairs, and which pairs took in a third person."""

    pairs: list[Pair]
    joined: dict[Pair, int] = field(default_factory=dict)
    stranded: list[int] = field(default_factory=list)
    without_partner: list[int] = field(default_factory=list)


def _host_problem_free(context: PairingContext, host: Pair, person_id: int) -> bool:
    """Whether this person may join this pair as a third member."""
    return context.group_problem((*host, person_id)) is None


# Above the points of any join, so that a willing host always wins over a reluctant one.
_WILLING_HOST = 2 * PAIR_SCORE_MAX + 1


def _join_weight(
    context: PairingContext, host: Pair, person_id: int, willing: bool, repeat_unit: int
) -> int:
    """Fewer recent repeats first, then a willing host, then the points of the new relations."""
    repeats = sum(context.is_recent_repeat(person_id, member) for member in host)
    points = sum(context.base_score(person_id, member) for member in host)
    return (2 - repeats) * repeat_unit + willing * _WILLING_HOST + points


def _hosts_of(
    context: PairingContext, person_id: int, partners: Sequence[int], pair_of: dict[int, Pair]
) -> list[Pair]:
    """The free pairs this person could join, found through their best-ranked partners."""
    hosts: list[Pair] = []
    for partner in partners:
        host = pair_of.get(partner)
        if host is not None and host not in hosts and _host_problem_free(context, host, person_id):
            hosts.append(host)
    return hosts


def place_leftovers(
    context: PairingContext,
    pool: PoolArrays,
    pairs: Sequence[Pair],
    leftovers: Sequence[int],
    breakable: Sequence[Pair] | None = None,
    reluctant: Collection[Pair] = (),
) -> Placement:
    """Let each leftover person join a different pair as its third member where allowed.

    Who joins where is itself a maximum-cardinality matching: as many people placed as
    possible, then the fewest repeats, then pairs not in `reluctant` (say, pairs of a running
    round), then the best soft score. `breakable` are the pairs a stranded person may take a
    place in (all `pairs` when None); people still left get one such reshuffle attempt each.
    Leftovers with no allowed partner in the pool at all are listed in `without_partner`.
    """
    placement = Placement(pairs=list(pairs))
    if not leftovers:
        return placement
    ranked = pool.ranked_partners(leftovers, HOST_OPTIONS)
    placement.without_partner = [person_id for person_id in leftovers if not ranked[person_id]]
    leftovers = [person_id for person_id in leftovers if ranked[person_id]]
    pair_of = {member: host for host in pairs for member in host}
    repeat_unit = (len(leftovers) + 1) * 2 * _WILLING_HOST
    graph = rx.PyGraph()
    graph.add_nodes_from(list(leftovers))
    host_node: dict[Pair, int] = {}
    for position, person_id in enumerate(leftovers):
        for host in _hosts_of(context, person_id, ranked[person_id], pair_of):
            if host not in host_node:
                host_node[host] = graph.add_node(host)
            willing = host not in reluctant
            weight = _join_weight(context, host, person_id, willing, repeat_unit)
            graph.add_edge(position, host_node[host], weight)
    joined: dict[Pair, int] = {}
    for a, b in rx.max_weight_matching(graph, max_cardinality=True, weight_fn=int):
        person_position, host_position = min(a, b), max(a, b)
        joined[graph[host_position]] = leftovers[person_position]
    placement.joined = joined
    placed = set(joined.values())
    placement.stranded = [person_id for person_id in leftovers if person_id not in placed]
    if len(placement.stranded) <= SHIFT_LIMIT:
        movable = set(pairs if breakable is None else breakable)
        _reshuffle(context, pool, placement, movable, ranked)
    return placement


def _reshuffle(
    context: PairingContext,
    pool: PoolArrays,
    placement: Placement,
    movable: set[Pair],
    ranked: dict[int, list[int]],
) -> None:
    """Place stranded people by taking a partner's place; the displaced one joins another pair.

    For stranded s with allowed partner v in pair (v, w): s pairs with v, and w joins a third
    pair that has room. Chosen by the fewest recent repeats, then the highest score.
    """
    # A displaced person's ranked partners depend only on the pool, which does not change here.
    ranked_displaced: dict[int, list[int]] = {}
    for person_id in list(placement.stranded):
        best: tuple[tuple[int, int], Pair, Pair, Pair] | None = None
        open_pairs = [pair for pair in placement.pairs if pair not in placement.joined]
        pair_of = {member: pair for pair in open_pairs if pair in movable for member in pair}
        for partner in ranked[person_id]:
            old = pair_of.get(partner)
            if old is None:
                continue
            displaced = old[0] if old[1] == partner else old[1]
            new_pair = (min(person_id, partner), max(person_id, partner))
            others = [host for host in open_pairs if host != old] + [new_pair]
            if displaced not in ranked_displaced:
                found = pool.ranked_partners([displaced], HOST_OPTIONS)
                ranked_displaced[displaced] = found[displaced]
            candidates = ranked_displaced[displaced]
            pair_of_others = {member: host for host in others for member in host}
            for host in _hosts_of(context, displaced, candidates, pair_of_others):
                repeats = int(context.is_recent_repeat(person_id, partner)) + sum(
                    context.is_recent_repeat(displaced, member) for member in host
                )
                points = context.base_score(person_id, partner) + sum(
                    context.base_score(displaced, member) for member in host
                )
                rank = (-repeats, points)
                if best is None or rank > best[0]:
                    best = (rank, old, new_pair, host)
        if best is None:
            continue
        _rank, old, new_pair, host = best
        displaced = next(member for member in old if member not in new_pair)
        placement.pairs = [pair for pair in placement.pairs if pair != old] + [new_pair]
        movable.discard(old)
        movable.add(new_pair)
        placement.joined[host] = displaced
        placement.stranded.remove(person_id)
