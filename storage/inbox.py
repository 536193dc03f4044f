"""The inbox: updates stored before they are acknowledged, processed once by update_id."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    DateTime,
    String,
    Table,
    bindparam,
    delete,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from storage.db import is_postgresql
from storage.models import InboxUpdate

MAX_ATTEMPTS = 3


async def store_updates(
    session: AsyncSession | AsyncConnection,
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
# SQLite serves one process: its claim needs no row locks.
_CLAIM = (
    update(INBOX)
    .where(INBOX.c.update_id.in_(bindparam("claimed", expanding=True)), INBOX.c.status == "pending")
    # Who it came from goes with the content: ordering needs it only while pending.
    .values(status="done", payload=None, conversation=None, processed_at=bindparam("now"))
    .returning(INBOX.c.update_id)
)
# PostgreSQL, in one statement: claim (skipping rows another process is processing right now),
# and name the conversations with a pending update before this batch's newest one. The claimed
# rows still look pending to the second part, which therefore leaves them out.
_CLAIM_AND_LOOK_BACK = text(
    """
    WITH claimed AS (
        UPDATE inbox SET status = 'done', payload = NULL, conversation = NULL, processed_at = :now
        WHERE update_id IN (
            SELECT update_id FROM inbox
            WHERE update_id = ANY(:ids) AND status = 'pending'
            FOR UPDATE SKIP LOCKED
        )
        RETURNING update_id
    )
    SELECT update_id, CAST(NULL AS VARCHAR) AS conversation FROM claimed
    UNION ALL
    SELECT DISTINCT CAST(NULL AS BIGINT), inbox.conversation
    FROM inbox JOIN unnest(:conversations, :latest) AS ours (conversation, latest)
        ON inbox.conversation = ours.conversation
    WHERE inbox.status = 'pending' AND inbox.update_id < ours.latest
        AND inbox.update_id NOT IN (SELECT update_id FROM claimed)
    """
).bindparams(
    bindparam("ids", type_=ARRAY(BigInteger)),
    bindparam("conversations", type_=ARRAY(String)),
    bindparam("latest", type_=ARRAY(BigInteger)),
    bindparam("now", type_=DateTime(timezone=True)),
)


async def pending(
    session: AsyncSession, *, limit: int, exclude: set[int] | None = None
) -> list[tuple[int, dict[str, Any]]]:
    """The oldest updates still waiting to be processed, with their payloads."""
    rows = await session.execute(_PENDING, {"limit": limit + len(exclude or ())})
    return [(i, p) for i, p in rows if p is not None and (not exclude or i not in exclude)][:limit]


@dataclass(frozen=True, slots=True)
class Claim:
    """The updates a transaction took, and the conversations with an earlier one still to do."""

    update_ids: set[int]
    waiting: set[str]


async def claim(session: AsyncSession, *, conversations: Mapping[int, str], now: datetime) -> Claim:
    """Mark pending updates done and erase their content, in the transaction that processes
    them, and tell which of their conversations must first process an earlier update.

    Run under the conversations' locks: whichever process received an update, a conversation's
    updates take effect in the order Telegram numbered them. The rows stay locked until commit,
    and a rollback (a handler failed) makes them pending again. Updates left out another worker
    has or did. `conversations` maps each update id to its conversation.
    """
    latest: dict[str, int] = {}
    for update_id, conversation in sorted(conversations.items()):
        latest[conversation] = update_id
    if is_postgresql(session):
        params = {
            "ids": list(conversations),
            "conversations": list(latest),
            "latest": list(latest.values()),
            "now": now,
        }
        rows = (await session.execute(_CLAIM_AND_LOOK_BACK, params)).all()
        return Claim({i for i, _ in rows if i is not None}, {c for i, c in rows if i is None})
    claimed = await session.execute(_CLAIM, {"claimed": list(conversations), "now": now})
    update_ids = set(claimed.scalars())
    firsts = await session.execute(_FIRST_PENDING, {"conversations": list(latest)})
    return Claim(update_ids, {c for c, first in firsts if first < latest[c]})


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
