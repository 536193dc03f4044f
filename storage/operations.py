"""The operations view for the school's IT contact: backlogs, errors, size; no personal data."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import is_postgresql
from storage.models import InboxUpdate, OutboxMessage

ERRORS_OVER = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class Operations:
    """How the bot is doing, counted now: nothing here says who or what."""

    outbox_pending: int
    oldest_pending: datetime | None  # the longest-waiting message's creation time
    updates_pending: int
    last_update: datetime | None  # when Telegram last handed us an update
    failed_updates: dict[datetime, int]  # per hour (its start), last 24 hours
    failed_sends: dict[datetime, int]
    database_bytes: int | None


def _hour(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


async def operations(session: AsyncSession, *, now: datetime) -> Operations:
    """Backlogs, the last update, failures per hour and the database's size."""
    pending = OutboxMessage.status == "pending"
    outbox_pending = await session.scalar(select(func.count()).where(pending))
    oldest = await session.scalar(select(func.min(OutboxMessage.created_at)).where(pending))
    updates_pending = await session.scalar(
        select(func.count()).where(InboxUpdate.status == "pending")
    )
    last_update = await session.scalar(select(func.max(InboxUpdate.received_at)))
    since = now - ERRORS_OVER
    failed_updates = await session.scalars(
        select(InboxUpdate.received_at).where(
            InboxUpdate.status == "failed", InboxUpdate.received_at >= since
        )
    )
    failed_sends = await session.scalars(
        select(OutboxMessage.created_at).where(
            OutboxMessage.status == "failed", OutboxMessage.created_at >= since
        )
    )
    return Operations(
        outbox_pending=outbox_pending or 0,
        oldest_pending=oldest,
        updates_pending=updates_pending or 0,
        last_update=last_update,
        failed_updates=dict(Counter(_hour(at) for at in failed_updates.all())),
        failed_sends=dict(Counter(_hour(at) for at in failed_sends.all())),
        database_bytes=await database_size(session),
    )


async def database_size(session: AsyncSession) -> int | None:
    """The database's size on disk in bytes (None where the backend cannot tell)."""
    if is_postgresql(session):
        size = await session.scalar(text("SELECT pg_database_size(current_database())"))
        return int(size) if size is not None else None
    pages = await session.scalar(text("PRAGMA page_count"))
    page_size = await session.scalar(text("PRAGMA page_size"))
    return int(pages) * int(page_size) if pages is not None and page_size else None
