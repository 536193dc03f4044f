"""How a match ends: the private click check, dissolving without blame, closing. Pure commands
over the match's seats and members that say what to store, tell and stop."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from flows.pairing.history import MEMBER_ERASED
from flows.trajectory.captures import record_click
from flows.trajectory.effects import (
    AskClick,
    AskRepair,
    Effect,
    KeepClick,
    Outcome,
    Refused,
    Result,
    SayClick,
    StartContract,
    Store,
    Tell,
    WindDown,
)
from flows.trajectory.machine import fire
from flows.trajectory.matching import ClickCheck, ClickResult, answer_click, start_click_check
from flows.trajectory.model import CaptureError, DissolvedReason, Event, Trajectory
from flows.trajectory.pair import Seat
from flows.trajectory.presses import OLD_CARD
from flows.trajectory.steps import Party, Step

# Reasons after which people are waiting for a new partner, so the coordinators hear of it.
REPAIR_REASONS = frozenset(
    {DissolvedReason.NO_CLICK, DissolvedReason.PARTNER_LEFT, DissolvedReason.UNREACHABLE}
)
CLICK_ALREADY = Refused("trajectory.click_already", on_button=True)


@dataclass(frozen=True, slots=True)
class Person:
    """A member of the match as the ending rules see them: who, and whether they can be reached."""

    id: int
    unreachable: bool = False


def ask_click(members: Sequence[Person]) -> Outcome:
    """After the first conversation each member privately says whether it clicks."""
    check = start_click_check([m.id for m in members])
    return Outcome((KeepClick(check), AskClick()))


def click_answered(
    check: ClickCheck | None,
    seats: Sequence[Seat],
    members: Sequence[Person],
    user_id: int,
    *,
    click: bool,
    at: datetime,
) -> Result:
    """One private answer; once everyone answered, go on together or part without blame."""
    if check is None:
        return OLD_CARD
    try:
        answered = answer_click(check, user_id, click=click)
    except CaptureError:
        return CLICK_ALREADY
    if answered.result is ClickResult.PENDING:
        return Outcome((KeepClick(answered), SayClick("waiting")))
    if answered.result is ClickResult.CLICK:
        return _clicked(seats, members, at=at)
    ended = dissolve(seats, members, DissolvedReason.NO_CLICK, at=at)
    return Outcome((KeepClick(answered), *ended.effects))


def _clicked(seats: Sequence[Seat], members: Sequence[Person], *, at: datetime) -> Outcome:
    """Everyone said yes: that is both partners confirming the end of the contact step."""
    effects: list[Effect] = [KeepClick(None, done=True)]
    for seat in seats:
        if seat.trajectory.terminal or seat.trajectory.step is not Step.CONTACT:
            continue
        trajectory = record_click(seat.trajectory)
        for party in (Party.COACH, Party.COACHEE):
            trajectory = fire(trajectory, Event.FINISH_CONTACT, party, at=at).trajectory
        effects.append(Store(trajectory, seat.ref))
    effects.extend(Tell(m.id, "trajectory.click_matched", click="matched") for m in members)
    effects.append(StartContract())
    return Outcome(tuple(effects))


def dissolve(
    seats: Sequence[Seat],
    members: Sequence[Person],
    reason: DissolvedReason,
    *,
    at: datetime,
    leaver: int | None = None,
    erased: bool = False,
) -> Outcome:
    """End the match for everyone, tell each kindly, and ask the coordinators to re-pair.

    erased: the leaver is having their data erased, so the others are not told their name."""
    effects: list[Effect] = []
    for seat in seats:
        if not seat.trajectory.terminal:
            effects.append(Store(_ended(seat, reason, leaver, at), seat.ref))
    # An erasure is stored as such: the ones who stayed may be paired together again.
    effects.append(WindDown("dissolved", MEMBER_ERASED if erased else reason.value))
    gone = leaver if leaver is not None else _unreachable(members)
    for member in members:
        told = _dissolved_words(member, reason, leaver, erased, gone)
        if told is not None:
            effects.append(told)
    if reason in REPAIR_REASONS:
        waiting = tuple(m.id for m in members if m.id != leaver and not m.unreachable)
        effects.append(AskRepair(waiting, reason.value))
    return Outcome(tuple(effects))


def _dissolved_words(
    member: Person, reason: DissolvedReason, leaver: int | None, erased: bool, gone: int | None
) -> Tell | None:
    """What one member hears when the match dissolves (nothing, when they cannot be reached)."""
    if member.id == leaver:
        return None if erased else Tell(member.id, "trajectory.you_left")
    if erased:
        return Tell(member.id, "trajectory.dissolved_partner_gone")
    if reason is DissolvedReason.NO_CLICK:
        return Tell(member.id, "trajectory.dissolved_no_click", click="no_click")
    if reason is DissolvedReason.PARTNER_LEFT and leaver is None:
        return Tell(member.id, "trajectory.dissolved_partner_gone")
    if member.unreachable:
        return None
    # Nobody to name (0) reads as "a former partner".
    return Tell(member.id, f"trajectory.dissolved_{reason.value}", names={"name": gone or 0})


def _ended(seat: Seat, reason: DissolvedReason, leaver: int | None, at: datetime) -> Trajectory:
    party = seat.party(leaver) if leaver is not None else None
    if party is not None:
        return fire(seat.trajectory, Event.LEAVE, party, at=at).trajectory
    return fire(seat.trajectory, Event.DISSOLVE, Party.SYSTEM, at=at, reason=reason).trajectory


def _unreachable(members: Sequence[Person]) -> int | None:
    return next((m.id for m in members if m.unreachable), None)


def dissolve_if_unreachable(
    seats: Sequence[Seat], members: Sequence[Person], *, at: datetime
) -> Outcome | None:
    """A partner who left PeerCoach (erased) or cannot be reached ends the match kindly."""
    people = {s.coach for s in seats} | {s.coachee for s in seats}
    if people - {m.id for m in members}:
        return dissolve(seats, members, DissolvedReason.PARTNER_LEFT, at=at)
    if any(m.unreachable for m in members):
        return dissolve(seats, members, DissolvedReason.UNREACHABLE, at=at)
    return None


def close_for_round(seats: Sequence[Seat], members: Sequence[Person], *, at: datetime) -> Outcome:
    """The coordinator closed the round: every trajectory ends as a finished one, and each
    member hears it warmly with their partners' names. Nobody waits for a new partner."""
    effects: list[Effect] = [
        Store(fire(seat.trajectory, Event.FINISH_ROUND, Party.SYSTEM, at=at).trajectory, seat.ref)
        for seat in seats
        if not seat.trajectory.terminal
    ]
    effects.append(WindDown("closed"))
    for member in members:
        if member.unreachable:
            continue
        others = tuple(m.id for m in members if m.id != member.id)
        effects.append(Tell(member.id, "trajectory.round_closed", name_lists={"names": others}))
    return Outcome(tuple(effects))


def trajectory_closed(seats: Sequence[Seat], ref: int, members: Sequence[Person]) -> Outcome:
    """A trajectory reached its end; the match closes once all of its trajectories did."""
    seat = next(s for s in seats if s.ref == ref)
    # In a two-way pair the other direction goes on: the closing message says so.
    goes_on = any(
        (s.coach, s.coachee) == (seat.coachee, seat.coach) and not s.trajectory.terminal
        for s in seats
    )
    coach_key, coachee_key = (
        ("trajectory.closed_goes_on_coach", "trajectory.closed_goes_on_coachee")
        if goes_on
        else ("trajectory.closed", "trajectory.closed")
    )
    effects: list[Effect] = [
        Tell(seat.coach, coach_key, names={"name": seat.coachee}),
        Tell(seat.coachee, coachee_key, names={"name": seat.coach}),
    ]
    if seat.observer is not None:
        names = {"coach": seat.coach, "coachee": seat.coachee}
        effects.append(Tell(seat.observer, "trajectory.closed_observed", names=names))
    if all(s.trajectory.terminal for s in seats):
        effects.append(WindDown("closed"))
        effects.extend(Tell(m.id, "trajectory.match_closed") for m in members)
    return Outcome(tuple(effects))
