"""The staff dashboard's storage: sign-in links and sessions (hashed), and a cohort's metadata.

Only ids, dates, steps and counts are read here; no query selects a snapshot's words, a
profile's text or a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from flows.dashboard import (
    LINK_VALID,
    SESSION_VALID,
    Funnel,
    Holder,
    Refusal,
    Scope,
    StudentFacts,
    last_meeting_missed,
    link_refusal,
    new_token,
    token_hash,
)
from flows.onboarding import Role
from flows.trajectory.silence import Silence
from storage.dashboard_models import DashboardLink, DashboardSession
from storage.models import Cohort, Invite, Match, MatchMember, Membership, Timer, User
from storage.pairing_models import PairingRound, PoolEntry, PoolStatus, RoundStatus
from storage.trajectory_models import PairState, TrajectoryRow

STAFF = (Role.TEACHER, Role.COORDINATOR)
KEEP_ENDED = timedelta(days=1)  # refused links stay this long, so a reuse is named as such


async def purge_expired(session: AsyncSession, *, now: datetime) -> None:
    """Forget sign-in links a day after they expired, and sessions once they expired."""
    await session.execute(delete(DashboardLink).where(DashboardLink.expires_at < now - KEEP_ENDED))
    await session.execute(delete(DashboardSession).where(DashboardSession.expires_at < now))


async def create_link(
    session: AsyncSession, *, user_id: int | None, now: datetime, scope: Scope = Scope.STAFF
) -> str:
    """A new one-time sign-in link's token; old links and sessions are forgotten meanwhile."""
    await purge_expired(session, now=now)
    token = new_token()
    session.add(
        DashboardLink(
            token_hash=token_hash(token),
            user_id=_holder_id(user_id, scope),
            scope=scope.value,
            created_at=now,
            expires_at=now + LINK_VALID,
        )
    )
    await session.flush()
    return token


async def redeem_link(
    session: AsyncSession, *, token: str, now: datetime
) -> tuple[Holder | None, Refusal | None]:
    """Use a link once: who holds it, or why not. Two browsers at once: one wins, in SQL."""
    hashed = token_hash(token)
    used = await session.execute(
        update(DashboardLink)
        .where(
            DashboardLink.token_hash == hashed,
            DashboardLink.used_at.is_(None),
            DashboardLink.expires_at > now,
        )
        .values(used_at=now)
        .returning(DashboardLink.user_id, DashboardLink.scope)
    )
    found = used.one_or_none()
    if found is not None:
        return _holder(found[0], found[1]), None
    row = await session.get(DashboardLink, hashed, populate_existing=True)
    refusal = link_refusal(
        exists=row is not None,
        used_at=row.used_at if row else None,
        expires_at=row.expires_at if row else None,
        now=now,
    )
    return None, refusal or Refusal.USED


async def create_session(session: AsyncSession, *, holder: Holder, now: datetime) -> str:
    """A browser session's cookie token; only its hash is stored."""
    token = new_token()
    session.add(
        DashboardSession(
            token_hash=token_hash(token),
            user_id=_holder_id(holder.user_id, holder.scope),
            scope=holder.scope.value,
            created_at=now,
            expires_at=now + SESSION_VALID,
        )
    )
    await session.flush()
    return token


async def session_holder(session: AsyncSession, *, token: str, now: datetime) -> Holder | None:
    """Whose browser session this cookie is, and what it opens, while it lasts."""
    found = (
        await session.execute(
            select(DashboardSession.user_id, DashboardSession.scope).where(
                DashboardSession.token_hash == token_hash(token),
                DashboardSession.expires_at > now,
            )
        )
    ).one_or_none()
    return _holder(found[0], found[1]) if found is not None else None


async def session_user(session: AsyncSession, *, token: str, now: datetime) -> int | None:
    """The staff member whose browser session this cookie is, while it lasts."""
    holder = await session_holder(session, token=token, now=now)
    return holder.user_id if holder is not None and holder.scope is Scope.STAFF else None


def _holder_id(user_id: int | None, scope: Scope) -> int | None:
    """Staff rows name their person; an ops row never does, so it holds no personal data."""
    if (user_id is None) != (scope is Scope.OPS):
        raise ValueError("a staff link has a user id, an operations link has none")
    return user_id


