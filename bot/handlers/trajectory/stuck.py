"""Stuck? on the coach's card: the stuck moments, and for each a few moves and a question."""

from __future__ import annotations

from bot.handlers.trajectory.core import Pair, arg_int, pair_of, stale, tell
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.stuck import Situation, load_stuck
from storage.models import Button
from storage.trajectory_models import TrajectoryRow


def register(router: Router) -> None:
    """Wire the stuck menu, its situations and asking a situation's question."""
    # Menus: a coach may look at several situations, and at the same one again.
    router.action("tr_stuck", stuck_menu, once=False)
    router.action("tr_stuck_on", stuck_help, once=False)
    router.action("tr_stuck_ask", stuck_ask)  # the question goes to the coachee once


def stuck_choice(turn: Turn, args: dict[str, object]) -> Choice:
    """The coach card's button (its args name the trajectory and conversation)."""
    return turn.choice("reflect.btn_stuck", "tr_stuck", **args)


async def stuck_menu(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The situations, one button each, in the coach's language."""
    found = await _coaching(turn, button)
    if found is None:
        return
    _, row = found
    script = load_stuck(turn.language)
    rows = [
        [Choice(help_.label, "tr_stuck_on", {"t": row.id, "k": situation.value})]
        for situation, help_ in script.situations.items()
    ]
    await turn.send_text(turn.text("reflect.stuck_menu", intro=script.intro), choices=rows)


async def stuck_help(turn: Turn, incoming: Incoming, button: Button) -> None:
    """What the coach can do in one situation, and a question they may ask with one tap."""
    found = await _coaching(turn, button)
    situation = _situation(button)
    if found is None or situation is None:
        return
    _, row = found
    help_ = load_stuck(turn.language).situations[situation]
    text = turn.text(
        "reflect.stuck_help",
        label=help_.label,
        sign=help_.sign,
        moves="\n".join(f"• {move}" for move in help_.moves),
        question=help_.question,
    )
    ask = turn.choice("reflect.btn_stuck_ask", "tr_stuck_ask", t=row.id, k=situation.value)
    await turn.send_text(text, choices=[[ask]])


async def stuck_ask(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Send the situation's question to the coachee as the coach's own."""
    found = await _coaching(turn, button)
    situation = _situation(button)
    if found is None or situation is None:
        return
    pair, row = found
    coachee = pair.member(row.coachee_id)
    # The question in the coachee's language: the same situation, from their script.
    question = load_stuck(coachee.language).situations[situation].question
    await tell(turn, coachee, "trajectory.asked", name=pair.name(turn.chat_id), question=question)
    await turn.answer("trajectory.asked_toast")


async def _coaching(turn: Turn, button: Button) -> tuple[Pair, TrajectoryRow] | None:
    """The conversation under way in which the presser coaches, if the button names it."""
    pair = await pair_of(turn)
    row = pair.talking if pair else None
    if (
        pair is None
        or row is None
        or row.id != arg_int(button, "t")
        or row.coach_id != turn.chat_id
    ):
        await stale(turn)
        return None
    return pair, row


def _situation(button: Button) -> Situation | None:
    value = (button.args or {}).get("k")
    return Situation(value) if value in set(Situation) else None
