"""Rooms and the group chats they run in: linking, locking, saving snapshots, moving chats."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, delete, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from flows.room import Room, RoomState
from storage.awaiting import PERSON
from storage.db import is_postgresql
from storage.models import Chat, OutboxMessage, SentMessage, Timer
from storage.room_models import RoomPrompt, RoomRow

CLOSED = RoomState.CLOSED.value


def status_name(room_id: int) -> str:
    """The outbox name of a room's single status message."""
    return f"room:{room_id}:status"


def timer_name(room_id: int, kind: str) -> str:
    """The name of a room's timer of one kind: scheduling it again replaces the pending one."""
    return f"room:{room_id}:{kind}"


# --- group chats --------------------------------------------------------------------------


async def get_chat(session: AsyncSession, *, chat_id: int) -> Chat | None:
    """The group chat row, if the bot has seen this group."""
    return await session.get(Chat, chat_id)


async def remember_chat(
    session: AsyncSession, *, chat_id: int, title: str | None, now: datetime
) -> Chat:
    """Note a group the bot is in (added again after a removal counts as present)."""
    chat = await _locked_chat(session, chat_id)
    if chat is None:
        chat = Chat(id=chat_id, title=title, created_at=now)
        session.add(chat)
    else:
        chat.title = title or chat.title
        chat.bot_removed_at = None
    await session.flush()
    return chat


async def link_chat(
    session: AsyncSession, *, chat_id: int, title: str | None, cohort_id: int, now: datetime
) -> Chat:
    """Link a group to a cohort: from now on only that cohort's teachers run rooms there."""
    chat = await remember_chat(session, chat_id=chat_id, title=title, now=now)
    chat.cohort_id = cohort_id
    return chat


async def mark_bot_removed(session: AsyncSession, *, chat_id: int, now: datetime) -> None:
    """The bot was removed from a group."""
    chat = await session.get(Chat, chat_id)
    if chat is not None and chat.bot_removed_at is None:
        chat.bot_removed_at = now


async def move_chat(
    session: AsyncSession, *, old_chat_id: int, new_chat_id: int, now: datetime
) -> list[int]:
    """Follow a group upgraded to a supergroup: the chat row, its rooms and their timers.

    Idempotent (both service messages of a migration call it) and serialised on the old
    chat's row, since the two messages arrive under two conversation locks. Returns the ids of
    the open rooms that moved; their status message must be sent anew in the new chat.
    """
    old = await _locked_chat(session, old_chat_id)
    if old is None:
        return []
    old.migrated_to = new_chat_id
    new = await session.get(Chat, new_chat_id)
    if new is None:
        new = Chat(id=new_chat_id, title=old.title, created_at=now)
        session.add(new)
    new.cohort_id = new.cohort_id or old.cohort_id
    moved: list[int] = []
    rows = await session.scalars(
        select(RoomRow).where(RoomRow.chat_id == old_chat_id).with_for_update()
        if is_postgresql(session)
        else select(RoomRow).where(RoomRow.chat_id == old_chat_id)
    )
    for row in rows.all():
        row.chat_id = new_chat_id
        row.snapshot = {**row.snapshot, "chat_id": new_chat_id}
        if row.state != CLOSED:
            moved.append(row.id)
            await _move_room_timers(session, row.id, new_chat_id)
            # Messages of the old group cannot be edited any more: a new status will be sent.
            await session.execute(
                delete(SentMessage).where(SentMessage.name == status_name(row.id))
            )
    await session.flush()
    return moved


async def _move_room_timers(session: AsyncSession, room_id: int, chat_id: int) -> None:
    await session.execute(
        update(Timer)
        .where(Timer.name.like(f"room:{room_id}:%"), Timer.status == "pending")
        .values(conversation=f"chat:{chat_id}")
    )


async def _locked_chat(session: AsyncSession, chat_id: int) -> Chat | None:
    query = select(Chat).where(Chat.id == chat_id).execution_options(populate_existing=True)
    if is_postgresql(session):
        query = query.with_for_update()
    return (await session.scalars(query)).first()


# --- rooms ---------------------------------------------------------------------------------


def snapshot_of(row: RoomRow) -> Room:
    """The room as the flows see it."""
    return Room.from_dict(row.snapshot)