def _holder(user_id: int | None, scope: str) -> Holder | None:
    """A stored row's holder; a staff row without a person (none are made) opens nothing."""
    holder = Holder(int(user_id) if user_id is not None else None, Scope(scope))
    return holder if (holder.user_id is None) == (holder.scope is Scope.OPS) else None


async def end_session(session: AsyncSession, *, token: str) -> None:
    """Sign out: the cookie no longer works, wherever it was copied."""
    await session.execute(
        delete(DashboardSession).where(DashboardSession.token_hash == token_hash(token))
    )


async def forget_person(session: AsyncSession, *, user_id: int) -> None:
    """Erasure: the person's links and sessions go."""
    await session.execute(delete(DashboardLink).where(DashboardLink.user_id == user_id))
    await session.execute(delete(DashboardSession).where(DashboardSession.user_id == user_id))


@dataclass(frozen=True, slots=True)
class StaffCohort:
    """A cohort the person may see on the dashboard, and their role there."""

    cohort_id: int
    name: str
    role: Role


async def staff_cohorts(session: AsyncSession, *, user_id: int) -> list[StaffCohort]:
    """Cohorts where the person is a teacher or coordinator (purged ones have nothing left)."""
    rows = await session.execute(
        select(Cohort.id, Cohort.name, Membership.role)
        .join(Membership, Membership.cohort_id == Cohort.id)
        .where(
            Membership.user_id == user_id,
            Membership.role.in_(STAFF),
            Cohort.purged_at.is_(None),
        )
        .order_by(Cohort.name)
    )
    return [StaffCohort(int(cid), name, Role(role)) for cid, name, role in rows.all()]


async def _students(session: AsyncSession, cohort_id: int) -> dict[int, tuple[str, datetime, bool]]:
    """Student members: first name, joined, consented."""
    rows = await session.execute(
        select(User.id, User.first_name, Membership.joined_at, User.privacy_accepted_at)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.cohort_id == cohort_id, Membership.role == Role.STUDENT)
    )
    return {int(i): (name or "?", joined, consent is not None) for i, name, joined, consent in rows}


async def funnel(session: AsyncSession, *, cohort_id: int) -> Funnel:
    """The cohort's funnel: from opening the link to a closed trajectory."""
    students = await _students(session, cohort_id)
    codes = select(Invite.code).where(Invite.cohort_id == cohort_id, Invite.role == Role.STUDENT)
    opening = await session.scalar(
        select(func.count()).select_from(User).where(User.pending_invite.in_(codes))
    )
    in_pool = await session.scalar(
        select(func.count(func.distinct(PoolEntry.user_id))).where(
            PoolEntry.cohort_id == cohort_id,
            PoolEntry.status == PoolStatus.ACTIVE,
            PoolEntry.user_id.in_(list(students)),
        )
    )
    paired = await session.scalar(
        select(func.count(func.distinct(MatchMember.user_id)))
        .join(Match, Match.id == MatchMember.match_id)
        .where(Match.cohort_id == cohort_id, Match.status == "active")
    )
    steps = await session.execute(
        select(TrajectoryRow.step, func.count())
        .join(Match, Match.id == TrajectoryRow.match_id)
        .where(Match.cohort_id == cohort_id, Match.status == "active")
        .group_by(TrajectoryRow.step)
    )
    ended = await session.execute(
        select(Match.status, func.count())
        .where(Match.cohort_id == cohort_id, Match.status != "active")
        .group_by(Match.status)
    )
    by_status = {str(status): int(count) for status, count in ended.all()}
    return Funnel(
        invited=len(students) + (opening or 0),
        joined=len(students),
        consented=sum(1 for _, _, consented in students.values() if consented),
        in_pool=in_pool or 0,
        paired=paired or 0,
        steps={str(step): int(count) for step, count in steps.all()},
        closed=by_status.get("closed", 0),
        dissolved=by_status.get("dissolved", 0),
    )


