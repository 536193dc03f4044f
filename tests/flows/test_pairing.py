"""Pairing peer coaches: each hard constraint, each preference, triads, swap and repair."""

from __future__ import annotations

import pytest

from flows.pairing import (
    Candidate,
    ClassPreference,
    Match,
    PairingError,
    PairingHistory,
    PairingRules,
    PastMatch,
    Proposal,
    Reason,
    ReasonKind,
    RoundMode,
    Unmatched,
    UnmatchedReason,
    Wants,
    propose_round,
    repair,
    swap,
)

ONE_WAY = PairingRules(mode=RoundMode.ONE_WAY)
# Ties are broken by the seed, so a preference is only shown to work if it holds for several.
SEEDS = range(6)


def person(
    person_id: int,
    wants: Wants = Wants.BOTH,
    slots: tuple[str, ...] = ("tue-pm",),
    class_name: str | None = None,
    year: int | None = None,
    language: str = "nl",
    paused: bool = False,
) -> Candidate:
    """A candidate with sensible defaults: wants both, free on Tuesday afternoon, Dutch."""
    return Candidate(person_id, wants, frozenset(slots), class_name, year, language, paused)


def groups(proposal: Proposal) -> set[tuple[int, ...]]:
    """The members of every match."""
    return {match.members for match in proposal.matches}


def only_match(proposal: Proposal) -> Match:
    """The single match of a proposal."""
    assert len(proposal.matches) == 1
    return proposal.matches[0]


def blocked(*pairs: tuple[int, int]) -> frozenset[frozenset[int]]:
    """Do-not-pair wishes."""
    return frozenset(frozenset(pair) for pair in pairs)


# Hard constraints ----------------------------------------------------------------------


def test_paused_people_are_listed_and_never_matched() -> None:
    proposal = propose_round([person(1), person(2), person(3, paused=True)])
    assert groups(proposal) == {(1, 2)}
    assert proposal.unmatched == (Unmatched(3, UnmatchedReason.PAUSED),)


def test_do_not_pair_wish_is_honoured_even_when_it_costs_the_best_pair() -> None:
    # 1 and 2 share everything, yet 1 asked not to be paired with 2.
    candidates = [
        person(1, slots=("tue-pm",), class_name="2A"),
        person(2, slots=("tue-pm",), class_name="2A"),
        person(3, slots=("wed-am",), class_name="2B"),
        person(4, slots=("wed-am",), class_name="2B"),
    ]
    rules = PairingRules(class_preference=ClassPreference.SAME)
    for seed in SEEDS:
        proposal = propose_round(candidates, rules, do_not_pair=blocked((1, 2)), seed=seed)
        assert (1, 2) not in groups(proposal)
        assert len(proposal.matches) == 2


def test_someone_whose_only_candidate_is_blocked_is_told_why() -> None:
    proposal = propose_round([person(1), person(2)], do_not_pair=blocked((1, 2)))
    assert proposal.matches == ()
    assert proposal.unmatched == (
        Unmatched(1, UnmatchedReason.NO_COMPATIBLE_PARTNER),
        Unmatched(2, UnmatchedReason.NO_COMPATIBLE_PARTNER),
    )


def test_locked_pair_stays_together_against_preferences() -> None:
    candidates = [
        person(1, slots=("tue-pm",)),
        person(2, slots=("tue-pm",)),
        person(3, slots=("wed-am",)),
        person(4, slots=("wed-am",)),
    ]
    proposal = propose_round(candidates, locked=[(1, 3)])
    assert groups(proposal) == {(1, 3), (2, 4)}
    locked_match = proposal.match_of(1)
    assert locked_match is not None and locked_match.locked
    assert locked_match.has_reason(ReasonKind.LOCKED)


