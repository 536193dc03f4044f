"""The sparse candidate graph and its maximum-weight matching (rustworkx), widened where needed."""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import rustworkx as rx

from flows.pairing.arrays import PoolArrays, split_keys
from flows.pairing.scoring import PAIR_SCORE_MAX, PairingContext

# Partners kept per person: two thirds best-ranked, one third random (see candidate_graph).
# The matching's time grows with the edges: on 3,000 people about 0.3 s at 12 here.
DEFAULT_CANDIDATE_LIMIT = 12
# Unmatched people or repeat pairs up to this number get a wider neighbourhood, of this many
# best partners per person; widening is bounded so that a poor sparse graph stays cheap.
WIDENING_LIMIT = 200
WIDENING_PARTNERS = 64
WIDENING_ROUNDS = 3


def seeded_order(person_ids: Iterable[int], seed: int) -> list[int]:
    """The people in a seed-dependent order; ties in the matching follow this order."""
    ordered = sorted(person_ids)
    random.Random(seed).shuffle(ordered)
    return ordered


def weighted_edges(
    size: int, edges: dict[int, int], favoured: frozenset[int] = frozenset()
) -> list[tuple[int, int, int]]:
    """The graph as (row, row, integer weight) triples, the form matching libraries take.

    Avoiding a recent repeat outranks all soft points together. An edge also gains a tier per
    favoured end that outranks both, so a matching takes in as many favoured rows as it can,
    still at maximum cardinality.
    """
    repeat_free_weight = (size // 2 + 1) * (PAIR_SCORE_MAX + 1)
    favour_weight = (size // 2 + 1) * (repeat_free_weight + PAIR_SCORE_MAX + 1)
    ordered = sorted(edges.items())
    codes = np.array([code for code, _key in ordered], dtype=np.int64)
    keys = np.array([key for _code, key in ordered], dtype=np.int64)
    a, b = np.divmod(codes, size)
    repeat_free, score = split_keys(keys)
    weights = repeat_free * repeat_free_weight + score
    if favoured:
        chosen = np.array(sorted(favoured), dtype=np.int64)
        ends = np.isin(a, chosen).astype(np.int64) + np.isin(b, chosen)
        weights += favour_weight * ends
    return list(zip(a.tolist(), b.tolist(), weights.tolist(), strict=True))


def _solve(
    size: int, edges: dict[int, int], favoured: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """A maximum-cardinality matching of maximum weight, as sorted row pairs."""
    graph = rx.PyGraph()
    graph.add_nodes_from(range(size))
    graph.add_edges_from(weighted_edges(size, edges, favoured))
    matching = rx.max_weight_matching(graph, max_cardinality=True, weight_fn=int)
    return sorted((min(a, b), max(a, b)) for a, b in matching)


def candidate_graph(pool: PoolArrays, limit: int = DEFAULT_CANDIDATE_LIMIT) -> dict[int, int]:
    """The sparse graph: per person about two thirds best-ranked and one third random partners."""
    explore = limit // 3
    return pool.edges(np.arange(pool.size), limit - explore, explore=explore)


@dataclass(frozen=True)
class PoolMatching:
    """The pairs found for a pool, and who stayed unmatched."""

    pairs: list[tuple[int, int]]
    unmatched: list[int]


class SparseMatcher:
    """Matches one pool on its sparse candidate graph, widening the graph where needed.

    The graph keeps each person's best `limit` partners plus a few random ones. People the
    sparse graph leaves unmatched, and members of repeat pairs, get more of their neighbourhood
    added and the matching runs again, so that sparsity hardly ever costs a pair or forces a
    repeat. Added edges stay for later calls.
    """

    def __init__(
        self,
        context: PairingContext,
        ordered_ids: Sequence[int],
        limit: int = DEFAULT_CANDIDATE_LIMIT,
    ) -> None:
        """Build the pool's arrays and its sparse graph."""
        self.context = context
        self.limit = limit
        self.pool = PoolArrays.build(context, ordered_ids)
        self.edges = candidate_graph(self.pool, limit)
        self.widened: set[int] = set()

    def match(self, favoured: Collection[int] = ()) -> PoolMatching:
        """Most pairs; among those, most favoured people paired, fewest repeats, most points."""
        rows = frozenset(self.pool.row_of[person_id] for person_id in favoured)
        # Favoured people get a wider neighbourhood: they are the ones still in trouble.
        fresh = sorted(rows - self.widened)
        if fresh:
            self.widened.update(fresh)
            wider = self.pool.edges(np.array(fresh, dtype=np.int64), WIDENING_PARTNERS)
            for code, key in wider.items():
                self.edges.setdefault(code, key)
        pairs = _solve(self.pool.size, self.edges, rows)
        for _round in range(WIDENING_ROUNDS):
            if not _widen(self.context, self.pool, pairs, self.edges, self.widened, self.limit):
                break
            pairs = _solve(self.pool.size, self.edges, rows)
        matched = {row for pair in pairs for row in pair}
        ids = self.pool.ids
        return PoolMatching(
            pairs=[(min(ids[a], ids[b]), max(ids[a], ids[b])) for a, b in pairs],
            unmatched=[ids[row] for row in range(self.pool.size) if row not in matched],
        )


def _widen(
    context: PairingContext,
    pool: PoolArrays,
    pairs: list[tuple[int, int]],
    edges: dict[int, int],
    widened: set[int],
    limit: int,
) -> int:
    """Add edges where sparsity may have cost a pair or forced a repeat; returns how many.

    A few unmatched people or repeat pairs get a wider neighbourhood (all partners in pools up
    to WIDENING_PARTNERS), and so do the partners of their neighbours, which makes short
    augmenting paths of the full graph visible to the next matching. Many unmatched people
    (say, far fewer coaches than coachees) only get their best edges among themselves, which
    keeps the graph small.
    """
    ids = pool.ids
    mate: dict[int, int] = {}
    for a, b in pairs:
        mate[a], mate[b] = b, a
    unmatched = [row for row in range(pool.size) if row not in mate]
    repeats = {row for a, b in pairs if context.is_recent_repeat(ids[a], ids[b]) for row in (a, b)}
    # A single unmatched person cannot gain a partner: an augmenting path needs two ends.
    trouble = repeats | (set(unmatched) if len(unmatched) >= 2 else set())
    before = len(edges)
    if len(trouble) > WIDENING_LIMIT:
        rows = np.array(unmatched, dtype=np.int64)
        for code, key in pool.edges(rows, limit, columns=rows).items():
            edges.setdefault(code, key)
        return len(edges) - before
    neighbours: dict[int, set[int]] = {row: set() for row in trouble}
    for code in edges:
        a, b = divmod(code, pool.size)
        if a in neighbours:
            neighbours[a].add(b)
        if b in neighbours:
            neighbours[b].add(a)
    reach = {mate[n] for row in trouble for n in neighbours[row] if n in mate}
    focus = (trouble | reach) - widened
    if not focus:
        return 0
    widened |= focus
    for code, key in pool.edges(np.array(sorted(focus)), WIDENING_PARTNERS).items():
        edges.setdefault(code, key)
    return len(edges) - before
