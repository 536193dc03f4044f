"""The no-repeats rule: with it on, nobody meets an earlier partner again, however long ago,
and whoever stays alone because of it is named with that reason."""

from __future__ import annotations

import pytest

from flows.pairing import (
    MEMBER_ERASED,
    Candidate,
    PairingError,
    PairingHistory,
    PairingRules,
    PastMatch,
    ReasonKind,
    Unmatched,
    UnmatchedReason,
    Wants,
    keeps_apart,
    propose_round,
    repair,
    swap,
)

HARD = PairingRules(no_repeats=True)
SEEDS = range(8)


def person(person_id: int, wants: Wants = Wants.BOTH) -> Candidate:
    """A candidate who wants both and shares Tuesday afternoon with everyone."""
    return Candidate(person_id, wants, frozenset({"tue-pm"}))


def history(*groups: tuple[int, ...], upcoming: int = 2) -> PairingHistory:
    """Earlier matches, all from round 1 unless the cool-down is what the test is about."""
    return PairingHistory(
        past_matches=tuple(PastMatch(1, frozenset(g)) for g in groups), upcoming_round=upcoming
    )


def pairs_of(members: list[tuple[int, ...]]) -> set[frozenset[int]]:
    """Every two people who share a match."""
    return {frozenset((a, b)) for group in members for a in group for b in group if a < b}


def test_a_lone_earlier_pair_is_not_paired_again_and_both_hear_why() -> None:
    proposal = propose_round([person(1), person(2)], HARD, history((1, 2)))
    assert proposal.matches == ()
    assert proposal.unmatched == (
        Unmatched(1, UnmatchedReason.ONLY_PREVIOUS_PARTNERS),
        Unmatched(2, UnmatchedReason.ONLY_PREVIOUS_PARTNERS),
    )


def test_without_the_rule_the_same_pair_is_made_as_a_repeat() -> None:
    proposal = propose_round([person(1), person(2)], PairingRules(), history((1, 2)))
    assert [m.members for m in proposal.matches] == [(1, 2)]


def test_partners_from_long_ago_stay_apart_too() -> None:
    # Beyond the cool-down a repeat is only a preference; the rule bars it anyway.
    old = history((1, 2), upcoming=20)
    assert propose_round([person(1), person(2)], HARD, old).matches == ()


@pytest.mark.parametrize("seed", SEEDS)
def test_second_round_of_four_makes_only_new_pairs(seed: int) -> None:
    first = history((1, 2), (3, 4))
    proposal = propose_round([person(i) for i in (1, 2, 3, 4)], HARD, first, seed=seed)
    assert len(proposal.matches) == 2 and proposal.unmatched == ()
    assert pairs_of([m.members for m in proposal.matches]).isdisjoint(pairs_of([(1, 2), (3, 4)]))


@pytest.mark.parametrize("seed", SEEDS)
def test_triads_never_hold_two_earlier_partners(seed: int) -> None:
    # Five people, round 1 had (1,2,3) and (4,5): no triad may bring any of them together.
    earlier = history((1, 2, 3), (4, 5))
    proposal = propose_round([person(i) for i in range(1, 6)], HARD, earlier, seed=seed)
    made = pairs_of([m.members for m in proposal.matches])
    assert made.isdisjoint(pairs_of([(1, 2, 3), (4, 5)]))
    placed = {uid for m in proposal.matches for uid in m.members}
    assert placed | {u.person_id for u in proposal.unmatched} == {1, 2, 3, 4, 5}


def test_only_the_one_whose_every_fit_was_a_partner_is_named_for_it() -> None:
    # 1 was with 2 and 3; 2 and 3 never met. 1 is the one left, and the reason says why.
    earlier = history((1, 2), (1, 3))
    proposal = propose_round([person(i) for i in (1, 2, 3)], HARD, earlier)
    assert [m.members for m in proposal.matches] == [(2, 3)]
    assert proposal.unmatched == (Unmatched(1, UnmatchedReason.ONLY_PREVIOUS_PARTNERS),)


def test_someone_with_no_fit_at_all_keeps_the_plain_reason() -> None:
    # Two who only want to coach never fit, partners before or not.
    coaches = [person(1, Wants.COACH), person(2, Wants.COACH)]
    proposal = propose_round(coaches, HARD, history((1, 2)))
    reasons = {u.why for u in proposal.unmatched}
    assert reasons == {UnmatchedReason.NO_COMPATIBLE_PARTNER}


def test_a_swap_into_an_earlier_pair_is_refused() -> None:
    earlier = history((1, 3))
    candidates = [person(i) for i in (1, 2, 3, 4)]
    proposal = propose_round(candidates, HARD, earlier)
    assert pairs_of([m.members for m in proposal.matches]).isdisjoint({frozenset((1, 3))})
    partner_of_1 = next(uid for uid in proposal.match_of(1).members if uid != 1)  # type: ignore[union-attr]
    with pytest.raises(PairingError, match="partners before"):
        swap(proposal, partner_of_1, 3, candidates=candidates, rules=HARD, history=earlier)


def test_a_re_pairing_keeps_earlier_partners_apart() -> None:
    proposal = repair([1, 2], [person(1), person(2)], [], HARD, history((1, 2)))
    assert proposal.matches == ()
    assert {u.why for u in proposal.unmatched} == {UnmatchedReason.ONLY_PREVIOUS_PARTNERS}


def test_the_rest_of_a_match_an_erasure_ended_may_be_paired_again() -> None:
    # Bram (2) erased his data: the triad's match keeps 1 and 3, who never chose to part.
    erased = PairingHistory(
        past_matches=(PastMatch(1, frozenset({1, 3}), keeps_apart=False),), upcoming_round=2
    )
    run = propose_round([person(1), person(3)], HARD, erased)
    (match,) = run.matches
    assert match.members == (1, 3) and run.unmatched == ()
    assert match.has_reason(ReasonKind.REPEAT_PAIR)  # still shown as partners before
    again = repair([1, 3], [person(1), person(3)], [], HARD, erased)
    assert [m.members for m in again.matches] == [(1, 3)]


def test_only_an_erasure_lifts_the_rule() -> None:
    assert not keeps_apart("dissolved", MEMBER_ERASED)
    for status, reason in [
        ("dissolved", "no_click"),
        ("dissolved", "partner_left"),
        ("dissolved", "coordinator_ended"),
        ("dissolved", "unreachable"),
        ("closed", None),
        ("active", None),
    ]:
        assert keeps_apart(status, reason)