async def add_room(session: AsyncSession, *, cohort_id: int, room: Room, now: datetime) -> RoomRow:
    """Store a newly opened room."""
    row = RoomRow(
        chat_id=room.chat_id,
        cohort_id=cohort_id,
        teacher_id=room.teacher_id,
        state=room.state.value,
        snapshot=room.to_dict(),
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    await session.flush()
    return row


async def open_room_in(session: AsyncSession, *, chat_id: int) -> RoomRow | None:
    """The group's open room, locked for this transaction (at most one is open per group)."""
    query = (
        select(RoomRow)
        .where(RoomRow.chat_id == chat_id, RoomRow.state != CLOSED)
        .order_by(RoomRow.id.desc())
        .limit(1)
    )
    return await _first_locked(session, query)


async def open_rooms_of(session: AsyncSession, *, user_id: int) -> list[int]:
    """Open rooms a person teaches or whose snapshot names them (checked by the caller)."""
    query = select(RoomRow.id).where(
        RoomRow.state != CLOSED,
        or_(RoomRow.teacher_id == user_id, cast(RoomRow.snapshot, String).like(f"%{user_id}%")),
    )
    return list((await session.scalars(query.order_by(RoomRow.id))).all())


async def lock_room(session: AsyncSession, *, room_id: int) -> RoomRow | None:
    """A room by id, locked for this transaction.

    Group updates run under the chat's lock, but private-chat contributions and button presses
    run under the person's: the row lock makes every change to one room wait its turn.
    """
    return await _first_locked(session, select(RoomRow).where(RoomRow.id == room_id))


async def _first_locked(session: AsyncSession, query: Any) -> RoomRow | None:
    query = query.execution_options(populate_existing=True)
    if is_postgresql(session):
        query = query.with_for_update()
    row: RoomRow | None = (await session.scalars(query)).first()
    return row


async def save_room(session: AsyncSession, *, row: RoomRow, room: Room, now: datetime) -> None:
    """Store the room's new snapshot; a closed room keeps no contribution texts."""
    closed = not room.is_open
    row.snapshot = (without_content(room) if closed else room).to_dict()
    row.state = room.state.value
    row.chat_id = room.chat_id
    row.version += 1
    row.updated_at = now
    if closed and row.closed_at is None:
        row.closed_at = room.closed_at or now
        await drop_prompts(session, room_id=row.id)


def without_content(room: Room) -> Room:
    """What is kept of a closed room: who, when and how many, never what was said."""
    return replace(
        room,
        contributions=tuple(replace(c, text="") for c in room.contributions),
        chosen_step=None,
    )


async def rooms_in(session: AsyncSession, *, chat_id: int) -> list[RoomRow]:
    """Every room a group ever had, oldest first."""
    rows = await session.scalars(
        select(RoomRow).where(RoomRow.chat_id == chat_id).order_by(RoomRow.id)
    )
    return list(rows.all())


# --- private prompts -----------------------------------------------------------------------


async def set_prompt(
    session: AsyncSession, *, user_id: int, room_id: int, step_index: int, now: datetime
) -> None:
    """Remember that this person's next private text is their contribution to a room step."""
    prompt = await session.get(RoomPrompt, user_id)
    if prompt is None:
        session.add(
            RoomPrompt(user_id=user_id, room_id=room_id, step_index=step_index, created_at=now)
        )
    else:
        prompt.room_id, prompt.step_index, prompt.created_at = room_id, step_index, now


AWAITS_PROMPT = exists().where(RoomPrompt.user_id == PERSON)
"""Whether a room step waits for this person's private contribution."""


async def pending_prompt(session: AsyncSession, *, user_id: int) -> RoomPrompt | None:
    """The room step waiting for this person's private text, if any."""
    return await session.get(RoomPrompt, user_id)


async def drop_prompt(session: AsyncSession, *, user_id: int) -> None:
    """Forget a person's pending prompt."""
    await session.execute(delete(RoomPrompt).where(RoomPrompt.user_id == user_id))


async def drop_prompts(session: AsyncSession, *, room_id: int) -> None:
    """Forget every pending prompt of a room (it closed)."""
    await session.execute(delete(RoomPrompt).where(RoomPrompt.room_id == room_id))


# --- the status message --------------------------------------------------------------------


async def pending_status_send(
    session: AsyncSession, *, name: str, chat_id: int
) -> OutboxMessage | None:
    """The status message's first send, when it is still waiting in the outbox.

    Until it is sent there is no message id to edit; a change in that moment updates the
    waiting send instead of posting a second status message.
    """
    query = (
        select(OutboxMessage)
        .where(
            OutboxMessage.remember_as == name,
            OutboxMessage.chat_id == chat_id,
            OutboxMessage.status == "pending",
        )
        .order_by(OutboxMessage.id.desc())
        .limit(1)
    )
    return (await session.scalars(query)).first()
