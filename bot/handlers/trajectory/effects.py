"""Carrying out what a trajectory command decided: store, tell, ask and schedule, in order."""

from __future__ import annotations

from bot.handlers.trajectory.ask import ask, send_dates
from bot.handlers.trajectory.chains import (
    more_stages,
    send_close_cards,
    send_goal_confirmation,
    send_route_confirmation,
)
from bot.handlers.trajectory.core import Pair, await_input, forget_input, put, refuse, tell_text
from bot.handlers.trajectory.schedule import schedule_nudge
from bot.turn import Turn
from flows.trajectory import Party
from flows.trajectory.effects import (
    Ask,
    AwaitText,
    Confirm,
    Confirmation,
    Effect,
    NudgeLater,
    OfferMoreStages,
    Outcome,
    Refused,
    Result,
    Say,
    Share,
    ShowDates,
    StopWaiting,
    Store,
)
from storage.trajectory_models import TrajectoryRow

CONFIRMATIONS = {
    Confirmation.GOAL: send_goal_confirmation,
    Confirmation.ROUTE: send_route_confirmation,
    Confirmation.CLOSE: send_close_cards,
}


async def settle(turn: Turn, pair: Pair, row: TrajectoryRow, result: Result) -> bool:
    """Carry out an accepted command, or tell the actor why not; True if accepted."""
    if isinstance(result, Refused):
        await refuse(turn, result)
        return False
    await carry_out(turn, pair, row, result)
    return True


async def carry_out(turn: Turn, pair: Pair, row: TrajectoryRow, outcome: Outcome) -> None:
    """Perform the effects of one trajectory's command in the order flows gave them."""
    for effect in outcome.effects:
        await _carry(turn, pair, row, effect)


async def _carry(turn: Turn, pair: Pair, row: TrajectoryRow, effect: Effect) -> None:
    if isinstance(effect, Store):
        put(turn, pair, row, effect.trajectory)
    elif isinstance(effect, Say):
        await turn.send_text(turn.text(effect.key, **effect.params))
    elif isinstance(effect, Share):
        await _share(turn, pair, row, effect)
    elif isinstance(effect, StopWaiting):
        await forget_input(turn)
    elif isinstance(effect, AwaitText):
        await await_input(turn, effect.kind, row, **effect.data)
    elif isinstance(effect, ShowDates):
        await send_dates(turn, row, pair.member(turn.chat_id), effect.action)
    elif isinstance(effect, Ask):
        await ask(turn, pair, row, effect.key, chain=effect.chain.value, skipped=[*effect.skipped])
    elif isinstance(effect, OfferMoreStages):
        await more_stages(turn, pair, row)
    elif isinstance(effect, Confirm):
        await CONFIRMATIONS[effect.what](turn, pair, row)
    elif isinstance(effect, NudgeLater):
        await schedule_nudge(turn, row, effect.step)


async def _share(turn: Turn, pair: Pair, row: TrajectoryRow, share: Share) -> None:
    """Tell a partner of this trajectory, with names and labels in their language."""
    member = pair.member(_id_of(row, share.to))
    params: dict[str, object] = {**share.params, "name": pair.name(_id_of(row, share.name_of))}
    if share.label is not None:
        params["label"] = turn.services.texts.get(member.language, share.label)
    await tell_text(turn, member, lambda: turn.text(share.key, **params))


def _id_of(row: TrajectoryRow, party: Party) -> int:
    return row.coach_id if party is Party.COACH else row.coachee_id
