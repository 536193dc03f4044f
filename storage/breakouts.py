"""Breakouts: storing, locking and finding them, and who is in a running one."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import String, cast, delete, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from flows.breakout import Breakout, BreakoutState
from storage.awaiting import PERSON
from storage.breakout_models import BreakoutMember, BreakoutRow
from storage.db import is_postgresql
from storage.models import SentMessage, Timer
from storage.rooms import without_content

CLOSED = BreakoutState.CLOSED.value

IN_BREAKOUT = exists().where(BreakoutMember.user_id == PERSON)
"""Whether this person is in a breakout that has not closed: their texts go to their group."""


def card_name(breakout_id: int) -> str:
    """The outbox name of a breakout's one card in the class group."""
    return f"breakout:{breakout_id}:card"


def timer_name(breakout_id: int, kind: str) -> str:
    """The name of a breakout's timer of one kind: scheduling it again replaces the pending one."""
    return f"breakout:{breakout_id}:{kind}"


def snapshot_of(row: BreakoutRow) -> Breakout:
    """The breakout as the flows see it."""
    return Breakout.from_dict(row.snapshot)


async def add_breakout(
    session: AsyncSession, *, cohort_id: int, breakout: Breakout, now: datetime
) -> BreakoutRow:
    """Store a newly opened breakout."""
    row = BreakoutRow(
        chat_id=breakout.chat_id,
        cohort_id=cohort_id,
        teacher_id=breakout.teacher_id,
        state=breakout.state.value,
        snapshot=breakout.to_dict(),
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    await session.flush()
    return row


async def open_breakout_in(session: AsyncSession, *, chat_id: int) -> BreakoutRow | None:
    """The class group's open breakout, locked for this transaction."""
    query = (
        select(BreakoutRow)
        .where(BreakoutRow.chat_id == chat_id, BreakoutRow.state != CLOSED)
        .order_by(BreakoutRow.id.desc())
        .limit(1)
    )
    return await _first_locked(session, query)


async def lock_breakout(session: AsyncSession, *, breakout_id: int) -> BreakoutRow | None:
    """A breakout by id, locked: private texts of many members change one row in turn."""
    return await _first_locked(session, select(BreakoutRow).where(BreakoutRow.id == breakout_id))


async def open_breakouts_of(session: AsyncSession, *, user_id: int) -> list[int]:
    """Open breakouts a person teaches or whose snapshot names them (checked by the caller)."""
    query = select(BreakoutRow.id).where(
        BreakoutRow.state != CLOSED,
        or_(
            BreakoutRow.teacher_id == user_id,
            cast(BreakoutRow.snapshot, String).like(f"%{user_id}%"),
        ),
    )
    return list((await session.scalars(query.order_by(BreakoutRow.id))).all())


async def breakout_of(session: AsyncSession, *, user_id: int) -> BreakoutRow | None:
    """The running breakout this person is in, locked."""
    breakout_id = await session.scalar(
        select(BreakoutMember.breakout_id).where(BreakoutMember.user_id == user_id)
    )
    if breakout_id is None:
        return None
    return await lock_breakout(session, breakout_id=breakout_id)


async def _first_locked(session: AsyncSession, query: object) -> BreakoutRow | None:
    query = query.execution_options(populate_existing=True)  # type: ignore[attr-defined]
    if is_postgresql(session):
        query = query.with_for_update()  # type: ignore[attr-defined]
    row: BreakoutRow | None = (await session.scalars(query)).first()  # type: ignore[call-overload]
    return row


async def save_breakout(
    session: AsyncSession, *, row: BreakoutRow, breakout: Breakout, now: datetime
) -> None:
    """Store the new snapshot; closed group rooms keep no texts, as closed rooms do not."""
    kept = replace(
        breakout,
        groups=tuple(
            replace(g, room=without_content(g.room)) if not g.room.is_open else g
            for g in breakout.groups
        ),
    )
    row.snapshot = kept.to_dict()
    row.state = breakout.state.value
    row.version += 1
    row.updated_at = now
    await _members(session, row.id, kept)
    if not breakout.is_open and row.closed_at is None:
        row.closed_at = breakout.closed_at or now


async def _members(session: AsyncSession, breakout_id: int, breakout: Breakout) -> None:
    """Keep the routing table in step: members of running groups, nobody once it is over."""
    wanted = set()
    if breakout.state is BreakoutState.RUNNING:
        wanted = {m.user_id for g in breakout.groups if g.room.is_open for m in g.room.members}
    present = set(
        (
            await session.scalars(
                select(BreakoutMember.user_id).where(BreakoutMember.breakout_id == breakout_id)
            )
        ).all()
    )
    gone = present - wanted
    if gone:
        await session.execute(
            delete(BreakoutMember).where(
                BreakoutMember.breakout_id == breakout_id, BreakoutMember.user_id.in_(gone)
            )
        )
    for user_id in sorted(wanted - present):
        # Someone in an older breakout that never closed moves to this one.
        await session.execute(delete(BreakoutMember).where(BreakoutMember.user_id == user_id))
        session.add(BreakoutMember(user_id=user_id, breakout_id=breakout_id))
    await session.flush()


async def move_chat(session: AsyncSession, *, old_chat_id: int, new_chat_id: int) -> list[int]:
    """Follow a class group upgraded to a supergroup: its breakouts, their rooms and timers.

    Returns the open breakouts that moved; their card must be sent anew in the new chat.
    Idempotent: the second service message of a migration finds nothing left to move.
    """
    query = select(BreakoutRow).where(BreakoutRow.chat_id == old_chat_id)
    if is_postgresql(session):
        query = query.with_for_update()
    moved: list[int] = []
    for row in (await session.scalars(query)).all():
        breakout = snapshot_of(row)
        groups = tuple(
            replace(g, room=replace(g.room, chat_id=new_chat_id)) for g in breakout.groups
        )
        row.snapshot = replace(breakout, chat_id=new_chat_id, groups=groups).to_dict()
        row.chat_id = new_chat_id
        if row.state != CLOSED:
            moved.append(row.id)
            await session.execute(
                update(Timer)
                .where(Timer.name.like(f"breakout:{row.id}:%"), Timer.status == "pending")
                .values(conversation=f"chat:{new_chat_id}")
            )
            # The old group's card cannot be edited any more: a new one will be sent.
            await session.execute(delete(SentMessage).where(SentMessage.name == card_name(row.id)))
    await session.flush()
    return moved
