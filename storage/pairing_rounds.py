"""Rounds as a history: what became of each round's matches, and ending a round."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from flows.pairing.ending import RoundEnding, RoundFacts
from storage.db import is_postgresql
from storage.models import Match
from storage.pairing import NUMBERED_KINDS
from storage.pairing_models import PairingRound, RoundMatch, RoundStatus


async def round_facts(session: AsyncSession, *, cohort_id: int) -> list[RoundFacts]:
    """The cohort's confirmed rounds and re-pairings, oldest first, with their matches counted
    by what became of them (running, finished, dissolved)."""

    rows = await session.execute(
        select(
            PairingRound.number,
            PairingRound.kind,
            PairingRound.confirmed_at,
            PairingRound.ended_at,
            PairingRound.ending,
            func.count(case((Match.status == "active", Match.id))),
            func.count(case((Match.status == "closed", Match.id))),
            func.count(case((Match.status == "dissolved", Match.id))),
        )
        .outerjoin(RoundMatch, RoundMatch.round_id == PairingRound.id)
        .outerjoin(Match, Match.id == RoundMatch.match_id)
        .where(PairingRound.cohort_id == cohort_id, PairingRound.status == RoundStatus.CONFIRMED)
        .group_by(
            PairingRound.id,
            PairingRound.number,
            PairingRound.kind,
            PairingRound.confirmed_at,
            PairingRound.ended_at,
            PairingRound.ending,
        )
        .order_by(PairingRound.id)
    )
    return [
        RoundFacts(
            number=int(number),
            kind=str(kind.value),
            confirmed_at=confirmed,
            ended_at=ended,
            ending=ending,
            running=int(running),
            finished=int(finished),
            dissolved=int(dissolved),
        )
        for number, kind, confirmed, ended, ending, running, finished, dissolved in rows.all()
    ]


async def open_round(session: AsyncSession, *, cohort_id: int) -> PairingRound | None:
    """The cohort's latest round or import when it was not ended yet, locked for this
    transaction: two coordinators may end it at the same instant."""
    query = (
        select(PairingRound)
        .where(
            PairingRound.cohort_id == cohort_id,
            PairingRound.status == RoundStatus.CONFIRMED,
            PairingRound.kind.in_(NUMBERED_KINDS),
        )
        .order_by(PairingRound.number.desc(), PairingRound.id.desc())
        .limit(1)
    )
    if is_postgresql(session):
        query = query.with_for_update()
    latest = (await session.scalars(query)).first()
    return latest if latest is not None and latest.ended_at is None else None


def mark_ended(row: PairingRound, ending: RoundEnding, *, now: datetime) -> None:
    """Remember that the round ended and what the coordinator chose for its pairs."""
    row.ended_at, row.ending, row.updated_at = now, ending, now


async def end_earlier_rounds(session: AsyncSession, *, cohort_id: int, now: datetime) -> None:
    """A new round begins: earlier rounds nobody ended are over now, their pairs kept."""
    rows = await session.scalars(
        select(PairingRound).where(
            PairingRound.cohort_id == cohort_id,
            PairingRound.status == RoundStatus.CONFIRMED,
            PairingRound.kind.in_(NUMBERED_KINDS),
            PairingRound.ended_at.is_(None),
        )
    )
    for row in rows.all():
        mark_ended(row, RoundEnding.KEEP, now=now)
