"""A conversation: starting it (who coaches, chat or face to face), the coach's prompt card,
ending it, and what follows a conversation (click check, reflection, revisit, planning)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.handlers.trajectory.cards import (
    coach_card_parts,
    is_current,
    question_on_card,
    send_coach_card,
    send_home,
    send_notebook,
    send_observer_card,
    theme_sizes,
)
from bot.handlers.trajectory.contract_cards import offer_revisit, send_open_contract
from bot.handlers.trajectory.core import (
    Pair,
    arg_int,
    card_target,
    done_with,
    pair_of,
    pair_of_button,
    put,
    scripts_for,
    stale,
    step_name,
    tell,
)
from bot.handlers.trajectory.ending import ask_for_click, dissolve_if_unreachable
from bot.handlers.trajectory.reflection import offer_observation, offer_reflection
from bot.handlers.trajectory.schedule import forget_plan, parse_moment, send_plan_card
from bot.i18n import Html
from bot.runtime.handler_types import ActionHandler
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.trajectory import (
    CONVERSATION_STEPS,
    MatchKind,
    Party,
    Step,
    closing_due,
    coach_card,
    record_meeting,
    triad_roles,
)
from flows.trajectory.coach_card import Place
from storage import trajectories
from storage.models import Button
from storage.trajectory_models import TrajectoryRow

MODES = ("chat", "face")


def register(router: Router) -> None:
    """Wire /talk and the buttons of a conversation."""
    router.command("talk", talk_command)
    router.action("tr_start", start_button)
    router.action("tr_who", choose_who)
    router.action("tr_mode", choose_mode)
    router.action("tr_ask", ask_question)
    router.action("tr_another", _card_move(coach_card.another_question))
    router.action("tr_theme", _card_move(coach_card.next_theme))
    router.action("tr_end", end_button)
    router.action("tr_met", met_answer)


# --- Starting ---------------------------------------------------------------------------------


async def talk_command(turn: Turn, incoming: Incoming) -> None:
    """/talk: the current card, or the way to start the next conversation."""
    pair = await pair_of(turn)
    if pair is None:
        await turn.say("trajectory.no_match")
    elif not await dissolve_if_unreachable(turn, pair):
        await show_now(turn, pair)


async def show_now(turn: Turn, pair: Pair) -> None:
    """What this person should see now: their card in the conversation, or how to go on."""
    me = pair.member(turn.chat_id)
    row = pair.talking
    if row is not None:
        await _resend_role_card(turn, pair, row)
    elif pair.state.click is not None:
        await turn.say("trajectory.click_pending")
    elif not await send_open_contract(turn, pair, me):
        await send_home(turn, pair, me)


async def _resend_role_card(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    if row.coach_id == turn.chat_id:
        await send_coach_card(turn, pair, row)
    elif row.coachee_id == turn.chat_id:
        await send_notebook(turn, pair, row, intro=False)
    else:
        await send_observer_card(turn, pair, row)


async def start_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Start the next conversation: pick who coaches when there is a choice."""
    pair = await pair_of_button(turn, button)
    if pair is None:
        await stale(turn)
        return
    if pair.talking is not None or pair.state.click is not None or not candidates(pair):
        await show_now(turn, pair)
        return
    await done_with(turn, incoming.message_id)
    options = candidates(pair)
    if len(options) == 1:
        await _ask_mode(turn, pair, options[0])
        return
    rows = [
        [Choice(_who_label(turn, pair, r), "tr_who", {"m": pair.match.id, "t": r.id})]
        for r in options
    ]
    await turn.say("trajectory.who", choices=rows)


def candidates(pair: Pair) -> list[TrajectoryRow]:
    """Trajectories whose next conversation can start now (a triad follows its rotation)."""
    ready = [r for r in pair.live_rows() if Step(r.step) in CONVERSATION_STEPS]
    if pair.kind is MatchKind.TRIAD and ready:
        roles = triad_roles([m.id for m in pair.members], pair.held_conversations() + 1)
        due = [r for r in ready if (r.coach_id, r.coachee_id) == (roles.coach, roles.coachee)]
        return due or ready[:1]
    return ready


