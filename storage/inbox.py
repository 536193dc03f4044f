"""The inbox: updates stored before they are acknowledged, processed once by update_id."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import ReturningUpdate

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
    await session.execute(_STORE_PG if is_postgresql(session) else _STORE_SQLITE, rows)


# Every update runs these: built once with parameters, not per call (see outbox.py).
INBOX = cast(Table, InboxUpdate.__table__)  # a mapped class always has a Table
_STORE_PG = pg_insert(INBOX).on_conflict_do_nothing()
_STORE_SQLITE = sqlite_insert(INBOX).on_conflict_do_nothing()
_PENDING = (
    select(INBOX.c.update_id, INBOX.c.payload)
    .where(INBOX.c.status == "pending")
    .order_by(INBOX.c.update_id)
    .limit(bindparam("limit"))
)
_FIRST_PENDING = (
    select(INBOX.c.conversation, func.min(INBOX.c.update_id))
    .where(
        INBOX.c.status == "pending",
        INBOX.c.conversation.in_(bindparam("conversations", expanding=True)),
    )
    .group_by(INBOX.c.conversation)
)
_STILL_PENDING = select(INBOX.c.update_id).where(
    INBOX.c.update_id.in_(bindparam("claimed", expanding=True)), INBOX.c.status == "pending"
)


def _claim(still_pending: Select[int]) -> ReturningUpdate[int]:
    return (
        update(INBOX)
        .where(INBOX.c.update_id.in_(still_pending.scalar_subquery()))
        # Who it came from goes with the content: ordering needs it only while pending.
        .values(status="done", payload=None, conversation=None, processed_at=bindparam("now"))
        .returning(INBOX.c.update_id)
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


async def claim_done(
    session: AsyncSession, *, update_ids: Collection[int], now: datetime
) -> set[int]:
    """Mark pending updates done and erase their content, in the transaction that processes them.

    One statement claims and completes: the rows stay locked until commit, and a rollback
    (a handler failed) makes them pending again. Returns the ids claimed: those left out
    another worker has or did.
    """
    claim = _CLAIM_UNLESS_LOCKED if is_postgresql(session) else _CLAIM
    result = await session.execute(claim, {"claimed": list(update_ids), "now": now})
    return set(result.scalars())


async def waiting_conversations(session: AsyncSession, *, latest: Mapping[str, int]) -> set[str]:
    """The conversations with an update still to be processed before `latest`'s id of theirs.

    Asked under the conversations' locks: whichever process received an update, a
    conversation's updates take effect in the order Telegram numbered them.
    """
    params = {"conversations": list(latest)}
    rows = await session.execute(_FIRST_PENDING, params)
    return {conversation for conversation, first in rows if first < latest[conversation]}


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
        row.conversation = None
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