@pytest.mark.parametrize(
    ("locked", "wishes", "message"),
    [
        ([(1, 2)], blocked((1, 2)), "asked not to be paired"),
        ([(1, 4)], frozenset(), "paused"),
        ([(1, 2), (2, 3)], frozenset(), "two locked matches"),
        ([(1, 99)], frozenset(), "not a candidate"),
    ],
)
def test_locked_match_that_breaks_a_hard_constraint_is_refused(
    locked: list[tuple[int, int]], wishes: frozenset[frozenset[int]], message: str
) -> None:
    candidates = [person(1), person(2), person(3), person(4, paused=True)]
    with pytest.raises(PairingError, match=message):
        propose_round(candidates, do_not_pair=wishes, locked=locked)


def test_one_way_round_pairs_a_coach_with_someone_who_wants_coaching() -> None:
    candidates = [person(1, Wants.COACH), person(2, Wants.COACH), person(3, Wants.BE_COACHED)]
    proposal = propose_round(candidates, ONE_WAY)
    match = only_match(proposal)
    # Two coaches never coach each other; the coachee gets one of them, or both in a triad.
    assert all(coachee == 3 for _coach, coachee in match.coach_of)
    assert {coach for coach, _ in match.coach_of} <= {1, 2}


def test_two_coach_only_people_are_not_paired() -> None:
    proposal = propose_round([person(1, Wants.COACH), person(2, Wants.COACH)])
    assert proposal.matches == ()
    assert {entry.why for entry in proposal.unmatched} == {UnmatchedReason.NO_COMPATIBLE_PARTNER}


def test_one_way_round_has_a_single_direction_even_when_both_could_coach() -> None:
    match = only_match(propose_round([person(1), person(2)], ONE_WAY))
    assert len(match.coach_of) == 1


def test_reciprocal_round_lets_partners_coach_each_other() -> None:
    match = only_match(propose_round([person(1), person(2)]))
    assert match.coach_of == ((1, 2), (2, 1))
    assert not match.has_reason(ReasonKind.ONE_WAY_BY_WISHES)


def test_reciprocal_round_respects_someone_who_only_wants_to_coach() -> None:
    match = only_match(propose_round([person(1, Wants.COACH), person(2)]))
    assert match.coach_of == ((1, 2),)
    assert match.has_reason(ReasonKind.ONE_WAY_BY_WISHES)


# Soft preferences ----------------------------------------------------------------------


def test_recent_partners_are_not_paired_again_when_others_are_free() -> None:
    history = PairingHistory(
        past_matches=(PastMatch(1, frozenset({1, 2})), PastMatch(1, frozenset({3, 4}))),
    )
    for seed in SEEDS:
        proposal = propose_round([person(i) for i in (1, 2, 3, 4)], history=history, seed=seed)
        assert groups(proposal).isdisjoint({(1, 2), (3, 4)})
        assert all(match.has_reason(ReasonKind.NEW_PAIR) for match in proposal.matches)


def test_a_repeat_is_made_and_named_when_no_one_else_is_there() -> None:
    history = PairingHistory(past_matches=(PastMatch(4, frozenset({1, 2})),))
    match = only_match(propose_round([person(1), person(2)], history=history))
    assert Reason(ReasonKind.REPEAT_PAIR, (1, 2)) in match.reasons


def test_partners_beyond_the_cool_down_count_as_earlier_partners() -> None:
    history = PairingHistory(past_matches=(PastMatch(1, frozenset({1, 2})),), upcoming_round=6)
    rules = PairingRules(repeat_cooldown_rounds=3)
    match = only_match(propose_round([person(1), person(2)], rules, history))
    assert match.has_reason(ReasonKind.EARLIER_PARTNER)
    assert not match.has_reason(ReasonKind.REPEAT_PAIR)


