"""Carrying out what a trajectory command decided: store, tell, ask and schedule, in order."""

from __future__ import annotations

from collections.abc import Callable

from bot.handlers.trajectory import dance
from bot.handlers.trajectory.announce import announce
from bot.handlers.trajectory.ask import ask, send_dates
from bot.handlers.trajectory.cards import send_home
from bot.handlers.trajectory.chains import (
    more_stages,
    send_close_cards,
    send_goal_confirmation,
    send_route_confirmation,
    send_route_to_change,
)
from bot.handlers.trajectory.chart import send_chart
from bot.handlers.trajectory.contract_cards import (
    offer_revisit,
    send_item_cards,
    send_summary,
    shown,
    start_contract,
)
from bot.handlers.trajectory.core import (
    Pair,
    await_input,
    day_label,
    forget_input,
    moment_label,
    persons,
    put,
    refuse,
    scripts_for,
    tell,
    tell_text,
    together,
)
from bot.handlers.trajectory.plan_cards import ask_met, nudge_card, send_plan_card, show_planned
from bot.handlers.trajectory.reflect_offer import offer_observation, offer_reflection
from bot.handlers.trajectory.talk_cards import ask_mode, ask_who, begin, show_now
from bot.runtime.turn import Choice, Turn
from flows.scripts import ClickScript
from flows.trajectory import Party, Step, Wording
from flows.trajectory.effects import (
    AfterCare,
    AnnounceStep,
    Ask,
    AskClick,
    AskMet,
    AskMode,
    AskRepair,
    AskWho,
    AwaitText,
    Begin,
    CancelTimer,
    Confirm,
    Confirmation,
    ContractAccepted,
    Effect,
    ItemAgreed,
    KeepClick,
    KeepMeeting,
    KeepSilence,
    KeepTalk,
    NudgeCard,
    NudgeLater,
    OfferMoreStages,
    OfferRevisit,
    Outcome,
    Refused,
    Result,
    Say,
    SayClick,
    ScheduleTimer,
    Share,
    ShowChart,
    ShowContract,
    ShowDates,
    ShowHome,
    ShowItemCards,
    ShowNow,
    ShowPlanCard,
    ShowPlanned,
    StartContract,
    StopWaiting,
    Store,
    Tell,
    TellEveryone,
    Toast,
    WindDown,
)
from flows.trajectory.ending import trajectory_closed
from flows.trajectory.talking import after_conversation, end_conversation
from flows.trajectory.timing import cancel_nudges, forget_plan, nudge_later
from storage import matches, timers, trajectories
from storage.trajectory_models import TrajectoryRow

