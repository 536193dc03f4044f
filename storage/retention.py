"""Retention: a cohort's end date, its purge timers, the metadata export and the purge itself.

After the end date plus a grace period everything the cohort's people wrote or that
identifies them goes; the cohort keeps its name and anonymous counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from flows import scheduling
from flows.breakout import BreakoutTimer
from flows.privacy.retention import purge_moment, warning_moment
from flows.room import TimerKind
from storage import breakouts, erasure, rooms, safety, timers
from storage.breakout_models import BreakoutRow
from storage.dance_models import DanceCheck
from storage.models import (
    Chat,
    Cohort,
    Invite,
    Match,
    MatchMember,
    Membership,
    Timer,
    User,
)
from storage.pairing_models import PairingRound, PoolEntry
from storage.room_models import RoomRow
from storage.safety_models import SafetyPledge, WorryLine, WorryTalk
from storage.teach_models import PracticeRule, SupervisionAsk
from storage.trajectory_models import CohortScript, PairState, TrajectoryRow

WARN_KIND, PURGE_KIND = "retention_warn", "retention_purge"


async def set_end(
    session: AsyncSession,
    *,
    cohort: Cohort,
    ends_on: date,
    grace_days: int,
    default_zone: ZoneInfo,
) -> datetime:
    """Give a cohort its end date and (re)schedule the warning and the purge; the purge time.

    The purge comes at midnight in the cohort's own time zone, if it has one."""
    cohort.ends_on = ends_on
    zone = scheduling.zone(cohort.timezone) if cohort.timezone else default_zone
    purge_at = purge_moment(ends_on, grace_days, zone)
    for kind, due in ((WARN_KIND, warning_moment(purge_at)), (PURGE_KIND, purge_at)):
        await timers.schedule(
            session,
            conversation=f"cohort:{cohort.id}",
            kind=kind,
            due_at=due,
            payload={"cohort_id": cohort.id},
            name=f"retention:{cohort.id}:{kind}",
        )
    return purge_at


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One line of a cohort's metadata: who, role, since when, how far; never any content."""

    first_name: str
    role: str
    joined_at: datetime
    in_pool: bool
    steps: str
    conversations: int


async def metadata(session: AsyncSession, *, cohort_id: int) -> list[MemberRow]:
    """The cohort's members with progress metadata (what coordinators may see anyway)."""
    rows = await session.execute(
        select(User.id, User.first_name, Membership.role, Membership.joined_at)
        .join(User, User.id == Membership.user_id)
        .where(Membership.cohort_id == cohort_id)
        .order_by(Membership.role, User.first_name)
    )
    pool = set(
        (
            await session.scalars(select(PoolEntry.user_id).where(PoolEntry.cohort_id == cohort_id))
        ).all()
    )
    steps: dict[int, list[str]] = {}
    talks: Counter[int] = Counter()
    found = await session.execute(
        select(TrajectoryRow.coachee_id, TrajectoryRow.step, PairState.conversations)
        .join(Match, Match.id == TrajectoryRow.match_id)
        .outerjoin(PairState, PairState.match_id == Match.id)
        .where(Match.cohort_id == cohort_id)
    )
    for coachee, step, conversations in found.all():
        steps.setdefault(coachee, []).append(step)
        talks[coachee] = max(talks[coachee], conversations or 0)
    return [
        MemberRow(
            name or "?",
            role.value,
            joined,
            user_id in pool,
            " / ".join(steps.get(user_id, [])),
            talks[user_id],
        )
        for user_id, name, role, joined in rows.all()
    ]


async def counts(session: AsyncSession, *, cohort_id: int) -> dict[str, int]:
    """Anonymous counts that outlive the purge: how many people, matches, talks and rooms."""
    roles = await session.execute(
        select(Membership.role, func.count())
        .where(Membership.cohort_id == cohort_id)
        .group_by(Membership.role)
    )
    result = {f"{role.value}s": number for role, number in roles.all()}
    matches = await session.execute(
        select(Match.status, func.count())
        .where(Match.cohort_id == cohort_id)
        .group_by(Match.status)
    )
    result.update({f"matches_{status}": number for status, number in matches.all()})
    talks = await session.scalar(
        select(func.coalesce(func.sum(PairState.conversations), 0))
        .join(Match, Match.id == PairState.match_id)
        .where(Match.cohort_id == cohort_id)
    )
    result["conversations"] = int(talks or 0)
    rooms = await session.scalar(
        select(func.count()).select_from(RoomRow).where(RoomRow.cohort_id == cohort_id)
    )
    result["rooms"] = int(rooms or 0)
    return result


