"""Keeping the coachee's own words: goal, notes, stages, small steps with a date, the scale, the
role they ask for; shared with their coach and nobody else."""

from __future__ import annotations

from datetime import timedelta

from bot.handlers.trajectory_ask import (
    DATE_OFFSETS,
    ask,
    send_dates,
    send_roles,
    send_scale,
)
from bot.handlers.trajectory_cards import NOTEBOOK, THEME_CAPTURES
from bot.handlers.trajectory_core import (
    Pair,
    arg_int,
    await_input,
    awaited,
    day_label,
    done_with,
    forget_input,
    input_kind,
    pair_of,
    pair_of_trajectory,
    put,
    scripts_for,
    stale,
    tell,
    today,
)
from bot.handlers.trajectory_moves import continue_chain, more_stages
from bot.handlers.trajectory_schedule import schedule_nudge
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.trajectory import (
    CaptureError,
    CoachRole,
    NoteTopic,
    Party,
    Step,
    StepStatus,
    Trajectory,
    add_note,
    add_scale,
    add_stage,
    add_step,
    capture_goal,
    request_role,
    update_step_status,
)
from storage.models import Button
from storage.trajectory_models import AwaitedInput, TrajectoryRow

GOAL_LIMIT = 280  # a goal fits in a sentence or two; longer stories belong in a note
NOTE_LIMIT = 1000
STEP_LIMIT = 200
WRITABLE = frozenset(
    {key for keys in NOTEBOOK.values() for key in keys}
    | {key for themes in THEME_CAPTURES.values() for key in themes.values()}
)


def register(router: Router) -> None:
    """Wire capture buttons and the free-text answers they wait for."""
    router.action("tr_write", write_button)
    router.action("tr_compliment", coach_compliment)
    router.action("tr_scale", scale_button)
    router.action("tr_date", date_button)
    router.action("tr_role", role_button)
    router.action("tr_drop", drop)
    router.action("tr_skip", skip)
    router.action("tr_step", step_button)
    router.action("tr_stepchg", change_what)
    router.action("tr_cdate", change_date_button)
    for kind in ("goal", "note", "stage"):
        input_kind(kind, on_text=text_answer)
    input_kind("step_text", on_text=step_text_answer)
    input_kind("change_text", on_text=change_text_answer)
    input_kind("scale", reask=reask)
    input_kind("step_date", reask=reask)
    input_kind("change_date", reask=reask)
    input_kind("role", reask=reask)


# --- Asking ------------------------------------------------------------------------------------


async def write_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A notebook button (coachee) or "have it written down" (coach): ask the coachee."""
    pair = await pair_of(turn)
    row = pair.row(arg_int(button, "t")) if pair else None
    key = button.args.get("k")
    party = pair.party(row, turn.chat_id) if pair and row else None
    if pair is None or row is None or party is None or key not in WRITABLE:
        await stale(turn)
        return
    if button.args.get("s", row.step) != row.step:
        await stale(turn)
        return
    await ask(turn, pair, row, str(key), chain=str(button.args.get("ch", "")))
    if party is Party.COACH:
        await turn.answer("trajectory.write_requested", name=pair.name(row.coachee_id))


async def coach_compliment(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The coach writes a compliment for the coachee at the close."""
    pair = await pair_of(turn)
    row = pair.row(arg_int(button, "t")) if pair else None
    if pair is None or row is None or row.coach_id != turn.chat_id or row.step != Step.CLOSING:
        await stale(turn)
        return
    await ask(turn, pair, row, "compliment", by=Party.COACH)


async def reask(turn: Turn, waiting: AwaitedInput) -> None:
    """Free text where a button is expected: show the buttons again, kindly."""
    pair = await pair_of_trajectory(turn, waiting.trajectory_id)
    row = pair.row(waiting.trajectory_id) if pair else None
    if pair is None or row is None:
        await forget_input(turn)
        await turn.say("trajectory.stale_text")
        return
    await turn.say("trajectory.use_buttons")
    me = pair.member(turn.chat_id)
    if waiting.kind == "scale":
        await send_scale(turn, pair, row, me, chain=waiting.data.get("chain", ""))
    elif waiting.kind == "role":
        await send_roles(turn, pair, row, me)
    else:
        action = "tr_date" if waiting.kind == "step_date" else "tr_cdate"
        await send_dates(turn, row, me, action)


# --- Free-text answers -------------------------------------------------------------------------


async def text_answer(turn: Turn, waiting: AwaitedInput, text: str) -> None:
    """A goal, a note or a stage in the person's own words."""
    pair, row = await _waiting_target(turn, waiting)
    if pair is None or row is None:
        return
    kind, _, topic = waiting.kind.partition(":")
    limit = GOAL_LIMIT if kind == "goal" else NOTE_LIMIT
    if len(text.strip()) > limit:
        await turn.say(f"trajectory.too_long_{'goal' if kind == 'goal' else 'note'}", limit=limit)
        return
    by = Party(waiting.data.get("by", Party.COACHEE.value))
    snapshot = pair.snap(row)
    try:
        if kind == "goal":
            updated = capture_goal(snapshot, text, by=by, at=turn.now)
        elif kind == "stage":
            updated = add_stage(snapshot, text, by=by, at=turn.now)
        else:
            updated = add_note(snapshot, NoteTopic(topic), text, by=by, at=turn.now)
    except CaptureError:
        await _refused(turn)
        return
    await _keep(turn, pair, row, updated, topic or kind, text.strip(), by=by)
    await _after(turn, pair, row, waiting, topic or kind)


