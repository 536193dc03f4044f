"""The inbox: updates stored before they are acknowledged, processed once by update_id."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Select, Table, Update, bindparam, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import is_postgresql
from storage.models import InboxUpdate

MAX_ATTEMPTS = 3


async def store_updates(
    session: AsyncSession,
    *,
    updates: Sequence[dict[str, Any]],
    conversation: Callable[[dict[str, Any]], str],
) -> None:
    """Insert updates, ignoring ones already stored (Telegram may send an update twice)."""
    if not updates:
        return
    rows = [
        {
            "update_id": u["update_id"],
            "payload": u,
            "status": "pending",
            "conversation": conversation(u),
        }
        for u in updates
    ]
    insert = pg_insert if is_postgresql(session) else sqlite_insert
    await session.execute(insert(InboxUpdate).values(rows).on_conflict_do_nothing())


# Every update runs these two: built once with parameters, not per call (see outbox.py).
INBOX = cast(Table, InboxUpdate.__table__)  # a mapped class always has a Table
_PENDING = (
    select(INBOX.c.update_id, INBOX.c.payload)
    .where(INBOX.c.status == "pending")
    .order_by(INBOX.c.update_id)
    .limit(bindparam("limit"))
)
_EARLIER_PENDING = (
    select(INBOX.c.update_id)
    .where(
        INBOX.c.conversation == bindparam("conversation"),
        INBOX.c.status == "pending",
        INBOX.c.update_id < bindparam("update_id"),
    )
    .limit(1)
)
_STILL_PENDING = select(INBOX.c.update_id).where(
    INBOX.c.update_id == bindparam("claimed"), INBOX.c.status == "pending"
)


def _claim(still_pending: Select[int]) -> Update:
    return (
        update(INBOX)
        .where(INBOX.c.update_id.in_(still_pending.scalar_subquery()))
        .values(status="done", payload=None, processed_at=bindparam("now"))
    )


_CLAIM = _claim(_STILL_PENDING)
# On PostgreSQL, skip (rather than wait for) a row another process is processing right now.
_CLAIM_UNLESS_LOCKED = _claim(_STILL_PENDING.with_for_update(skip_locked=True))


async def pending(
    session: AsyncSession, *, limit: int, exclude: set[int] | None = None
) -> list[tuple[int, dict[str, Any]]]:
    """The oldest updates still waiting to be processed, with their payloads."""
    rows = await session.execute(_PENDING, {"limit": limit + len(exclude or ())})
    return [(i, p) for i, p in rows if p is not None and (not exclude or i not in exclude)][:limit]


async def claim_done(session: AsyncSession, *, update_id: int, now: datetime) -> bool:
    """Mark a pending update done and erase its content, in the transaction that processes it.

    One statement claims and completes: the row stays locked until commit, and a rollback
    (the handler failed) makes it pending again. False when another worker has it or did it.
    """
    claim = _CLAIM_UNLESS_LOCKED if is_postgresql(session) else _CLAIM
    result = await session.execute(claim, {"claimed": update_id, "now": now})
    return bool(result.rowcount)  # type: ignore[attr-defined]  # DML gives a CursorResult


async def waits_for_earlier(session: AsyncSession, *, update_id: int, conversation: str) -> bool:
    """Whether an earlier update of the same conversation is still to be processed.

    Asked under the conversation's lock: whichever process received an update, a
    conversation's updates take effect in the order Telegram numbered them.
    """
    params = {"update_id": update_id, "conversation": conversation}
    return (await session.execute(_EARLIER_PENDING, params)).first() is not None


async def record_failure(
    session: AsyncSession, *, update_id: int, error: str, now: datetime
) -> bool:
    """Count a failed attempt; returns True when the update is given up on."""
    row = await session.get(InboxUpdate, update_id)
    if row is None:
        return True
    row.attempts += 1
    row.error = error[:2000]
    if row.attempts >= MAX_ATTEMPTS:
        row.status, row.payload, row.processed_at = "failed", None, now
        return True
    return False


async def highest_update_id(session: AsyncSession) -> int | None:
    """The newest update id ever stored (purging keeps its row, so the number stays known)."""
    return (await session.execute(select(func.max(InboxUpdate.update_id)))).scalar()


async def purge_processed(session: AsyncSession, *, older_than: timedelta, now: datetime) -> int:
    """Forget processed updates after Telegram stops redelivering them (it keeps them 24 h)."""
    keep_newest = await highest_update_id(session)
    result = await session.execute(
        delete(InboxUpdate).where(
            InboxUpdate.status != "pending",
            InboxUpdate.processed_at < now - older_than,
            InboxUpdate.update_id != keep_newest,
        )
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]  # DML gives a CursorResult
