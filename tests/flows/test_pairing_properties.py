"""Property tests for pairing: random cohorts keep every hard constraint and drop nobody."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.pairing import (
    Candidate,
    ClassPreference,
    Match,
    PairingError,
    PairingHistory,
    PairingRules,
    PastMatch,
    Proposal,
    ReasonKind,
    RoundMode,
    UnmatchedReason,
    Wants,
    propose_round,
    repair,
    swap,
)

SLOTS = ("mon-am", "tue-pm", "wed-am", "thu-pm")
UPCOMING_ROUND = 5
FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass(frozen=True)
class Cohort:
    """A generated round: candidates, rules, history, wishes, locks and a seed."""

    candidates: tuple[Candidate, ...]
    rules: PairingRules
    history: PairingHistory
    do_not_pair: frozenset[frozenset[int]]
    locked: tuple[tuple[int, ...], ...]
    seed: int

    def propose(self) -> Proposal:
        """The proposal for this cohort."""
        return propose_round(
            self.candidates, self.rules, self.history, self.do_not_pair, self.locked, self.seed
        )


# An independent statement of the rules, so the tests do not trust the module's own checks.


def may_coach(coach: Candidate, coachee: Candidate) -> bool:
    """Whether the wishes allow coach to coach coachee."""
    return coach.wants is not Wants.BE_COACHED and coachee.wants is not Wants.COACH


def compatible(cohort: Cohort, a: int, b: int) -> bool:
    """Whether a and b may form a pair."""
    people = {c.person_id: c for c in cohort.candidates}
    first, second = people[a], people[b]
    if a == b or first.paused or second.paused or frozenset((a, b)) in cohort.do_not_pair:
        return False
    return may_coach(first, second) or may_coach(second, first)


def triad_allowed(cohort: Cohort, members: Sequence[int]) -> bool:
    """Whether three people may form a triad: no wish against it, two working relations."""
    relations = list(combinations(members, 2))
    if any(frozenset(relation) in cohort.do_not_pair for relation in relations):
        return False
    return sum(compatible(cohort, a, b) for a, b in relations) >= 2


def recent_pairs(cohort: Cohort) -> set[frozenset[int]]:
    """Relations within the cool-down of the round being paired."""
    cooldown = cohort.rules.repeat_cooldown_rounds
    return {
        frozenset(relation)
        for past in cohort.history.past_matches
        if UPCOMING_ROUND - past.round_number <= cooldown
        for relation in combinations(sorted(past.members), 2)
    }


def repeats_in(groups: Sequence[Sequence[int]], recent: set[frozenset[int]]) -> int:
    """How many relations inside the groups repeat a recent partnership."""
    return sum(
        frozenset(relation) in recent for group in groups for relation in combinations(group, 2)
    )


# Generated cohorts ------------------------------------------------------------------------


@st.composite
def cohorts(
    draw: st.DrawFn,
    max_size: int = 40,
    with_locks: bool = True,
    wishes: Sequence[Wants] = tuple(Wants),
    min_size: int = 0,
) -> Cohort:
    """Random cohorts: mixed wishes, classes, years, languages, pauses, wishes and history."""
    size = draw(st.integers(min_size, max_size))
    ids = draw(st.lists(st.integers(1, 10**12), min_size=size, max_size=size, unique=True))
    candidates = tuple(
        Candidate(
            person_id=person_id,
            wants=draw(st.sampled_from(wishes)),
            availability=frozenset(draw(st.sets(st.sampled_from(SLOTS), max_size=2))),
            class_name=draw(st.sampled_from([None, "1A", "1B", "2A"])),
            year=draw(st.sampled_from([None, 1, 2, 3])),
            language=draw(st.sampled_from(["nl", "en"])),
            paused=draw(st.integers(0, 9)) == 0,
        )
        for person_id in ids
    )
    rules = PairingRules(
        mode=draw(st.sampled_from(RoundMode)),
        class_preference=draw(st.sampled_from(ClassPreference)),
        older_coaches_younger=draw(st.booleans()),
        repeat_cooldown_rounds=draw(st.integers(0, 3)),
    )
    relations = list(combinations(ids, 2))
    some_relations = (
        st.lists(st.sampled_from(relations), max_size=size) if relations else st.just([])
    )
    do_not_pair = frozenset(frozenset(relation) for relation in draw(some_relations))
    past = tuple(
        PastMatch(draw(st.integers(1, UPCOMING_ROUND - 1)), frozenset(relation))
        for relation in draw(some_relations)
    )
    history = PairingHistory(
        past_matches=past,
        times_given={person_id: draw(st.integers(0, 3)) for person_id in ids},
        times_received={person_id: draw(st.integers(0, 3)) for person_id in ids},
        upcoming_round=UPCOMING_ROUND,
    )
    cohort = Cohort(candidates, rules, history, do_not_pair, (), draw(st.integers(0, 2**32)))
    if not with_locks:
        return cohort
    locked: list[tuple[int, ...]] = []
    used: set[int] = set()
    for a, b in draw(st.lists(st.sampled_from(relations), max_size=2)) if relations else []:
        if compatible(cohort, a, b) and not {a, b} & used:
            locked.append((a, b))
            used |= {a, b}
    return replace(cohort, locked=tuple(locked))


# Invariants -------------------------------------------------------------------------------


def assert_hard_constraints(cohort: Cohort, proposal: Proposal) -> None:
    """Every match keeps the wishes, pauses and locks; everyone is accounted for once."""
    people = {c.person_id: c for c in cohort.candidates}
    placed = [person_id for match in proposal.matches for person_id in match.members]
    listed = [entry.person_id for entry in proposal.unmatched]
    assert sorted(placed + listed) == sorted(people), "someone is missing or appears twice"
    for match in proposal.matches:
        assert len(match.members) in (2, 3)
        assert not any(people[person_id].paused for person_id in match.members)
        if len(match.members) == 2:
            assert compatible(cohort, *match.members)
        else:
            assert triad_allowed(cohort, match.members)
        taking_part = {person_id for relation in match.coach_of for person_id in relation}
        assert taking_part == set(match.members), "a member has no role"
        for coach, coachee in match.coach_of:
            assert may_coach(people[coach], people[coachee])
            if cohort.rules.mode is RoundMode.ONE_WAY:
                assert (coachee, coach) not in match.coach_of
    locked_matches = {match.members for match in proposal.matches if match.locked}
    assert locked_matches == {tuple(sorted(group)) for group in cohort.locked}


def assert_reasons_are_true(cohort: Cohort, proposal: Proposal) -> None:
    """Unmatched reasons and repeat reasons say what really holds."""
    people = {c.person_id: c for c in cohort.candidates}
    active = [person_id for person_id, person in people.items() if not person.paused]
    for entry in proposal.unmatched:
        has_partner = any(compatible(cohort, entry.person_id, other) for other in active)
        expected = {
            UnmatchedReason.PAUSED: people[entry.person_id].paused,
            UnmatchedReason.NO_COMPATIBLE_PARTNER: not has_partner,
            UnmatchedReason.PARTNERS_ALREADY_TAKEN: has_partner,
        }
        assert expected[entry.why], f"{entry} is not true"
    waiting = [
        entry.person_id for entry in proposal.unmatched if entry.why is not UnmatchedReason.PAUSED
    ]
    for a, b in combinations(waiting, 2):
        assert not compatible(cohort, a, b), f"{a} and {b} could have been paired"
    recent = recent_pairs(cohort)
    for match in proposal.matches:
        named = {
            frozenset(reason.people)
            for reason in match.reasons
            if reason.kind is ReasonKind.REPEAT_PAIR
        }
        assert named == {frozenset(r) for r in combinations(match.members, 2)} & recent


@settings(FAST, max_examples=75)
@given(cohorts())
def test_every_hard_constraint_holds_and_nobody_is_dropped(cohort: Cohort) -> None:
    proposal = cohort.propose()
    assert_hard_constraints(cohort, proposal)
    assert_reasons_are_true(cohort, proposal)


@settings(FAST, max_examples=30)
@given(cohorts())
def test_same_seed_same_proposal_whatever_the_input_order(cohort: Cohort) -> None:
    shuffled = replace(cohort, candidates=tuple(reversed(cohort.candidates)))
    assert cohort.propose() == shuffled.propose()


# Swap and repair ------------------------------------------------------------------------------


def group_allowed(cohort: Cohort, members: Sequence[int]) -> bool:
    """Whether a pair or triad keeps every hard constraint."""
    people = {c.person_id: c for c in cohort.candidates}
    if any(people[person_id].paused for person_id in members):
        return False
    if len(members) == 2:
        return compatible(cohort, *members)
    return triad_allowed(cohort, members)


def swapped(match: Match | None, leaving: int, coming: int) -> tuple[int, ...] | None:
    """A match's members after one is replaced, or None without a match."""
    if match is None:
        return None
    return tuple(coming if person_id == leaving else person_id for person_id in match.members)


