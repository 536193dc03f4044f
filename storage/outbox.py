"""The outbox: every Bot API call the bot makes, written in the same transaction as the state."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    DateTime,
    Integer,
    String,
    Table,
    Text,
    and_,
    bindparam,
    column,
    delete,
    event,
    exists,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from storage.db import is_postgresql
from storage.models import OutboxMessage, SentMessage

# Priorities, most urgent first: replies to what someone just did, notices of rooms and pairing,
# then bulk (reminders and other calls made by timers).
INTERACTIVE = 0
NOTICE = 1
BULK = 2
UNWRITTEN = "outbox.unwritten"  # session.info: the calls this transaction queued, in memory
# How long a claim holds without renewal: after a crash, another process sends the rows then.
LEASE = timedelta(seconds=15)
# Polls claim one process at a time, so a chat's order is judged on committed claims.
CLAIM_LOCK_ID = 0x5EE2C0AC5


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
# SQLite: one process, nothing to claim.
_WRITE = insert(OUTBOX).returning(OUTBOX.c.id, sort_by_parameter_order=True)
# PostgreSQL: a transaction's calls in one statement, each claimed for the writing process
# unless an earlier call of its chat goes first that this process does not hold (the poll
# takes those together). A hold whose lease lapsed counts as not ours: another process may be
# taking it over. Rows are numbered in the order the calls were queued.
_WRITE_AND_CLAIM = text(
    """
    INSERT INTO outbox (chat_id, method, payload, priority, status, attempts, next_attempt_at,
                        created_at, remember_as, claimed_by, claimed_until)
    SELECT chat_id, method, CAST(payload AS JSON), priority, 'pending', 0, at, at, remember_as,
           CASE WHEN mine THEN :owner END, CASE WHEN mine THEN :until END
    FROM (
        SELECT calls.*, :owner IS NOT NULL AND NOT EXISTS (
            SELECT FROM outbox AS earlier
            WHERE earlier.chat_id = calls.chat_id AND earlier.status = 'pending' AND (
                earlier.next_attempt_at > calls.at
                OR earlier.claimed_by IS DISTINCT FROM :owner
                OR earlier.claimed_until < calls.at
            )
        ) AS mine
        FROM unnest(:chat_ids, :methods, :payloads, :priorities, :names, :ats)
            WITH ORDINALITY AS calls (chat_id, method, payload, priority, remember_as, at, n)
    ) AS calls
    ORDER BY n
    RETURNING id, claimed_by IS NOT NULL
    """
).bindparams(
    bindparam("owner", type_=String),
    bindparam("until", type_=DateTime(timezone=True)),
    bindparam("chat_ids", type_=ARRAY(BigInteger)),
    bindparam("methods", type_=ARRAY(String)),
    bindparam("payloads", type_=ARRAY(Text)),
    bindparam("priorities", type_=ARRAY(Integer)),
    bindparam("names", type_=ARRAY(String)),
    bindparam("ats", type_=ARRAY(DateTime(timezone=True))),
)
_DELIVERY = (
    OUTBOX.c.id,
    OUTBOX.c.chat_id,
    OUTBOX.c.method,
    OUTBOX.c.payload,
    OUTBOX.c.priority,
    OUTBOX.c.attempts,
    OUTBOX.c.remember_as,
)
# SQLite serves one process, whose claims always succeed: it reads due rows without claiming.
_DUE = (
    select(*_DELIVERY)
    .where(OUTBOX.c.status == "pending", OUTBOX.c.next_attempt_at <= bindparam("now"))
    .order_by(OUTBOX.c.priority, OUTBOX.c.id)
    .limit(bindparam("limit"))
)
_EARLIER = OUTBOX.alias("earlier")
_NOW: BindParameter[datetime] = bindparam("now")
_OWNER: BindParameter[str] = bindparam("owner")
_FREE_OR_MINE = or_(
    OUTBOX.c.claimed_until.is_(None),
    OUTBOX.c.claimed_until < _NOW,
    OUTBOX.c.claimed_by == _OWNER,
)


def _earlier_row_of_the_chat(*which: Any) -> Any:
    """An earlier pending row of the same chat, matching `which`."""
    return exists().where(
        _EARLIER.c.chat_id == OUTBOX.c.chat_id,
        _EARLIER.c.status == "pending",
        _EARLIER.c.id < OUTBOX.c.id,
        *which,
    )


_WAITING = _EARLIER.c.next_attempt_at > _NOW  # put off for a retry or a flood wait
# A chat's rows leave in order. The poll takes every due row nobody else holds, so a row waits
# only for an earlier one that another live process sends, or that waits for its time.
_POLL_WAITS = _earlier_row_of_the_chat(
    or_(_WAITING, and_(_EARLIER.c.claimed_until >= _NOW, _EARLIER.c.claimed_by != _OWNER))
)


def _claim(*where: Any) -> Any:
    """Take claimable rows for one process until a lease ends, returning what it may send."""
    chosen = (
        select(OUTBOX.c.id)
        .where(OUTBOX.c.status == "pending", OUTBOX.c.next_attempt_at <= _NOW, _FREE_OR_MINE)
        .where(*where)
        .order_by(OUTBOX.c.priority, OUTBOX.c.id)
        .limit(bindparam("limit"))
        .with_for_update(skip_locked=True)
    )
    return (
        update(OUTBOX)
        .where(OUTBOX.c.id.in_(chosen.scalar_subquery()))
        .values(claimed_by=_OWNER, claimed_until=bindparam("until"))
        .returning(*_DELIVERY)
    )


_CLAIM_DUE = _claim(~_POLL_WAITS)
_RENEW = (
    update(OUTBOX)
    .where(OUTBOX.c.claimed_by == _OWNER, OUTBOX.c.status == "pending")
    .values(claimed_until=bindparam("until"))
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
# PostgreSQL: the whole batch in one statement, returning what each row now asks for (a person
# may have been erased while the call was out).
_SENT_BATCH = (
    func.unnest(
        bindparam("rows", type_=ARRAY(Integer)), bindparam("messages", type_=ARRAY(BigInteger))
    )
    .table_valued(column("id", Integer), column("message_id", BigInteger))
    .render_derived(name="s")
)
_MARK_SENT_BATCH = (
    update(OUTBOX)
    .where(OUTBOX.c.id == _SENT_BATCH.c.id)
    .values(
        status="sent", sent_at=bindparam("at"), sent_message_id=_SENT_BATCH.c.message_id, payload={}
    )
    .returning(OUTBOX.c.id, OUTBOX.c.remember_as)
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
    """Add a call to make; it is written with the others when the transaction commits, and
    sent only if it does."""
    call = Call(chat_id, method, payload, priority, remember_as, now)
    session.info.setdefault(UNWRITTEN, []).append(call)


@dataclass(frozen=True, slots=True)
class Call:
    """A call queued in a transaction, not written yet."""

    chat_id: int
    method: str
    payload: dict[str, Any]
    priority: int
    remember_as: str | None
    at: datetime


@dataclass(frozen=True, slots=True)
class Written:
    """A transaction's calls as written: those the writer may send, and whether others wait."""

    mine: list[Delivery]
    others_wait: bool


