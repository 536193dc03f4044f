"""How a match ends: the private click check, dissolving without blame, leaving, an unreachable
partner. The rules are in `flows.trajectory.ending`; closing is carried out with the step."""

from __future__ import annotations

from bot.handlers.trajectory.core import (
    Pair,
    done_with,
    load_pair,
    pair_of,
    pair_of_button,
    persons,
    stale,
)
from bot.handlers.trajectory.effects import carry_out, settle
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.trajectory import ClickCheck, DissolvedReason
from flows.trajectory import ending as rules
from flows.trajectory.effects import Outcome
from storage import people
from storage.models import Button


def register(router: Router) -> None:
    """Wire the click question, /leave, and noticing a partner who blocked the bot."""
    router.action("tr_click", click_answer)
    router.command("leave", leave_command)
    router.action("tr_leave", leave_confirmed)
    router.action("tr_stay", stay)
    # Before the generic handler that marks the person unreachable, which answers every change.
    router.member_handlers.insert(0, partner_blocked)


async def click_answer(turn: Turn, incoming: Incoming, button: Button) -> None:
    """One private answer; once everyone answered, go on together or part without blame."""
    pair = await pair_of_button(turn, button)
    if pair is None:
        await stale(turn)
        return
    check = ClickCheck.from_dict(pair.state.click) if pair.state.click is not None else None
    yes, seats, members = bool(button.args.get("yes")), pair.seats(), persons(pair)
    result = rules.click_answered(check, seats, members, turn.chat_id, click=yes, at=turn.now)
    if isinstance(result, Outcome):
        await done_with(turn, incoming.message_id)
    await settle(turn, pair, None, result)


async def dissolve(
    turn: Turn,
    pair: Pair,
    reason: DissolvedReason,
    *,
    leaver: int | None = None,
    erased: bool = False,
) -> None:
    """End the match for everyone, tell each kindly, and ask the coordinators to re-pair.

    erased: the leaver is having their data erased, so the others are not told their name."""
    ended = rules.dissolve(
        pair.seats(), persons(pair), reason, at=turn.now, leaver=leaver, erased=erased
    )
    await carry_out(turn, pair, None, ended)


async def dissolve_match(turn: Turn, match_id: int, reason: str) -> None:
    """End a match (for coordinators and pairing): kind words to the members, no blame."""
    pair = await load_pair(turn, match_id)
    if pair is None or not pair.active:
        return
    known = {r.value for r in DissolvedReason}
    await dissolve(
        turn,
        pair,
        DissolvedReason(reason) if reason in known else DissolvedReason.COORDINATOR_ENDED,
    )


async def close_for_round(turn: Turn, match_id: int) -> bool:
    """The coordinator closed the round: the match ends as finished, each member is told
    warmly. False when it had ended already."""
    pair = await load_pair(turn, match_id)
    if pair is None or not pair.active:
        return False
    await carry_out(
        turn, pair, None, rules.close_for_round(pair.seats(), persons(pair), at=turn.now)
    )
    return True


async def dissolve_if_unreachable(turn: Turn, pair: Pair) -> bool:
    """A partner who left PeerCoach or cannot be reached ends the match kindly; True if so."""
    ended = rules.dissolve_if_unreachable(pair.seats(), persons(pair), at=turn.now)
    if ended is not None:
        await carry_out(turn, pair, None, ended)
    return ended is not None


# --- Leaving and blocking ---------------------------------------------------------------------


async def leave_command(turn: Turn, incoming: Incoming) -> None:
    """/leave: stop coaching in this match, after a check."""
    pair = await pair_of(turn)
    if pair is None:
        await turn.say("trajectory.no_match")
        return
    args = {"m": pair.match.id}
    await turn.say(
        "trajectory.leave_confirm",
        choices=[
            [turn.choice("trajectory.btn_leave_yes", "tr_leave", **args)],
            [turn.choice("trajectory.btn_leave_no", "tr_stay")],
        ],
    )


async def leave_confirmed(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Leave: the others are told kindly and the coordinators re-pair them."""
    pair = await pair_of_button(turn, button)
    if pair is None:
        await stale(turn)
        return
    await done_with(turn, incoming.message_id)
    await dissolve(turn, pair, DissolvedReason.PARTNER_LEFT, leaver=turn.chat_id)


async def stay(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Not leaving after all."""
    await done_with(turn, incoming.message_id)
    await turn.say("trajectory.stay")


async def partner_blocked(turn: Turn, incoming: Incoming) -> bool:
    """Someone blocked the bot: their partners are told kindly; the member handler still runs."""
    status = ((incoming.raw or {}).get("new_chat_member") or {}).get("status")
    if not incoming.private or turn.user is None or status != "kicked":
        return False
    pair = await pair_of(turn)
    if pair is not None:
        await people.mark_unreachable(turn.session, user_id=turn.chat_id, now=turn.now)
        pair = await load_pair(turn, pair.match.id)
        assert pair is not None
        await dissolve(turn, pair, DissolvedReason.UNREACHABLE)
    return False