async def purge(session: AsyncSession, *, cohort_id: int, now: datetime) -> dict[str, int] | None:
    """Purge a cohort's content, keep its counts; None when it is gone or purged already."""
    cohort = await session.get(Cohort, cohort_id)
    if cohort is None or cohort.purged_at is not None:
        return None
    kept = await counts(session, cohort_id=cohort_id)
    members = list(
        (
            await session.scalars(
                select(Membership.user_id).where(Membership.cohort_id == cohort_id)
            )
        ).all()
    )
    match_ids = select(Match.id).where(Match.cohort_id == cohort_id)
    await safety.forget_nudges_in(session, match_ids=(await session.scalars(match_ids)).all())
    await _drop_timers(session, cohort_id)
    await session.execute(delete(DanceCheck).where(DanceCheck.match_id.in_(match_ids)))
    await session.execute(delete(TrajectoryRow).where(TrajectoryRow.match_id.in_(match_ids)))
    await session.execute(delete(PairState).where(PairState.match_id.in_(match_ids)))
    await session.execute(delete(MatchMember).where(MatchMember.match_id.in_(match_ids)))
    await session.execute(delete(SafetyPledge).where(SafetyPledge.match_id.in_(match_ids)))
    await session.execute(delete(Match).where(Match.cohort_id == cohort_id))
    talks = select(WorryTalk.id).where(WorryTalk.cohort_id == cohort_id)
    await session.execute(delete(WorryLine).where(WorryLine.talk_id.in_(talks)))
    for table in (
        PoolEntry,
        PairingRound,
        RoomRow,
        BreakoutRow,
        Invite,
        CohortScript,
        SupervisionAsk,
        PracticeRule,
        WorryTalk,
        Membership,
    ):
        await session.execute(delete(table).where(table.cohort_id == cohort_id))
    await session.execute(update(Chat).where(Chat.cohort_id == cohort_id).values(cohort_id=None))
    # A practice tick is the person's own: it stays for their other classes, and goes with
    # someone who belonged only here.
    for user_id in members:
        if not await _in_other_cohort(session, user_id):
            # Someone who belonged only here goes altogether, like an erasure.
            await erasure.erase_person(session, user_id=user_id, now=now)
    cohort.created_by, cohort.purged_at, cohort.counts = None, now, kept
    return kept


async def _drop_timers(session: AsyncSession, cohort_id: int) -> None:
    """Reminders of the cohort's matches and time boxes of its rooms have nothing to do."""
    matches = (await session.scalars(select(Match.id).where(Match.cohort_id == cohort_id))).all()
    room_ids = (
        await session.scalars(select(RoomRow.id).where(RoomRow.cohort_id == cohort_id))
    ).all()
    conversations = [f"match:{match_id}" for match_id in matches]
    names = [rooms.timer_name(room_id, kind.value) for room_id in room_ids for kind in TimerKind]
    breakout_ids = (
        await session.scalars(select(BreakoutRow.id).where(BreakoutRow.cohort_id == cohort_id))
    ).all()
    names += [
        breakouts.timer_name(breakout_id, kind.value)
        for breakout_id in breakout_ids
        for kind in BreakoutTimer
    ]
    await session.execute(
        delete(Timer).where(
            Timer.status == "pending",
            or_(Timer.conversation.in_(conversations), Timer.name.in_(names)),
        )
    )


async def _in_other_cohort(session: AsyncSession, user_id: int) -> bool:
    found = await session.scalar(
        select(func.count()).select_from(Membership).where(Membership.user_id == user_id)
    )
    return bool(found)