@settings(FAST, max_examples=60)
@given(cohorts(max_size=16), st.data())
def test_swap_keeps_every_hard_constraint_or_refuses(cohort: Cohort, data: st.DataObject) -> None:
    proposal = cohort.propose()
    ids = sorted(c.person_id for c in cohort.candidates)
    if len(ids) < 2:
        return
    a, b = data.draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
    match_a, match_b = proposal.match_of(a), proposal.match_of(b)
    new_groups = [g for g in (swapped(match_a, a, b), swapped(match_b, b, a)) if g is not None]
    allowed = (
        bool(new_groups)
        and match_a != match_b
        and not any(match is not None and match.locked for match in (match_a, match_b))
        and all(group_allowed(cohort, group) for group in new_groups)
    )
    try:
        result = swap(
            proposal,
            a,
            b,
            candidates=cohort.candidates,
            rules=cohort.rules,
            history=cohort.history,
            do_not_pair=cohort.do_not_pair,
        )
    except PairingError:
        assert not allowed
        return
    assert allowed
    assert_hard_constraints(cohort, result)
    assert {tuple(sorted(group)) for group in new_groups} <= {m.members for m in result.matches}


@settings(FAST, max_examples=60)
@given(cohorts(max_size=20), st.data())
def test_repair_leaves_other_matches_alone(cohort: Cohort, data: st.DataObject) -> None:
    proposal = cohort.propose()
    free = [match for match in proposal.matches if not match.locked]
    if not free:
        return
    dissolved = data.draw(st.sampled_from(free))
    # The dissolved partners must not meet again; others waiting join them.
    waiting = [entry.person_id for entry in proposal.unmatched]
    to_pair = sorted({*dissolved.members, *waiting})
    wishes = cohort.do_not_pair | {frozenset(r) for r in combinations(dissolved.members, 2)}
    current = tuple(match for match in proposal.matches if match != dissolved)
    result = repair(
        to_pair, cohort.candidates, current, cohort.rules, cohort.history, wishes, cohort.seed
    )
    assert_hard_constraints(replace(cohort, do_not_pair=wishes), result)
    for match in current:
        kept = match in result.matches
        grown = any(
            set(match.members) < set(other.members) and other.joined_as_third in to_pair
            for other in result.matches
        )
        assert kept or grown, f"{match.members} was changed"


