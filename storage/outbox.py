"""The outbox: every Bot API call the bot makes, written in the same transaction as the state."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OutboxMessage, SentMessage

# Priorities, most urgent first: replies to what someone just did, notices of rooms and pairing,
# then bulk (reminders and other calls made by timers).
INTERACTIVE = 0
NOTICE = 1
BULK = 2
QUEUED = "outbox.queued"  # session.info: the calls this transaction added, for the worker


# remember_as of a call whose row goes once it is made: the chat belongs to an erased person.
FORGET_ONCE_SENT = "forget-once-sent"


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


# The delivery path runs these for every message: built once as Core statements with
# parameters, they skip the ORM's unit of work and SQLAlchemy's per-call statement building.
OUTBOX = cast(Table, OutboxMessage.__table__)  # a mapped class always has a Table
_ENQUEUE = insert(OUTBOX)
_DUE = (
    select(
        OUTBOX.c.id,
        OUTBOX.c.chat_id,
        OUTBOX.c.method,
        OUTBOX.c.payload,
        OUTBOX.c.priority,
        OUTBOX.c.attempts,
        OUTBOX.c.remember_as,
    )
    .where(OUTBOX.c.status == "pending", OUTBOX.c.next_attempt_at <= bindparam("now"))
    .order_by(OUTBOX.c.priority, OUTBOX.c.id)
    .limit(bindparam("limit"))
)
_NEXT_DUE = (
    select(OUTBOX.c.next_attempt_at)
    .where(OUTBOX.c.status == "pending", OUTBOX.c.next_attempt_at > bindparam("after"))
    .order_by(OUTBOX.c.next_attempt_at)
    .limit(1)
)
# The text is erased once sent: only the fact that it was sent is kept.
_MARK_SENT = (
    update(OUTBOX)
    .where(OUTBOX.c.id == bindparam("row"))
    .values(
        status="sent", sent_at=bindparam("at"), sent_message_id=bindparam("message"), payload={}
    )
)

_FORGET_SENT = delete(OUTBOX).where(
    OUTBOX.c.id.in_(bindparam("rows", expanding=True)),
    OUTBOX.c.remember_as == FORGET_ONCE_SENT,
)


@dataclass(frozen=True, slots=True)
class Sent:
    """A call Telegram accepted, and the id of the message it made (if any)."""

    delivery: Delivery
    message_id: int | None


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
    row = {
        "chat_id": chat_id,
        "method": method,
        "payload": payload,
        "priority": priority,
        "remember_as": remember_as,
        "next_attempt_at": now,
        "created_at": now,
    }
    result = await session.execute(_ENQUEUE, row)
    (row_id,) = result.inserted_primary_key  # type: ignore[attr-defined]  # INSERT gives a CursorResult
    delivery = Delivery(row_id, chat_id, method, payload, priority, 0, remember_as)
    session.info.setdefault(QUEUED, []).append(delivery)


def queued(session: AsyncSession) -> list[Delivery]:
    """The calls added in this session, taken once its transaction committed."""
    taken: list[Delivery] = session.info.pop(QUEUED, [])
    return taken


async def due(
    session: AsyncSession, *, now: datetime, limit: int, exclude: Collection[int] = ()
) -> list[Delivery]:
    """Pending calls whose time has come, interactive before bulk, oldest first.

    `exclude` is checked after the read, so a live set also leaves out rows taken meanwhile.
    """
    rows = (await session.execute(_DUE, {"now": now, "limit": limit + len(exclude)})).all()
    return [Delivery(*row) for row in rows if row[0] not in exclude][:limit]


async def next_due_at(session: AsyncSession, *, after: datetime) -> datetime | None:
    """When the next pending call becomes due after `after` (those due now are being sent)."""
    return (await session.execute(_NEXT_DUE, {"after": after})).scalar_one_or_none()


async def mark_sent(session: AsyncSession, *, sent: Sequence[Sent], now: datetime) -> None:
    """Record calls as made, in one statement; messages to edit later are remembered by name."""
    if not sent:
        return
    rows = [{"row": s.delivery.id, "at": now, "message": s.message_id} for s in sent]
    await session.execute(_MARK_SENT, rows)
    # Read from the rows, not the deliveries: a person may be erased while a call is in flight.
    await session.execute(_FORGET_SENT, {"rows": [s.delivery.id for s in sent]})
    for item in sent:
        if item.delivery.remember_as == FORGET_ONCE_SENT:
            continue
        if item.delivery.remember_as and item.message_id is not None:
            await remember_message(
                session,
                name=item.delivery.remember_as,
                chat_id=item.delivery.chat_id,
                message_id=item.message_id,
                now=now,
            )


async def mark_failed(session: AsyncSession, *, delivery_id: int, error: str) -> None:
    """Give up on a call that cannot succeed (for example a chat that blocked the bot)."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == delivery_id)
        .values(status="failed", error=error[:2000], payload={})
    )
    await session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.id == delivery_id, OutboxMessage.remember_as == FORGET_ONCE_SENT
        )
    )


async def forget_chat(session: AsyncSession, *, chat_id: int) -> None:
    """A person's data is erased: their finished calls go now, the pending ones once made."""
    await session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.chat_id == chat_id, OutboxMessage.status != "pending"
        )
    )
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.chat_id == chat_id, OutboxMessage.status == "pending")
        .values(remember_as=FORGET_ONCE_SENT)
    )
    waiting = session.info.get(QUEUED, [])
    session.info[QUEUED] = [
        replace(d, remember_as=FORGET_ONCE_SENT) if d.chat_id == chat_id else d for d in waiting
    ]


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
    await session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.chat_id == chat_id, OutboxMessage.remember_as == FORGET_ONCE_SENT
        )
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
