"""A coach's asks for supervision: one row per coach and cohort, with the time of the last ask."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import is_postgresql
from storage.models import Cohort
from storage.teach_models import SupervisionAsk


async def last_ask(session: AsyncSession, *, cohort_id: int, user_id: int) -> SupervisionAsk | None:
    """The coach's ask in this cohort, locked (two presses may race across processes)."""
    query = select(SupervisionAsk).where(
        SupervisionAsk.cohort_id == cohort_id, SupervisionAsk.user_id == user_id
    )
    if is_postgresql(session):
        query = query.with_for_update()
    return (await session.scalars(query)).first()


async def record_ask(
    session: AsyncSession,
    *,
    cohort_id: int,
    user_id: int,
    row: SupervisionAsk | None,
    now: datetime,
) -> None:
    """Remember this ask as the latest one."""
    if row is None:
        session.add(SupervisionAsk(cohort_id=cohort_id, user_id=user_id, asked_at=now))
    else:
        row.asked_at = now
    await session.flush()


async def asks_of(session: AsyncSession, *, user_id: int) -> list[tuple[str, datetime]]:
    """The person's asks for supervision (cohort name, when), for their own export."""
    rows = await session.execute(
        select(Cohort.name, SupervisionAsk.asked_at)
        .join(Cohort, Cohort.id == SupervisionAsk.cohort_id)
        .where(SupervisionAsk.user_id == user_id)
        .order_by(SupervisionAsk.asked_at)
    )
    return [(name, at) for name, at in rows.all()]
