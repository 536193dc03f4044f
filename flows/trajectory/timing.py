"""When things happen in a match: planning the next conversation with its reminders, the one
nudge of a small step, and the prompts a member lets pass. Durable timers are effects too."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from flows.scheduling import SchoolTime, after_meeting_check_time, reminder_times, step_nudge_time
from flows.trajectory.captures import mark_step_nudged, plan_meeting, steps_due_for_nudge
from flows.trajectory.effects import (
    AskMet,
    CancelTimer,
    Effect,
    KeepMeeting,
    KeepSilence,
    NudgeCard,
    Outcome,
    Result,
    ScheduleTimer,
    ShowPlanned,
    Store,
    Tell,
)
from flows.trajectory.ending import Person
from flows.trajectory.model import CaptureError, SmallStep
from flows.trajectory.pair import Seat
from flows.trajectory.presses import OLD_CARD, plan_press
from flows.trajectory.silence import GRACE, Silence, grace_starts, prompt_sent
from flows.trajectory.steps import Party

REMINDER = "trajectory_reminder"
MET_CHECK = "trajectory_met"
NUDGE = "trajectory_nudge"
# A member let several prompts pass: the pairing feature, which owns the pause, handles it.
QUIET = "trajectory_quiet"
REMINDERS = ("day_before", "hour_before")
NOTHING = Outcome()


@dataclass(frozen=True, slots=True)
class Due:
    """A timer whose time has come, as the rules see it."""

    kind: str
    conversation: str
    payload: Mapping[str, Any]


def match_conversation(match_id: int) -> str:
    """The timer conversation of a match: dissolving it cancels them all."""
    return f"match:{match_id}"


def plan_timer(match_id: int, kind: str) -> str:
    """The name of a match's reminder or met check: planning again replaces it."""
    return f"trajectory:{match_id}:{kind}"


def nudge_timer(ref: int, number: int) -> str:
    """The name of a small step's nudge: changing the date replaces it."""
    return f"trajectory:{ref}:step:{number}"


# --- Planning ---------------------------------------------------------------------------------


def plan_conversation(
    seats: Sequence[Seat],
    *,
    match: int,
    planned: datetime | None,
    when: datetime | None,
    planner: int,
    now: datetime,
    time: SchoolTime,
) -> Result:
    """A time picked for the next conversation: plan it in every live trajectory, set the
    reminders and the question whether it took place, and tell everyone."""
    if when is None or when <= now:
        return OLD_CARD
    refused = plan_press(planned, when)
    if refused is not None:
        return refused
    effects: list[Effect] = [KeepMeeting(when)]
    for seat in seats:
        if seat.trajectory.terminal:
            continue
        try:
            trajectory = plan_meeting(seat.trajectory, when, by=Party.COACH, at=now)
        except CaptureError:
            continue  # a trajectory that cannot plan (closed meanwhile) simply keeps none
        effects.append(Store(trajectory, seat.ref))
    effects.extend(_meeting_timers(match, when, now=now, time=time))
    effects.append(ShowPlanned(planner, when))
    return Outcome(tuple(effects))


def _meeting_timers(match: int, when: datetime, *, now: datetime, time: SchoolTime) -> list[Effect]:
    """Reminders that still make sense (others go), and the met question afterwards."""
    conversation = match_conversation(match)
    payload = {"m": match, "at": when.isoformat()}
    effects: list[Effect] = []
    kept = set()
    for reminder in reminder_times(when, time.tz, now=now, quiet=time.quiet):
        kind = reminder.kind.value
        kept.add(kind)
        name = plan_timer(match, kind)
        effects.append(
            ScheduleTimer(REMINDER, reminder.at, {**payload, "r": kind}, conversation, name)
        )
    effects.extend(CancelTimer(plan_timer(match, k)) for k in REMINDERS if k not in kept)
    met_at = after_meeting_check_time(when, time.tz, quiet=time.quiet)
    effects.append(
        ScheduleTimer(MET_CHECK, met_at, payload, conversation, plan_timer(match, "met"))
    )
    return effects


def forget_plan(match: int) -> tuple[Effect, ...]:
    """The planned conversation happened (or the match ended): no reminders, no question."""
    cancelled = (CancelTimer(plan_timer(match, kind)) for kind in (*REMINDERS, "met"))
    return (KeepMeeting(None), *cancelled)