PairEffect = (
    Store | Say | TellEveryone | ContractAccepted | ItemAgreed | ShowItemCards | ShowContract
)
EndingEffect = Tell | SayClick | KeepClick | AskClick | StartContract | WindDown | AskRepair
TimingEffect = ScheduleTimer | CancelTimer | KeepMeeting | KeepSilence | ShowPlanned | AskMet
TalkEffect = (
    KeepTalk
    | Begin
    | ShowNow
    | Toast
    | AskMode
    | AskWho
    | AfterCare
    | OfferRevisit
    | ShowPlanCard
    | ShowHome
)
CONFIRMATIONS = {
    Confirmation.GOAL: send_goal_confirmation,
    Confirmation.ROUTE: send_route_confirmation,
    Confirmation.REPLAN: send_route_to_change,
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
        elif isinstance(effect, EndingEffect):
            await _carry_ending(turn, pair, effect)
        elif isinstance(effect, TimingEffect):
            await _carry_timing(turn, pair, effect)
        elif isinstance(effect, TalkEffect):
            await _carry_talk(turn, pair, effect)
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
        await send_item_cards(turn, pair, shown, whole=effect.whole)
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
    wording = Wording(agreed.value, agreed.option)
    for member in pair.members:
        value = shown(await scripts_for(turn, pair, member.language), agreed.key, wording)
        with turn.speaking(member.language):
            label = turn.text(f"trajectory.item_{agreed.key.value}")
            await turn.say(
                "trajectory.contract_agreed", chat_id=member.id, label=label, value=value
            )


async def _carry(turn: Turn, pair: Pair, row: TrajectoryRow, effect: Effect) -> None:
    """Effects on the trajectory the command acted on."""
    if isinstance(effect, AnnounceStep) and Step(row.step) is Step.CLOSED:
        await _closed(turn, pair, row)
    elif isinstance(effect, AnnounceStep):
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
        await schedule_timer(turn, nudge_later(row.id, row.coachee_id, effect.step, turn.time))
    elif isinstance(effect, NudgeCard):
        await nudge_card(turn, pair, pair.member(row.coachee_id), effect)
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

    def render() -> str:
        if share.day is not None:  # the day as the partner reads days
            params["text"] = f"{share.params['text']} ({day_label(turn, share.day)})"
        return turn.text(share.key, **params)

    await tell_text(turn, member, render)


def _id_of(row: TrajectoryRow, party: Party) -> int:
    return row.coach_id if party is Party.COACH else row.coachee_id


async def _closed(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """A trajectory closed: a conversation under way ends first, and its after-care comes last."""
    talking = pair.talking is row
    if talking:
        ended = end_conversation(together(pair), at=turn.now, aftercare=False)
        await carry_out(turn, pair, row, ended)
    await carry_out(turn, pair, row, trajectory_closed(pair.seats(), row.id, persons(pair)))
    if talking:
        await carry_out(turn, pair, row, Outcome(after_conversation(together(pair), row.id)))


async def _carry_ending(turn: Turn, pair: Pair, effect: EndingEffect) -> None:
    """Effects of the click check and of a match that ends."""
    if isinstance(effect, Tell):
        await _tell(turn, pair, effect)
    elif isinstance(effect, SayClick):
        click = (await scripts_for(turn, pair, turn.language)).click
        await turn.send_text(getattr(click, effect.line))
    elif isinstance(effect, KeepClick):
        pair.state.click = effect.check.to_dict() if effect.check else None
        pair.state.click_done = pair.state.click_done or effect.done
    elif isinstance(effect, AskClick):
        await _ask_click(turn, pair)
    elif isinstance(effect, StartContract):
        await start_contract(turn, pair)
    elif isinstance(effect, WindDown):
        await _wind_down(turn, pair, status=effect.status, reason=effect.reason)
    elif isinstance(effect, AskRepair):
        # Asked for here: pairing's handlers start and end trajectories, so they import these.
        from bot.handlers.pairing.notices import notify_repair_needed

        await notify_repair_needed(turn, pair.match.cohort_id, effect.waiting, effect.reason)


async def _tell(turn: Turn, pair: Pair, told: Tell) -> None:
    """Tell one member, with names, a click script line and moments in their language."""
    member = pair.member(told.to)
    params: dict[str, object] = dict(told.params)
    params.update({param: pair.name(uid) for param, uid in told.names.items()})
    for param, uids in told.name_lists.items():
        params[param] = " & ".join(pair.name(uid) for uid in uids)
    if told.click is not None:
        params["text"] = getattr((await scripts_for(turn, pair, member.language)).click, told.click)

    def render() -> str:
        moments = {param: moment_label(turn, at) for param, at in told.moments.items()}
        return turn.text(told.key, **params, **moments)

    await tell_text(turn, member, render)


async def _ask_click(turn: Turn, pair: Pair) -> None:
    """The private click question, with yes and no in each member's language."""
    for member in pair.members:
        click = (await scripts_for(turn, pair, member.language)).click
        await tell(
            turn,
            member,
            "trajectory.click_question",
            question=click.question,
            choices=_click_buttons(click, pair.match.id),
        )


def _click_buttons(click: ClickScript, match_id: int) -> Callable[[], list[list[Choice]]]:
    return lambda: [
        [Choice(click.yes, "tr_click", {"m": match_id, "yes": True})],
        [Choice(click.no, "tr_click", {"m": match_id, "yes": False})],
    ]


async def _wind_down(turn: Turn, pair: Pair, *, status: str, reason: str | None) -> None:
    """Stop everything that was still running for a match that ends."""
    pair.state.talking_id, pair.state.mode, pair.state.click = None, None, None
    timers_off = (*forget_plan(pair.match.id), *cancel_nudges(pair.seats()))
    await carry_out(turn, pair, None, Outcome(timers_off))
    await timers.cancel_conversation(turn.session, conversation=f"match:{pair.match.id}")
    for member in pair.members:
        await trajectories.clear_input(turn.session, user_id=member.id)
    await matches.end_match(
        turn.session, match=pair.match, status=status, reason=reason, now=turn.now
    )


async def _carry_timing(turn: Turn, pair: Pair, effect: TimingEffect) -> None:
    """Effects of planning, reminders and the prompts a member lets pass."""
    if isinstance(effect, ScheduleTimer):
        await schedule_timer(turn, effect)
    elif isinstance(effect, CancelTimer):
        await timers.cancel(turn.session, name=effect.name)
    elif isinstance(effect, KeepMeeting):
        pair.state.next_meeting = effect.at
    elif isinstance(effect, KeepSilence):
        pair.keep_silence(effect.user_id, effect.silence)
    elif isinstance(effect, ShowPlanned):
        await show_planned(turn, pair, effect)
    elif isinstance(effect, AskMet):
        await ask_met(turn, pair, effect)


async def schedule_timer(turn: Turn, timer: ScheduleTimer) -> None:
    """Put a durable timer in the turn's transaction (a named one replaces its namesake)."""
    await timers.schedule(
        turn.session,
        conversation=timer.conversation,
        kind=timer.kind,
        due_at=timer.at,
        payload=dict(timer.payload),
        name=timer.name,
    )


async def _carry_talk(turn: Turn, pair: Pair, effect: TalkEffect) -> None:
    """Effects of starting, holding and ending a conversation."""
    if isinstance(effect, KeepTalk):
        pair.state.talking_id, pair.state.mode = effect.ref, effect.mode
        if effect.ref is not None:  # remembered, so the next conversation starts in one tap
            pair.state.last_talking_id, pair.state.last_mode = effect.ref, effect.mode
    elif isinstance(effect, Begin):
        swap = _row(pair, effect.swap) if effect.swap is not None else None
        row = _row(pair, effect.ref)
        await begin(
            turn,
            pair,
            row,
            effect.mode,
            swap=swap,
            counted=effect.counted,
            remembered=effect.remembered,
        )
        await dance.open_with(turn, pair)  # the last conversation's dance check, side by side
    elif isinstance(effect, ShowNow):
        await show_now(turn, pair)
    elif isinstance(effect, Toast):
        await turn.answer(effect.key, alert=True)
    elif isinstance(effect, AskMode):
        await ask_mode(turn, pair, _row(pair, effect.ref))
    elif isinstance(effect, AskWho):
        await ask_who(turn, pair, [_row(pair, ref) for ref in effect.refs])
    elif isinstance(effect, AfterCare):
        await offer_reflection(turn, pair, _row(pair, effect.ref))
        await offer_observation(turn, pair, _row(pair, effect.ref))
        await dance.ask_later(turn, pair, _row(pair, effect.ref))
    elif isinstance(effect, OfferRevisit):
        await offer_revisit(turn, pair)
    elif isinstance(effect, ShowPlanCard):
        await send_plan_card(turn, pair, pair.member(effect.to))
    elif isinstance(effect, ShowHome):
        await send_home(turn, pair, pair.member(effect.to))


def _row(pair: Pair, ref: int) -> TrajectoryRow:
    row = pair.row(ref)
    assert row is not None, "flows names only trajectories of this pair"
    return row