async def student_facts(session: AsyncSession, *, cohort_id: int) -> list[StudentFacts]:
    """Per student the dates and flags the needs-attention list is decided from."""
    students = await _students(session, cohort_id)
    pool = {
        int(user_id): (joined, paused)
        for user_id, joined, paused in await session.execute(
            select(PoolEntry.user_id, PoolEntry.joined_at, PoolEntry.paused_until).where(
                PoolEntry.cohort_id == cohort_id, PoolEntry.status == PoolStatus.ACTIVE
            )
        )
    }
    paired: set[int] = set()
    silent: dict[int, datetime] = {}
    no_click: dict[int, bool] = {}
    rows = await session.execute(
        select(MatchMember.user_id, Match.status, Match.dissolved_reason, PairState.silences)
        .join(Match, Match.id == MatchMember.match_id)
        .outerjoin(PairState, PairState.match_id == Match.id)
        .where(Match.cohort_id == cohort_id)
        .order_by(Match.created_at, Match.id)
    )
    for user_id, status, reason, silences in rows.all():
        if status == "active":
            paired.add(user_id)
            since = Silence.from_dict((silences or {}).get(str(user_id)) or {}).since
            if since is not None:
                silent[user_id] = min(since, silent.get(user_id, since))
        else:  # ordered by creation, so the last ended match decides
            no_click[user_id] = reason == "no_click"
    # Only the meetings' dates and yes/no leave the database, never the rest of a snapshot.
    met = await session.execute(
        select(TrajectoryRow.coach_id, TrajectoryRow.coachee_id, TrajectoryRow.snapshot["meetings"])
        .join(Match, Match.id == TrajectoryRow.match_id)
        .where(Match.cohort_id == cohort_id, Match.status == "active")
    )
    not_met: dict[int, datetime] = {}
    for coach, coachee, meetings in met.all():
        missed = last_meeting_missed(meetings)
        if missed is not None:
            for user_id in (coach, coachee):
                not_met[user_id] = max(missed, not_met.get(user_id, missed))
    return [
        StudentFacts(
            user_id=user_id,
            first_name=name,
            in_pool=user_id in pool,
            pool_since=pool[user_id][0] if user_id in pool else None,
            paused_until=pool[user_id][1] if user_id in pool else None,
            paired=user_id in paired,
            silent_since=silent.get(user_id),
            last_ended_no_click=no_click.get(user_id, False),
            not_met_at=not_met.get(user_id),
        )
        for user_id, (name, _, _) in students.items()
    ]


@dataclass(frozen=True, slots=True)
class ActivityDates:
    """When students joined, and when the cohort's pairs began and ended."""

    joined: list[datetime]
    paired: list[datetime]
    ended: list[datetime]


async def activity_dates(session: AsyncSession, *, cohort_id: int) -> ActivityDates:
    """The dates the weekly activity chart counts."""
    joined = await session.scalars(
        select(Membership.joined_at).where(
            Membership.cohort_id == cohort_id, Membership.role == Role.STUDENT
        )
    )
    matches = await session.execute(
        select(Match.created_at, Match.ended_at).where(Match.cohort_id == cohort_id)
    )
    began, ended = [], []
    for created, finished in matches.all():
        began.append(created)
        if finished is not None:
            ended.append(finished)
    return ActivityDates(list(joined.all()), began, ended)


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One line of the CSV: a member's role, dates and progress, never content."""

    user_id: int
    first_name: str
    role: str
    joined_at: datetime
    in_pool: bool
    steps: list[str]


async def people_rows(session: AsyncSession, *, cohort_id: int) -> list[PersonRow]:
    """The cohort's members with their steps (as coachee or coach), for the CSV export."""
    members = await session.execute(
        select(User.id, User.first_name, Membership.role, Membership.joined_at)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.cohort_id == cohort_id)
        .order_by(Membership.role, User.first_name, User.id)
    )
    pool = set(
        (
            await session.scalars(
                select(PoolEntry.user_id).where(
                    PoolEntry.cohort_id == cohort_id, PoolEntry.status == PoolStatus.ACTIVE
                )
            )
        ).all()
    )
    steps: dict[int, list[str]] = {}
    found = await session.execute(
        select(TrajectoryRow.coach_id, TrajectoryRow.coachee_id, TrajectoryRow.step)
        .join(Match, Match.id == TrajectoryRow.match_id)
        .where(Match.cohort_id == cohort_id, Match.status == "active")
        .order_by(TrajectoryRow.id)
    )
    for coach, coachee, step in found.all():
        steps.setdefault(coachee, []).append(f"coachee:{step}")
        steps.setdefault(coach, []).append(f"coach:{step}")
    return [
        PersonRow(
            int(user_id),
            name or "?",
            Role(role).value,
            joined,
            user_id in pool,
            steps.get(user_id, []),
        )
        for user_id, name, role, joined in members.all()
    ]


