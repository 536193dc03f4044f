"""Supervision asks and practice runs on every backend: kept, exported, erased, purged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from flows.onboarding import Role
from flows.practice import start
from storage import cohorts, erasure, export, people, practice, retention, supervision
from storage.db import Database
from storage.teach_models import SupervisionAsk

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


async def _cohort_with(db: Database, user_ids: list[int], name: str = "4H") -> int:
    async with db.transaction() as session:
        cohort = await cohorts.create_cohort(session, name=name, created_by=None, now=NOW)
        for user_id in user_ids:
            await people.get_or_create_user(session, user_id=user_id, now=NOW)
            await cohorts.join_cohort(
                session, user_id=user_id, cohort_id=cohort.id, role=Role.STUDENT, now=NOW
            )
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


async def test_a_practice_tick_stays_through_a_new_practice_and_goes_on_erasure(
    database: Database,
) -> None:
    cohort_id = await _cohort_with(database, [91, 92])
    async with database.transaction() as session:
        for user_id in (91, 92):
            await practice.begin(
                session, user_id=user_id, cohort_id=cohort_id, practice=start("new_class"), now=NOW
            )
        run = await practice.run_of(session, user_id=91)
        assert run is not None and practice.practice_of(run) == start("new_class")
        practice.finish(run, NOW)
    async with database.transaction() as session:
        await practice.begin(
            session, user_id=91, cohort_id=cohort_id, practice=start("exam_stress"), now=NOW
        )
        assert await practice.practised(session, cohort_id=cohort_id) == ["?"]
        facts = await export.person_facts(session, user_id=91, former="?")
        assert facts is not None and list(facts.practised) == [("4H", NOW, NOW)]
        await erasure.erase_person(session, user_id=91, now=NOW)
        assert await practice.practised(session, cohort_id=cohort_id) == []
        await retention.purge(session, cohort_id=cohort_id, now=NOW)
        assert await practice.run_of(session, user_id=92) is None


async def test_practising_first_is_set_once_and_purged(database: Database) -> None:
    cohort_id = await _cohort_with(database, [95])
    async with database.transaction() as session:
        assert not await practice.required(session, cohort_id=cohort_id)
        for _ in range(2):  # a double tap sets the same state
            await practice.set_required(session, cohort_id=cohort_id, on=True, now=NOW)
        assert await practice.required(session, cohort_id=cohort_id)
        assert not await practice.has_practised(session, user_id=95)
        await retention.purge(session, cohort_id=cohort_id, now=NOW)
        assert not await practice.required(session, cohort_id=cohort_id)


async def test_a_practice_tick_is_the_persons_and_outlives_a_purged_class(
    database: Database,
) -> None:
    first = await _cohort_with(database, [96])
    second = await _cohort_with(database, [96, 97], name="4V")
    async with database.transaction() as session:
        await practice.begin(
            session, user_id=96, cohort_id=first, practice=start("new_class"), now=NOW
        )
        run = await practice.run_of(session, user_id=96)
        assert run is not None
        practice.finish(run, NOW)
    async with database.transaction() as session:
        # The second class's teachers see the tick too, whichever class it was made in.
        assert await practice.practised(session, cohort_id=second) == ["?"]
        await retention.purge(session, cohort_id=first, now=NOW)
        assert await practice.has_practised(session, user_id=96)
        assert await practice.practised(session, cohort_id=second) == ["?"]
