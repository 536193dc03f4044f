"""Keeping the coachee's own words: goal, notes, stages, small steps with a date, the scale, the
role they ask for; shared with their coach and nobody else."""

from __future__ import annotations

from datetime import date, timedelta

from bot.handlers.trajectory.ask import (
    DATE_OFFSETS,
    ask,
    send_dates,
    send_roles,
    send_scale,
)
from bot.handlers.trajectory.core import (
    Pair,
    arg_int,
    await_input,
    awaited,
    card_target,
    done_with,
    forget_input,
    input_kind,
    pair_of_trajectory,
    refuse,
    stale,
    today,
)
from bot.handlers.trajectory.effects import carry_out, settle
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.trajectory import (
    WRITABLE,
    CoachRole,
    Party,
    Step,
    StepStatus,
)
from flows.trajectory.answers import (
    Waiting,
    change_small_step,
    continue_chain,
    take_role,
    take_scale,
    take_small_step,
    take_step_words,
    take_text,
)
from flows.trajectory.effects import Chain
from flows.trajectory.presses import made_for, small_step_press
from flows.trajectory.prompts import awaited_kind
from storage.models import Button
from storage.trajectory_models import AwaitedInput, TrajectoryRow


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
    target = await card_target(turn, button)
    key = button.args.get("k")
    if target is None or key not in WRITABLE:
        await stale(turn)
        return
    pair, row, party = target.pair, target.row, target.party
    refused = made_for(pair.snap(row), button.args.get("s", row.step))
    if refused is not None:
        await refuse(turn, refused)
        return
    await ask(turn, pair, row, str(key), chain=str(button.args.get("ch", "")))
    if party is Party.COACH:
        await turn.answer("trajectory.write_requested", name=pair.name(row.coachee_id))


