"""Planning the next conversation with buttons, and the durable timers: reminders, the met
question, nudges. The rules are in `flows.trajectory.timing`."""

from __future__ import annotations

from datetime import date

from bot.handlers.trajectory.core import (
    Pair,
    day_label,
    done_with,
    load_pair,
    pair_of,
    pair_of_button,
    persons,
    stale,
)
from bot.handlers.trajectory.effects import carry_out, schedule_timer, settle
from bot.handlers.trajectory.plan_cards import day_card, send_plan_card
from bot.runtime.handler_types import TimerHandler
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.scheduling import slot_choices
from flows.trajectory import timing
from flows.trajectory.effects import Outcome
from flows.trajectory.ending import Person
from flows.trajectory.timing import MET_CHECK, NUDGE, QUIET, REMINDER, Due, parse_moment
from storage import trajectories
from storage.models import Button
from storage.timers import DueTimer

__all__ = ["QUIET", "register", "timer_handlers", "wait_for_morning"]


def register(router: Router) -> None:
    """Wire the planning buttons and /plan."""
    router.command("plan", plan_command)
    router.action("tr_plan", plan_again)
    router.action("tr_day", choose_day, once=True)
    router.action("tr_slot", choose_slot, once=True)


def timer_handlers() -> dict[str, TimerHandler]:
    """The timer kinds of trajectories."""
    return {REMINDER: fire_reminder, MET_CHECK: fire_met_check, NUDGE: fire_nudge}


# --- Planning ---------------------------------------------------------------------------------


async def plan_command(turn: Turn, incoming: Incoming) -> None:
    """/plan: pick a day and a time for the next conversation."""
    pair = await pair_of(turn)
    if pair is None:
        await turn.say("trajectory.no_match")
        return
    await send_plan_card(turn, pair, pair.member(turn.chat_id))


async def plan_again(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The plan button of the home card, or "another day" on the times card."""
    pair = await pair_of_button(turn, button)
    if pair is None:
        await stale(turn)
        return
    text, choices = day_card(turn, pair)
    if incoming.message_id and button.args.get("edit"):
        await turn.edit_text(incoming.message_id, text, choices=choices)
    else:
        await turn.send_text(text, choices=choices)


async def choose_day(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A day was picked: show its times on the same card."""
    pair = await pair_of_button(turn, button)
    day = _parse_day(button.args.get("d"))
    choices = slot_choices(turn.now, turn.time.tz, quiet=turn.time.quiet)
    slots = [d for d in choices if d.day == day]
    if pair is None or not slots or incoming.message_id is None:
        await stale(turn)
        return
    times = [
        Choice(f"{slot:%H:%M}", "tr_slot", {"m": pair.match.id, "at": slot.isoformat()})
        for slot in slots[0].slots
    ]
    back = turn.choice("trajectory.btn_other_day", "tr_plan", m=pair.match.id, edit=True)
    text = turn.text("trajectory.plan_time", day=day_label(turn, slots[0].day))
    await turn.edit_text(incoming.message_id, text, choices=[times, [back]])


async def choose_slot(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A time was picked: plan it for the whole match."""
    pair = await pair_of_button(turn, button)
    if pair is None:
        await stale(turn)
        return
    result = timing.plan_conversation(
        pair.seats(),
        match=pair.match.id,
        planned=pair.state.next_meeting,
        when=parse_moment(button.args.get("at")),
        planner=turn.chat_id,
        now=turn.now,
        time=turn.time,
    )
    if isinstance(result, Outcome):
        await done_with(turn, incoming.message_id)
    await settle(turn, pair, None, result)


# --- Timers -----------------------------------------------------------------------------------


async def fire_reminder(turn: Turn, timer: DueTimer) -> None:
    """The day before or an hour before: remind everyone in the match."""
    pair = await _timer_pair(turn, timer.payload.get("m"))
    if pair is not None:
        planned, members = pair.state.next_meeting, persons(pair)
        reminded = timing.remind(planned, _due(timer), members, now=turn.now, time=turn.time)
        await carry_out(turn, pair, None, reminded)


async def fire_met_check(turn: Turn, timer: DueTimer) -> None:
    """After the planned time: ask whether the conversation took place."""
    pair = await _timer_pair(turn, timer.payload.get("m"))
    if pair is None:
        return
    asked = timing.ask_met(
        pair.state.next_meeting,
        _due(timer),
        persons(pair),
        {m.id: pair.silence(m.id) for m in pair.members},
        match=pair.match.id,
        talking=pair.talking is not None,
        now=turn.now,
        time=turn.time,
    )
    await carry_out(turn, pair, None, asked)


async def fire_nudge(turn: Turn, timer: DueTimer) -> None:
    """A small step passed its date: one kind question to the coachee, never a second."""
    row = await trajectories.get_trajectory(turn.session, trajectory_id=timer.payload.get("t", 0))
    pair = await _timer_pair(turn, row.match_id if row else None)
    if row is None or pair is None:
        return
    coachee = pair.member(row.coachee_id)
    nudged = timing.nudge(
        pair.seats([row])[0],
        _due(timer),
        Person(coachee.id, coachee.unreachable),
        pair.silence(coachee.id),
        match=pair.match.id,
        now=turn.now,
        time=turn.time,
    )
    await carry_out(turn, pair, row, nudged)


async def wait_for_morning(turn: Turn, timer: DueTimer) -> bool:
    """In quiet hours, try again when they end; True when the timer was put off."""
    later = timing.morning(_due(timer), now=turn.now, time=turn.time)
    if later is not None:
        await schedule_timer(turn, later)
    return later is not None


async def _timer_pair(turn: Turn, match_id: object) -> Pair | None:
    """The match a timer is about, while it is active."""
    pair = await load_pair(turn, match_id) if isinstance(match_id, int) else None
    return pair if pair is not None and pair.active else None


def _due(timer: DueTimer) -> Due:
    return Due(timer.kind, timer.conversation, timer.payload)


def _parse_day(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
