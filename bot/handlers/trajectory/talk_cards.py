"""The cards of a conversation: what holds now, whose conversation and how, and the opening
that hands everyone the card of their role."""

from __future__ import annotations

from bot.handlers.trajectory.cards import (
    send_coach_card,
    send_home,
    send_notebook,
    send_observer_card,
)
from bot.handlers.trajectory.contract_cards import send_open_contract
from bot.handlers.trajectory.core import Pair, scripts_for, step_name, tell
from bot.i18n import Html
from bot.runtime.turn import Choice, Turn
from flows.trajectory import Step
from storage import trajectories
from storage.trajectory_models import TrajectoryRow


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


async def ask_who(turn: Turn, pair: Pair, rows: list[TrajectoryRow]) -> None:
    """Whose conversation it is: one button per trajectory that may start."""
    buttons = [
        [Choice(_who_label(turn, pair, r), "tr_who", {"m": pair.match.id, "t": r.id})] for r in rows
    ]
    await turn.say("trajectory.who", choices=buttons)


def _who_label(turn: Turn, pair: Pair, row: TrajectoryRow) -> str:
    if row.coach_id == turn.chat_id:
        return turn.plain("trajectory.who_i_coach", name=pair.name(row.coachee_id))
    if row.coachee_id == turn.chat_id:
        return turn.plain("trajectory.who_coaches_me", name=pair.name(row.coach_id))
    return turn.plain(
        "trajectory.who_others", coach=pair.name(row.coach_id), coachee=pair.name(row.coachee_id)
    )


async def ask_mode(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """Chat or face to face."""
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


async def begin(
    turn: Turn,
    pair: Pair,
    row: TrajectoryRow,
    mode: str,
    *,
    swap: TrajectoryRow | None = None,
    counted: bool = True,
    remembered: bool = False,
) -> None:
    """Open the conversation and hand everyone the card that fits their role; the coach and
    coachee get one button to swap who coaches when the other direction could go too."""
    if counted:
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
                choices=_started_buttons(turn, pair, row, swap, member.id, mode)
                if remembered
                else None,
            )
    coach = pair.member(row.coach_id)
    script = (await scripts_for(turn, pair, coach.language)).step(Step(row.step))
    await tell(turn, coach, "trajectory.coach_intro", intro=script.coach_intro)
    await send_coach_card(turn, pair, row)
    await send_notebook(turn, pair, row, intro=True)
    await send_observer_card(turn, pair, row)


def _started_buttons(
    turn: Turn,
    pair: Pair,
    row: TrajectoryRow,
    swap: TrajectoryRow | None,
    user_id: int,
    mode: str,
) -> list[list[Choice]] | None:
    """A conversation started without asking: one tap lets the other coach this time, one
    moves it to the chat or to in person (for its coach and coachee)."""
    if user_id not in (row.coach_id, row.coachee_id):
        return None
    args = {"m": pair.match.id, "t": row.id}
    other = "face" if mode == "chat" else "chat"
    where = [turn.choice(f"trajectory.btn_where_{other}", "tr_where", **args)]
    if swap is None:
        return [where]
    label = turn.plain("trajectory.btn_swap", name=pair.name(swap.coach_id))
    return [[Choice(label, "tr_swap", args)], where]


def _how_we_talk(turn: Turn, pair: Pair, row: TrajectoryRow, user_id: int, mode: str) -> str:
    """What happens to what this member types: passed on, or (for the observer) kept out."""
    if mode == "chat" and user_id == row.observer_id:
        return turn.text(
            "trajectory.begun_chat_observer",
            coach=pair.name(row.coach_id),
            coachee=pair.name(row.coachee_id),
        )
    others = turn.names([m.name for m in pair.others(user_id)])
    return turn.text(f"trajectory.begun_{mode}", others=others)