async def step_text_answer(turn: Turn, waiting: AwaitedInput, text: str) -> None:
    """The words of a small step; its date comes next, with buttons."""
    pair, row = await _waiting_target(turn, waiting)
    if pair is None or row is None:
        return
    if not text.strip() or len(text.strip()) > STEP_LIMIT:
        await turn.say("trajectory.too_long_step", limit=STEP_LIMIT)
        return
    await await_input(turn, "step_date", row, **waiting.data, text=text.strip())
    await send_dates(turn, row, pair.member(turn.chat_id), "tr_date")


async def change_text_answer(turn: Turn, waiting: AwaitedInput, text: str) -> None:
    """New words for an existing small step."""
    pair, row = await _waiting_target(turn, waiting)
    if pair is None or row is None:
        return
    if not text.strip() or len(text.strip()) > STEP_LIMIT:
        await turn.say("trajectory.too_long_step", limit=STEP_LIMIT)
        return
    number = int(waiting.data.get("n", 0))
    await _change_step(turn, pair, row, number, StepStatus.CHANGED, text=text.strip())
    await forget_input(turn)


# --- Button answers ----------------------------------------------------------------------------


async def scale_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A number from 0 to 10."""
    waiting, pair, row = await _button_target(turn, button, "scale")
    value = arg_int(button, "v")
    if waiting is None or pair is None or row is None or value is None:
        return
    await done_with(turn, incoming.message_id)
    try:
        updated = add_scale(pair.snap(row), value, by=Party.COACHEE, at=turn.now)
    except CaptureError:
        await _refused(turn)
        return
    await _keep(turn, pair, row, updated, "scale", str(value), by=Party.COACHEE)
    await _after(turn, pair, row, waiting, "scale")


async def date_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The day a new small step should be taken by."""
    waiting, pair, row = await _button_target(turn, button, "step_date")
    offset = arg_int(button, "d")
    if waiting is None or pair is None or row is None or offset not in DATE_OFFSETS:
        return
    await done_with(turn, incoming.message_id)
    due = today(turn) + timedelta(days=offset)
    text = str(waiting.data.get("text", ""))
    try:
        updated = add_step(pair.snap(row), text, due, by=Party.COACHEE, at=turn.now)
    except CaptureError:
        await _refused(turn)
        return
    await schedule_nudge(turn, row, updated.small_steps[-1])
    shown = f"{text} ({day_label(turn, due)})"
    await _keep(turn, pair, row, updated, "small_step", shown, by=Party.COACHEE)
    await _after(turn, pair, row, waiting, "small_step")


async def role_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The role the coachee asks from their coach today."""
    waiting, pair, row = await _button_target(turn, button, "role")
    role = button.args.get("r")
    if waiting is None or pair is None or row is None or role not in set(CoachRole):
        return
    await done_with(turn, incoming.message_id)
    try:
        updated = request_role(pair.snap(row), CoachRole(role), by=Party.COACHEE, at=turn.now)
    except CaptureError:
        await _refused(turn)
        return
    put(turn, pair, row, updated)
    await forget_input(turn)
    await turn.say("trajectory.saved")
    coach = pair.member(row.coach_id)
    name = (await scripts_for(turn, pair, coach.language)).reflection.roles[CoachRole(role)].name
    await tell(turn, coach, "trajectory.role_asked", name=pair.name(turn.chat_id), role=name)


async def drop(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Never mind: nothing is kept."""
    await done_with(turn, incoming.message_id)
    if await forget_input(turn):
        await turn.say("trajectory.dropped")


