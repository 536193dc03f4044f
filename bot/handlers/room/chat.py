"""The group around a room: the bot added or removed, people leaving, a supergroup upgrade."""

from __future__ import annotations

from bot.handlers.room.effects import carry_out, update_status
from bot.handlers.room.people import chat_title, is_this_bot
from bot.runtime.incoming import Incoming, Kind
from bot.runtime.turn import Turn
from flows.room import Outcome, bot_removed, member_left
from storage import outbox, rooms

PRESENT = ("member", "administrator", "creator", "restricted")
GONE = ("left", "kicked")


async def group_membership(turn: Turn, incoming: Incoming) -> bool:
    """my_chat_member (the bot) and chat_member (people) updates of a group."""
    if incoming.private or incoming.raw is None:
        return False
    new = incoming.raw.get("new_chat_member") or {}
    old = incoming.raw.get("old_chat_member") or {}
    who, status = new.get("user") or {}, new.get("status")
    if is_this_bot(turn, who):
        if status in GONE:
            await _bot_gone(turn, incoming.chat_id)
        elif status in PRESENT and old.get("status") not in PRESENT:
            await _bot_added(turn, incoming)
    elif status in GONE and "id" in who:
        await _member_gone(turn, incoming.chat_id, who["id"])
    return True


async def service_message(turn: Turn, incoming: Incoming) -> bool:
    """Service messages in a group: a supergroup upgrade, or someone leaving."""
    if incoming.kind is not Kind.SERVICE or incoming.raw is None:
        return False
    raw = incoming.raw
    if "migrate_to_chat_id" in raw:
        await _migrated(turn, old_chat_id=incoming.chat_id, new_chat_id=raw["migrate_to_chat_id"])
    elif "migrate_from_chat_id" in raw:
        await _migrated(turn, old_chat_id=raw["migrate_from_chat_id"], new_chat_id=incoming.chat_id)
    elif "left_chat_member" in raw:
        gone = raw["left_chat_member"]
        if is_this_bot(turn, gone):
            await _bot_gone(turn, incoming.chat_id)
        else:
            await _member_gone(turn, incoming.chat_id, gone["id"])
    else:
        return False
    return True


async def _bot_added(turn: Turn, incoming: Incoming) -> None:
    await rooms.remember_chat(
        turn.session, chat_id=incoming.chat_id, title=chat_title(incoming), now=turn.now
    )
    await turn.say("rooms.hello", chat_id=incoming.chat_id)


async def _bot_gone(turn: Turn, chat_id: int) -> None:
    """Removed from the group: the room closes quietly; summary and report still go privately."""
    await rooms.mark_bot_removed(turn.session, chat_id=chat_id, now=turn.now)
    row = await rooms.open_room_in(turn.session, chat_id=chat_id)
    if row is None:
        return
    result = bot_removed(rooms.snapshot_of(row), turn.now)
    if isinstance(result, Outcome):
        await carry_out(turn, row, result)
    # Nothing can reach the group any more; keep the outbox from trying.
    await outbox.fail_chat(turn.session, chat_id=chat_id, error="bot removed from the group")


async def _member_gone(turn: Turn, chat_id: int, user_id: int) -> None:
    row = await rooms.open_room_in(turn.session, chat_id=chat_id)
    if row is None:
        return
    room = rooms.snapshot_of(row)
    result = member_left(room, user_id, turn.now)
    if isinstance(result, Outcome) and result.room != room:
        await carry_out(turn, row, result)


async def _migrated(turn: Turn, *, old_chat_id: int, new_chat_id: int) -> None:
    """Follow the upgrade: the room carries on in the new chat with a fresh status message."""
    await outbox.move_chat(turn.session, old_chat_id=old_chat_id, new_chat_id=new_chat_id)
    moved = await rooms.move_chat(
        turn.session, old_chat_id=old_chat_id, new_chat_id=new_chat_id, now=turn.now
    )
    for room_id in moved:
        row = await rooms.lock_room(turn.session, room_id=room_id)
        if row is not None:
            await update_status(turn, room_id, rooms.snapshot_of(row))
