"""Counts for monitoring: backlogs and live conversations, never who or what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from flows.room import RoomState
from flows.trajectory import Step
from storage.models import OutboxMessage, Timer
from storage.room_models import RoomRow
from storage.trajectory_models import TrajectoryRow

ENDED_STEPS = (Step.CLOSED.value, Step.DISSOLVED.value)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What is waiting and what is going on, counted at one moment."""

    outbox_pending: dict[int, int]
    timers_due: int
    timers_late: int
    active_trajectories: int
    active_rooms: int


async def ping(session: AsyncSession) -> None:
    """Raise unless the database answers a trivial query."""
    await session.execute(text("SELECT 1"))


async def snapshot(session: AsyncSession, *, now: datetime, late_after: timedelta) -> Snapshot:
    """Pending outbox rows per priority, due and late timers, open trajectories and rooms."""
    backlog = await session.execute(
        select(OutboxMessage.priority, func.count())
        .where(OutboxMessage.status == "pending")
        .group_by(OutboxMessage.priority)
    )
    due = Timer.status == "pending"
    timers_due = await session.scalar(select(func.count()).where(due, Timer.due_at <= now))
    timers_late = await session.scalar(
        select(func.count()).where(due, Timer.due_at <= now - late_after)
    )
    trajectories = await session.scalar(
        select(func.count()).where(TrajectoryRow.step.notin_(ENDED_STEPS))
    )
    rooms = await session.scalar(
        select(func.count()).where(RoomRow.state != RoomState.CLOSED.value)
    )
    return Snapshot(
        outbox_pending={int(priority): int(count) for priority, count in backlog.all()},
        timers_due=timers_due or 0,
        timers_late=timers_late or 0,
        active_trajectories=trajectories or 0,
        active_rooms=rooms or 0,
    )
