"""Practice runs: one row per student, the practice in progress and the tick of having practised."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from flows.onboarding import Role
from flows.practice import PRACTICE_STEPS, Practice
from flows.trajectory.steps import Step
from storage.awaiting import PERSON
from storage.db import is_postgresql
from storage.models import Cohort, Membership, User
from storage.teach_models import PracticeRule, PracticeRun

RUNNING = frozenset(step.value for step in PRACTICE_STEPS)
IN_PRACTICE = exists().where(PracticeRun.user_id == PERSON, PracticeRun.step.in_(RUNNING))
"""Whether this person is in the middle of a practice conversation."""


async def run_of(session: AsyncSession, *, user_id: int) -> PracticeRun | None:
    """The person's practice row, locked (a double tap may arrive at the same time)."""
    query = select(PracticeRun).where(PracticeRun.user_id == user_id)
    if is_postgresql(session):
        query = query.with_for_update()
    return (await session.scalars(query)).first()


def practice_of(run: PracticeRun | None) -> Practice | None:
    """The practice in progress in a row, if one runs."""
    if run is None or run.step not in RUNNING:
        return None
    return Practice(run.character, Step(run.step), run.heard, run.question)


async def begin(
    session: AsyncSession, *, user_id: int, cohort_id: int, practice: Practice, now: datetime
) -> None:
    """Start (or start again) a practice; a tick from an earlier practice stays."""
    run = await run_of(session, user_id=user_id)
    if run is None:
        run = PracticeRun(user_id=user_id, practised_at=None)
        session.add(run)
    run.cohort_id, run.started_at = cohort_id, now
    save(run, practice)
    await session.flush()


def save(run: PracticeRun, practice: Practice) -> None:
    """Store where the practice is now."""
    run.character, run.step = practice.character, practice.step.value
    run.heard, run.question = practice.heard, practice.question


def finish(run: PracticeRun, now: datetime) -> None:
    """The practice is done: the tick is set (the first time) and the practice no longer runs."""
    run.step = "done"
    run.practised_at = run.practised_at or now


def stop(run: PracticeRun) -> None:
    """The coach stopped halfway: nothing runs any more; an earlier tick stays."""
    run.step = "stopped"


async def practised(session: AsyncSession, *, cohort_id: int) -> list[str]:
    """First names of the cohort's current students who ever finished a practice (the tick
    is the person's, whichever class they practised from), for its teachers."""
    rows = await session.scalars(
        select(User.first_name)
        .join(PracticeRun, PracticeRun.user_id == User.id)
        .join(Membership, Membership.user_id == User.id)
        .where(
            Membership.cohort_id == cohort_id,
            Membership.role == Role.STUDENT,
            PracticeRun.practised_at.is_not(None),
        )
        .order_by(User.first_name)
    )
    return [name or "?" for name in rows.all()]


async def practice_facts(
    session: AsyncSession, *, user_id: int
) -> list[tuple[str, datetime, datetime | None]]:
    """The person's practice (cohort name, started, first finished), for their own export."""
    rows = await session.execute(
        select(Cohort.name, PracticeRun.started_at, PracticeRun.practised_at)
        .join(Cohort, Cohort.id == PracticeRun.cohort_id)
        .where(PracticeRun.user_id == user_id)
    )
    return [(name, started, done) for name, started, done in rows.all()]


async def required(session: AsyncSession, *, cohort_id: int) -> bool:
    """Whether the cohort's students practise once before joining the pairing pool."""
    return await session.get(PracticeRule, cohort_id) is not None


async def set_required(session: AsyncSession, *, cohort_id: int, on: bool, now: datetime) -> None:
    """Require a practice (or not); setting what already holds changes nothing."""
    if on:  # two staff members may switch it on at the same moment: the first one counts
        insert = pg_insert if is_postgresql(session) else sqlite_insert
        rule = insert(PracticeRule).values(cohort_id=cohort_id, required_at=now)
        await session.execute(rule.on_conflict_do_nothing())
    else:
        await session.execute(delete(PracticeRule).where(PracticeRule.cohort_id == cohort_id))


async def has_practised(session: AsyncSession, *, user_id: int) -> bool:
    """Whether the person ever finished a practice."""
    run = await session.get(PracticeRun, user_id)
    return run is not None and run.practised_at is not None
