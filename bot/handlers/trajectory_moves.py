"""Moving on and winding back: the coach proposes the next step, the coachee confirms in their
own words; goal and route can be revisited whenever the real path asks for it."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.handlers.trajectory_ask import ask, step_line
from bot.handlers.trajectory_cards import (
    NOTEBOOK,
    STEP_EMOJI,
    card_args,
    is_current,
    send_coach_card,
    send_home,
    send_notebook,
    send_observer_card,
)
from bot.handlers.trajectory_core import (
    Pair,
    arg_int,
    done_with,
    pair_of,
    put,
    scripts_for,
    stale,
    step_name,
    tell,
    tell_text,
)
from bot.handlers.trajectory_ending import trajectory_closed
from bot.handlers.trajectory_talk import after_conversation, end_conversation, show_now
from bot.i18n import Html
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.trajectory import Event, NoteTopic, Outcome, Party, Step, Trajectory, fire
from storage.models import Button
from storage.trajectory_models import TrajectoryRow

MOVE_EVENTS = frozenset({Event.REVISE_GOAL, Event.REPLAN, Event.START_CLOSING, Event.RESUME_PATH})
CONFIRM_EVENTS = frozenset({Event.CONFIRM_GOAL, Event.CONFIRM_ROUTE, Event.CLOSE})
CHAIN_OF_STEP = {Step.GOAL: "goal", Step.ROUTE: "route", Step.CLOSING: "closing"}


def register(router: Router) -> None:
    """Wire the buttons that move a trajectory."""
    router.action("tr_next", next_step)
    router.action("tr_move", move)
    router.action("tr_confirm", confirm)
    router.action("tr_chain", go_on)
    router.action("tr_notyet", not_yet)


async def _target(turn: Turn, button: Button) -> tuple[Pair, TrajectoryRow, Party] | None:
    """The trajectory of a card button and the presser's part in it, if the card is current."""
    pair = await pair_of(turn)
    row = pair.row(arg_int(button, "t")) if pair else None
    party = pair.party(row, turn.chat_id) if pair and row else None
    if pair is None or row is None or party is None or not is_current(pair, row, button.args):
        await stale(turn)
        if pair is not None:
            await show_now(turn, pair)
        return None
    return pair, row, party


