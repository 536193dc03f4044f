"""The sparse candidate graph: numpy scores agree with the pair rules; sparsity costs no pair."""

from __future__ import annotations

from itertools import combinations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.pairing import (
    Candidate,
    ClassPreference,
    PairingHistory,
    PairingRules,
    PastMatch,
    RoundMode,
    Wants,
    propose_round,
)
from flows.pairing.arrays import PoolArrays, split_key
from flows.pairing.graph import seeded_order
from flows.pairing.scoring import PairingContext

SLOTS = ("mon-am", "tue-pm", "wed-am")


@st.composite
def contexts(draw: st.DrawFn, max_size: int) -> PairingContext:
    """A pairing context for a random cohort of up to max_size people."""
    size = draw(st.integers(0, max_size))
    ids = list(range(1, size + 1))
    candidates = [
        Candidate(
            person_id=person_id,
            wants=draw(st.sampled_from(Wants)),
            availability=frozenset(draw(st.sets(st.sampled_from(SLOTS)))),
            class_name=draw(st.sampled_from([None, "4A", "4B"])),
            year=draw(st.sampled_from([None, 3, 4, 5])),
            language=draw(st.sampled_from(["nl", "en"])),
        )
        for person_id in ids
    ]
    relations = list(combinations(ids, 2))
    some = st.lists(st.sampled_from(relations), max_size=size) if relations else st.just([])
    history = PairingHistory(
        past_matches=tuple(PastMatch(draw(st.integers(1, 3)), frozenset(r)) for r in draw(some)),
        times_given={person_id: draw(st.integers(0, 4)) for person_id in ids},
        times_received={person_id: draw(st.integers(0, 4)) for person_id in ids},
    )
    rules = PairingRules(
        mode=draw(st.sampled_from(RoundMode)),
        class_preference=draw(st.sampled_from(ClassPreference)),
        older_coaches_younger=draw(st.booleans()),
        repeat_cooldown_rounds=draw(st.integers(0, 2)),
    )
    do_not_pair = frozenset(frozenset(r) for r in draw(some))
    return PairingContext.build(candidates, rules, history, do_not_pair, draw(st.integers(0, 99)))


@settings(deadline=None, max_examples=60)
@given(contexts(max_size=14))
def test_vectorised_scores_agree_with_the_pair_rules(context: PairingContext) -> None:
    ids = seeded_order(context.people, context.seed)
    pool = PoolArrays.build(context, ids)
    keys = pool.keys(np.arange(pool.size)).tolist()
    for row, a in enumerate(ids):
        for column, b in enumerate(ids):
            key = keys[row][column]
            assert key == keys[column][row], "scores must not depend on who is asked first"
            assert (key >= 0) == context.compatible(a, b)
            if key >= 0:
                roles = context.plan_roles((a, b))
                expected = (not context.is_recent_repeat(a, b), context.group_score((a, b), roles))
                assert split_key(key) == expected


# Widening is a heuristic (it adds neighbourhoods around unmatched people), so this example set
# is fixed; random runs of thousands of cohorts found no case where sparsity cost a pair.
@settings(
    deadline=None, max_examples=60, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(contexts(max_size=40))
def test_one_candidate_per_person_still_finds_a_largest_matching(context: PairingContext) -> None:
    def pairs_found(limit: int) -> int:
        proposal = propose_round(
            context.people.values(),
            context.rules,
            PairingHistory(),
            context.do_not_pair,
            seed=context.seed,
            candidate_limit=limit,
        )
        return len(proposal.matches)  # a triad is a pair that took in a third

    assert pairs_found(1) == pairs_found(10**6)
