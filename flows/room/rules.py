"""Pure questions about a room: who may speak, whose turn is next, how much time is left."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from flows.protocols import StepKind, Who, load_protocol
from flows.room.model import Contribution, ContributionKind, Room, RoomState, StepPlan

WARNING_BEFORE = timedelta(minutes=1)
BACK_CONFIRM_WINDOW = timedelta(minutes=2)
MIN_SECONDS_AFTER_BACK = 120
EXTEND_MINUTES = (1, 30)
MAX_TEXT_LENGTH = 2000
MAX_NAME_LENGTH = 64
SCALE_RANGE = (0, 10)
IDLE_MINUTES = (30, 240)
# A timer row may be picked up a moment before its due time by a coarse scheduler.
TIMER_TOLERANCE = timedelta(seconds=2)
# Contributions the case-holder can pick their step from.
CHOOSABLE_KINDS = frozenset({ContributionKind.IDEA, ContributionKind.REFLECTION})


def protocol_title(room: Room, language: str | None = None) -> str:
    """The protocol's title in the room's language, or in another one (a private message)."""
    return load_protocol(room.protocol_id, language or room.language).title


def step_title(room: Room, index: int | None = None, language: str | None = None) -> str:
    """A step's title (the current step by default), in the room's language or another one."""
    plan = room.steps[room.step_index if index is None else index]
    step = load_protocol(room.protocol_id, language or room.language).step(plan.key)
    return step.title if step is not None else plan.key


def step_instruction(room: Room, index: int | None = None) -> str:
    """What a step asks of whom, in the room's language."""
    plan = room.steps[room.step_index if index is None else index]
    step = load_protocol(room.protocol_id, room.language).step(plan.key)
    return step.instruction if step is not None else ""


def is_controller(room: Room, user_id: int) -> bool:
    """Whether this person steers the steps: the facilitator or the teacher."""
    return user_id in (room.facilitator_id, room.teacher_id)


def controller_id(room: Room) -> int:
    """Who to ask when the room needs a decision: the facilitator if present, else the teacher."""
    facilitator = room.facilitator_id
    if facilitator is not None and (
        facilitator == room.teacher_id or room.is_active_member(facilitator)
    ):
        return facilitator
    return room.teacher_id


def is_participant(room: Room, user_id: int) -> bool:
    """Whether this person may take part in steps: a present member or the facilitator."""
    return room.is_active_member(user_id) or user_id == room.facilitator_id


def speakers(room: Room) -> tuple[int, ...]:
    """Present members except the case-holder, in join order: the round for turns and ideas."""
    return tuple(u for u in room.active_ids if u != room.case_holder_id)


def audience(room: Room, plan: StepPlan) -> tuple[int, ...]:
    """Who is expected to contribute in a step."""
    if plan.who is Who.CASE_HOLDER:
        return (room.case_holder_id,) if room.case_holder_id is not None else ()
    if plan.who is Who.FACILITATOR:
        return (room.facilitator_id,) if room.facilitator_id is not None else ()
    if plan.who is Who.EVERYONE:
        return room.active_ids
    return speakers(room)


def takes_turns(plan: StepPlan) -> bool:
    """Whether a step goes round one person at a time."""
    return plan.who is Who.EACH_IN_TURN and not plan.collect_privately


def next_in_turn(room: Room, after: int | None) -> int | None:
    """The next present person in the turn order after someone, going round; None if nobody."""
    order = room.turn_order
    if not order:
        return None
    start = order.index(after) + 1 if after in order else 0
    for offset in range(len(order)):
        candidate = order[(start + offset) % len(order)]
        if room.is_active_member(candidate):
            return candidate
    return None


def present_in_order(room: Room) -> tuple[int, ...]:
    """The turn order (or expected contributors) who are still in the room."""
    return tuple(u for u in room.turn_order if room.is_active_member(u))


def handed_in(room: Room) -> frozenset[int]:
    """Who contributed to or passed on the current step (answers do not count)."""
    authors = {
        c.author_id
        for c in room.contributions_in(room.step_index)
        if c.kind is not ContributionKind.ANSWER
    }
    passers = {p.user_id for p in room.passes if p.step_index == room.step_index}
    return frozenset(authors | passers)


def hidden_contributions(room: Room) -> tuple[Contribution, ...]:
    """The current step's contributions that are still waiting to be revealed."""
    return tuple(c for c in room.contributions_in(room.step_index) if c.hidden)


def case_holder_spoke(room: Room) -> bool:
    """Whether the case-holder contributed during the current step."""
    return any(c.author_id == room.case_holder_id for c in room.contributions_in(room.step_index))


def choosable(room: Room) -> tuple[Contribution, ...]:
    """The ideas (and reflections) the case-holder can choose their step from."""
    return tuple(c for c in room.contributions if c.kind in CHOOSABLE_KINDS)


def remaining_seconds(room: Room, now: datetime) -> int | None:
    """Seconds left in the current step, or None when no step is under way."""
    if room.state is RoomState.PAUSED:
        return room.paused_remaining_seconds
    if room.state is RoomState.RUNNING and room.deadline is not None:
        return max(0, math.ceil((room.deadline - now).total_seconds()))
    return None


def whole_minutes(seconds: int) -> int:
    """Seconds shown as minutes, rounded up so a last half minute still reads as 1."""
    return math.ceil(seconds / 60)


def silence_after(plan: StepPlan) -> timedelta:
    """How long the case-holder may stay quiet in their own step before the facilitator is asked."""
    return timedelta(minutes=max(1, min(3, plan.minutes // 2)))


def idle_limit(room: Room) -> timedelta:
    """How long an untouched room stays open: twice the session, within half an hour and 4 h."""
    low, high = IDLE_MINUTES
    return timedelta(minutes=min(high, max(low, 2 * room.total_minutes)))


def scale_value(text: str) -> int | None:
    """The 0 to 10 number a scale contribution starts with, if it does."""
    digits = ""
    for char in text.strip():
        if not char.isdigit():
            break
        digits += char
    if not digits:
        return None
    value = int(digits)
    low, high = SCALE_RANGE
    return value if low <= value <= high else None


def sets_chosen_step(room: Room, author_id: int, kind: ContributionKind) -> bool:
    """Whether a contribution is the case-holder saying what they will do."""
    return author_id == room.case_holder_id and kind.value in (StepKind.PLAN, StepKind.CHOICE)
