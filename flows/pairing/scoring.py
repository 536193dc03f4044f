"""Hard constraints, soft scores, roles and reasons for one pair or triad, in plain Python."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, product

from flows.pairing.model import (
    Candidate,
    ClassPreference,
    PairingError,
    PairingHistory,
    PairingRules,
    RoundMode,
)

# Soft-preference points. Their sizes encode priorities: a shared slot and a shared language
# weigh most because without them partners hardly manage to meet or talk.
NEW_PAIR_BONUS = 20
FIRST_SHARED_SLOT_BONUS = 30
EXTRA_SHARED_SLOT_BONUS = 5
MAX_EXTRA_SHARED_SLOTS = 2
CLASS_BONUS = 25
LANGUAGE_BONUS = 30
RECIPROCITY_BONUS = 50
OLDER_COACH_BONUS = 25
BALANCE_STEP = 5
BALANCE_CAP = 3
# The highest soft score a pair can reach; the matching uses it to rank avoiding repeats above
# every combination of other preferences.
PAIR_SCORE_MAX = (
    NEW_PAIR_BONUS
    + FIRST_SHARED_SLOT_BONUS
    + EXTRA_SHARED_SLOT_BONUS * MAX_EXTRA_SHARED_SLOTS
    + CLASS_BONUS
    + LANGUAGE_BONUS
    + max(RECIPROCITY_BONUS, OLDER_COACH_BONUS + 2 * BALANCE_STEP * BALANCE_CAP)
)

_MASK64 = (1 << 64) - 1

Direction = tuple[int, int]


def mix64(value: int) -> int:
    """The splitmix64 finaliser: spreads bits so neighbouring ids get unrelated tie-breaks."""
    z = (value + 0x9E3779B97F4A7C15) & _MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return z ^ (z >> 31)


def balance_credits(history: PairingHistory, person_id: int) -> tuple[int, int]:
    """Points for this person giving, and for receiving, coaching: whoever fell behind gains."""
    given = history.times_given.get(person_id, 0)
    received = history.times_received.get(person_id, 0)
    give_credit = BALANCE_STEP * min(BALANCE_CAP, max(0, received - given))
    receive_credit = BALANCE_STEP * min(BALANCE_CAP, max(0, given - received))
    return give_credit, receive_credit


def _partners(
    history: PairingHistory, cooldown: int
) -> tuple[dict[int, set[int]], dict[int, set[int]], dict[int, set[int]]]:
    """Per person: partners within the cool-down, everyone they were ever together with, and
    those of them the no-repeats rule keeps apart (not the rest of a match ended by an erasure)."""
    current = history.round_being_paired()
    recent: dict[int, set[int]] = {}
    ever: dict[int, set[int]] = {}
    apart: dict[int, set[int]] = {}
    for past in history.past_matches:
        is_recent = current - past.round_number <= cooldown
        for a, b in combinations(sorted(past.members), 2):
            ever.setdefault(a, set()).add(b)
            ever.setdefault(b, set()).add(a)
            if is_recent:
                recent.setdefault(a, set()).add(b)
                recent.setdefault(b, set()).add(a)
            if past.keeps_apart:
                apart.setdefault(a, set()).add(b)
                apart.setdefault(b, set()).add(a)
    return recent, ever, apart


@dataclass(frozen=True)
class PairingContext:
    """Everything needed to judge a pair or triad of this round, looked up by person id."""

    people: Mapping[int, Candidate]
    rules: PairingRules
    do_not_pair: frozenset[frozenset[int]]
    recent_partners: Mapping[int, set[int]]
    past_partners: Mapping[int, set[int]]
    barred_partners: Mapping[int, set[int]]  # earlier partners the no-repeats rule keeps apart
    give_credit: Mapping[int, int]
    receive_credit: Mapping[int, int]
    seed: int

    @classmethod
    def build(
        cls,
        candidates: Iterable[Candidate],
        rules: PairingRules,
        history: PairingHistory,
        do_not_pair: frozenset[frozenset[int]],
        seed: int,
    ) -> PairingContext:
        """Index the candidates and history; rejects duplicate people and malformed wishes."""
        people: dict[int, Candidate] = {}
        for candidate in candidates:
            if candidate.person_id in people:
                raise PairingError(f"person {candidate.person_id} is listed twice")
            people[candidate.person_id] = candidate
        for wish in do_not_pair:
            if len(wish) != 2:
                raise PairingError(f"a do-not-pair wish names two people, got {sorted(wish)}")
        if rules.repeat_cooldown_rounds < 0:
            raise PairingError("the repeat cool-down cannot be negative")
        recent, ever, barred = _partners(history, rules.repeat_cooldown_rounds)
        credits = {person_id: balance_credits(history, person_id) for person_id in people}
        return cls(
            people=people,
            rules=rules,
            do_not_pair=do_not_pair,
            recent_partners=recent,
            past_partners=ever,
            barred_partners=barred,
            give_credit={person_id: pair[0] for person_id, pair in credits.items()},
            receive_credit={person_id: pair[1] for person_id, pair in credits.items()},
            seed=seed,
        )

    # Hard constraints ------------------------------------------------------------------

    def person(self, person_id: int) -> Candidate:
        """The candidate with this id; PairingError when they are not part of the round."""
        try:
            return self.people[person_id]
        except KeyError:
            raise PairingError(f"person {person_id} is not a candidate in this round") from None

    def directions(self, a: int, b: int) -> tuple[Direction, ...]:
        """Who may coach whom between a and b according to their own wishes."""
        first, second = self.people[a], self.people[b]
        allowed: list[Direction] = []
        if first.wants.can_coach and second.wants.wants_coaching:
            allowed.append((a, b))
        if second.wants.can_coach and first.wants.wants_coaching:
            allowed.append((b, a))
        return tuple(allowed)

    def forbidden(self, a: int, b: int) -> bool:
        """Whether either of them asked not to be paired with the other."""
        return frozenset((a, b)) in self.do_not_pair

    def repeat_barred(self, a: int, b: int) -> bool:
        """Whether the no-repeats rule keeps a and b apart: they were partners before (and
        their match did not end only because someone else erased their data)."""
        return self.rules.no_repeats and b in self.barred_partners.get(a, ())

    def compatible(self, a: int, b: int, *, ignoring_repeats: bool = False) -> bool:
        """Whether a and b may form a pair: both active, no do-not-pair wish, wishes fit, and
        (unless ignored, to tell why someone stays alone) not partners before when repeats are
        barred."""
        if a == b or self.people[a].paused or self.people[b].paused:
            return False
        if not ignoring_repeats and self.repeat_barred(a, b):
            return False
        return not self.forbidden(a, b) and bool(self.directions(a, b))

    def group_problem(self, members: Sequence[int]) -> str | None:
        """What hard constraint a pair or triad would break, or None when it is allowed."""
        if len(members) not in (2, 3) or len(set(members)) != len(members):
            return f"a match has two or three different people, got {list(members)}"
        for person_id in members:
            if self.person(person_id).paused:
                return f"person {person_id} is paused"
        relations = list(combinations(members, 2))
        for a, b in relations:
            if self.forbidden(a, b):
                return f"persons {a} and {b} asked not to be paired"
            if self.repeat_barred(a, b):
                return f"persons {a} and {b} were partners before"
        linked = [(a, b) for a, b in relations if self.directions(a, b)]
        covered = {person_id for relation in linked for person_id in relation}
        # A triad needs two working relations so that every member gives or receives coaching.
        if len(linked) < len(members) - 1 or covered != set(members):
            return f"the wishes of {sorted(members)} leave someone without a coach or coachee"
        return None

    # Soft preferences ------------------------------------------------------------------

    def is_recent_repeat(self, a: int, b: int) -> bool:
        """Whether a and b were together within the cool-down."""
        return b in self.recent_partners.get(a, ())

    def were_partners(self, a: int, b: int) -> bool:
        """Whether a and b were ever together before."""
        return b in self.past_partners.get(a, ())

    def shared_slots(self, members: Sequence[int]) -> frozenset[str]:
        """The availability slots every member shares."""
        slots = self.people[members[0]].availability
        for person_id in members[1:]:
            slots = slots & self.people[person_id].availability
        return slots

    def base_score(self, a: int, b: int) -> int:
        """Points for a relation regardless of who coaches whom."""
        first, second = self.people[a], self.people[b]
        score = 0 if self.were_partners(a, b) else NEW_PAIR_BONUS
        shared = len(first.availability & second.availability)
        if shared:
            extra = min(shared - 1, MAX_EXTRA_SHARED_SLOTS)
            score += FIRST_SHARED_SLOT_BONUS + EXTRA_SHARED_SLOT_BONUS * extra
        if self._class_fits(first, second):
            score += CLASS_BONUS
        if first.language == second.language:
            score += LANGUAGE_BONUS
        return score

    def _class_fits(self, first: Candidate, second: Candidate) -> bool:
        """Whether the two classes match the round's class preference."""
        preference = self.rules.class_preference
        if preference is ClassPreference.ANY or None in (first.class_name, second.class_name):
            return False
        same = first.class_name == second.class_name
        return same if preference is ClassPreference.SAME else not same

    def older_coaches(self, coach: int, coachee: int) -> bool:
        """Whether the older-coaches-younger rule is on and this direction follows it."""
        if not self.rules.older_coaches_younger:
            return False
        coach_year, coachee_year = self.people[coach].year, self.people[coachee].year
        return coach_year is not None and coachee_year is not None and coach_year > coachee_year

    def net_giving(self, members: Sequence[int], coach_of: Sequence[Direction]) -> dict[int, int]:
        """How many more times each member gives than receives coaching in this match."""
        net = dict.fromkeys(members, 0)
        for coach, coachee in coach_of:
            net[coach] += 1
            net[coachee] -= 1
        return net

    def balance_points(self, person_id: int, net: int) -> int:
        """Points for a member whose giving or receiving in this match makes up for the past."""
        if net > 0:
            return self.give_credit[person_id]
        if net < 0:
            return self.receive_credit[person_id]
        return 0

    def group_score(self, members: Sequence[int], coach_of: Sequence[Direction]) -> int:
        """The soft score of a pair or triad with these roles; for a pair this is the edge score."""
        directions = set(coach_of)
        score = sum(self.base_score(a, b) for a, b in combinations(members, 2))
        for coach, coachee in directions:
            if (coachee, coach) in directions:
                # Counted once per relation: the lower id stands for the reciprocal relation.
                score += RECIPROCITY_BONUS if coach < coachee else 0
            elif self.older_coaches(coach, coachee):
                score += OLDER_COACH_BONUS
        net = self.net_giving(members, coach_of)
        return score + sum(self.balance_points(person_id, net[person_id]) for person_id in members)

    # Roles ------------------------------------------------------------------------------

    def _coin(self, a: int, b: int) -> bool:
        """A seed-dependent, symmetric coin flip for breaking an exact tie between a and b."""
        low, high = min(a, b), max(a, b)
        return bool(mix64(self.seed * 0x100000001B3 + low * 0x9E3779B1 + high) & 1)

    def relation_options(self, a: int, b: int) -> list[tuple[Direction, ...]]:
        """The role choices for one relation under the round's mode."""
        allowed = self.directions(a, b)
        if self.rules.mode is RoundMode.RECIPROCAL and len(allowed) == 2:
            return [allowed]
        options: list[tuple[Direction, ...]] = [(direction,) for direction in allowed]
        if len(options) == 2 and self._coin(a, b):
            options.reverse()
        return options

    def plan_roles(self, members: Sequence[int]) -> tuple[Direction, ...]:
        """Who coaches whom in an allowed pair or triad, choosing the best-scoring roles."""
        ordered = sorted(members)
        options: list[tuple[Direction, ...]] = []
        if len(ordered) == 2:
            options = self.relation_options(ordered[0], ordered[1])
        else:
            options = self._cycles(ordered) or self._spanning_roles(ordered)
        if not options:
            raise PairingError(f"no roles fit the wishes of {ordered}")
        if len(options) == 1:
            return tuple(sorted(options[0]))
        # max() keeps the first of equal scores, so the order above breaks ties.
        best = max(options, key=lambda roles: self.group_score(ordered, roles))
        return tuple(sorted(best))

    def _cycles(self, members: Sequence[int]) -> list[tuple[Direction, ...]]:
        """Rotating roles for a triad: each coaches one partner and is coached by the other."""
        a, b, c = members
        cycles: list[tuple[Direction, ...]] = [((a, b), (b, c), (c, a)), ((a, c), (c, b), (b, a))]
        return [
            cycle
            for cycle in cycles
            if all(direction in self.directions(*direction) for direction in cycle)
        ]

    def _spanning_roles(self, members: Sequence[int]) -> list[tuple[Direction, ...]]:
        """Roles over two relations of a triad, so that every member still takes part."""
        relations = [(a, b) for a, b in combinations(members, 2) if self.directions(a, b)]
        options: list[tuple[Direction, ...]] = []
        for first, second in combinations(relations, 2):
            for left, right in product(
                self.relation_options(*first), self.relation_options(*second)
            ):
                options.append(left + right)
        return options
