"""Cohorts, memberships and invites."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from flows.onboarding import Role
from flows.scheduling import QuietHours, SchoolTime
from storage.models import Cohort, Invite, Membership


class CohortExists(Exception):
    """A cohort with that name exists already."""


@dataclass(frozen=True, slots=True)
class InviteTerms:
    """How long an invite for a role stays valid and how often it may be used."""

    valid_for: timedelta
    max_uses: int | None


# A class shares one student link; staff links admit one person each, since they grant more.
INVITE_TERMS = {
    Role.STUDENT: InviteTerms(valid_for=timedelta(days=60), max_uses=None),
    Role.TEACHER: InviteTerms(valid_for=timedelta(days=14), max_uses=1),
    Role.COORDINATOR: InviteTerms(valid_for=timedelta(days=14), max_uses=1),
    Role.CONFIDANT: InviteTerms(valid_for=timedelta(days=14), max_uses=1),
}


async def create_cohort(
    session: AsyncSession, *, name: str, created_by: int | None, now: datetime
) -> Cohort:
    """Create a cohort; raises CohortExists for a taken name."""
    cohort = Cohort(name=name, created_by=created_by, created_at=now)
    try:
        async with session.begin_nested():
            session.add(cohort)
            await session.flush()
    except IntegrityError:
        raise CohortExists(name) from None
    return cohort


async def cohort_by_name(session: AsyncSession, *, name: str) -> Cohort | None:
    """The cohort with that name."""
    return (await session.scalars(select(Cohort).where(Cohort.name == name))).first()


async def cohort_by_id(session: AsyncSession, *, cohort_id: int) -> Cohort | None:
    """The cohort with that id."""
    return await session.get(Cohort, cohort_id)


async def set_school_time(
    session: AsyncSession, *, cohort: Cohort, timezone: str | None, quiet: QuietHours | None
) -> None:
    """Give a cohort its own time zone and/or quiet hours (None leaves that one as it is)."""
    if timezone is not None:
        cohort.timezone = timezone
    if quiet is not None:
        cohort.quiet_hours = str(quiet)


async def school_time(session: AsyncSession, *, cohort_id: int, default: SchoolTime) -> SchoolTime:
    """The zone and quiet hours a cohort lives by: its own, else the default's."""
    row = (
        await session.execute(
            select(Cohort.timezone, Cohort.quiet_hours).where(Cohort.id == cohort_id)
        )
    ).first()
    if row is None:
        return default
    timezone, quiet = row
    return SchoolTime(
        tz=timezone or default.tz,
        quiet=QuietHours.parse(quiet) if quiet else default.quiet,
    )


@dataclass(frozen=True, slots=True)
class CohortSummary:
    """A cohort with its head counts per role."""

    id: int
    name: str
    created_at: datetime
    counts: dict[Role, int]
    timezone: str | None = None  # None: the settings' zone
    quiet_hours: str | None = None  # None: the settings' quiet hours


async def list_cohorts(session: AsyncSession) -> list[CohortSummary]:
    """Every cohort with its members counted per role, oldest first."""
    cohorts = (await session.scalars(select(Cohort).order_by(Cohort.id))).all()
    counted = await session.execute(
        select(Membership.cohort_id, Membership.role, func.count()).group_by(
            Membership.cohort_id, Membership.role
        )
    )
    counts: dict[int, dict[Role, int]] = {}
    for cohort_id, role, count in counted.all():
        counts.setdefault(cohort_id, {})[Role(role)] = count
    return [
        CohortSummary(c.id, c.name, c.created_at, counts.get(c.id, {}), c.timezone, c.quiet_hours)
        for c in cohorts
    ]


async def create_invite(
    session: AsyncSession,
    *,
    cohort_id: int,
    role: Role,
    now: datetime,
    max_uses: int | None = None,
    valid_for: timedelta | None = None,
) -> Invite:
    """A new invite with an unguessable code (96 random bits) and the role's default terms."""
    terms = INVITE_TERMS[role]
    invite = Invite(
        code=secrets.token_urlsafe(12),
        cohort_id=cohort_id,
        role=role,
        max_uses=max_uses if max_uses is not None else terms.max_uses,
        uses=0,
        expires_at=now + (valid_for or terms.valid_for),
        created_at=now,
    )
    session.add(invite)
    await session.flush()
    return invite


async def create_cohort_invites(
    session: AsyncSession, *, cohort_id: int, now: datetime
) -> dict[Role, Invite]:
    """One invite per role for a cohort."""
    return {
        role: await create_invite(session, cohort_id=cohort_id, role=role, now=now) for role in Role
    }


async def get_invite(session: AsyncSession, *, code: str) -> Invite | None:
    """The invite with that code, if any."""
    if not code or len(code) > 64:
        return None
    return await session.get(Invite, code)


async def revoke_invite(session: AsyncSession, *, code: str, now: datetime) -> bool:
    """Revoke an invite; False when there is no such code."""
    invite = await session.get(Invite, code)
    if invite is None:
        return False
    if invite.revoked_at is None:
        invite.revoked_at = now
    return True


async def use_invite(session: AsyncSession, *, invite: Invite) -> None:
    """Count one use of an invite."""
    invite.uses += 1


async def join_cohort(
    session: AsyncSession, *, user_id: int, cohort_id: int, role: Role, now: datetime
) -> Membership:
    """Add a person to a cohort with a role; an existing member takes the new role."""
    membership = (
        await session.scalars(
            select(Membership).where(
                Membership.user_id == user_id, Membership.cohort_id == cohort_id
            )
        )
    ).first()
    if membership is None:
        membership = Membership(user_id=user_id, cohort_id=cohort_id, role=role, joined_at=now)
        session.add(membership)
    else:
        membership.role = role
    await session.flush()
    return membership


@dataclass(frozen=True, slots=True)
class MembershipView:
    """A membership with its cohort's name."""

    cohort_id: int
    cohort_name: str
    role: Role


async def memberships_of(
    session: AsyncSession, *, user_id: int, role: Role | None = None
) -> list[MembershipView]:
    """The cohorts a person belongs to (with that role, if given), with their role in each."""
    query = (
        select(Membership.cohort_id, Cohort.name, Membership.role)
        .join(Cohort, Cohort.id == Membership.cohort_id)
        .where(Membership.user_id == user_id)
        .order_by(Membership.joined_at)
    )
    if role is not None:
        query = query.where(Membership.role == role)
    rows = await session.execute(query)
    return [MembershipView(cid, name, Role(r)) for cid, name, r in rows.all()]


async def members_with_role(session: AsyncSession, *, cohort_id: int, role: Role) -> list[int]:
    """User ids of a cohort's members with a role."""
    rows = await session.scalars(
        select(Membership.user_id).where(Membership.cohort_id == cohort_id, Membership.role == role)
    )
    return list(rows.all())
