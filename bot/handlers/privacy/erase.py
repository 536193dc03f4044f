"""Erasing a person: what runs ends kindly for the others first, then every trace goes.

Used by /privacy and by `peercoach erase`; everything happens in the turn's one transaction.
"""

from __future__ import annotations

from bot.handlers.breakout.effects import carry_out as carry_out_breakout
from bot.handlers.menus import forget_person_menu
from bot.handlers.room.effects import carry_out
from bot.handlers.safety.talks import end_talks_of
from bot.handlers.trajectory.core import load_pair
from bot.handlers.trajectory.ending import dissolve
from bot.runtime.turn import Turn
from flows import breakout as breakout_flows
from flows.room import Outcome, end, member_left
from flows.trajectory import DissolvedReason
from storage import breakouts, erasure, matches, rooms


async def erase_person(turn: Turn, user_id: int) -> bool:
    """End the person's matches and rooms kindly, then erase them; False if nobody was known."""
    await _end_matches(turn, user_id)
    await _leave_rooms(turn, user_id)
    await _leave_breakouts(turn, user_id)
    await end_talks_of(turn, user_id)
    # Queued before the erasure, which forgets the chat's calls as soon as they are made.
    await forget_person_menu(turn, user_id)
    return await erasure.erase_person(turn.session, user_id=user_id, now=turn.now)


async def _end_matches(turn: Turn, user_id: int) -> None:
    """Partners hear kindly that the coaching stopped (no name); coordinators can re-pair."""
    for match_id in await matches.active_matches_of(turn.session, user_id=user_id):
        pair = await load_pair(turn, match_id)
        if pair is not None and pair.active:
            await dissolve(turn, pair, DissolvedReason.PARTNER_LEFT, leaver=user_id, erased=True)


async def _leave_rooms(turn: Turn, user_id: int) -> None:
    """An open room goes on without the person; a room they teach ends (summaries still go)."""
    for room_id in await rooms.open_rooms_of(turn.session, user_id=user_id):
        row = await rooms.lock_room(turn.session, room_id=room_id)
        if row is None:
            continue
        room = rooms.snapshot_of(row)
        if room.teacher_id == user_id and room.is_open:
            result = end(room, user_id, turn.now)
        else:
            result = member_left(room, user_id, turn.now)
        if isinstance(result, Outcome) and result.room != room:
            await carry_out(turn, row, result)


async def _leave_breakouts(turn: Turn, user_id: int) -> None:
    """An open breakout goes on without the person; one they teach ends (the class still hears)."""
    for breakout_id in await breakouts.open_breakouts_of(turn.session, user_id=user_id):
        row = await breakouts.lock_breakout(turn.session, breakout_id=breakout_id)
        if row is None:
            continue
        breakout = breakouts.snapshot_of(row)
        result = breakout_flows.member_gone(breakout, user_id, turn.now)
        if isinstance(result, breakout_flows.Outcome) and result.breakout != breakout:
            await carry_out_breakout(turn, row, result)
