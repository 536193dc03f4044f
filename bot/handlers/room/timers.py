"""Room time boxes firing: a step's warning and end, a silent case-holder, an idle room."""

from __future__ import annotations

from bot.handlers.room.effects import carry_out
from bot.runtime.turn import Turn
from flows.room import Outcome, TimerKind, timer_fired
from storage import rooms
from storage.timers import DueTimer


async def fire_room_timer(turn: Turn, timer: DueTimer) -> None:
    """Let the room decide what a due timer means; stale timers change nothing."""
    room_id, kind = timer.payload.get("room_id"), timer.payload.get("kind")
    if not isinstance(room_id, int) or kind not in {k.value for k in TimerKind}:
        return
    row = await rooms.lock_room(turn.session, room_id=room_id)
    if row is None:
        return
    room = rooms.snapshot_of(row)
    result = timer_fired(room, turn.now, TimerKind(kind))
    if isinstance(result, Outcome) and (result.effects or result.room != room):
        await carry_out(turn, row, result)
