"""A conversation: starting it (who coaches, chat or face to face), the coach's prompt card,
ending it, and what follows a conversation (click check, reflection, revisit, planning)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.handlers.trajectory.cards import (
    coach_card_parts,
    is_current,
    question_on_card,
    send_coach_card,
    theme_sizes,
)
from bot.handlers.trajectory.core import (
    Pair,
    arg_int,
    card_target,
    done_with,
    pair_of,
    pair_of_button,
    refuse,
    stale,
    tell,
    together,
)
from bot.handlers.trajectory.effects import carry_out, settle
from bot.handlers.trajectory.ending import dissolve_if_unreachable
from bot.handlers.trajectory.talk_cards import show_now
from bot.runtime.handler_types import ActionHandler
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.trajectory import Party, coach_card, talking
from flows.trajectory.coach_card import Place
from flows.trajectory.effects import Outcome, Refused, Result, ShowNow
from flows.trajectory.talking import Together
from flows.trajectory.timing import parse_moment
from storage.models import Button
from storage.trajectory_models import TrajectoryRow

__all__ = ["register", "show_now"]


def register(router: Router) -> None:
    """Wire /talk and the buttons of a conversation."""
    router.command("talk", talk_command)
    router.action("tr_start", start_button)
    router.action("tr_who", choose_who)
    router.action("tr_mode", choose_mode)
    router.action("tr_swap", swap_button)
    router.action("tr_where", where_button)
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


async def start_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Start the next conversation: pick who coaches when there is a choice."""
    pair = await pair_of_button(turn, button)
    if pair is None:
        await stale(turn)
        return
    outcome = talking.start(together(pair))
    if outcome.effects != (ShowNow(),):  # the card stays when it only shows what holds now
        await done_with(turn, incoming.message_id)
    await carry_out(turn, pair, None, outcome)


async def choose_who(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Who coaches in this conversation was picked."""
    await _press(
        turn, incoming, button, lambda match: talking.choose_who(match, button.args.get("t"))
    )


async def choose_mode(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Chat or face to face: the conversation starts for everyone in the match."""
    t, mode = button.args.get("t"), button.args.get("mode")
    await _press(turn, incoming, button, lambda match: talking.choose_mode(match, t, mode))


async def swap_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The other direction coaches this conversation instead."""
    await _press(turn, incoming, button, lambda match: talking.swap(match, arg_int(button, "t")))


async def where_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The conversation under way moves to the chat, or to in person."""
    t = arg_int(button, "t")
    await _press(turn, incoming, button, lambda match: talking.switch_mode(match, t))


async def _press(
    turn: Turn, incoming: Incoming, button: Button, command: Callable[[Together], Result]
) -> None:
    """A conversation button of a match: decide, take the card's buttons off if it counted."""
    pair = await pair_of_button(turn, button)
    if pair is None:
        await stale(turn)
        return
    result = command(together(pair))
    if isinstance(result, Outcome) and result is not talking.ALREADY_STARTED:
        await done_with(turn, incoming.message_id)
    await settle(turn, pair, None, result)


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
    t = arg_int(button, "t")
    ended = talking.end(together(pair), t, at=turn.now) if pair else talking.ALREADY_ENDED
    await _answered(turn, incoming, pair, ended)


async def met_answer(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Did you meet? The first answer counts for the whole match."""
    pair = await pair_of_button(turn, button)
    planned, held = parse_moment(button.args.get("at")), bool(button.args.get("held"))
    answer = (
        talking.met(together(pair), planned, held=held, by=turn.chat_id, at=turn.now)
        if pair
        else talking.MET_ALREADY
    )
    await _answered(turn, incoming, pair, answer)


async def _answered(turn: Turn, incoming: Incoming, pair: Pair | None, result: Result) -> None:
    """A question card answered either way: its buttons go, after the notice of a refusal."""
    if isinstance(result, Refused):
        await refuse(turn, result)
        await done_with(turn, incoming.message_id)
        return
    assert pair is not None, "only a loaded match accepts an answer"
    await done_with(turn, incoming.message_id)
    await carry_out(turn, pair, None, result)
