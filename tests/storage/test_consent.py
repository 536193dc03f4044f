"""Consent's storage on SQLite and PostgreSQL: a cohort's policy and confirmation, a student's
band and parent answer, the pledge before the pool, worry counts; erasure removes a person's."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from flows.onboarding import Role
from flows.safety.consent import AgeBand, Policy
from storage import cohorts, consent, people, safety
from storage.consent_models import CohortConsent, StudentConsent, StudentPledge
from storage.db import Database
from storage.erasure import erase_person
from storage.models import utcnow

STUDENT, COORDINATOR = 11, 22


async def test_policy_confirmation_parent_link_pledge_and_erasure(database: Database) -> None:
    now = utcnow()
    async with database.transaction() as session:
        cohort = await cohorts.create_cohort(session, name="4A", created_by=None, now=now)
        for user_id, name, role in (
            (STUDENT, "Sanne", Role.STUDENT),
            (COORDINATOR, "Ilse", Role.COORDINATOR),
        ):
            user = await people.get_or_create_user(session, user_id=user_id, now=now)
            await people.accept_privacy(session, user=user, first_name=name, username=None, now=now)
            await cohorts.join_cohort(
                session, user_id=user_id, cohort_id=cohort.id, role=role, now=now
            )
        assert (await consent.policy_of(session, cohort_id=cohort.id)).policy is Policy.PARENT
        await consent.set_policy(session, cohort_id=cohort.id, policy=Policy.SCHOOL, threshold=15)
        assert await consent.confirm_informed(
            session, cohort_id=cohort.id, by_id=COORDINATOR, by_name="Ilse", now=now
        )
        assert not await consent.confirm_informed(
            session, cohort_id=cohort.id, by_id=COORDINATOR, by_name="Ilse", now=now
        )
        row = await consent.record_student(
            session,
            user_id=STUDENT,
            cohort_id=cohort.id,
            band=AgeBand.YOUNG,
            policy=Policy.PARENT,
            with_parent_link=True,
            now=now,
        )
        assert row.parent_code and await consent.by_code(session, code=row.parent_code) is row
        assert await consent.waiting_of(session, user_id=STUDENT) is row
        assert not await consent.parent_agreed(session, user_id=STUDENT)
        row.agreed_at = now
        assert await consent.parent_agreed(session, user_id=STUDENT)
        pledge, first = await consent.pledge_of(
            session, user_id=STUDENT, cohort_id=cohort.id, now=now
        )
        assert first
        pledge.agreed_at = now
        assert await consent.pledged_among(
            session, cohort_id=cohort.id, user_ids=[STUDENT, 99]
        ) == {STUDENT}
        await safety.count_start(session, cohort_ids=[cohort.id], on=date(2026, 12, 5))
        assert await safety.starts_in(session, cohort_id=cohort.id) == 1
    async with database.transaction() as session:
        await erase_person(session, user_id=STUDENT, now=now)
        await erase_person(session, user_id=COORDINATOR, now=now)
    async with database.sessions() as session:
        for table in (StudentConsent, StudentPledge):
            assert await session.scalar(select(func.count()).select_from(table)) == 0
        settings = await session.scalar(select(CohortConsent))
        assert (
            settings is not None
            and settings.informed_by is None
            and settings.informed_by_id is None
        )
        assert settings.informed_at is not None and settings.age_threshold == 15
        assert await safety.starts_in(session, cohort_id=cohort.id) == 1  # a number, no person