async def coach_compliment(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The coach writes a compliment for the coachee at the close."""
    target = await card_target(
        turn, button, party=Party.COACH, holds=lambda _, row: row.step == Step.CLOSING
    )
    if target is not None:
        await ask(turn, target.pair, target.row, "compliment", by=Party.COACH)


async def reask(turn: Turn, waiting: AwaitedInput) -> None:
    """Free text where a button is expected: show the buttons again, kindly."""
    pair, row = await _waiting_target(turn, waiting)
    if pair is None or row is None:
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
    if pair is not None and row is not None:
        await settle(turn, pair, row, take_text(pair.snap(row), _asked(waiting), text, at=turn.now))


async def step_text_answer(turn: Turn, waiting: AwaitedInput, text: str) -> None:
    """The words of a small step; its date comes next, with buttons."""
    pair, row = await _waiting_target(turn, waiting)
    if pair is not None and row is not None:
        await settle(turn, pair, row, take_step_words(_asked(waiting), text))


async def change_text_answer(turn: Turn, waiting: AwaitedInput, text: str) -> None:
    """New words for an existing small step."""
    pair, row = await _waiting_target(turn, waiting)
    if pair is None or row is None:
        return
    number = int(waiting.data.get("n", 0))
    changed = change_small_step(
        pair.snap(row), number, StepStatus.CHANGED, at=turn.now, text=text, answering=True
    )
    await settle(turn, pair, row, changed)


# --- Button answers ----------------------------------------------------------------------------


async def scale_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A number from 0 to 10."""
    waiting, pair, row = await _button_target(turn, button, "scale")
    value = arg_int(button, "v")
    if waiting is None or pair is None or row is None or value is None:
        return
    await done_with(turn, incoming.message_id)
    await settle(turn, pair, row, take_scale(pair.snap(row), _asked(waiting), value, at=turn.now))


async def date_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The day a new small step should be taken by."""
    target = await _dated_target(turn, incoming, button, "step_date")
    if target is None:
        return
    waiting, pair, row, due = target
    text = str(waiting.data.get("text", ""))
    taken = take_small_step(pair.snap(row), _asked(waiting), text, due, at=turn.now)
    await settle(turn, pair, row, taken)


async def role_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The role the coachee asks from their coach today."""
    waiting, pair, row = await _button_target(turn, button, "role")
    role = button.args.get("r")
    if waiting is None or pair is None or row is None or role not in set(CoachRole):
        return
    await done_with(turn, incoming.message_id)
    await settle(turn, pair, row, take_role(pair.snap(row), CoachRole(role), at=turn.now))


async def drop(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Never mind: nothing is kept, when the card's question is still the one open; an older
    card's "never mind" leaves the question open now alone (its "w" names what it asked)."""
    kind = button.args.get("w")
    waiting, _, _ = await _button_target(turn, button, kind if isinstance(kind, str) else None)
    if waiting is None:
        return
    await done_with(turn, incoming.message_id)
    await forget_input(turn)
    await turn.say("trajectory.dropped")


async def skip(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Pass over one closing question and go on to the next, when it is the one open now."""
    key = button.args.get("k")
    kind = awaited_kind(key) if isinstance(key, str) else None
    waiting, pair, row = await _button_target(turn, button, kind)
    if waiting is None or pair is None or row is None or waiting.data.get("chain") != "closing":
        return
    await done_with(turn, incoming.message_id)
    await forget_input(turn)
    skipped = (*waiting.data.get("skipped", []), str(key))
    await carry_out(turn, pair, row, continue_chain(pair.snap(row), Chain.CLOSING, skipped))


# --- Small steps between conversations ---------------------------------------------------------


async def step_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Tick off, drop or change a small step."""
    target = await _small_step_target(turn, incoming, button)
    if target is None:
        return
    pair, row, number = target
    action = button.args.get("a")
    if action == "change":
        args = {"t": row.id, "n": number, "v": button.args.get("v")}
        await turn.say(
            "trajectory.change_what",
            choices=[
                [turn.choice("trajectory.btn_change_text", "tr_stepchg", **args, w="text")],
                [turn.choice("trajectory.btn_change_date", "tr_stepchg", **args, w="date")],
            ],
        )
        return
    status = StepStatus.DONE if action == "done" else StepStatus.DROPPED
    await settle(turn, pair, row, change_small_step(pair.snap(row), number, status, at=turn.now))


async def change_what(turn: Turn, incoming: Incoming, button: Button) -> None:
    """New words or a new date for a small step."""
    target = await _small_step_target(turn, incoming, button)
    if target is None:
        return
    pair, row, number = target
    if button.args.get("w") == "date":
        await await_input(turn, "change_date", row, n=number)
        await send_dates(turn, row, pair.member(turn.chat_id), "tr_cdate")
    else:
        await await_input(turn, "change_text", row, n=number)
        await turn.say("trajectory.prompt_change_text")


async def _small_step_target(
    turn: Turn, incoming: Incoming, button: Button
) -> tuple[Pair, TrajectoryRow, int] | None:
    """The coachee's trajectory and small step a step button names, if its card still holds."""
    number = arg_int(button, "n")
    target = await card_target(
        turn, button, party=Party.COACHEE, ended=True, holds=lambda *_: number is not None
    )
    if target is None or number is None:
        return None
    refused = small_step_press(target.pair.snap(target.row), number, button.args.get("v"))
    if refused is not None:
        await refuse(turn, refused)
        return None
    await done_with(turn, incoming.message_id)
    return target.pair, target.row, number


async def change_date_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The new date of a small step."""
    target = await _dated_target(turn, incoming, button, "change_date")
    if target is None:
        return
    waiting, pair, row, due = target
    number = int(waiting.data.get("n", 0))
    changed = change_small_step(
        pair.snap(row), number, StepStatus.CHANGED, at=turn.now, due=due, answering=True
    )
    await settle(turn, pair, row, changed)


# --- Shared -------------------------------------------------------------------------------------


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
    # The button names the awaited trajectory; whoever awaits an answer may give it.
    target = await card_target(turn, button, party=None, ended=True)
    return (waiting, target.pair, target.row) if target else (None, None, None)


async def _dated_target(
    turn: Turn, incoming: Incoming, button: Button, kind: str
) -> tuple[AwaitedInput, Pair, TrajectoryRow, date] | None:
    """A day button answering the awaited `kind`, and the day it stands for."""
    waiting, pair, row = await _button_target(turn, button, kind)
    offset = arg_int(button, "d")
    if waiting is None or pair is None or row is None or offset not in DATE_OFFSETS:
        return None
    await done_with(turn, incoming.message_id)
    return waiting, pair, row, today(turn) + timedelta(days=offset)


def _asked(waiting: AwaitedInput) -> Waiting:
    """What the stored awaited input asked for, as flows reads it."""
    data = waiting.data
    return Waiting(
        waiting.kind,
        by=Party(data.get("by", Party.COACHEE.value)),
        chain=Chain(data.get("chain", "")),
        skipped=tuple(data.get("skipped", [])),
    )
