"""Planning the next conversation with buttons, and the durable timers: reminders, nudges, and
counting the prompts a member lets pass."""

from __future__ import annotations

from datetime import date, datetime

from bot.handlers.trajectory.calendar import calendar_choice
from bot.handlers.trajectory.core import (
    Member,
    Pair,
    day_label,
    done_with,
    load_pair,
    moment_label,
    pair_of,
    pair_of_button,
    put,
    refuse,
    stale,
    tell,
    today,
)
from bot.runtime.handler_types import TimerHandler
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.scheduling import (
    after_meeting_check_time,
    reminder_times,
    slot_choices,
    step_nudge_time,
)
from flows.trajectory import (
    GRACE,
    CaptureError,
    Party,
    SmallStep,
    grace_starts,
    mark_step_nudged,
    plan_meeting,
    prompt_sent,
    steps_due_for_nudge,
)
from flows.trajectory.presses import plan_press, step_version
from storage import timers, trajectories
from storage.models import Button
from storage.timers import DueTimer
from storage.trajectory_models import TrajectoryRow

REMINDER = "trajectory_reminder"
MET_CHECK = "trajectory_met"
NUDGE = "trajectory_nudge"
# A member let several prompts pass: the pairing feature, which owns the pause, handles it.
QUIET = "trajectory_quiet"
DAYS_PER_ROW = 3


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


async def send_plan_card(turn: Turn, pair: Pair, member: Member) -> None:
    """Day buttons for the coming week (only days that still have a time to choose)."""
    with turn.speaking(member.language):
        text, choices = _day_card(turn, pair)
        await turn.send_text(text, chat_id=member.id, choices=choices)


def _day_card(turn: Turn, pair: Pair) -> tuple[str, list[list[Choice]]]:
    days = slot_choices(turn.now, turn.time.tz, quiet=turn.time.quiet)
    buttons = [
        Choice(day_label(turn, day.day), "tr_day", {"m": pair.match.id, "d": day.day.isoformat()})
        for day in days
    ]
    rows = [buttons[i : i + DAYS_PER_ROW] for i in range(0, len(buttons), DAYS_PER_ROW)]
    return turn.text("trajectory.plan_day"), rows