async def skip(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Pass over one closing question and go on to the next."""
    waiting, pair, row = await _button_target(turn, button, None)
    key = button.args.get("k")
    if waiting is None or pair is None or row is None or waiting.data.get("chain") != "closing":
        return
    await done_with(turn, incoming.message_id)
    await forget_input(turn)
    skipped = frozenset([*waiting.data.get("skipped", []), str(key)])
    await continue_chain(turn, pair, row, "closing", skipped)


# --- Small steps between conversations ---------------------------------------------------------


async def step_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Tick off, drop or change a small step."""
    pair = await pair_of_trajectory(turn, arg_int(button, "t"))
    row = pair.row(arg_int(button, "t")) if pair else None
    number, action = arg_int(button, "n"), button.args.get("a")
    if pair is None or row is None or row.coachee_id != turn.chat_id or number is None:
        await stale(turn)
        return
    await done_with(turn, incoming.message_id)
    if action == "change":
        args = {"t": row.id, "n": number}
        await turn.say(
            "trajectory.change_what",
            choices=[
                [turn.choice("trajectory.btn_change_text", "tr_stepchg", **args, w="text")],
                [turn.choice("trajectory.btn_change_date", "tr_stepchg", **args, w="date")],
            ],
        )
        return
    status = StepStatus.DONE if action == "done" else StepStatus.DROPPED
    await _change_step(turn, pair, row, number, status)


async def change_what(turn: Turn, incoming: Incoming, button: Button) -> None:
    """New words or a new date for a small step."""
    pair = await pair_of_trajectory(turn, arg_int(button, "t"))
    row = pair.row(arg_int(button, "t")) if pair else None
    number = arg_int(button, "n")
    if pair is None or row is None or row.coachee_id != turn.chat_id or number is None:
        await stale(turn)
        return
    await done_with(turn, incoming.message_id)
    if button.args.get("w") == "date":
        await await_input(turn, "change_date", row, n=number)
        await send_dates(turn, row, pair.member(turn.chat_id), "tr_cdate")
    else:
        await await_input(turn, "change_text", row, n=number)
        await turn.say("trajectory.prompt_change_text")


async def change_date_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The new date of a small step."""
    waiting, pair, row = await _button_target(turn, button, "change_date")
    offset = arg_int(button, "d")
    if waiting is None or pair is None or row is None or offset not in DATE_OFFSETS:
        return
    await done_with(turn, incoming.message_id)
    due = today(turn) + timedelta(days=offset)
    await _change_step(turn, pair, row, int(waiting.data.get("n", 0)), StepStatus.CHANGED, due=due)
    await forget_input(turn)


async def _change_step(
    turn: Turn,
    pair: Pair,
    row: TrajectoryRow,
    number: int,
    status: StepStatus,
    **change: object,
) -> None:
    try:
        updated = update_step_status(
            pair.snap(row),
            number,
            status,
            by=Party.COACHEE,
            at=turn.now,
            **change,  # type: ignore[arg-type]
        )
    except CaptureError:
        await turn.say("trajectory.step_unchanged")
        return
    put(turn, pair, row, updated)
    step = updated.small_step(number)
    assert step is not None
    if "due" in change:
        await schedule_nudge(turn, row, step)
    await turn.say(f"trajectory.small_{status.value}", step=step.text)
    await tell(
        turn,
        pair.member(row.coach_id),
        f"trajectory.coach_small_{status.value}",
        name=pair.name(row.coachee_id),
        step=step.text,
    )


# --- Shared -------------------------------------------------------------------------------------


async def _keep(
    turn: Turn,
    pair: Pair,
    row: TrajectoryRow,
    updated: Trajectory,
    key: str,
    shown: str,
    *,
    by: Party,
) -> None:
    """Store a capture, thank the writer and show it to the partner it belongs with."""
    put(turn, pair, row, updated)
    await forget_input(turn)
    await turn.say("trajectory.saved")
    if key == "compliment":
        other = row.coachee_id if by is Party.COACH else row.coach_id
        writer = pair.name(turn.chat_id)
        await tell(turn, pair.member(other), "trajectory.compliment_from", name=writer, text=shown)
        return
    coach = pair.member(row.coach_id)
    with_label = "trajectory.shared_scale" if key == "scale" else "trajectory.shared_note"
    await tell(
        turn,
        coach,
        with_label,
        name=pair.name(row.coachee_id),
        label=_label(turn, coach.language, key),
        text=shown,
    )


def _label(turn: Turn, language: str, key: str) -> str:
    return turn.services.texts.get(language, f"trajectory.label_{key}")


async def _after(
    turn: Turn, pair: Pair, row: TrajectoryRow, waiting: AwaitedInput, key: str
) -> None:
    """Continue the chain the capture was part of (goal, route, closing), if any."""
    chain = str(waiting.data.get("chain", ""))
    if not chain:
        return
    if chain == "route" and key == "stage":
        await more_stages(turn, pair, row)
        return
    await continue_chain(turn, pair, row, chain, frozenset(waiting.data.get("skipped", [])))


async def _waiting_target(
    turn: Turn, waiting: AwaitedInput
) -> tuple[Pair | None, TrajectoryRow | None]:
    pair = await pair_of_trajectory(turn, waiting.trajectory_id)
    row = pair.row(waiting.trajectory_id) if pair else None
    if pair is None or row is None:
        await forget_input(turn)
        await turn.say("trajectory.stale_text")
        return None, None
    return pair, row


async def _button_target(
    turn: Turn, button: Button, kind: str | None
) -> tuple[AwaitedInput | None, Pair | None, TrajectoryRow | None]:
    """The awaited input a button answers, if it is still the one awaited."""
    waiting = await awaited(turn)
    matches = waiting is not None and waiting.trajectory_id == arg_int(button, "t")
    if waiting is None or not matches or (kind is not None and waiting.kind != kind):
        await stale(turn)
        return None, None, None
    pair = await pair_of_trajectory(turn, waiting.trajectory_id)
    row = pair.row(waiting.trajectory_id) if pair else None
    if pair is None or row is None:
        await stale(turn)
        return None, None, None
    return waiting, pair, row


async def _refused(turn: Turn) -> None:
    await forget_input(turn)
    await turn.say("trajectory.capture_refused")