def test_shared_availability_brings_people_together_and_names_the_slots() -> None:
    candidates = [
        person(1, slots=("tue-pm", "thu-am")),
        person(2, slots=("wed-am",)),
        person(3, slots=("thu-am", "tue-pm")),
        person(4, slots=("wed-am", "fri-pm")),
    ]
    for seed in SEEDS:
        proposal = propose_round(candidates, seed=seed)
        assert groups(proposal) == {(1, 3), (2, 4)}
    match = proposal.match_of(1)
    assert match is not None
    assert Reason(ReasonKind.SHARED_AVAILABILITY, slots=("thu-am", "tue-pm")) in match.reasons


@pytest.mark.parametrize(
    ("preference", "expected", "reason"),
    [
        (ClassPreference.SAME, {(1, 2), (3, 4)}, ReasonKind.SAME_CLASS),
        (ClassPreference.ACROSS, {(1, 3), (1, 4), (2, 3), (2, 4)}, ReasonKind.OTHER_CLASS),
    ],
)
def test_class_preference_decides_within_or_across_classes(
    preference: ClassPreference, expected: set[tuple[int, int]], reason: ReasonKind
) -> None:
    candidates = [
        person(1, class_name="3A"),
        person(2, class_name="3A"),
        person(3, class_name="3B"),
        person(4, class_name="3B"),
    ]
    rules = PairingRules(class_preference=preference)
    for seed in SEEDS:
        proposal = propose_round(candidates, rules, seed=seed)
        assert groups(proposal) <= expected
        assert all(match.has_reason(reason) for match in proposal.matches)


def test_without_class_preference_seeds_mix_classes_either_way() -> None:
    candidates = [person(1, class_name="3A"), person(2, class_name="3A")]
    candidates += [person(3, class_name="3B"), person(4, class_name="3B")]
    outcomes = {frozenset(groups(propose_round(candidates, seed=seed))) for seed in range(20)}
    assert frozenset({(1, 2), (3, 4)}) in outcomes
    assert len(outcomes) > 1


def test_same_language_is_preferred() -> None:
    candidates = [person(1), person(2, language="en"), person(3), person(4, language="en")]
    for seed in SEEDS:
        proposal = propose_round(candidates, seed=seed)
        assert groups(proposal) == {(1, 3), (2, 4)}
        assert all(match.has_reason(ReasonKind.SAME_LANGUAGE) for match in proposal.matches)


def test_older_student_coaches_the_younger_one_when_the_rule_is_on() -> None:
    rules = PairingRules(mode=RoundMode.ONE_WAY, older_coaches_younger=True)
    for seed in SEEDS:
        match = only_match(propose_round([person(1, year=1), person(2, year=4)], rules, seed=seed))
        assert match.coach_of == ((2, 1),)
        assert Reason(ReasonKind.OLDER_COACHES_YOUNGER, (2, 1)) in match.reasons


def test_whoever_received_more_coaching_now_gives_it() -> None:
    history = PairingHistory(times_given={1: 0, 2: 3}, times_received={1: 3, 2: 0})
    for seed in SEEDS:
        match = only_match(propose_round([person(1), person(2)], ONE_WAY, history, seed=seed))
        assert match.coach_of == ((1, 2),)
        assert Reason(ReasonKind.BALANCES_GIVING, (1, 2)) in match.reasons


# Triads and people left over -------------------------------------------------------------


def test_odd_number_makes_one_triad_with_rotating_roles() -> None:
    proposal = propose_round([person(i) for i in range(1, 6)])
    sizes = sorted(len(match.members) for match in proposal.matches)
    assert sizes == [2, 3]
    triad = next(match for match in proposal.matches if len(match.members) == 3)
    assert triad.joined_as_third in triad.members
    assert Reason(ReasonKind.JOINED_AS_THIRD, (triad.joined_as_third,)) in triad.reasons
    coaches = sorted(coach for coach, _ in triad.coach_of)
    coachees = sorted(coachee for _, coachee in triad.coach_of)
    assert coaches == coachees == list(triad.members)
    assert proposal.unmatched == ()