async def may_see(session: AsyncSession, *, user_id: int, cohort_id: int) -> bool:
    """Whether the person is a teacher or coordinator of this (unpurged) cohort."""
    found = await session.scalar(
        select(func.count())
        .select_from(Membership)
        .join(Cohort, Cohort.id == Membership.cohort_id)
        .where(
            Membership.user_id == user_id,
            Membership.cohort_id == cohort_id,
            Membership.role.in_(STAFF),
            Cohort.purged_at.is_(None),
        )
    )
    return bool(found)


async def is_coordinator(session: AsyncSession, *, user_id: int, cohort_id: int) -> bool:
    """Whether the person coordinates this cohort (only coordinators end and start rounds)."""
    found = await session.scalar(
        select(func.count())
        .select_from(Membership)
        .where(
            Membership.user_id == user_id,
            Membership.cohort_id == cohort_id,
            Membership.role == Role.COORDINATOR,
        )
    )
    return bool(found)


async def active_pairs(session: AsyncSession, *, cohort_id: int) -> int:
    """How many matches of the cohort are running now."""
    found = await session.scalar(
        select(func.count()).where(Match.cohort_id == cohort_id, Match.status == "active")
    )
    return found or 0


async def has_draft(session: AsyncSession, *, cohort_id: int) -> bool:
    """Whether a proposal waits for the coordinator in Telegram."""
    found = await session.scalar(
        select(func.count()).where(
            PairingRound.cohort_id == cohort_id, PairingRound.status == RoundStatus.DRAFT
        )
    )
    return bool(found)


async def ask_once(
    session: AsyncSession,
    *,
    name: str,
    conversation: str,
    kind: str,
    payload: dict[str, int | str],
    now: datetime,
) -> bool:
    """Queue a job as a timer due now, once per name: a form sent twice asks once."""
    try:
        async with session.begin_nested():
            session.add(
                Timer(name=name, conversation=conversation, kind=kind, payload=payload, due_at=now)
            )
            await session.flush()
    except IntegrityError:
        return False
    return True


async def keep_planned(
    session: AsyncSession, *, name: str, conversation: str, kind: str, due_at: datetime
) -> None:
    """A named timer stays pending: made if missing, set again if it fired, else left alone.

    Several processes may start at once: one makes it, the others find it."""
    status = await session.scalar(select(Timer.status).where(Timer.name == name))
    if status == "pending":
        return
    if status is None:
        await ask_once(
            session, name=name, conversation=conversation, kind=kind, payload={}, now=due_at
        )
        return
    await session.execute(
        update(Timer)
        .where(Timer.name == name)
        .values(status="pending", due_at=due_at, fired_at=None, conversation=conversation)
    )


async def digest_cohorts(session: AsyncSession) -> list[tuple[int, str]]:
    """Cohorts with a coordinator and content still kept: the weekly digest goes to these."""
    rows = await session.execute(
        select(Cohort.id, Cohort.name)
        .where(
            Cohort.purged_at.is_(None),
            Cohort.id.in_(select(Membership.cohort_id).where(Membership.role == Role.COORDINATOR)),
        )
        .order_by(Cohort.id)
    )
    return [(int(cohort_id), name) for cohort_id, name in rows.all()]


async def usable_invites(
    session: AsyncSession, *, cohort_id: int, now: datetime
) -> dict[Role, Invite]:
    """Per role the newest invite that still works (not revoked, not expired, uses left)."""
    rows = await session.scalars(
        select(Invite)
        .where(
            Invite.cohort_id == cohort_id,
            Invite.revoked_at.is_(None),
            Invite.expires_at > now,
        )
        .order_by(Invite.created_at, Invite.code)
    )
    usable: dict[Role, Invite] = {}
    for invite in rows.all():
        if invite.max_uses is None or invite.uses < invite.max_uses:
            usable[Role(invite.role)] = invite  # newer ones come later and win
    return usable