def _who_label(turn: Turn, pair: Pair, row: TrajectoryRow) -> str:
    if row.coach_id == turn.chat_id:
        return turn.plain("trajectory.who_i_coach", name=pair.name(row.coachee_id))
    if row.coachee_id == turn.chat_id:
        return turn.plain("trajectory.who_coaches_me", name=pair.name(row.coach_id))
    return turn.plain(
        "trajectory.who_others", coach=pair.name(row.coach_id), coachee=pair.name(row.coachee_id)
    )


async def choose_who(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Who coaches in this conversation was picked."""
    pair = await pair_of_button(turn, button)
    row = pair.row(arg_int(button, "t")) if pair else None
    if pair is None or row is None or row not in candidates(pair) or pair.talking is not None:
        await stale(turn)
        return
    await done_with(turn, incoming.message_id)
    await _ask_mode(turn, pair, row)


async def _ask_mode(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    args = {"m": pair.match.id, "t": row.id}
    await turn.say(
        "trajectory.mode",
        coach=pair.name(row.coach_id),
        coachee=pair.name(row.coachee_id),
        choices=[
            [turn.choice("trajectory.btn_mode_chat", "tr_mode", **args, mode="chat")],
            [turn.choice("trajectory.btn_mode_face", "tr_mode", **args, mode="face")],
        ],
    )


async def choose_mode(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Chat or face to face: the conversation starts for everyone in the match."""
    pair = await pair_of_button(turn, button)
    row = pair.row(arg_int(button, "t")) if pair else None
    mode = button.args.get("mode")
    if pair is None or row is None or mode not in MODES:
        await stale(turn)
        return
    if pair.talking is not None or row not in candidates(pair):
        await turn.answer("trajectory.already_started", alert=True)
        await show_now(turn, pair)
        return
    await done_with(turn, incoming.message_id)
    await begin(turn, pair, row, str(mode))


async def begin(turn: Turn, pair: Pair, row: TrajectoryRow, mode: str) -> None:
    """Open the conversation and hand everyone the card that fits their role."""
    pair.state.talking_id, pair.state.mode = row.id, mode
    pair.state.conversations += 1
    for member in pair.members:
        # A new conversation: whatever was still awaited belongs to an earlier moment.
        await trajectories.clear_input(turn.session, user_id=member.id)
    for member in pair.members:
        with turn.speaking(member.language):
            how = Html(_how_we_talk(turn, pair, row, member.id, mode))
            await turn.say(
                "trajectory.begun",
                chat_id=member.id,
                coach=pair.name(row.coach_id),
                coachee=pair.name(row.coachee_id),
                step=step_name(turn, Step(row.step)),
                how=how,
            )
    coach = pair.member(row.coach_id)
    script = (await scripts_for(turn, pair, coach.language)).step(Step(row.step))
    await tell(turn, coach, "trajectory.coach_intro", intro=script.coach_intro)
    await send_coach_card(turn, pair, row)
    await send_notebook(turn, pair, row, intro=True)
    await send_observer_card(turn, pair, row)


def _how_we_talk(turn: Turn, pair: Pair, row: TrajectoryRow, user_id: int, mode: str) -> str:
    """What happens to what this member types: passed on, or (for the observer) kept out."""
    if mode == "chat" and user_id == row.observer_id:
        return turn.text(
            "trajectory.begun_chat_observer",
            coach=pair.name(row.coach_id),
            coachee=pair.name(row.coachee_id),
        )
    others = ", ".join(m.name for m in pair.others(user_id))
    return turn.text(f"trajectory.begun_{mode}", others=others)


# --- The coach's prompt card ------------------------------------------------------------------


async def _coach_target(turn: Turn, button: Button) -> tuple[Pair, TrajectoryRow] | None:
    """The conversation a coach-card button belongs to, if it is still the current card."""
    target = await card_target(
        turn,
        button,
        party=Party.COACH,
        holds=lambda pair, row: row is pair.talking and is_current(pair, row, button.args),
        show=_show_card_now,
    )
    return (target.pair, target.row) if target else None


async def _show_card_now(turn: Turn, pair: Pair, row: TrajectoryRow | None) -> None:
    """After an old coach-card button: this conversation's card, or what holds now."""
    if row is not None and row is pair.talking:
        await send_coach_card(turn, pair, row)
    else:
        await show_now(turn, pair)


async def ask_question(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Send the question on the card to the coachee as the coach's own."""
    target = await _coach_target(turn, button)
    if target is None:
        return
    pair, row = target
    theme, number = await question_on_card(turn, pair, row)
    question = theme.questions[number]
    for member in pair.others(turn.chat_id):
        await tell(
            turn, member, "trajectory.asked", name=pair.name(turn.chat_id), question=question
        )
    await turn.answer("trajectory.asked_toast")


def _card_move(move: Callable[[Sequence[int], int, int], Place]) -> ActionHandler:
    """A button of the coach's card that moves it to another suggested question."""

    async def handle(turn: Turn, incoming: Incoming, button: Button) -> None:
        target = await _coach_target(turn, button)
        if target is None:
            return
        pair, row = target
        sizes = await theme_sizes(turn, pair, row)
        row.theme, row.question = move(sizes, row.theme, row.question)
        await _refresh_card(turn, pair, row, incoming.message_id)

    return handle


async def _refresh_card(turn: Turn, pair: Pair, row: TrajectoryRow, message_id: int | None) -> None:
    text, choices = await coach_card_parts(turn, pair, row)
    if message_id is None:
        await turn.send_text(text, choices=choices)
    else:
        await turn.edit_text(message_id, text, choices=choices)


# --- Ending -----------------------------------------------------------------------------------


async def end_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The coach or the coachee ends the conversation."""
    pair = await pair_of(turn)
    row = pair.talking if pair else None
    if pair is None or row is None or row.id != arg_int(button, "t"):
        await turn.answer("trajectory.already_ended", alert=True)
        await done_with(turn, incoming.message_id)
        return
    await done_with(turn, incoming.message_id)
    await end_conversation(turn, pair)


async def end_conversation(turn: Turn, pair: Pair, *, aftercare: bool = True) -> None:
    """Close the conversation under way: it counts as held, and the after-care begins."""
    row = pair.talking
    if row is None:
        return
    pair.state.talking_id, pair.state.mode = None, None
    put(turn, pair, row, record_meeting(pair.snap(row), held=True, at=turn.now))
    await forget_plan(turn, pair)
    ended = "trajectory.ended_triad" if pair.kind is MatchKind.TRIAD else "trajectory.ended"
    for member in pair.members:
        await tell(turn, member, ended)
    if aftercare:
        await after_conversation(turn, pair, row)


async def after_conversation(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """After a conversation: the click check the first time, reflection, revisit, planning."""
    first = pair.snap(row).step is Step.CONTACT
    if first and not pair.state.click_done and pair.state.click is None:
        await ask_for_click(turn, pair)
    await offer_reflection(turn, pair, row)
    await offer_observation(turn, pair, row)
    if first or not pair.active:
        return
    await offer_revisit(turn, pair)
    if closing_due(pair.snap(row)):
        await tell(
            turn,
            pair.member(row.coach_id),
            "trajectory.closing_due",
            name=pair.name(row.coachee_id),
        )
    if pair.live_rows():
        for member in pair.members:
            await send_plan_card(turn, pair, member)


async def met_answer(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Did you meet? The first answer counts for the whole match."""
    pair = await pair_of_button(turn, button)
    planned = parse_moment(button.args.get("at"))
    if pair is None or planned is None or pair.state.next_meeting != planned:
        await turn.answer("trajectory.met_already", alert=True)
        await done_with(turn, incoming.message_id)
        return
    await done_with(turn, incoming.message_id)
    row = _row_in_turn(pair)
    held = bool(button.args.get("held"))
    put(turn, pair, row, record_meeting(pair.snap(row), held=held, at=turn.now))
    await forget_plan(turn, pair)
    if held:
        for member in pair.members:
            await tell(turn, member, "trajectory.met_yes", name=pair.name(turn.chat_id))
        await after_conversation(turn, pair, row)
        return
    for member in pair.members:
        await tell(turn, member, "trajectory.met_no", name=pair.name(turn.chat_id))
        await send_plan_card(turn, pair, member)


def _row_in_turn(pair: Pair) -> TrajectoryRow:
    """The trajectory whose conversation it was: the rotation's, or the one with fewest so far."""
    options = candidates(pair) or pair.live_rows() or pair.rows
    return min(options, key=lambda r: pair.snap(r).conversation_count)
