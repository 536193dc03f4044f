"""Supervision asks on every backend: one row per coach and cohort, exported, erased, purged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from storage import cohorts, erasure, export, people, retention, supervision
from storage.db import Database
from storage.teach_models import SupervisionAsk

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


async def _cohort_with(db: Database, user_ids: list[int]) -> int:
    async with db.transaction() as session:
        cohort = await cohorts.create_cohort(session, name="4H", created_by=None, now=NOW)
        for user_id in user_ids:
            await people.get_or_create_user(session, user_id=user_id, now=NOW)
        return cohort.id


async def _ask(db: Database, cohort_id: int, user_id: int, at: datetime) -> None:
    async with db.transaction() as session:
        row = await supervision.last_ask(session, cohort_id=cohort_id, user_id=user_id)
        await supervision.record_ask(session, cohort_id=cohort_id, user_id=user_id, row=row, now=at)


async def _rows(db: Database) -> list[tuple[int, int, datetime]]:
    async with db.sessions() as session:
        rows = (await session.scalars(select(SupervisionAsk))).all()
        return sorted((r.cohort_id, r.user_id, r.asked_at) for r in rows)


async def test_a_later_ask_replaces_the_earlier_one(database: Database) -> None:
    cohort_id = await _cohort_with(database, [71])
    await _ask(database, cohort_id, 71, NOW)
    await _ask(database, cohort_id, 71, NOW + timedelta(days=8))
    assert await _rows(database) == [(cohort_id, 71, NOW + timedelta(days=8))]
    async with database.sessions() as session:
        facts = await export.person_facts(session, user_id=71, former="?")
    assert facts is not None and list(facts.supervision_asks) == [("4H", NOW + timedelta(days=8))]


async def test_erasure_and_purge_remove_asks(database: Database) -> None:
    cohort_id = await _cohort_with(database, [81, 82])
    await _ask(database, cohort_id, 81, NOW)
    await _ask(database, cohort_id, 82, NOW)
    async with database.transaction() as session:
        await erasure.erase_person(session, user_id=81, now=NOW)
    assert [user for _, user, _ in await _rows(database)] == [82]
    async with database.transaction() as session:
        await retention.purge(session, cohort_id=cohort_id, now=NOW)
    assert await _rows(database) == []