async def write_queued(session: AsyncSession, *, owner: str) -> Written:
    """Write the calls this transaction queued, in one statement; `mine` are those `owner`
    may send once it commits (claimed for it on PostgreSQL; on SQLite, all of them)."""
    return await session.run_sync(_write_queued, owner)


def _write_queued(session: Session, owner: str | None) -> Written:
    calls: list[Call] = session.info.pop(UNWRITTEN, [])
    if not calls:
        return Written([], others_wait=False)
    if is_postgresql(session):
        written = _write_and_claim(session, calls, owner)
    else:
        written = [(delivery, True) for delivery in _write(session, calls)]
    mine = [delivery for delivery, claimed in written if claimed]
    return Written(mine, others_wait=len(mine) < len(written))


def _write(session: Session, calls: list[Call]) -> list[Delivery]:
    rows = [
        {
            "chat_id": c.chat_id,
            "method": c.method,
            "payload": c.payload,
            "priority": c.priority,
            "remember_as": c.remember_as,
            "next_attempt_at": c.at,
            "created_at": c.at,
        }
        for c in calls
    ]
    ids = session.execute(_WRITE, rows).scalars().all()
    return [_delivery(row_id, call) for row_id, call in zip(ids, calls, strict=True)]


def _write_and_claim(
    session: Session, calls: list[Call], owner: str | None
) -> list[tuple[Delivery, bool]]:
    params = {
        "owner": owner,
        "until": max(c.at for c in calls) + LEASE,
        "chat_ids": [c.chat_id for c in calls],
        "methods": [c.method for c in calls],
        "payloads": [json.dumps(c.payload) for c in calls],
        "priorities": [c.priority for c in calls],
        "names": [c.remember_as for c in calls],
        "ats": [c.at for c in calls],
    }
    rows = sorted(session.execute(_WRITE_AND_CLAIM, params).all())  # ids follow the order
    return [
        (_delivery(row_id, call), claimed)
        for (row_id, claimed), call in zip(rows, calls, strict=True)
    ]