async def plan_again(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The plan button of the home card, or "another day" on the times card."""
    pair = await pair_of_button(turn, button)
    if pair is None:
        await stale(turn)
        return
    text, choices = _day_card(turn, pair)
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
    when = parse_moment(button.args.get("at"))
    if pair is None or when is None or when <= turn.now:
        await stale(turn)
        return
    refused = plan_press(pair.state.next_meeting, when)
    if refused is not None:
        await refuse(turn, refused)
        return
    await done_with(turn, incoming.message_id)
    await plan(turn, pair, when, planner=turn.chat_id)


async def plan(turn: Turn, pair: Pair, when: datetime, *, planner: int) -> None:
    """Store the next conversation, set the reminders and tell everyone in the match."""
    pair.state.next_meeting = when
    for row in pair.live_rows():
        try:
            put(turn, pair, row, plan_meeting(pair.snap(row), when, by=Party.COACH, at=turn.now))
        except CaptureError:
            continue  # a trajectory that cannot plan (closed meanwhile) simply keeps none
    await _set_timers(turn, pair, when)
    label = moment_label(turn, when)
    await turn.say("trajectory.planned", when=label, choices=[[calendar_choice(turn, pair)]])
    for member in pair.others(planner):
        with turn.speaking(member.language):
            await turn.say(
                "trajectory.planned_by",
                chat_id=member.id,
                name=pair.name(planner),
                when=moment_label(turn, when),
                choices=[[calendar_choice(turn, pair)]],
            )


async def _set_timers(turn: Turn, pair: Pair, when: datetime) -> None:
    zone, quiet = turn.time.tz, turn.time.quiet
    match_id = pair.match.id
    conversation = f"match:{match_id}"
    payload = {"m": match_id, "at": when.isoformat()}
    kept = set()
    for reminder in reminder_times(when, zone, now=turn.now, quiet=quiet):
        kept.add(reminder.kind.value)
        await timers.schedule(
            turn.session,
            conversation=conversation,
            kind=REMINDER,
            due_at=reminder.at,
            payload={**payload, "r": reminder.kind.value},
            name=f"trajectory:{match_id}:{reminder.kind.value}",
        )
    for kind in ("day_before", "hour_before"):
        if kind not in kept:
            await timers.cancel(turn.session, name=f"trajectory:{match_id}:{kind}")
    await timers.schedule(
        turn.session,
        conversation=conversation,
        kind=MET_CHECK,
        due_at=after_meeting_check_time(when, zone, quiet=quiet),
        payload=payload,
        name=f"trajectory:{match_id}:met",
    )


async def forget_plan(turn: Turn, pair: Pair) -> None:
    """The planned conversation happened (or the match ended): no reminders, no question."""
    pair.state.next_meeting = None
    for kind in ("day_before", "hour_before", "met"):
        await timers.cancel(turn.session, name=f"trajectory:{pair.match.id}:{kind}")


async def schedule_nudge(turn: Turn, row: TrajectoryRow, step: SmallStep) -> None:
    """One gentle nudge the morning after a small step's date, if it is still open then."""
    await timers.schedule(
        turn.session,
        conversation=f"user:{row.coachee_id}",
        kind=NUDGE,
        due_at=step_nudge_time(step.due, turn.time.tz, quiet=turn.time.quiet),
        payload={"t": row.id, "n": step.number},
        name=f"trajectory:{row.id}:step:{step.number}",
    )


async def cancel_nudges(turn: Turn, pair: Pair) -> None:
    """No nudges for a trajectory that ended."""
    for row in pair.rows:
        for step in pair.snap(row).small_steps:
            await timers.cancel(turn.session, name=f"trajectory:{row.id}:step:{step.number}")


# --- Timers -----------------------------------------------------------------------------------


async def fire_reminder(turn: Turn, timer: DueTimer) -> None:
    """The day before or an hour before: remind everyone in the match."""
    pair = await _planned_pair(turn, timer)
    if pair is None or pair.state.next_meeting is None or pair.state.next_meeting <= turn.now:
        return  # re-planned, or it fires so late that the conversation already began
    if await wait_for_morning(turn, timer):
        return
    for member in pair.members:
        with turn.speaking(member.language):
            await turn.say(
                f"trajectory.reminder_{timer.payload.get('r')}",
                chat_id=member.id,
                when=moment_label(turn, pair.state.next_meeting),
            )


async def fire_met_check(turn: Turn, timer: DueTimer) -> None:
    """After the planned time: ask whether the conversation took place."""
    pair = await _planned_pair(turn, timer)
    if pair is None or pair.talking is not None or await wait_for_morning(turn, timer):
        return
    assert pair.state.next_meeting is not None
    args = {"m": pair.match.id, "at": timer.payload.get("at")}

    def answers() -> list[list[Choice]]:
        return [
            [
                turn.choice("trajectory.btn_met_yes", "tr_met", **args, held=True),
                turn.choice("trajectory.btn_met_no", "tr_met", **args, held=False),
            ]
        ]

    for member in pair.members:
        await tell(
            turn,
            member,
            "trajectory.met_question",
            when=_label_for(turn, member, pair.state.next_meeting),
            choices=answers,
        )
        await prompted(turn, pair, member)


async def fire_nudge(turn: Turn, timer: DueTimer) -> None:
    """A small step passed its date: one kind question to the coachee, never a second."""
    row = await trajectories.get_trajectory(turn.session, trajectory_id=timer.payload.get("t", 0))
    pair = await load_pair(turn, row.match_id) if row else None
    if row is None or pair is None or not pair.active or await wait_for_morning(turn, timer):
        return
    number = timer.payload.get("n")
    due = steps_due_for_nudge(pair.snap(row), today(turn))
    step = next((s for s in due if s.number == number), None)
    if step is None:
        return
    put(turn, pair, row, mark_step_nudged(pair.snap(row), step.number))
    args = {"t": row.id, "n": step.number, "v": step_version(step)}
    await tell(
        turn,
        pair.member(row.coachee_id),
        "trajectory.nudge",
        step=step.text,
        choices=lambda: [
            [
                turn.choice("trajectory.btn_step_done", "tr_step", **args, a="done"),
                turn.choice("trajectory.btn_step_change", "tr_step", **args, a="change"),
            ],
            [turn.choice("trajectory.btn_step_drop", "tr_step", **args, a="drop")],
        ],
    )
    await prompted(turn, pair, pair.member(row.coachee_id))


async def prompted(turn: Turn, pair: Pair, member: Member) -> None:
    """A prompt went out on its own: one more in the member's run; a complete run gets a day's
    grace, then the pairing feature asks kindly about a pause (see QUIET)."""
    if member.unreachable:
        return  # it never reached them; the match's unreachable handling takes over
    silence = prompt_sent(pair.silence(member.id), turn.now)
    pair.keep_silence(member.id, silence)
    if not grace_starts(silence):
        return
    await timers.schedule(
        turn.session,
        conversation=f"match:{pair.match.id}",
        kind=QUIET,
        due_at=turn.time.after_quiet(turn.now + GRACE),
        payload={"m": pair.match.id, "u": member.id},
        name=f"trajectory:{pair.match.id}:quiet:{member.id}",
    )


async def wait_for_morning(turn: Turn, timer: DueTimer) -> bool:
    """In quiet hours, try again when they end; True when the timer was put off."""
    if not turn.time.is_quiet(turn.now):
        return False
    await timers.schedule(
        turn.session,
        conversation=timer.conversation,
        kind=timer.kind,
        due_at=turn.time.after_quiet(turn.now),
        payload=timer.payload,
    )
    return True


async def _planned_pair(turn: Turn, timer: DueTimer) -> Pair | None:
    """The match of a meeting timer, if that meeting is still the planned one."""
    match_id = timer.payload.get("m")
    pair = await load_pair(turn, match_id) if isinstance(match_id, int) else None
    if pair is None or not pair.active or pair.state.next_meeting is None:
        return None
    if pair.state.next_meeting != parse_moment(timer.payload.get("at")):
        return None
    return pair


def _label_for(turn: Turn, member: Member, moment: datetime) -> str:
    with turn.speaking(member.language):
        return moment_label(turn, moment)


def _parse_day(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def parse_moment(value: object) -> datetime | None:
    """A moment a button or timer carries, or None when absent or malformed."""
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
