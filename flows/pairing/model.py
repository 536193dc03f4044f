"""Inputs and outputs of pairing: who takes part, the round's rules, the proposal."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field


class PairingError(ValueError):
    """A request that would break a hard constraint or does not fit the round."""


class Wants(enum.StrEnum):
    """What a person opted in for: giving coaching, receiving it, or both."""

    COACH = "coach"
    BE_COACHED = "be_coached"
    BOTH = "both"

    @property
    def can_coach(self) -> bool:
        """Whether this person may be someone's coach."""
        return self is not Wants.BE_COACHED

    @property
    def wants_coaching(self) -> bool:
        """Whether this person may be someone's coachee."""
        return self is not Wants.COACH


class RoundMode(enum.StrEnum):
    """Whether partners coach each other (as far as their wishes allow) or one coaches one."""

    RECIPROCAL = "reciprocal"
    ONE_WAY = "one_way"


class ClassPreference(enum.StrEnum):
    """Whether partners preferably come from the same class, from different ones, or either."""

    SAME = "same"
    ACROSS = "across"
    ANY = "any"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One person who opted in for this round, with what matters for finding a partner."""

    person_id: int
    wants: Wants
    availability: frozenset[str] = frozenset()
    class_name: str | None = None
    year: int | None = None
    language: str = "nl"
    paused: bool = False


@dataclass(frozen=True, slots=True)
class PairingRules:
    """How the coordinator set up this round."""

    mode: RoundMode = RoundMode.RECIPROCAL
    class_preference: ClassPreference = ClassPreference.ANY
    older_coaches_younger: bool = False
    repeat_cooldown_rounds: int = 3
    # A hard rule when on: nobody meets a partner from any earlier round of the cohort again,
    # unless their match only ended because a member erased their data (PastMatch.keeps_apart).
    no_repeats: bool = False


@dataclass(frozen=True, slots=True)
class PastMatch:
    """A pair or triad from an earlier round.

    `keeps_apart` is False for a match that ended only because a member erased their data
    (see flows.pairing.history): its members count as earlier partners, but the no-repeats
    rule does not bar them from meeting again."""

    round_number: int
    members: frozenset[int]
    keeps_apart: bool = True


@dataclass(frozen=True)
class PairingHistory:
    """Earlier rounds: who was together when, and how often each person gave or received coaching.

    `upcoming_round` is the number of the round being paired; by default the one after the
    latest past match. A partner from round r counts as a recent repeat when
    `upcoming_round - r <= repeat_cooldown_rounds`.
    """

    past_matches: tuple[PastMatch, ...] = ()
    times_given: Mapping[int, int] = field(default_factory=dict)
    times_received: Mapping[int, int] = field(default_factory=dict)
    upcoming_round: int | None = None

    def round_being_paired(self) -> int:
        """The number of the round these pairs are for."""
        if self.upcoming_round is not None:
            return self.upcoming_round
        return max((match.round_number for match in self.past_matches), default=0) + 1


class ReasonKind(enum.StrEnum):
    """Why a match looks the way it does; the bot layer turns each into words."""

    LOCKED = "locked"
    CHOSEN_BY_COORDINATOR = "chosen_by_coordinator"
    JOINED_AS_THIRD = "joined_as_third"
    NEW_PAIR = "new_pair"
    REPEAT_PAIR = "repeat_pair"
    EARLIER_PARTNER = "earlier_partner"
    SHARED_AVAILABILITY = "shared_availability"
    NO_SHARED_AVAILABILITY = "no_shared_availability"
    SAME_CLASS = "same_class"
    OTHER_CLASS = "other_class"
    SAME_LANGUAGE = "same_language"
    DIFFERENT_LANGUAGE = "different_language"
    ONE_WAY_BY_WISHES = "one_way_by_wishes"
    OLDER_COACHES_YOUNGER = "older_coaches_younger"
    BALANCES_GIVING = "balances_giving"


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason, optionally about particular people (a relation, a coach and coachee)."""

    kind: ReasonKind
    people: tuple[int, ...] = ()
    slots: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    """A pair or triad: who is in it, who coaches whom, and why it was chosen.

    In a triad with rotating roles `coach_of` is a cycle: each member coaches one partner and
    is coached by the other, the third person observing. `score` is the soft-preference score.
    """

    members: tuple[int, ...]
    coach_of: tuple[tuple[int, int], ...]
    reasons: tuple[Reason, ...]
    score: int
    locked: bool = False
    joined_as_third: int | None = None

    def has_reason(self, kind: ReasonKind) -> bool:
        """Whether any reason of this kind applies to the match."""
        return any(reason.kind is kind for reason in self.reasons)


class UnmatchedReason(enum.StrEnum):
    """Why someone has no partner this round; always told to the person and the coordinator."""

    PAUSED = "paused"
    NO_COMPATIBLE_PARTNER = "no_compatible_partner"
    PARTNERS_ALREADY_TAKEN = "partners_already_taken"
    SWAPPED_OUT = "swapped_out"
    ONLY_PREVIOUS_PARTNERS = "only_previous_partners"  # everyone who fits was a partner before


@dataclass(frozen=True, slots=True)
class Unmatched:
    """A person left without a partner, with the reason."""

    person_id: int
    why: UnmatchedReason


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed round: the matches and everyone who stays without a partner."""

    matches: tuple[Match, ...]
    unmatched: tuple[Unmatched, ...]

    def match_of(self, person_id: int) -> Match | None:
        """The match a person is in, or None."""
        for match in self.matches:
            if person_id in match.members:
                return match
        return None