def _delivery(row_id: int, call: Call) -> Delivery:
    return Delivery(
        row_id, call.chat_id, call.method, call.payload, call.priority, 0, call.remember_as
    )


@event.listens_for(Session, "before_commit")
def _write_before_commit(session: Session) -> None:
    """Calls queued outside a turn (a command line, the dashboard) are written unclaimed: the
    delivery worker's poll takes them."""
    if session.info.get(UNWRITTEN):
        _write_queued(session, None)


@event.listens_for(Session, "after_rollback")
def _drop_unwritten(session: Session) -> None:
    """Calls of a transaction rolled back are never made, even if the session goes on."""
    session.info.pop(UNWRITTEN, None)


async def claim_due(
    session: AsyncSession,
    *,
    owner: str,
    now: datetime,
    limit: int,
    exclude: Collection[int] = (),
) -> list[Delivery]:
    """Claim pending calls whose time has come, interactive before bulk, oldest first.

    A row another live process claimed is left to it; `exclude` (rows this process already
    holds) is checked after the claim, so a live set also leaves out rows taken meanwhile.
    """
    params = {"now": now, "owner": owner, "until": now + LEASE, "limit": limit + len(exclude)}
    if is_postgresql(session):
        await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CLAIM_LOCK_ID})
        claimed = (await session.execute(_CLAIM_DUE, params)).all()
        rows = sorted((Delivery(*row) for row in claimed), key=lambda d: (d.priority, d.id))
    else:
        rows = [Delivery(*row) for row in await session.execute(_DUE, params)]
    return [row for row in rows if row.id not in exclude][:limit]


async def renew_claims(session: AsyncSession, *, owner: str, now: datetime) -> None:
    """Extend the lease on every pending row this process holds (it is alive)."""
    await session.execute(_RENEW, {"owner": owner, "until": now + LEASE})


async def next_due_at(session: AsyncSession, *, after: datetime) -> datetime | None:
    """When the next pending call becomes due after `after` (those due now are being sent)."""
    return (await session.execute(_NEXT_DUE, {"after": after})).scalar_one_or_none()


async def mark_sent(
    session: AsyncSession | AsyncConnection, *, sent: Sequence[Sent], now: datetime
) -> None:
    """Record calls as made, erasing their text (see remember_sent for names).

    On PostgreSQL the batch is one statement, so the worker runs it without a transaction; the
    rows of people erased meanwhile are then deleted by a second one.
    """
    if not sent:
        return
    ids = [s.delivery.id for s in sent]
    # Read from the rows, not the deliveries: a person may be erased while a call is in flight.
    if is_postgresql(session):
        params = {"rows": ids, "messages": [s.message_id for s in sent], "at": now}
        marked = await session.execute(_MARK_SENT_BATCH, params)
        forget = [row_id for row_id, remember_as in marked if remember_as == FORGET_ONCE_SENT]
        if forget:
            await session.execute(_FORGET_SENT, {"rows": forget})
    else:
        rows = [{"row": s.delivery.id, "at": now, "message": s.message_id} for s in sent]
        await session.execute(_MARK_SENT, rows)
        await session.execute(_FORGET_SENT, {"rows": ids})


async def remember_sent(session: AsyncSession, *, sent: Sequence[Sent], now: datetime) -> None:
    """Keep the message ids of calls made under a name, for the cards the bot edits later."""
    for item in sent:
        name = item.delivery.remember_as
        if name and name != FORGET_ONCE_SENT and item.message_id is not None:
            await remember_message(
                session,
                name=name,
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
    waiting = session.info.get(UNWRITTEN, [])
    session.info[UNWRITTEN] = [
        replace(c, remember_as=FORGET_ONCE_SENT) if c.chat_id == chat_id else c for c in waiting
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
    """Forget finished calls after a while; those of erased people at once."""
    await session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.status != "pending",
            or_(
                OutboxMessage.created_at < now - older_than,
                # Left only when a process stopped between recording a call and deleting it.
                OutboxMessage.remember_as == FORGET_ONCE_SENT,
            ),
        )
    )