def test_one_way_triad_gives_a_coach_two_coachees() -> None:
    candidates = [person(1, Wants.COACH), person(2, Wants.BE_COACHED), person(3, Wants.BE_COACHED)]
    match = only_match(propose_round(candidates, ONE_WAY))
    assert match.coach_of == ((1, 2), (1, 3))


def test_triads_are_formed_so_that_no_recent_partners_meet_again() -> None:
    # Two coaches and four coachees make two triads; 3 met 4 and 5 met 9 last round, and
    # 5 asked not to be with 8. Only 3 with 8 and 9, and 7 with 4 and 5, avoids every repeat.
    coachees = [person(i, Wants.BE_COACHED) for i in (4, 5, 8, 9)]
    candidates = [person(3, Wants.COACH), person(7, Wants.COACH), *coachees]
    history = PairingHistory(
        past_matches=(PastMatch(3, frozenset({3, 4})), PastMatch(3, frozenset({5, 9}))),
    )
    for seed in SEEDS:
        proposal = propose_round(
            candidates, ONE_WAY, history, do_not_pair=blocked((5, 8)), seed=seed
        )
        assert groups(proposal) == {(3, 8, 9), (4, 5, 7)}
        assert not any(match.has_reason(ReasonKind.REPEAT_PAIR) for match in proposal.matches)


def test_person_compatible_only_with_locked_people_hears_partners_were_taken() -> None:
    candidates = [person(1, Wants.COACH), person(2, Wants.BE_COACHED), person(3, Wants.COACH)]
    proposal = propose_round(candidates, ONE_WAY, locked=[(1, 2)])
    assert proposal.unmatched == (Unmatched(3, UnmatchedReason.PARTNERS_ALREADY_TAKEN),)


def test_triad_never_includes_a_do_not_pair_wish() -> None:
    proposal = propose_round([person(1), person(2), person(3)], do_not_pair=blocked((1, 3)))
    assert groups(proposal) == {(1, 2)} or groups(proposal) == {(2, 3)}
    assert [entry.why for entry in proposal.unmatched] == [UnmatchedReason.PARTNERS_ALREADY_TAKEN]


# Determinism -----------------------------------------------------------------------------


def test_same_seed_gives_the_same_proposal_whatever_the_input_order() -> None:
    candidates = [person(i, slots=("tue-pm",) if i % 3 else ("wed-am",)) for i in range(20)]
    first = propose_round(candidates, seed=11)
    assert propose_round(list(reversed(candidates)), seed=11) == first


def test_other_seeds_break_ties_differently() -> None:
    candidates = [person(i) for i in range(10)]
    proposals = {frozenset(groups(propose_round(candidates, seed=seed))) for seed in range(8)}
    assert len(proposals) > 1


# Swap ------------------------------------------------------------------------------------


def round_of_four() -> tuple[list[Candidate], Proposal]:
    """Four people in two pairs: (1, 2) share Tuesday, (3, 4) share Wednesday."""
    candidates = [
        person(1, slots=("tue-pm",)),
        person(2, slots=("tue-pm",)),
        person(3, slots=("wed-am",)),
        person(4, slots=("wed-am",)),
    ]
    proposal = propose_round(candidates)
    assert groups(proposal) == {(1, 2), (3, 4)}
    return candidates, proposal


def test_swap_exchanges_two_people_and_recomputes_reasons() -> None:
    candidates, proposal = round_of_four()
    swapped = swap(proposal, 2, 3, candidates=candidates)
    assert groups(swapped) == {(1, 3), (2, 4)}
    for match in swapped.matches:
        assert match.has_reason(ReasonKind.CHOSEN_BY_COORDINATOR)
        assert match.has_reason(ReasonKind.NO_SHARED_AVAILABILITY)


def test_swap_that_breaks_a_do_not_pair_wish_is_refused() -> None:
    candidates, proposal = round_of_four()
    with pytest.raises(PairingError, match="asked not to be paired"):
        swap(proposal, 2, 3, candidates=candidates, do_not_pair=blocked((1, 3)))


