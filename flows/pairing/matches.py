"""Turning an allowed pair or triad into a Match: roles, score and the reasons behind it."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from flows.pairing.model import Match, PairingError, Reason, ReasonKind, RoundMode
from flows.pairing.scoring import Direction, PairingContext


def match_reasons(
    context: PairingContext,
    members: Sequence[int],
    coach_of: Sequence[Direction],
    *,
    locked: bool = False,
    joined_as_third: int | None = None,
    by_coordinator: bool = False,
) -> tuple[Reason, ...]:
    """The reasons behind a pair or triad, in the order of `ReasonKind`."""
    ordered = sorted(members)
    reasons: list[Reason] = []
    if locked:
        reasons.append(Reason(ReasonKind.LOCKED))
    if by_coordinator:
        reasons.append(Reason(ReasonKind.CHOSEN_BY_COORDINATOR))
    if joined_as_third is not None:
        reasons.append(Reason(ReasonKind.JOINED_AS_THIRD, (joined_as_third,)))
    reasons.extend(_history_reasons(context, ordered))
    slots = context.shared_slots(ordered)
    if slots:
        reasons.append(Reason(ReasonKind.SHARED_AVAILABILITY, slots=tuple(sorted(slots))))
    else:
        reasons.append(Reason(ReasonKind.NO_SHARED_AVAILABILITY))
    reasons.extend(_class_and_language_reasons(context, ordered))
    reasons.extend(_role_reasons(context, ordered, coach_of))
    return tuple(reasons)


def _history_reasons(context: PairingContext, members: Sequence[int]) -> list[Reason]:
    """New pair, or which relations repeat a recent or an earlier partnership."""
    relations = list(combinations(members, 2))
    repeats = [
        Reason(ReasonKind.REPEAT_PAIR, rel) for rel in relations if context.is_recent_repeat(*rel)
    ]
    earlier = [
        Reason(ReasonKind.EARLIER_PARTNER, rel)
        for rel in relations
        if context.were_partners(*rel) and not context.is_recent_repeat(*rel)
    ]
    return repeats + earlier if repeats or earlier else [Reason(ReasonKind.NEW_PAIR)]


def _class_and_language_reasons(context: PairingContext, members: Sequence[int]) -> list[Reason]:
    """Whether the members share a class and a language."""
    reasons: list[Reason] = []
    classes = {context.people[person_id].class_name for person_id in members}
    if None not in classes:
        kind = ReasonKind.SAME_CLASS if len(classes) == 1 else ReasonKind.OTHER_CLASS
        reasons.append(Reason(kind))
    languages = {context.people[person_id].language for person_id in members}
    kind = ReasonKind.SAME_LANGUAGE if len(languages) == 1 else ReasonKind.DIFFERENT_LANGUAGE
    reasons.append(Reason(kind))
    return reasons


def _role_reasons(
    context: PairingContext, members: Sequence[int], coach_of: Sequence[Direction]
) -> list[Reason]:
    """One-way by wishes, older coaching younger, and who catches up on giving or receiving."""
    reasons: list[Reason] = []
    directions = set(coach_of)
    if context.rules.mode is RoundMode.RECIPROCAL and len(members) == 2 and len(directions) == 1:
        reasons.append(Reason(ReasonKind.ONE_WAY_BY_WISHES))
    for coach, coachee in sorted(directions):
        if (coachee, coach) not in directions and context.older_coaches(coach, coachee):
            reasons.append(Reason(ReasonKind.OLDER_COACHES_YOUNGER, (coach, coachee)))
    net = context.net_giving(members, coach_of)
    catching_up = tuple(
        person_id for person_id in members if context.balance_points(person_id, net[person_id])
    )
    if catching_up:
        reasons.append(Reason(ReasonKind.BALANCES_GIVING, catching_up))
    return reasons


def build_match(
    context: PairingContext,
    members: Sequence[int],
    *,
    locked: bool = False,
    joined_as_third: int | None = None,
    by_coordinator: bool = False,
) -> Match:
    """A Match for an allowed group, with roles, score and reasons worked out."""
    problem = context.group_problem(members)
    if problem is not None:
        raise PairingError(problem)
    ordered = tuple(sorted(members))
    coach_of = context.plan_roles(ordered)
    return Match(
        members=ordered,
        coach_of=coach_of,
        reasons=match_reasons(
            context,
            ordered,
            coach_of,
            locked=locked,
            joined_as_third=joined_as_third,
            by_coordinator=by_coordinator,
        ),
        score=context.group_score(ordered, coach_of),
        locked=locked,
        joined_as_third=joined_as_third,
    )
