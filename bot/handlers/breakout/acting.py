"""During a breakout: the card's and members' buttons, private texts relayed, the shared timer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.handlers.breakout.effects import carry_out, settle
from bot.handlers.room.people import actor_id, display_name, in_cohort, join_hint
from bot.runtime.incoming import Incoming, Kind
from bot.runtime.turn import Turn
from flows.breakout import (
    Breakout,
    BreakoutTimer,
    Outcome,
    Result,
    answer_consent,
    breakout_timer,
    cancel_breakout,
    end_all,
    in_group,
    join_breakout,
    next_step_all,
    start_breakout,
)
from flows.pairing.model import Candidate, PairingRules, Wants
from flows.pairing.scoring import PairingContext
from flows.room import choose_step, contribute, pass_turn
from storage import breakouts, pairing
from storage.breakout_models import BreakoutRow
from storage.models import Button
from storage.timers import DueTimer

# Presses that move a breakout on: a double tap or a second person must count once.
MOVES = frozenset({"start", "cancel", "next", "end", "pass", "choose", "yes", "no"})

Act = Callable[[Turn, Incoming, BreakoutRow, Breakout, Button], Awaitable[Result | None]]


def moves_the_breakout(button: Button) -> bool:
    """Whether a breakout button's press is used up (see MOVES)."""
    return button.args.get("a") in MOVES


async def breakout_button(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Any breakout button, on the class card or in a private chat: lock, then act."""
    breakout_id, action = button.args.get("b"), button.args.get("a")
    row = (
        await breakouts.lock_breakout(turn.session, breakout_id=breakout_id)
        if isinstance(breakout_id, int)
        else None
    )
    act = _ACTS.get(str(action))
    if row is None or act is None or incoming.sender is None:
        await turn.answer("fallback.stale_button", alert=True)
        return
    breakout = breakouts.snapshot_of(row)
    result = await act(turn, incoming, row, breakout, button)
    if result is None:
        turn.refuse_press()
        return
    accepted = await settle(turn, row, breakout, result, chat=turn.chat_id)
    if not accepted:
        turn.refuse_press()
    elif incoming.private and incoming.message_id:
        await turn.clear_buttons(incoming.message_id)


async def _join(
    turn: Turn, incoming: Incoming, row: BreakoutRow, breakout: Breakout, button: Button
) -> Result | None:
    if not await in_cohort(turn, row.cohort_id):
        # The bot can only relay to people who joined the class privately first.
        await join_hint(turn, breakout.language, chat_id=breakout.chat_id)
        return None
    if turn.user is not None and turn.user.unreachable_at is not None:
        # They blocked the bot privately: their group would wait for someone it cannot reach.
        with turn.speaking(turn.user.language or breakout.language):
            await turn.answer("breakout.refuse.blocked", alert=True)
        return None
    return join_breakout(breakout, actor_id(turn), display_name(turn), turn.now)


async def _start(
    turn: Turn, incoming: Incoming, row: BreakoutRow, breakout: Breakout, button: Button
) -> Result | None:
    people = [m.user_id for m in breakout.joined]
    context = PairingContext.build(
        [Candidate(uid, Wants.BOTH) for uid in people],
        PairingRules(),
        await pairing.pairing_history(turn.session, cohort_id=row.cohort_id),
        await pairing.do_not_pair_among(turn.session, user_ids=people),
        breakout.seed,
    )
    return start_breakout(breakout, actor_id(turn), turn.now, context)


async def _next(
    turn: Turn, incoming: Incoming, row: BreakoutRow, breakout: Breakout, button: Button
) -> Result | None:
    return next_step_all(breakout, actor_id(turn), turn.now)


async def _end(
    turn: Turn, incoming: Incoming, row: BreakoutRow, breakout: Breakout, button: Button
) -> Result | None:
    return end_all(breakout, actor_id(turn), turn.now)


async def _cancel(
    turn: Turn, incoming: Incoming, row: BreakoutRow, breakout: Breakout, button: Button
) -> Result | None:
    return cancel_breakout(breakout, actor_id(turn), turn.now)


async def _pass(
    turn: Turn, incoming: Incoming, row: BreakoutRow, breakout: Breakout, button: Button
) -> Result | None:
    who, now = actor_id(turn), turn.now
    return in_group(breakout, who, now, lambda room: pass_turn(room, who, now))


async def _choose(
    turn: Turn, incoming: Incoming, row: BreakoutRow, breakout: Breakout, button: Button
) -> Result | None:
    index = button.args.get("i")
    if not isinstance(index, int):
        return None
    who, now = actor_id(turn), turn.now
    return in_group(breakout, who, now, lambda room: choose_step(room, who, now, index))


def _consent(agreed: bool) -> Act:
    async def act(
        turn: Turn, incoming: Incoming, row: BreakoutRow, breakout: Breakout, button: Button
    ) -> Result | None:
        return answer_consent(breakout, actor_id(turn), agreed, turn.now)

    return act


_ACTS: dict[str, Act] = {
    "join": _join,
    "start": _start,
    "next": _next,
    "end": _end,
    "cancel": _cancel,
    "pass": _pass,
    "choose": _choose,
    "yes": _consent(True),
    "no": _consent(False),
}


async def private_text(turn: Turn, incoming: Incoming) -> bool:
    """What a member types privately during a breakout goes to their group (not stored)."""
    if turn.user is None:
        return False
    row = await breakouts.breakout_of(turn.session, user_id=turn.user.id)
    if row is None:
        return False
    breakout = breakouts.snapshot_of(row)
    group = breakout.group_of(turn.user.id)
    if group is None or not group.room.is_open:
        return False
    who, now = turn.user.id, turn.now
    media = incoming.media if incoming.kind is Kind.MEDIA else None
    text = None if media is not None else incoming.text
    privately = group.room.step.collect_privately

    result = in_group(
        breakout,
        who,
        now,
        lambda room: contribute(
            room, who, now, text, media=media, privately=privately, from_private_chat=True
        ),
    )
    await settle(turn, row, breakout, result, chat=turn.chat_id)
    return True


async def still_in_breakout(turn: Turn) -> bool:
    """/cancel during a breakout: the group goes on, so say how to sit out rather than stop."""
    if turn.user is None:
        return False
    row = await breakouts.breakout_of(turn.session, user_id=turn.user.id)
    group = breakouts.snapshot_of(row).group_of(turn.user.id) if row is not None else None
    if row is None or group is None or not group.room.is_open:
        return False
    await turn.say("breakout.cancel_goes_on", teacher=breakouts.snapshot_of(row).teacher_name)
    return True


async def fire_breakout_timer(turn: Turn, timer: DueTimer) -> None:
    """The one timer set of all groups went off; stale firings change nothing."""
    breakout_id, kind = timer.payload.get("breakout_id"), timer.payload.get("kind")
    if not isinstance(breakout_id, int) or kind not in {k.value for k in BreakoutTimer}:
        return
    row = await breakouts.lock_breakout(turn.session, breakout_id=breakout_id)
    if row is None:
        return
    breakout = breakouts.snapshot_of(row)
    result = breakout_timer(breakout, BreakoutTimer(kind), turn.now)
    if isinstance(result, Outcome) and (result.effects or result.breakout != breakout):
        await carry_out(turn, row, result)
