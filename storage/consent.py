"""Consent's memory: a cohort's policy and threshold, each student's consent and pledge."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from flows.safety.consent import AgeBand, ConsentFacts, Policy
from storage.consent_models import CohortConsent, StudentConsent, StudentPledge
from storage.models import Membership


async def policy_of(session: AsyncSession, *, cohort_id: int) -> CohortConsent:
    """The cohort's consent settings (parent-confirms until its coordinator chooses)."""
    row = await session.get(CohortConsent, cohort_id)
    if row is None:
        return CohortConsent(cohort_id=cohort_id, policy=Policy.PARENT)
    return row


async def _settings(session: AsyncSession, cohort_id: int) -> CohortConsent:
    row = await session.get(CohortConsent, cohort_id, with_for_update=True)
    if row is None:
        row = CohortConsent(cohort_id=cohort_id, policy=Policy.PARENT)
        session.add(row)
    return row


async def set_policy(
    session: AsyncSession, *, cohort_id: int, policy: Policy, threshold: int | None = None
) -> None:
    """Choose the cohort's consent policy (and, when given, its own age threshold)."""
    row = await _settings(session, cohort_id)
    row.policy = policy
    if threshold is not None:
        row.age_threshold = threshold
    await session.flush()


async def confirm_informed(
    session: AsyncSession, *, cohort_id: int, by_id: int | None, by_name: str, now: datetime
) -> bool:
    """Record once who confirmed that parents were informed, and when (False: done before)."""
    row = await _settings(session, cohort_id)
    if row.informed_at is not None:
        return False
    row.informed_by_id, row.informed_by, row.informed_at = by_id, by_name[:128], now
    await session.flush()
    return True


async def record_student(
    session: AsyncSession,
    *,
    user_id: int,
    cohort_id: int,
    band: AgeBand,
    policy: Policy,
    with_parent_link: bool,
    now: datetime,
) -> StudentConsent:
    """Keep a student's age band in the cohort; a young one waiting for a parent gets a code."""
    row = await session.get(StudentConsent, (user_id, cohort_id), with_for_update=True)
    if row is None:
        row = StudentConsent(user_id=user_id, cohort_id=cohort_id, created_at=now)
        session.add(row)
    row.band, row.policy = band, policy
    if with_parent_link and row.parent_code is None:
        row.parent_code = secrets.token_urlsafe(12)
    await session.flush()
    return row


async def student_consent(
    session: AsyncSession, *, user_id: int, cohort_id: int
) -> StudentConsent | None:
    """The student's consent record in one cohort."""
    return await session.get(StudentConsent, (user_id, cohort_id))


async def waiting_of(session: AsyncSession, *, user_id: int) -> StudentConsent | None:
    """The record of a student still waiting for a parent, if any."""
    return await session.scalar(
        select(StudentConsent).where(
            StudentConsent.user_id == user_id,
            StudentConsent.parent_code.is_not(None),
            StudentConsent.agreed_at.is_(None),
        )
    )


async def by_code(session: AsyncSession, *, code: str) -> StudentConsent | None:
    """The consent a parent link stands for, locked: two parents may press at once."""
    return await session.scalar(
        select(StudentConsent).where(StudentConsent.parent_code == code).with_for_update()
    )


def facts(row: StudentConsent | None) -> ConsentFacts | None:
    """The rules' view of a consent record."""
    if row is None:
        return None
    return ConsentFacts(
        band=row.band,
        policy=row.policy,
        parent_agreed=row.agreed_at is not None,
        withdrawn=row.withdrawn_at is not None,
    )


async def in_cohort(session: AsyncSession, *, user_id: int, cohort_id: int) -> bool:
    """Whether this person has any role in the cohort."""
    found = await session.scalar(
        select(func.count())
        .select_from(Membership)
        .where(Membership.user_id == user_id, Membership.cohort_id == cohort_id)
    )
    return bool(found)


async def forget_person(session: AsyncSession, *, user_id: int) -> None:
    """Erasure: the person's consent records go; a confirmation they made keeps no name."""
    await session.execute(delete(StudentConsent).where(StudentConsent.user_id == user_id))
    await session.execute(delete(StudentPledge).where(StudentPledge.user_id == user_id))
    await session.execute(
        update(CohortConsent)
        .where(CohortConsent.informed_by_id == user_id)
        .values(informed_by_id=None, informed_by=None)
    )
    # A parent who is also a user keeps no trace of the child they answered for either.
    await session.execute(
        update(StudentConsent)
        .where(StudentConsent.parent_chat_id == user_id)
        .values(parent_chat_id=None)
    )


async def consents_of(session: AsyncSession, *, user_id: int) -> list[StudentConsent]:
    """A student's consent records, for their export."""
    rows = await session.scalars(
        select(StudentConsent)
        .where(StudentConsent.user_id == user_id)
        .order_by(StudentConsent.created_at)
    )
    return list(rows.all())


async def parent_agreed(session: AsyncSession, *, user_id: int) -> bool:
    """Whether a parent agreed (and did not withdraw) for this student in some cohort."""
    found = await session.scalar(
        select(func.count())
        .select_from(StudentConsent)
        .where(
            StudentConsent.user_id == user_id,
            StudentConsent.agreed_at.is_not(None),
            StudentConsent.withdrawn_at.is_(None),
        )
    )
    return bool(found)


async def pledge_of(
    session: AsyncSession, *, user_id: int, cohort_id: int, now: datetime
) -> tuple[StudentPledge, bool]:
    """The student's pledge row in a cohort, locked; made when first shown (True then)."""
    row = await session.get(StudentPledge, (user_id, cohort_id), with_for_update=True)
    if row is not None:
        return row, False
    row = StudentPledge(user_id=user_id, cohort_id=cohort_id, shown_at=now)
    session.add(row)
    await session.flush()
    return row, True


async def has_pledged(session: AsyncSession, *, user_id: int, cohort_id: int) -> bool:
    """Whether the student promised in this cohort (and did not take it back)."""
    row = await session.get(StudentPledge, (user_id, cohort_id))
    return row is not None and row.agreed_at is not None


async def pledged_among(
    session: AsyncSession, *, cohort_id: int, user_ids: Sequence[int]
) -> set[int]:
    """Which of these students promised in the cohort before they were paired."""
    rows = await session.scalars(
        select(StudentPledge.user_id).where(
            StudentPledge.cohort_id == cohort_id,
            StudentPledge.user_id.in_(list(user_ids)),
            StudentPledge.agreed_at.is_not(None),
        )
    )
    return set(rows.all())


async def student_pledges_of(
    session: AsyncSession, *, user_id: int
) -> list[tuple[datetime | None, datetime | None]]:
    """The student's pledge answers per cohort (agreed, declined), for their export."""
    rows = await session.execute(
        select(StudentPledge.agreed_at, StudentPledge.declined_at)
        .where(StudentPledge.user_id == user_id)
        .order_by(StudentPledge.shown_at)
    )
    return [(agreed, declined) for agreed, declined in rows.all()]


async def withdrawn_among(
    session: AsyncSession, *, cohort_id: int, user_ids: Sequence[int]
) -> set[int]:
    """Which of these students are paused because a parent withdrew consent in the cohort."""
    rows = await session.scalars(
        select(StudentConsent.user_id).where(
            StudentConsent.cohort_id == cohort_id,
            StudentConsent.user_id.in_(list(user_ids)),
            StudentConsent.withdrawn_at.is_not(None),
        )
    )
    return set(rows.all())