# Brute force on small cohorts ---------------------------------------------------------------


def groupings(cohort: Cohort, people: Sequence[int]) -> Iterator[list[tuple[int, ...]]]:
    """Every way to split people into allowed pairs and triads, leaving some out."""
    if not people:
        yield []
        return
    first, rest = people[0], list(people[1:])
    yield from groupings(cohort, rest)
    for position, second in enumerate(rest):
        without = [p for p in rest if p != second]
        if compatible(cohort, first, second):
            for grouping in groupings(cohort, without):
                yield [(first, second), *grouping]
        for third in rest[position + 1 :]:
            if triad_allowed(cohort, (first, second, third)):
                for grouping in groupings(cohort, [p for p in without if p != third]):
                    yield [(first, second, third), *grouping]


def assert_best_arrangement(cohort: Cohort) -> None:
    """As many people placed as any arrangement allows, in as many groups (pairs rather than
    triads); a recent repeat only when every such arrangement has one."""
    proposal = cohort.propose()
    recent = recent_pairs(cohort)
    placed = sum(len(match.members) for match in proposal.matches)
    repeats = repeats_in([match.members for match in proposal.matches], recent)
    active = [c.person_id for c in cohort.candidates if not c.paused]
    fewest_repeats: dict[tuple[int, int], int] = {}
    largest_matching = 0
    for grouping in groupings(cohort, active):
        size = (sum(len(group) for group in grouping), len(grouping))
        fewest_repeats[size] = min(fewest_repeats.get(size, size[0]), repeats_in(grouping, recent))
        if all(len(group) == 2 for group in grouping):
            largest_matching = max(largest_matching, len(grouping))
    best = max(fewest_repeats)
    # Every triad is a pair that took in a third, so the pairs underneath number as many as
    # the matches, and they form a largest matching.
    assert len(proposal.matches) == largest_matching
    assert (placed, len(proposal.matches)) == best
    if repeats:
        assert fewest_repeats[best] > 0, "a repeat-free arrangement was possible"


# Pairs come from an exact maximum matching, but placing leftovers as thirds is packing paths
# of three, NP-hard in general, so pairing.arrange uses retries. The example sets are fixed to
# keep the suite stable; random runs of 20,000 cohorts of up to nine found no counterexample.
@settings(FAST, max_examples=150, derandomize=True)
@given(cohorts(max_size=8, with_locks=False))
def test_most_people_placed_and_repeats_only_when_no_other_way(cohort: Cohort) -> None:
    assert_best_arrangement(cohort)


# Only coaches and only coachees: the case where the choice of pairs decides who can be a third.
@settings(FAST, max_examples=100, derandomize=True)
@given(cohorts(max_size=8, min_size=5, with_locks=False, wishes=(Wants.COACH, Wants.BE_COACHED)))
def test_one_sided_wishes_still_place_everyone_who_can_be_placed(cohort: Cohort) -> None:
    assert_best_arrangement(cohort)
