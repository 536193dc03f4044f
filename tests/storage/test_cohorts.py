"""Cohorts, invites and memberships on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from flows.onboarding import Role
from storage import cohorts, people
from storage.db import Database
from storage.models import utcnow


async def test_cohort_names_are_unique_and_invites_follow_role_terms(database: Database) -> None:
    now = utcnow()
    async with database.transaction() as session:
        cohort = await cohorts.create_cohort(session, name="4A", created_by=None, now=now)
        invites = await cohorts.create_cohort_invites(session, cohort_id=cohort.id, now=now)
    assert invites[Role.STUDENT].max_uses is None
    assert invites[Role.TEACHER].max_uses == invites[Role.COORDINATOR].max_uses == 1
    assert invites[Role.CONFIDANT].max_uses == 1  # a trusted adult: one person per link
    assert len({invite.code for invite in invites.values()}) == 4
    assert all(len(invite.code) >= 16 for invite in invites.values())
    with pytest.raises(cohorts.CohortExists):
        async with database.transaction() as session:
            await cohorts.create_cohort(session, name="4A", created_by=None, now=now)


async def test_one_person_in_several_cohorts_with_a_role_each(database: Database) -> None:
    now = utcnow()
    async with database.transaction() as session:
        first = await cohorts.create_cohort(session, name="4A", created_by=None, now=now)
        second = await cohorts.create_cohort(session, name="5B", created_by=None, now=now)
        user = await people.get_or_create_user(session, user_id=42, now=now)
        await people.accept_privacy(session, user=user, first_name="Ann", username=None, now=now)
        await cohorts.join_cohort(
            session, user_id=42, cohort_id=first.id, role=Role.STUDENT, now=now
        )
        await cohorts.join_cohort(
            session, user_id=42, cohort_id=second.id, role=Role.TEACHER, now=now
        )
    async with database.sessions() as session:
        mine = await cohorts.memberships_of(session, user_id=42)
        assert [(m.cohort_name, m.role) for m in mine] == [
            ("4A", Role.STUDENT),
            ("5B", Role.TEACHER),
        ]
        listed = await cohorts.list_cohorts(session)
        assert [(c.name, c.counts) for c in listed] == [
            ("4A", {Role.STUDENT: 1}),
            ("5B", {Role.TEACHER: 1}),
        ]
    async with database.transaction() as session:
        await people.forget_user(session, user_id=42)
    async with database.sessions() as session:
        assert await cohorts.memberships_of(session, user_id=42) == []


async def test_revoking_an_invite(database: Database) -> None:
    now = utcnow()
    async with database.transaction() as session:
        cohort = await cohorts.create_cohort(session, name="4A", created_by=None, now=now)
        invite = await cohorts.create_invite(
            session, cohort_id=cohort.id, role=Role.STUDENT, now=now
        )
    async with database.transaction() as session:
        assert await cohorts.revoke_invite(session, code=invite.code, now=now)
        assert not await cohorts.revoke_invite(session, code="nope", now=now)
    async with database.sessions() as session:
        stored = await cohorts.get_invite(session, code=invite.code)
        assert stored is not None and stored.revoked_at is not None
