"""The class group around a breakout: following a supergroup upgrade."""

from __future__ import annotations

from bot.handlers.breakout.effects import update_card
from bot.runtime.incoming import Incoming, Kind
from bot.runtime.turn import Turn
from storage import breakouts


async def follow_migration(turn: Turn, incoming: Incoming) -> bool:
    """A group upgraded to a supergroup: its breakouts move along with a fresh card.

    Returns False so the rooms' own handler still moves the chat, its rooms and the outbox.
    """
    if incoming.kind is not Kind.SERVICE or incoming.raw is None:
        return False
    raw = incoming.raw
    if "migrate_to_chat_id" in raw:
        old, new = incoming.chat_id, raw["migrate_to_chat_id"]
    elif "migrate_from_chat_id" in raw:
        old, new = raw["migrate_from_chat_id"], incoming.chat_id
    else:
        return False
    for breakout_id in await breakouts.move_chat(turn.session, old_chat_id=old, new_chat_id=new):
        row = await breakouts.lock_breakout(turn.session, breakout_id=breakout_id)
        if row is not None:
            await update_card(turn, breakout_id, breakouts.snapshot_of(row))
    return False
