"""Matches: who coaches whom. Pairing creates them; trajectories and re-pairing read them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.awaiting import PERSON
from storage.db import is_postgresql
from storage.models import Match, MatchMember


async def create_match(
    session: AsyncSession, *, cohort_id: int, kind: str, members: Sequence[int], now: datetime
) -> Match:
    """A new active match; members in order (one-way: the coach first)."""
    match = Match(cohort_id=cohort_id, kind=kind, status="active", created_at=now)
    session.add(match)
    await session.flush()
    for position, user_id in enumerate(members):
        session.add(MatchMember(match_id=match.id, user_id=user_id, position=position))
    await session.flush()
    return match


async def members_of(session: AsyncSession, *, match_id: int) -> list[int]:
    """The user ids of a match, in position order."""
    rows = await session.scalars(
        select(MatchMember.user_id)
        .where(MatchMember.match_id == match_id)
        .order_by(MatchMember.position)
    )
    return list(rows.all())


IN_ACTIVE_MATCH = exists().where(
    MatchMember.user_id == PERSON, MatchMember.match_id == Match.id, Match.status == "active"
)
"""Whether this person is in an active match (their messages may be for a partner)."""


async def active_match_of(session: AsyncSession, *, user_id: int) -> Match | None:
    """The person's active match, if any (a person is in at most one at a time)."""
    query = (
        select(Match)
        .join(MatchMember, MatchMember.match_id == Match.id)
        .where(MatchMember.user_id == user_id, Match.status == "active")
        .order_by(Match.id.desc())
        .limit(1)
    )
    return (await session.scalars(query)).first()


async def active_matches_of(session: AsyncSession, *, user_id: int) -> list[int]:
    """Every active match of a person, oldest first (to end them all when they leave)."""
    query = (
        select(Match.id)
        .join(MatchMember, MatchMember.match_id == Match.id)
        .where(MatchMember.user_id == user_id, Match.status == "active")
        .order_by(Match.id)
    )
    return list((await session.scalars(query)).all())


async def lock_match(session: AsyncSession, *, match_id: int) -> Match | None:
    """The match, locked for this transaction (both partners may act at the same instant)."""
    query = select(Match).where(Match.id == match_id)
    if is_postgresql(session):
        query = query.with_for_update()
    return (await session.scalars(query)).first()


async def end_match(
    session: AsyncSession, *, match: Match, status: str, reason: str | None, now: datetime
) -> None:
    """Dissolve or close a match."""
    match.status, match.dissolved_reason, match.ended_at = status, reason, now


async def past_partners(session: AsyncSession, *, user_id: int) -> set[int]:
    """Everyone this person was ever matched with (to avoid repeat pairs)."""
    mine = select(MatchMember.match_id).where(MatchMember.user_id == user_id)
    rows = await session.scalars(
        select(MatchMember.user_id).where(
            MatchMember.match_id.in_(mine), MatchMember.user_id != user_id
        )
    )
    return set(rows.all())
