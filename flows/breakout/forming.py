"""Forming breakout groups by the cohort's pairing rules: wishes first, then fresh company."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from flows.pairing.graph import seeded_order
from flows.pairing.scoring import PAIR_SCORE_MAX, PairingContext

# A broken do-not-pair wish outweighs any number of soft points; a recent repeat outweighs
# the soft points of a whole group, so fresh company wins before class, language or slots.
_WISH_BROKEN = 1_000_000
_REPEAT = 4 * PAIR_SCORE_MAX
# Passes of pairwise swaps; each pass only keeps improvements, so a few are plenty.
_PASSES = 6


def group_sizes(count: int, size: int) -> tuple[int, ...]:
    """How many people each group gets: as many groups of at least `size` as fit, evened out."""
    if count < size:
        return (count,) if count else ()
    groups = count // size
    base, extra = divmod(count, groups)
    return tuple(base + 1 if index < extra else base for index in range(groups))


def form_groups(
    context: PairingContext, people: Sequence[int], size: int, seed: int
) -> tuple[tuple[int, ...], ...]:
    """Split people into groups of about `size`, respecting do-not-pair wishes where possible.

    Then fewest recent repeats, then the highest soft score (new partners, class, language).
    Same people and seed give the same groups; the first member of a group is listed first.
    """
    order = [p for p in seeded_order(list(people), seed) if p in context.people]
    sizes = group_sizes(len(order), size)
    groups: list[list[int]] = []
    start = 0
    for length in sizes:
        groups.append(order[start : start + length])
        start += length
    for _ in range(_PASSES):
        if not _improve(context, groups):
            break
    return tuple(tuple(group) for group in groups)


def group_cost(context: PairingContext, members: Sequence[int]) -> int:
    """Lower is better: broken wishes, then recent repeats, minus the soft points."""
    cost = 0
    for a, b in combinations(members, 2):
        if context.forbidden(a, b):
            cost += _WISH_BROKEN
        if context.is_recent_repeat(a, b):
            cost += _REPEAT
        cost -= context.base_score(a, b)
    return cost


def _improve(context: PairingContext, groups: list[list[int]]) -> bool:
    """One pass of swapping two people between groups when that lowers the total cost."""
    improved = False
    for first, second in combinations(range(len(groups)), 2):
        for i in range(len(groups[first])):
            for j in range(len(groups[second])):
                a, b = groups[first][i], groups[second][j]
                before = group_cost(context, groups[first]) + group_cost(context, groups[second])
                groups[first][i], groups[second][j] = b, a
                after = group_cost(context, groups[first]) + group_cost(context, groups[second])
                if after < before:
                    improved = True
                else:
                    groups[first][i], groups[second][j] = a, b
    return improved