async def next_step(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The coach wants to move on: the coachee writes down what is missing, then confirms."""
    target = await _target(turn, button)
    if target is None:
        return
    pair, row, party = target
    if party is not Party.COACH or Step(row.step) not in CHAIN_OF_STEP:
        await stale(turn)
        return
    await turn.say("trajectory.next_asked", name=pair.name(row.coachee_id))
    await continue_chain(turn, pair, row, CHAIN_OF_STEP[Step(row.step)])


async def go_on(turn: Turn, incoming: Incoming, button: Button) -> None:
    """ "Go on" on a card that asked for more stages: on to the small steps."""
    target = await _target(turn, button)
    if target is None:
        return
    await done_with(turn, incoming.message_id)
    pair, row, _ = target
    await continue_chain(turn, pair, row, str(button.args.get("ch", "")))


async def continue_chain(
    turn: Turn, pair: Pair, row: TrajectoryRow, chain: str, skipped: frozenset[str] = frozenset()
) -> None:
    """Ask for the next missing capture of a step, or for the confirmation once all is there."""
    snapshot = pair.snap(row)
    if chain == "goal":
        since = _entered(snapshot, Step.GOAL)
        goal = snapshot.goals[-1] if snapshot.goals else None
        if goal is None or goal.at < since:
            await ask(turn, pair, row, "goal", chain=chain)
        elif not any(scale.at >= goal.at for scale in snapshot.scales):
            await ask(turn, pair, row, "scale", chain=chain)
        else:
            await send_goal_confirmation(turn, pair, row)
    elif chain == "route" and not snapshot.stages:
        await ask(turn, pair, row, "stage", chain="route")
    elif chain in ("route", "route2"):
        if not any(step.active for step in snapshot.small_steps):
            await ask(turn, pair, row, "small_step", chain="route2")
        else:
            await send_route_confirmation(turn, pair, row)
    elif chain == "closing":
        missing = _closing_missing(snapshot, skipped)
        if missing is not None:
            await ask(turn, pair, row, missing, chain=chain, skipped=sorted(skipped))
        else:
            await send_close_cards(turn, pair, row)


def _entered(snapshot: Trajectory, step: Step) -> datetime:
    """When the trajectory last arrived in this step."""
    moments = [move.at for move in snapshot.moves if move.dest is step]
    return max(moments) if moments else datetime.min.replace(tzinfo=UTC)


def _closing_missing(snapshot: Trajectory, skipped: frozenset[str]) -> str | None:
    since = _entered(snapshot, Step.CLOSING)
    for key in NOTEBOOK[Step.CLOSING]:
        if key in skipped:
            continue
        if key == "scale":
            if not any(scale.at >= since for scale in snapshot.scales):
                return key
        elif not any(note.at >= since for note in snapshot.notes_about(NoteTopic(key))):
            return key
    return None


async def more_stages(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """After a stage in the route: another one, or on to the first small step."""
    args = card_args(pair, row)
    await turn.say(
        "trajectory.more_stages",
        choices=[
            [turn.choice("trajectory.btn_more_stage", "tr_write", **args, k="stage", ch="route")],
            [turn.choice("trajectory.btn_to_steps", "tr_chain", **args, ch="route2")],
        ],
    )


async def send_goal_confirmation(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """Ask the coachee whether this is their goal, in their own words."""
    snapshot = pair.snap(row)
    args = card_args(pair, row)
    await tell(
        turn,
        pair.member(row.coachee_id),
        "trajectory.confirm_goal",
        goal=snapshot.goal or "",
        scale=snapshot.scales[-1].value if snapshot.scales else "",
        choices=lambda: [
            [turn.choice("trajectory.btn_confirm_goal", "tr_confirm", **args, e="confirm_goal")],
            [turn.choice("trajectory.btn_rewrite_goal", "tr_write", **args, k="goal", ch="goal")],
        ],
    )


async def send_route_confirmation(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """Show the coachee their route and ask whether they set off like this."""
    snapshot = pair.snap(row)
    args = card_args(pair, row)

    def render() -> str:
        stages = "\n".join(f"• {stage.text}" for stage in snapshot.stages)
        steps = "\n".join(step_line(turn, s) for s in snapshot.small_steps if s.active)
        return turn.text("trajectory.confirm_route", stages=stages, steps=Html(steps))

    await tell_text(
        turn,
        pair.member(row.coachee_id),
        render,
        choices=lambda: [
            [turn.choice("trajectory.btn_confirm_route", "tr_confirm", **args, e="confirm_route")],
            [
                turn.choice("trajectory.btn_more_stage", "tr_write", **args, k="stage", ch="route"),
                turn.choice(
                    "trajectory.btn_add_step", "tr_write", **args, k="small_step", ch="route2"
                ),
            ],
        ],
    )


async def send_close_cards(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """Everything is harvested: ask coach and coachee to close together."""
    args = card_args(pair, row)
    for uid in (row.coach_id, row.coachee_id):
        await tell(
            turn,
            pair.member(uid),
            "trajectory.confirm_close",
            choices=lambda: [
                [turn.choice("trajectory.btn_close", "tr_confirm", **args, e="close")],
                [turn.choice("trajectory.btn_not_yet", "tr_notyet")],
            ],
        )


async def move(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Wind back to the goal or the route, start closing, or resume the path."""
    target = await _target(turn, button)
    event = button.args.get("e")
    if target is None:
        return
    if event not in {e.value for e in MOVE_EVENTS}:
        await stale(turn)
        return
    pair, row, party = target
    await _apply(turn, pair, row, fire(pair.snap(row), Event(event), party, at=turn.now))


async def confirm(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The coachee confirms goal or route; both confirm the close."""
    target = await _target(turn, button)
    event = button.args.get("e")
    if target is None:
        return
    if event not in {e.value for e in CONFIRM_EVENTS}:
        await stale(turn)
        return
    pair, row, party = target
    await done_with(turn, incoming.message_id)
    await _apply(turn, pair, row, fire(pair.snap(row), Event(event), party, at=turn.now))


async def not_yet(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Not closing yet."""
    await done_with(turn, incoming.message_id)
    await turn.say("trajectory.not_yet")


async def _apply(turn: Turn, pair: Pair, row: TrajectoryRow, outcome: Outcome) -> None:
    """Store what firing did and tell everyone what it means for them."""
    if outcome.refused:
        await turn.say(refusal_key(outcome))
        return
    put(turn, pair, row, outcome.trajectory)
    if outcome.waiting:
        other = row.coachee_id if row.coach_id == turn.chat_id else row.coach_id
        await turn.say("trajectory.waiting_for", name=pair.name(other))
        return
    await announce(turn, pair, row)


GUARDS = frozenset(
    {"contract_agreed", "goal_captured", "goal_scaled", "route_planned", "learning_captured"}
)
REFUSALS = frozenset({"wrong_step", "terminal", "not_your_role"})


def refusal_key(outcome: Outcome) -> str:
    """The kind explanation of why an event was not accepted."""
    if outcome.guard in GUARDS:
        return f"trajectory.refused_{outcome.guard}"
    if outcome.refusal is not None and outcome.refusal.value in REFUSALS:
        return f"trajectory.refused_{outcome.refusal.value}"
    return "trajectory.refused_other"


async def announce(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """A new step: tell coach, coachee and observer, and hand out the new cards."""
    step = Step(row.step)
    if step is Step.CLOSED:
        talking = pair.talking is row
        if talking:
            await end_conversation(turn, pair, aftercare=False)
        await trajectory_closed(turn, pair, row)
        if talking:
            await after_conversation(turn, pair, row)
        return
    for uid, party in ((row.coach_id, Party.COACH), (row.coachee_id, Party.COACHEE)):
        member = pair.member(uid)
        script = (await scripts_for(turn, pair, member.language)).step(step)
        intro = script.coach_intro if party is Party.COACH else script.coachee_intro
        with turn.speaking(member.language):
            await turn.say(
                "trajectory.new_step",
                chat_id=uid,
                emoji=STEP_EMOJI[step],
                step=step_name(turn, step),
                intro=intro if party is Party.COACH or pair.talking is not row else "",
            )
    if pair.talking is row:
        await send_coach_card(turn, pair, row)
        await send_notebook(turn, pair, row, intro=True)
        await send_observer_card(turn, pair, row)
        return
    for uid in (row.coach_id, row.coachee_id):
        await send_home(turn, pair, pair.member(uid))
