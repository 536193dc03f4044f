"""Carrying out what a trajectory command decided: store, tell, ask and schedule, in order."""

from __future__ import annotations

from bot.handlers.trajectory.announce import announce
from bot.handlers.trajectory.ask import ask, send_dates
from bot.handlers.trajectory.cards import send_home
from bot.handlers.trajectory.chains import (
    more_stages,
    send_close_cards,
    send_goal_confirmation,
    send_route_confirmation,
)
from bot.handlers.trajectory.chart import send_chart
from bot.handlers.trajectory.contract_cards import send_item_cards, send_summary
from bot.handlers.trajectory.core import (
    Pair,
    await_input,
    forget_input,
    put,
    refuse,
    scripts_for,
    tell,
    tell_text,
)
from bot.handlers.trajectory.schedule import schedule_nudge, send_plan_card
from bot.runtime.turn import Turn
from flows.trajectory import Party
from flows.trajectory.effects import (
    AnnounceStep,
    Ask,
    AwaitText,
    Confirm,
    Confirmation,
    ContractAccepted,
    Effect,
    ItemAgreed,
    NudgeLater,
    OfferMoreStages,
    Outcome,
    Refused,
    Result,
    Say,
    Share,
    ShowChart,
    ShowContract,
    ShowDates,
    ShowItemCards,
    StopWaiting,
    Store,
    TellEveryone,
)
from storage.trajectory_models import TrajectoryRow

PairEffect = (
    Store | Say | TellEveryone | ContractAccepted | ItemAgreed | ShowItemCards | ShowContract
)
PAIR_EFFECTS = (Store, Say, TellEveryone, ContractAccepted, ItemAgreed, ShowItemCards, ShowContract)
CONFIRMATIONS = {
    Confirmation.GOAL: send_goal_confirmation,
    Confirmation.ROUTE: send_route_confirmation,
    Confirmation.CLOSE: send_close_cards,
}


async def settle(turn: Turn, pair: Pair, row: TrajectoryRow | None, result: Result) -> bool:
    """Carry out an accepted command, or tell the actor why not; True if accepted."""
    if isinstance(result, Refused):
        await refuse(turn, result)
        return False
    await carry_out(turn, pair, row, result)
    return True


async def carry_out(turn: Turn, pair: Pair, row: TrajectoryRow | None, outcome: Outcome) -> None:
    """Perform the effects of a command in the order flows gave them; `row` is the trajectory
    a one-trajectory command acted on (pair commands name theirs in each effect)."""
    for effect in outcome.effects:
        if isinstance(effect, PairEffect):
            await _carry_for_pair(turn, pair, row, effect)
        else:
            assert row is not None, "only pair effects come without a trajectory"
            await _carry(turn, pair, row, effect)


async def _carry_for_pair(
    turn: Turn, pair: Pair, row: TrajectoryRow | None, effect: PairEffect
) -> None:
    """Effects that concern the whole match, or name their own trajectory."""
    if isinstance(effect, Store):
        target = row if effect.ref is None else pair.row(effect.ref)
        assert target is not None, "flows stores only trajectories of this pair"
        put(turn, pair, target, effect.trajectory)
    elif isinstance(effect, Say):
        await _say(turn, pair, row, effect)
    elif isinstance(effect, TellEveryone):
        for member in pair.members:
            await tell(turn, member, effect.key)
    elif isinstance(effect, ContractAccepted):
        await contract_accepted(turn, pair)
    elif isinstance(effect, ItemAgreed):
        await _item_agreed(turn, pair, effect)
    elif isinstance(effect, ShowItemCards):
        shown = pair.members if effect.everyone else pair.others(turn.chat_id)
        await send_item_cards(turn, pair, shown)
    elif isinstance(effect, ShowContract):
        for member in pair.members:
            await send_summary(turn, pair, member, buttons=effect.buttons)


async def contract_accepted(turn: Turn, pair: Pair) -> None:
    """Everyone agreed: celebrate, show where they are and plan the next conversation."""
    for member in pair.members:
        await tell(turn, member, "trajectory.contract_done")
        await send_home(turn, pair, member)
        await send_plan_card(turn, pair, member)


async def _say(turn: Turn, pair: Pair, row: TrajectoryRow | None, say: Say) -> None:
    """Tell the actor, with a partner's name when asked."""
    params: dict[str, object] = dict(say.params)
    if say.name_of is not None:
        assert row is not None, "a partner's name needs the trajectory"
        params["name"] = pair.name(_id_of(row, say.name_of))
    await turn.send_text(turn.text(say.key, **params))


async def _item_agreed(turn: Turn, pair: Pair, agreed: ItemAgreed) -> None:
    """Tell every member which agreement now stands, in their language."""
    for member in pair.members:
        with turn.speaking(member.language):
            label = turn.text(f"trajectory.item_{agreed.key.value}")
            await turn.say(
                "trajectory.contract_agreed", chat_id=member.id, label=label, value=agreed.value
            )


async def _carry(turn: Turn, pair: Pair, row: TrajectoryRow, effect: Effect) -> None:
    """Effects on the trajectory the command acted on."""
    if isinstance(effect, AnnounceStep):
        await announce(turn, pair, row)
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
    elif isinstance(effect, ShowChart):
        await send_chart(turn, pair, row, pair.member(row.coachee_id))


async def _share(turn: Turn, pair: Pair, row: TrajectoryRow, share: Share) -> None:
    """Tell a partner of this trajectory, with names and labels in their language."""
    member = pair.member(_id_of(row, share.to))
    params: dict[str, object] = {**share.params, "name": pair.name(_id_of(row, share.name_of))}
    scripts = await scripts_for(turn, pair, member.language)
    if share.label is not None:
        params["label"] = scripts.label(share.label)
    if share.role is not None:
        params["role"] = scripts.reflection.roles[share.role].name
    await tell_text(turn, member, lambda: turn.text(share.key, **params))


def _id_of(row: TrajectoryRow, party: Party) -> int:
    return row.coach_id if party is Party.COACH else row.coachee_id
