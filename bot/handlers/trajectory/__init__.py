"""Issue 3: the peer-coaching trajectory of a match, end to end. Wiring, and what others call:
`start_match` (after pairing), `dissolve_match` and `close_for_round` (coordinators).

The shape, as in the rooms: a handler turns an update into a command. It loads the pair once,
locked (`core.load_pair`, one call to `storage.trajectories.lock_pair`), asks a pure command
in `flows/trajectory/` (`answers`, `pair`, `moving`, `presses`, `ending`, `timing`,
`talking`), and hands the outcome to `effects.settle`, whose one `carry_out` stores, tells,
asks and schedules or cancels timers. A card button finds its trajectory with
`core.card_target`, which says "stale" itself. A typed goal:
`awaited_text` -> `capture.text_answer` -> `answers.take_text` -> `effects.carry_out`."""

from __future__ import annotations

from typing import Literal

from bot.handlers.help import TOLD, Canceller
from bot.handlers.safety import nudge_if_serious, nudge_scope
from bot.handlers.trajectory import (
    calendar,
    capture,
    coach_log,
    contract,
    dance,
    ending,
    journal,
    moves,
    portfolio,
    progress,
    reflection,
    relay,
    schedule,
    scripts,
    stuck,
    talk,
)
from bot.handlers.trajectory.core import INPUT_KINDS, awaited, forget_input, load_pair, together
from bot.handlers.trajectory.effects import carry_out
from bot.handlers.trajectory.ending import close_for_round, dissolve_match
from bot.runtime.handler_types import TimerHandler
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.trajectory import MatchKind, Step, Trajectory, talking, trajectory_pairings
from storage import matches, trajectories

__all__ = ["close_for_round", "dissolve_match", "register", "start_match", "timer_handlers"]


def register(router: Router, cancellers: list[Canceller]) -> None:
    """Wire every part of the trajectory; captures get free text before the relay does."""
    # Trajectory cards are menus, pressed again and again, and each press is checked against
    # the pair's step; buttons that must count once (planning a moment) say so themselves.
    with router.repeatable_by_default():
        for part in (
            talk,
            moves,
            capture,
            contract,
            ending,
            schedule,
            reflection,
            journal,
            scripts,
            progress,
            stuck,
            coach_log,
            calendar,
            dance,
            portfolio,
        ):
            part.register(router)
    router.on_text(awaited_text, waits=trajectories.AWAITS_INPUT)
    router.on_text(relay.relay_text, waits=matches.IN_ACTIVE_MATCH)
    router.on_media(relay.relay_media, waits=matches.IN_ACTIVE_MATCH)
    cancellers.append(cancel_input)


def timer_handlers() -> dict[str, TimerHandler]:
    """Reminders, the "did you meet?" question, step nudges and the dance check."""
    return {**schedule.timer_handlers(), **dance.timer_handlers()}


async def start_match(turn: Turn, match_id: int) -> None:
    """Create the trajectories of an active match and hand every member the first card."""
    match = await matches.lock_match(turn.session, match_id=match_id)
    if match is None or match.status != "active":
        return
    if await trajectories.trajectories_of_match(turn.session, match_id=match_id):
        return  # started before: starting twice must not double anything
    members = await matches.members_of(turn.session, match_id=match_id)
    kind = MatchKind(match.kind)
    empty = Trajectory().to_dict()
    for position, pairing in enumerate(trajectory_pairings(kind, members)):
        await trajectories.create_trajectory(
            turn.session,
            match_id=match_id,
            position=position,
            coach_id=pairing.coach,
            coachee_id=pairing.coachee,
            observer_id=pairing.observer,
            step=Step.CONTACT.value,
            snapshot=empty,
            now=turn.now,
        )
    pair = await load_pair(turn, match_id)
    assert pair is not None
    await carry_out(turn, pair, None, talking.opening(together(pair)))


async def awaited_text(turn: Turn, incoming: Incoming) -> bool:
    """Free text that answers what the bot asked for (a capture, a proposal, a reflection)."""
    match = await matches.active_match_of(turn.session, user_id=turn.chat_id)
    if match is not None:  # lock the match first: a partner may be changing what is awaited
        await matches.lock_match(turn.session, match_id=match.id)
    waiting = await awaited(turn)
    if waiting is None:
        return False
    kind = INPUT_KINDS.get(waiting.kind.partition(":")[0])
    if kind is None:
        await forget_input(turn)
        return False
    if kind.on_text is not None:
        await kind.on_text(turn, waiting, incoming.text)
    elif kind.reask is not None:
        await kind.reask(turn, waiting)
    if match is not None:  # issue 13: a journal entry with a serious word, as in the relay
        state = await trajectories.pair_state(turn.session, match_id=match.id, now=turn.now)
        await nudge_if_serious(
            turn, incoming.text, scope=nudge_scope(match.id, state.conversations)
        )
    return True


async def cancel_input(turn: Turn) -> bool | Literal["told"]:
    """/cancel in the middle of a capture: nothing of it is kept. Looking back on a
    conversation (a reflection, an observer's feedback) can start again: the answer says how."""
    waiting = await awaited(turn)
    if not await forget_input(turn):
        return False
    if waiting is not None and await reflection.offer_again(turn, waiting):
        return TOLD
    return True