def nudge_later(ref: int, coachee: int, step: SmallStep, time: SchoolTime) -> ScheduleTimer:
    """One gentle nudge the morning after a small step's date, if it is still open then."""
    return ScheduleTimer(
        NUDGE,
        step_nudge_time(step.due, time.tz, quiet=time.quiet),
        {"t": ref, "n": step.number},
        f"user:{coachee}",
        nudge_timer(ref, step.number),
    )


def cancel_nudges(seats: Sequence[Seat]) -> tuple[Effect, ...]:
    """No nudges for trajectories that ended."""
    return tuple(
        CancelTimer(nudge_timer(s.ref, step.number))
        for s in seats
        for step in s.trajectory.small_steps
    )


# --- Timers -----------------------------------------------------------------------------------


def morning(due: Due, *, now: datetime, time: SchoolTime) -> ScheduleTimer | None:
    """In quiet hours a timer tries again when they end; None when it may go now."""
    if not time.is_quiet(now):
        return None
    return ScheduleTimer(due.kind, time.after_quiet(now), due.payload, due.conversation)


def still_planned(planned: datetime | None, due: Due) -> bool:
    """Whether a meeting timer is about the conversation that is planned now."""
    return planned is not None and planned == parse_moment(due.payload.get("at"))


def remind(
    planned: datetime | None,
    due: Due,
    members: Sequence[Person],
    *,
    now: datetime,
    time: SchoolTime,
) -> Outcome:
    """The day before or an hour before: remind everyone in the match."""
    if planned is None or not still_planned(planned, due) or planned <= now:
        return NOTHING  # re-planned, or it fires so late that the conversation already began
    later = morning(due, now=now, time=time)
    if later is not None:
        return Outcome((later,))
    key = f"trajectory.reminder_{due.payload.get('r')}"
    return Outcome(tuple(Tell(m.id, key, moments={"when": planned}) for m in members))


def ask_met(
    planned: datetime | None,
    due: Due,
    members: Sequence[Person],
    silences: Mapping[int, Silence],
    *,
    match: int,
    talking: bool,
    now: datetime,
    time: SchoolTime,
) -> Outcome:
    """After the planned time: ask whether the conversation took place."""
    if planned is None or not still_planned(planned, due) or talking:
        return NOTHING
    later = morning(due, now=now, time=time)
    if later is not None:
        return Outcome((later,))
    effects: list[Effect] = []
    for member in members:
        effects.append(AskMet(member.id, planned, str(due.payload.get("at"))))
        effects.extend(prompted(silences.get(member.id, Silence()), member, match, now, time))
    return Outcome(tuple(effects))


def nudge(
    seat: Seat,
    due: Due,
    coachee: Person,
    silence: Silence,
    *,
    match: int,
    now: datetime,
    time: SchoolTime,
) -> Outcome:
    """A small step passed its date: one kind question to the coachee, never a second."""
    later = morning(due, now=now, time=time)
    if later is not None:
        return Outcome((later,))
    today = _local_day(now, time)
    number = due.payload.get("n")
    step = next(
        (s for s in steps_due_for_nudge(seat.trajectory, today) if s.number == number), None
    )
    if step is None:
        return NOTHING
    return Outcome(
        (
            Store(mark_step_nudged(seat.trajectory, step.number), seat.ref),
            NudgeCard(seat.ref, step),
            *prompted(silence, coachee, match, now, time),
        )
    )


def prompted(
    silence: Silence, member: Person, match: int, now: datetime, time: SchoolTime
) -> tuple[Effect, ...]:
    """A prompt went out on its own: one more in the member's run; a complete run gets a day's
    grace, then the pairing feature asks kindly about a pause (see QUIET)."""
    if member.unreachable:
        return ()  # it never reached them; the match's unreachable handling takes over
    counted = prompt_sent(silence, now)
    if not grace_starts(counted):
        return (KeepSilence(member.id, counted),)
    quiet = ScheduleTimer(
        QUIET,
        time.after_quiet(now + GRACE),
        {"m": match, "u": member.id},
        match_conversation(match),
        f"trajectory:{match}:quiet:{member.id}",
    )
    return KeepSilence(member.id, counted), quiet


def _local_day(moment: datetime, time: SchoolTime) -> date:
    return moment.astimezone(time.zone).date()


def parse_moment(value: object) -> datetime | None:
    """A moment a button or timer carries, or None when absent or malformed."""
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