def test_swap_inside_one_match_or_with_a_locked_match_is_refused() -> None:
    candidates, _ = round_of_four()
    proposal = propose_round(candidates, locked=[(1, 2)])
    with pytest.raises(PairingError, match="already together"):
        swap(proposal, 3, 4, candidates=candidates)
    with pytest.raises(PairingError, match="locked"):
        swap(proposal, 1, 3, candidates=candidates)


def test_swapping_in_an_unmatched_person_lists_the_one_taken_out() -> None:
    # One coach for three coachees: a triad, and one coachee left without a partner.
    candidates = [person(1, Wants.COACH)] + [person(i, Wants.BE_COACHED) for i in (2, 3, 4)]
    proposal = propose_round(candidates, ONE_WAY)
    [left_out] = proposal.unmatched
    assert left_out.why is UnmatchedReason.PARTNERS_ALREADY_TAKEN
    triad = only_match(proposal)
    insider = next(member for member in triad.members if member != 1)
    swapped = swap(proposal, left_out.person_id, insider, candidates=candidates, rules=ONE_WAY)
    assert swapped.unmatched == (Unmatched(insider, UnmatchedReason.SWAPPED_OUT),)
    new_triad = only_match(swapped)
    assert left_out.person_id in new_triad.members
    assert (1, left_out.person_id) in new_triad.coach_of


# Repair ----------------------------------------------------------------------------------


def test_repair_pairs_the_people_concerned_and_leaves_other_matches_alone() -> None:
    candidates = [person(i) for i in range(1, 7)]
    untouched = propose_round([person(5), person(6)]).matches
    # 1 and 2 had no click and 3 and 4 too; neither pair may meet again.
    wishes = blocked((1, 2), (3, 4))
    repaired = repair([1, 2, 3, 4], candidates, untouched, do_not_pair=wishes)
    assert set(untouched) <= set(repaired.matches)
    new = [match for match in repaired.matches if match not in untouched]
    assert {match.members for match in new} in ({(1, 3), (2, 4)}, {(1, 4), (2, 3)})
    assert repaired.unmatched == ()


def test_repair_adds_a_lone_person_to_an_existing_pair_as_third() -> None:
    candidates = [person(i) for i in range(1, 4)]
    current = propose_round([person(1), person(2)]).matches
    repaired = repair([3], candidates, current)
    triad = only_match(repaired)
    assert triad.members == (1, 2, 3)
    assert triad.joined_as_third == 3


def test_repair_makes_a_triad_with_a_new_pair_before_touching_a_running_one() -> None:
    # 5 would fit best with 1 and 2 (shared Wednesday), yet their running pair stays as it is.
    candidates = [
        person(1, slots=("wed-am",)),
        person(2, slots=("wed-am",)),
        person(3, slots=("tue-pm",)),
        person(4, slots=("tue-pm",)),
        person(5, slots=("wed-am",)),
    ]
    current = propose_round(candidates[:2]).matches
    repaired = repair([3, 4, 5], candidates, current)
    assert groups(repaired) == {(1, 2), (3, 4, 5)}
    assert set(current) <= set(repaired.matches)


def test_repair_without_joining_existing_pairs_reports_the_lone_person() -> None:
    candidates = [person(i) for i in range(1, 4)]
    current = propose_round([person(1), person(2)]).matches
    repaired = repair([3], candidates, current, join_existing=False)
    assert repaired.matches == current
    assert repaired.unmatched == (Unmatched(3, UnmatchedReason.PARTNERS_ALREADY_TAKEN),)


def test_repair_refuses_someone_who_still_has_a_match() -> None:
    candidates = [person(i) for i in range(1, 4)]
    current = propose_round([person(1), person(2)]).matches
    with pytest.raises(PairingError, match="already have a match"):
        repair([2, 3], candidates, current)
