"""The outbox: every Bot API call the bot makes, written in the same transaction as the state."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OutboxMessage, SentMessage

INTERACTIVE = 0
BULK = 1


@dataclass(frozen=True, slots=True)
class Delivery:
    """One outbox row as the delivery worker needs it."""

    id: int
    chat_id: int
    method: str
    payload: dict[str, Any]
    priority: int
    attempts: int
    remember_as: str | None


async def enqueue(
    session: AsyncSession,
    *,
    chat_id: int,
    method: str,
    payload: dict[str, Any],
    now: datetime,
    priority: int = INTERACTIVE,
    remember_as: str | None = None,
) -> None:
    """Add a call to make; it is sent only if the surrounding transaction commits."""
    session.add(
        OutboxMessage(
            chat_id=chat_id,
            method=method,
            payload=payload,
            priority=priority,
            remember_as=remember_as,
            next_attempt_at=now,
            created_at=now,
        )
    )


async def due(
    session: AsyncSession, *, now: datetime, limit: int, exclude: Iterable[int] = ()
) -> list[Delivery]:
    """Pending calls whose time has come, interactive before bulk, oldest first."""
    excluded = set(exclude)
    # Plain columns, not ORM objects: this runs on every wake of the delivery worker.
    query = (
        select(
            OutboxMessage.id,
            OutboxMessage.chat_id,
            OutboxMessage.method,
            OutboxMessage.payload,
            OutboxMessage.priority,
            OutboxMessage.attempts,
            OutboxMessage.remember_as,
        )
        .where(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.priority, OutboxMessage.id)
        .limit(limit + len(excluded))
    )
    rows = (await session.execute(query)).all()
    return [Delivery(*row) for row in rows if row[0] not in excluded][:limit]


async def next_due_at(session: AsyncSession, *, after: datetime) -> datetime | None:
    """When the next pending call becomes due after `after` (those due now are being sent)."""
    query = (
        select(OutboxMessage.next_attempt_at)
        .where(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at > after)
        .order_by(OutboxMessage.next_attempt_at)
        .limit(1)
    )
    return (await session.execute(query)).scalar_one_or_none()


async def mark_sent(
    session: AsyncSession, *, delivery: Delivery, message_id: int | None, now: datetime
) -> None:
    """Record a call as made; the text is erased, only the fact that it was sent is kept."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == delivery.id)
        .values(status="sent", sent_at=now, sent_message_id=message_id, payload={})
    )
    if delivery.remember_as and message_id is not None:
        await remember_message(
            session,
            name=delivery.remember_as,
            chat_id=delivery.chat_id,
            message_id=message_id,
            now=now,
        )


async def mark_failed(session: AsyncSession, *, delivery_id: int, error: str) -> None:
    """Give up on a call that cannot succeed (for example a chat that blocked the bot)."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == delivery_id)
        .values(status="failed", error=error[:2000], payload={})
    )


async def retry_later(
    session: AsyncSession, *, delivery_id: int, at: datetime, error: str, count: bool = True
) -> None:
    """Try a call again at a later time; flood waits do not count as attempts."""
    values: dict[str, Any] = {"next_attempt_at": at, "error": error[:2000]}
    if count:
        values["attempts"] = OutboxMessage.attempts + 1
    await session.execute(
        update(OutboxMessage).where(OutboxMessage.id == delivery_id).values(**values)
    )


async def hold_chat(session: AsyncSession, *, chat_id: int, until: datetime) -> None:
    """Make every pending call to one chat wait (Telegram asked us to slow down there)."""
    await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.chat_id == chat_id,
            OutboxMessage.status == "pending",
            OutboxMessage.next_attempt_at < until,
        )
        .values(next_attempt_at=until)
    )


async def fail_chat(session: AsyncSession, *, chat_id: int, error: str) -> None:
    """Drop every pending call to a chat that can no longer be reached."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.chat_id == chat_id, OutboxMessage.status == "pending")
        .values(status="failed", error=error[:2000], payload={})
    )


async def move_chat(session: AsyncSession, *, old_chat_id: int, new_chat_id: int) -> None:
    """Follow a group that Telegram upgraded to a supergroup with a new id."""
    rows = (
        await session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.chat_id == old_chat_id, OutboxMessage.status == "pending"
            )
        )
    ).all()
    for row in rows:
        row.chat_id = new_chat_id
        row.payload = {**row.payload, "chat_id": new_chat_id}


async def remember_message(
    session: AsyncSession, *, name: str, chat_id: int, message_id: int, now: datetime
) -> None:
    """Keep the id of a message the bot will edit later under a name."""
    row = await session.get(SentMessage, name)
    if row is None:
        session.add(SentMessage(name=name, chat_id=chat_id, message_id=message_id, updated_at=now))
    else:
        row.chat_id, row.message_id, row.updated_at = chat_id, message_id, now


async def remembered_message(session: AsyncSession, *, name: str) -> SentMessage | None:
    """The message kept under a name, if it was sent."""
    return await session.get(SentMessage, name)


async def purge_sent(session: AsyncSession, *, older_than: timedelta, now: datetime) -> None:
    """Forget finished calls after a while."""
    await session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.status != "pending", OutboxMessage.created_at < now - older_than
        )
    )
