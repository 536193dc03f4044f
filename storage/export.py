"""Reading everything kept about one person, for their own export (flows.privacy.export)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, cast, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from flows.privacy.export import (
    CohortFacts,
    ConsentFacts,
    DanceFacts,
    PersonFacts,
    PoolFacts,
    RoomFacts,
    TrajectoryFacts,
)
from flows.protocols import load_protocol
from flows.trajectory import Party, Trajectory
from storage import breakouts, consent, dance, people, practice, safety, supervision
from storage.breakout_models import BreakoutRow
from storage.consent_models import StudentConsent
from storage.erasure import mentions
from storage.models import Cohort, Match, Membership, User
from storage.pairing_models import DoNotPair, PoolEntry
from storage.room_models import RoomRow
from storage.rooms import snapshot_of
from storage.trajectory_models import TrajectoryRow


async def person_facts(session: AsyncSession, *, user_id: int, former: str) -> PersonFacts | None:
    """What is kept about the person, or None when nothing is; `former` names erased partners."""
    user = await session.get(User, user_id)
    if user is None:
        return None
    return PersonFacts(
        telegram_id=user.id,
        first_name=user.first_name,
        username=user.username,
        language=user.language,
        known_since=user.created_at,
        privacy_accepted_at=user.privacy_accepted_at,
        cohorts=await _cohorts(session, user_id),
        pool=await _pool(session, user_id),
        no_pair=await _no_pair(session, user_id),
        trajectories=await _trajectories(session, user_id, former),
        rooms=await _rooms(session, user_id),
        supervision_asks=await supervision.asks_of(session, user_id=user_id),
        practised=await practice.practice_facts(session, user_id=user_id),
        cohorts_created=list(
            (await session.scalars(select(Cohort.name).where(Cohort.created_by == user_id))).all()
        ),
        worry_talks=await safety.talks_of(session, user_id=user_id),
        help_cards_shown=await safety.nudges_of(session, user_id=user_id),
        pledges=[
            *await consent.student_pledges_of(session, user_id=user_id),
            *await safety.pledges_by(session, user_id=user_id),
        ],
        consents=await _consents(session, user_id),
        dance_checks=[
            DanceFacts(row.conversation, row.led, row.rhythm, row.heard, row.answered_at)
            for row in await dance.answers_of(session, user_id=user_id)
        ],
    )


async def _consents(session: AsyncSession, user_id: int) -> list[ConsentFacts]:
    rows = await session.execute(
        select(StudentConsent, Cohort.name)
        .join(Cohort, Cohort.id == StudentConsent.cohort_id)
        .where(StudentConsent.user_id == user_id)
        .order_by(StudentConsent.created_at)
    )
    return [
        ConsentFacts(name, row.band.value, row.policy.value, row.agreed_at, row.withdrawn_at)
        for row, name in rows.all()
    ]


async def _cohorts(session: AsyncSession, user_id: int) -> list[CohortFacts]:
    rows = await session.execute(
        select(Cohort.name, Membership.role, Membership.joined_at)
        .join(Cohort, Cohort.id == Membership.cohort_id)
        .where(Membership.user_id == user_id)
        .order_by(Membership.joined_at)
    )
    return [CohortFacts(name, role.value, joined_at) for name, role, joined_at in rows.all()]


async def _pool(session: AsyncSession, user_id: int) -> list[PoolFacts]:
    rows = await session.execute(
        select(PoolEntry, Cohort.name)
        .join(Cohort, Cohort.id == PoolEntry.cohort_id)
        .where(PoolEntry.user_id == user_id)
        .order_by(PoolEntry.joined_at)
    )
    return [
        PoolFacts(
            cohort=cohort,
            status=entry.status.value,
            wants=entry.wants.value,
            availability=list(entry.availability),
            language=entry.language,
            about=entry.about,
            interests=entry.interests,
            paused_until=entry.paused_until,
            joined_at=entry.joined_at,
            left_at=entry.left_at,
        )
        for entry, cohort in rows.all()
    ]


async def _no_pair(session: AsyncSession, user_id: int) -> list[tuple[str, datetime]]:
    rows = await session.execute(
        select(User.first_name, DoNotPair.created_at)
        .join(User, User.id == DoNotPair.other_id)
        .where(DoNotPair.user_id == user_id)
        .order_by(DoNotPair.created_at)
    )
    return [(name or "?", at) for name, at in rows.all()]


async def _trajectories(session: AsyncSession, user_id: int, former: str) -> list[TrajectoryFacts]:
    rows = list(
        (
            await session.execute(
                select(TrajectoryRow, Match.cohort_id)
                .join(Match, Match.id == TrajectoryRow.match_id)
                .where(
                    or_(
                        TrajectoryRow.coach_id == user_id,
                        TrajectoryRow.coachee_id == user_id,
                        TrajectoryRow.observer_id == user_id,
                    )
                )
                .order_by(TrajectoryRow.id)
            )
        ).all()
    )
    others = {r.coach_id for r, _ in rows} | {r.coachee_id for r, _ in rows}
    names = await people.names(session, user_ids=sorted(others - {user_id}))
    facts = []
    for row, cohort_id in rows:
        role = _role(row, user_id)
        partners = [p for p in (row.coach_id, row.coachee_id) if p != user_id]
        partner = " & ".join(names.get(p, former) for p in partners)
        snapshot = Trajectory.from_dict(row.snapshot)
        facts.append(TrajectoryFacts(role, partner, row.created_at, snapshot, cohort_id))
    return facts


def _role(row: TrajectoryRow, user_id: int) -> Party | None:
    if row.coach_id == user_id:
        return Party.COACH
    if row.coachee_id == user_id:
        return Party.COACHEE
    return None


async def _rooms(session: AsyncSession, user_id: int) -> list[RoomFacts]:
    found = await session.scalars(
        select(RoomRow)
        .where(
            or_(
                RoomRow.teacher_id == user_id,
                cast(RoomRow.snapshot, String).like(f"%{user_id}%"),
            )
        )
        .order_by(RoomRow.id)
    )
    facts = []
    for row in found.all():
        if row.teacher_id != user_id and not mentions(row.snapshot, user_id):
            continue
        room = snapshot_of(row)
        title = load_protocol(room.protocol_id, room.language).title
        facts.append(RoomFacts(title, row.created_at, room))
    return facts + await _breakout_rooms(session, user_id)


async def _breakout_rooms(session: AsyncSession, user_id: int) -> list[RoomFacts]:
    """A breakout group is a room run in private chats: it is exported as one."""
    found = await session.scalars(
        select(BreakoutRow)
        .where(
            or_(
                BreakoutRow.teacher_id == user_id,
                cast(BreakoutRow.snapshot, String).like(f"%{user_id}%"),
            )
        )
        .order_by(BreakoutRow.id)
    )
    facts: list[RoomFacts] = []
    for row in found.all():
        breakout = breakouts.snapshot_of(row)
        title = load_protocol(breakout.protocol_id, breakout.language).title
        facts.extend(
            RoomFacts(title, row.created_at, group.room)
            for group in breakout.groups
            if user_id in (breakout.teacher_id, *group.member_ids)
        )
    return facts
