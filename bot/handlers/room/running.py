"""During the session: contributions by reply or private chat, turns, and steering the steps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.handlers.room.effects import settle
from bot.handlers.room.people import actor_id, in_cohort, is_this_bot, join_hint
from bot.runtime.incoming import Incoming, Kind
from bot.runtime.turn import Turn
from flows.protocols import Who
from flows.room import Outcome, Relay, Result, choose_step, contribute, extend
from flows.room.model import Room
from flows.room.rules import is_participant
from storage import rooms
from storage.room_models import RoomRow

# One press on 'more time' adds this much; pressing again adds more.
EXTEND_MINUTES = 2


def simple(command: Callable[[Room, int, datetime], Result]) -> Any:
    """A button handler for a flows command that needs only the room, the actor and the time."""

    async def handle(
        turn: Turn, incoming: Incoming, row: RoomRow, room: Room, args: dict[str, Any]
    ) -> bool:
        return await settle(turn, row, room, command(room, actor_id(turn), turn.now))

    return handle


async def more_time(
    turn: Turn, incoming: Incoming, row: RoomRow, room: Room, args: dict[str, Any]
) -> bool:
    """'More time': the facilitator or timekeeper adds a few minutes to the step."""
    return await settle(turn, row, room, extend(room, actor_id(turn), turn.now, EXTEND_MINUTES))


async def pick_step(
    turn: Turn, incoming: Incoming, row: RoomRow, room: Room, args: dict[str, Any]
) -> bool:
    """The case-holder picks one of the ideas as their step."""
    index = args.get("i")
    if not isinstance(index, int):
        return False
    return await settle(turn, row, room, choose_step(room, actor_id(turn), turn.now, index))


async def group_contribution(turn: Turn, incoming: Incoming) -> bool:
    """A reply to the bot in a group with an open room is a contribution (privacy mode on)."""
    if incoming.kind not in (Kind.TEXT, Kind.MEDIA) or not _replies_to_bot(turn, incoming):
        return False
    row = await rooms.open_room_in(turn.session, chat_id=incoming.chat_id)
    if row is None or incoming.sender is None:
        return False
    room = rooms.snapshot_of(row)
    if not is_participant(room, incoming.sender.id) and not await in_cohort(turn, row.cohort_id):
        await join_hint(turn, room.language, chat_id=room.chat_id)
        return True
    result = _contribute(room, incoming, incoming.sender.id, turn.now, privately=False)
    # Refusals go to the person privately, so the group is not flooded with them.
    where = incoming.sender.id if turn.joined else room.chat_id
    # No "noted" reply: everyone sees the message already, and Telegram lets a bot send a group
    # only 20 messages a minute, which the room's own steps and turns need.
    await settle(turn, row, room, result, refusal_chat=where)
    return True


async def private_contribution(turn: Turn, incoming: Incoming) -> bool:
    """Private text (or media) from someone a room asked to write privately."""
    if turn.user is None:
        return False
    prompt = await rooms.pending_prompt(turn.session, user_id=turn.user.id)
    row = await rooms.lock_room(turn.session, room_id=prompt.room_id) if prompt else None
    room = rooms.snapshot_of(row) if row is not None else None
    if prompt is None or row is None or room is None:
        return False
    if not room.in_session or room.step_index != prompt.step_index:
        # The step this prompt was for is over: the text is not meant for the room any more.
        await rooms.drop_prompt(turn.session, user_id=turn.user.id)
        return False
    privately = room.step.collect_privately
    result = _contribute(
        room, incoming, turn.user.id, turn.now, privately=privately, from_private_chat=True
    )
    if isinstance(result, Outcome) and room.step.who is not Who.CASE_HOLDER:
        # One contribution per prompt; only the case-holder tells their story in parts.
        await rooms.drop_prompt(turn.session, user_id=turn.user.id)
    accepted = await settle(turn, row, room, result, refusal_chat=turn.chat_id)
    relayed = isinstance(result, Outcome) and any(isinstance(e, Relay) for e in result.effects)
    if accepted and relayed:
        # Shown in the group: say so here. A hidden one is counted by its 'received' prompt.
        await turn.say("rooms.shared")
    return True


def _contribute(
    room: Room,
    incoming: Incoming,
    author: int,
    now: datetime,
    *,
    privately: bool,
    from_private_chat: bool = False,
) -> Result:
    text = None if incoming.kind is Kind.MEDIA else incoming.text
    return contribute(
        room,
        author,
        now,
        text,
        media=incoming.media if incoming.kind is Kind.MEDIA else None,
        privately=privately,
        from_private_chat=from_private_chat,
    )


def _replies_to_bot(turn: Turn, incoming: Incoming) -> bool:
    replied = (incoming.raw or {}).get("reply_to_message") or {}
    return is_this_bot(turn, replied.get("from") or {})
