"""Moving on and winding back: the coach proposes the next step, the coachee confirms in their
own words; goal and route can be revisited whenever the real path asks for it."""

from __future__ import annotations

from bot.handlers.trajectory.cards import (
    is_current,
)
from bot.handlers.trajectory.core import (
    Pair,
    Target,
    card_target,
    done_with,
    refuse,
    stale,
)
from bot.handlers.trajectory.effects import carry_out, settle
from bot.handlers.trajectory.talk import show_now
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.trajectory import Event, Party, Step
from flows.trajectory.answers import continue_chain
from flows.trajectory.effects import Chain
from flows.trajectory.moving import fire_from_card
from flows.trajectory.presses import confirm_press
from storage.models import Button
from storage.trajectory_models import TrajectoryRow

MOVE_EVENTS = frozenset({Event.REVISE_GOAL, Event.REPLAN, Event.START_CLOSING, Event.RESUME_PATH})
CONFIRM_EVENTS = frozenset({Event.CONFIRM_GOAL, Event.CONFIRM_ROUTE, Event.CLOSE})
CHAIN_OF_STEP = {Step.GOAL: Chain.GOAL, Step.ROUTE: Chain.ROUTE, Step.CLOSING: Chain.CLOSING}


def register(router: Router) -> None:
    """Wire the buttons that move a trajectory."""
    router.action("tr_next", next_step)
    router.action("tr_move", move)
    router.action("tr_confirm", confirm)
    router.action("tr_chain", go_on)
    router.action("tr_notyet", not_yet)


async def _target(turn: Turn, button: Button) -> Target | None:
    """The trajectory of a card button and the presser's part in it, if the card is current;
    an old card gets what holds now."""
    return await card_target(
        turn,
        button,
        holds=lambda pair, row: is_current(pair, row, button.args),
        show=lambda turn, pair, _: show_now(turn, pair),
    )


async def next_step(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The coach wants to move on: the coachee writes down what is missing, then confirms."""
    target = await _target(turn, button)
    if target is None:
        return
    pair, row, party = target.pair, target.row, target.party
    if party is not Party.COACH or Step(row.step) not in CHAIN_OF_STEP:
        await stale(turn)
        return
    await turn.say("trajectory.next_asked", name=pair.name(row.coachee_id))
    await carry_out(turn, pair, row, continue_chain(pair.snap(row), CHAIN_OF_STEP[Step(row.step)]))


async def go_on(turn: Turn, incoming: Incoming, button: Button) -> None:
    """ "Go on" on a card that asked for more stages: on to the small steps."""
    target = await _target(turn, button)
    if target is None:
        return
    await done_with(turn, incoming.message_id)
    pair, row = target.pair, target.row
    chain = button.args.get("ch", "")
    if chain in set(Chain):
        await carry_out(turn, pair, row, continue_chain(pair.snap(row), Chain(chain)))


async def move(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Wind back to the goal or the route, start closing, or resume the path."""
    target = await _event_target(turn, button, MOVE_EVENTS)
    if target is not None:
        await _move(turn, target)


async def confirm(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The coachee confirms goal or route; both confirm the close."""
    target = await _event_target(turn, button, CONFIRM_EVENTS)
    if target is None:
        return
    pair, row, party, event = target
    refused = confirm_press(pair.snap(row), event, party)
    if refused is not None:
        await refuse(turn, refused)
        return
    await done_with(turn, incoming.message_id)
    await _move(turn, target)


async def _event_target(
    turn: Turn, button: Button, events: frozenset[Event]
) -> tuple[Pair, TrajectoryRow, Party, Event] | None:
    """A current card's button that fires one of these events, with what it acts on."""
    target = await _target(turn, button)
    event = button.args.get("e")
    if target is None:
        return None
    if event not in {e.value for e in events}:
        await stale(turn)
        return None
    assert target.party is not None, "a card target has a coach or coachee"
    return target.pair, target.row, target.party, Event(event)


async def not_yet(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Not closing yet."""
    await done_with(turn, incoming.message_id)
    await turn.say("trajectory.not_yet")


async def _move(turn: Turn, target: tuple[Pair, TrajectoryRow, Party, Event]) -> None:
    """Fire the event for the presser and carry out what it means."""
    pair, row, party, event = target
    await settle(turn, pair, row, fire_from_card(pair.snap(row), event, party, at=turn.now))
