"""Who coaches whom in a match (reciprocal, one-way, triad) and the private click check."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from flows.trajectory.codec import from_dict, to_dict
from flows.trajectory.model import CaptureError, Refusal
from flows.trajectory.steps import Party


class MatchKind(enum.StrEnum):
    """How a match is shaped."""

    RECIPROCAL = "reciprocal"
    ONE_WAY = "one_way"
    TRIAD = "triad"


@dataclass(frozen=True, slots=True)
class Pairing:
    """One trajectory of a match: its coach, its coachee and, in a triad, its observer."""

    coach: int
    coachee: int
    observer: int | None = None

    def party_of(self, member: int) -> Party | None:
        """The member's party in this trajectory; None for the observer and outsiders."""
        if member == self.coach:
            return Party.COACH
        if member == self.coachee:
            return Party.COACHEE
        return None


@dataclass(frozen=True, slots=True)
class TriadRoles:
    """Who coaches, who is coached and who observes in one conversation of a triad."""

    coach: int
    coachee: int
    observer: int

    @property
    def pairing(self) -> Pairing:
        """The trajectory this conversation belongs to."""
        return Pairing(self.coach, self.coachee, self.observer)


def trajectory_pairings(kind: MatchKind, members: Sequence[int]) -> tuple[Pairing, ...]:
    """The trajectories a match needs: two for a reciprocal pair, one one-way, three in a triad.

    One-way: the first member coaches the second. Triad: each member is coached by the one
    before them, so every member is coach, coachee and observer in turn (see `triad_roles`).
    """
    _require_members(kind, members)
    if kind is MatchKind.ONE_WAY:
        return (Pairing(members[0], members[1]),)
    if kind is MatchKind.RECIPROCAL:
        return (Pairing(members[0], members[1]), Pairing(members[1], members[0]))
    return tuple(triad_roles(members, number).pairing for number in (1, 2, 3))


def triad_roles(members: Sequence[int], conversation_number: int) -> TriadRoles:
    """Roles in the triad's n-th conversation (from 1), rotating one place each time."""
    _require_members(MatchKind.TRIAD, members)
    if conversation_number < 1:
        raise ValueError("conversations are numbered from 1")
    shift = conversation_number - 1
    return TriadRoles(
        coach=members[shift % 3],
        coachee=members[(shift + 1) % 3],
        observer=members[(shift + 2) % 3],
    )


def _require_members(kind: MatchKind, members: Sequence[int]) -> None:
    size = 3 if kind is MatchKind.TRIAD else 2
    if len(members) != size or len(set(members)) != size:
        raise ValueError(f"a {kind.value} match needs {size} different members")


class ClickResult(enum.StrEnum):
    """The outcome of the click check once everybody answered."""

    PENDING = "pending"
    CLICK = "click"
    NO_CLICK = "no_click"


@dataclass(frozen=True, slots=True)
class ClickCheck:
    """Private yes/no answers after the first conversation.

    Only who answered and how many said no are kept, never each member's answer: once all
    have answered, the stored row cannot tell who said no.
    """

    members: tuple[int, ...]
    answered: frozenset[int] = frozenset()
    no_count: int = 0

    @property
    def result(self) -> ClickResult:
        """Pending until everyone answered; then a click only if nobody said no."""
        if self.answered != frozenset(self.members):
            return ClickResult.PENDING
        return ClickResult.CLICK if self.no_count == 0 else ClickResult.NO_CLICK

    @property
    def waiting_for(self) -> tuple[int, ...]:
        """Members who have not answered yet."""
        return tuple(member for member in self.members if member not in self.answered)

    def to_dict(self) -> dict[str, object]:
        """A plain JSON-able dict for storage."""
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ClickCheck:
        """Rebuild a click check from `to_dict` output."""
        return from_dict(cls, data)


def start_click_check(members: Sequence[int]) -> ClickCheck:
    """A click check for the members of a match."""
    if len(members) < 2 or len(set(members)) != len(members):
        raise ValueError("a click check needs at least two different members")
    return ClickCheck(tuple(members))


def answer_click(check: ClickCheck, member: int, *, click: bool) -> ClickCheck:
    """Record one member's private answer; the first answer counts."""
    if member not in check.members:
        raise ValueError(f"{member} is not in this match")
    if member in check.answered:
        raise CaptureError(Refusal.ALREADY_DONE, "you already answered the click question")
    return replace(
        check,
        answered=check.answered | {member},
        no_count=check.no_count + (0 if click else 1),
    )
