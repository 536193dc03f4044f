"""Keeping and reading the dance check: never read by anything staff see."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from flows.dance import Answer
from storage.dance_models import DanceCheck


async def answered(
    session: AsyncSession, *, trajectory_id: int, conversation: int, user_id: int
) -> bool:
    """Whether this person already answered about this conversation."""
    found = await session.scalar(
        select(DanceCheck.id).where(
            DanceCheck.trajectory_id == trajectory_id,
            DanceCheck.conversation == conversation,
            DanceCheck.user_id == user_id,
        )
    )
    return found is not None


async def keep(
    session: AsyncSession,
    *,
    match_id: int,
    trajectory_id: int,
    conversation: int,
    answer: Answer,
    now: datetime,
) -> None:
    """Store one person's three taps."""
    session.add(
        DanceCheck(
            match_id=match_id,
            trajectory_id=trajectory_id,
            conversation=conversation,
            user_id=answer.person,
            partner_id=answer.partner,
            led=answer.led,
            rhythm=answer.rhythm,
            heard=answer.heard,
            answered_at=now,
        )
    )
    await session.flush()


async def take_unshown(
    session: AsyncSession, *, match_id: int, now: datetime
) -> list[tuple[tuple[int, int], list[Answer]]]:
    """The match's answers not yet shown, per conversation (latest answered last); all of them
    count as shown from now on: a conversation opener is for the next start only."""
    rows = list(
        (
            await session.scalars(
                select(DanceCheck)
                .where(DanceCheck.match_id == match_id, DanceCheck.shown_at.is_(None))
                .order_by(DanceCheck.answered_at, DanceCheck.id)
            )
        ).all()
    )
    groups: dict[tuple[int, int], list[Answer]] = {}
    for row in rows:
        answer = Answer(row.user_id, row.partner_id, row.led, row.rhythm, row.heard)
        key = (row.trajectory_id, row.conversation)
        groups.setdefault(key, []).append(answer)
        groups[key] = groups.pop(key)  # the most recently answered conversation goes last
        row.shown_at = now
    return list(groups.items())


async def answers_of(session: AsyncSession, *, user_id: int) -> list[DanceCheck]:
    """Everything one person answered, oldest first (their export)."""
    found = await session.scalars(
        select(DanceCheck).where(DanceCheck.user_id == user_id).order_by(DanceCheck.answered_at)
    )
    return list(found.all())


async def forget_person(session: AsyncSession, *, user_id: int) -> None:
    """Erasure: the person's answers go, and the partner's answers stop pointing at them."""
    await session.execute(delete(DanceCheck).where(DanceCheck.user_id == user_id))
    await session.execute(
        update(DanceCheck).where(DanceCheck.partner_id == user_id).values(partner_id=0)
    )
