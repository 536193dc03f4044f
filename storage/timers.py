"""Timers: rows with a due time, so reminders and time boxes survive restarts."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import is_postgresql
from storage.models import Timer


@dataclass(frozen=True, slots=True)
class DueTimer:
    """A timer ready to fire."""

    id: int
    conversation: str
    kind: str
    payload: dict[str, Any]
    due_at: datetime


async def schedule(
    session: AsyncSession,
    *,
    conversation: str,
    kind: str,
    due_at: datetime,
    payload: dict[str, Any] | None = None,
    name: str | None = None,
) -> None:
    """Add a timer; a named timer replaces the pending one with the same name."""
    if name is not None:
        existing = (await session.scalars(select(Timer).where(Timer.name == name))).first()
        if existing is not None:
            existing.conversation, existing.kind = conversation, kind
            existing.payload, existing.due_at = payload or {}, due_at
            existing.status, existing.fired_at = "pending", None
            return
    session.add(
        Timer(name=name, conversation=conversation, kind=kind, payload=payload or {}, due_at=due_at)
    )


async def cancel(session: AsyncSession, *, name: str) -> None:
    """Cancel a pending named timer, if there is one."""
    await session.execute(
        update(Timer)
        .where(Timer.name == name, Timer.status == "pending")
        .values(status="cancelled")
    )


async def cancel_conversation(session: AsyncSession, *, conversation: str) -> None:
    """Cancel every pending timer of a conversation (a room closed, a pair dissolved)."""
    await session.execute(
        update(Timer)
        .where(Timer.conversation == conversation, Timer.status == "pending")
        .values(status="cancelled")
    )


async def due(
    session: AsyncSession,
    *,
    now: datetime,
    kinds: Collection[str],
    limit: int,
    exclude: set[int] | None = None,
) -> list[DueTimer]:
    """Timers of the given kinds whose time has come, earliest first."""
    query = (
        select(Timer)
        .where(Timer.status == "pending", Timer.due_at <= now, Timer.kind.in_(list(kinds)))
        .order_by(Timer.due_at, Timer.id)
        .limit(limit + len(exclude or ()))
    )
    rows = (await session.scalars(query)).all()
    timers = [DueTimer(r.id, r.conversation, r.kind, r.payload, r.due_at) for r in rows]
    return [t for t in timers if not exclude or t.id not in exclude][:limit]


async def claim(session: AsyncSession, *, timer: DueTimer) -> bool:
    """Take a pending timer for this transaction.

    False when another worker fired it, or when it was moved to another time since it was
    picked up (it fires again when the new time comes).
    """
    query = select(Timer.id).where(
        Timer.id == timer.id, Timer.status == "pending", Timer.due_at == timer.due_at
    )
    if is_postgresql(session):
        query = query.with_for_update(skip_locked=True)
    return (await session.execute(query)).scalar_one_or_none() is not None


async def mark_fired(session: AsyncSession, *, timer: DueTimer, now: datetime) -> None:
    """Record that a timer did its work, unless its handler rescheduled it (same name)."""
    await session.execute(
        update(Timer)
        .where(Timer.id == timer.id, Timer.due_at == timer.due_at)
        .values(status="fired", fired_at=now)
    )


async def purge_done(session: AsyncSession, *, older_than: timedelta, now: datetime) -> None:
    """Forget timers that fired or were cancelled, once their moment is long past."""
    await session.execute(
        delete(Timer).where(Timer.status != "pending", Timer.due_at < now - older_than)
    )
