"""Trajectories of matched students: snapshots, the pair's shared state, awaited input, scripts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from flows import progress
from storage import matches
from storage.awaiting import PERSON
from storage.models import Match, User
from storage.trajectory_models import AwaitedInput, CohortScript, PairState, TrajectoryRow


@dataclass(frozen=True, slots=True)
class LoadedPair:
    """A match with everything about it, read in one go under the match's lock."""

    match: Match
    state: PairState
    members: list[tuple[int, User | None]]  # in position order; None: they erased their data
    rows: list[TrajectoryRow]


async def lock_pair(session: AsyncSession, *, match_id: int, now: datetime) -> LoadedPair | None:
    """Lock a match against its partners acting at once, and load it with its trajectories."""
    match = await matches.lock_match(session, match_id=match_id)
    if match is None:
        return None
    member_ids = await matches.members_of(session, match_id=match_id)
    users = {u.id: u for u in await session.scalars(select(User).where(User.id.in_(member_ids)))}
    members = [(user_id, users.get(user_id)) for user_id in member_ids]
    rows = await trajectories_of_match(session, match_id=match_id)
    state = await pair_state(session, match_id=match_id, now=now)
    return LoadedPair(match, state, members, rows)


async def create_trajectory(
    session: AsyncSession,
    *,
    match_id: int,
    position: int,
    coach_id: int,
    coachee_id: int,
    observer_id: int | None,
    step: str,
    snapshot: dict[str, Any],
    now: datetime,
) -> TrajectoryRow:
    """Store a new trajectory of a match."""
    row = TrajectoryRow(
        match_id=match_id,
        position=position,
        coach_id=coach_id,
        coachee_id=coachee_id,
        observer_id=observer_id,
        step=step,
        snapshot=snapshot,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    await session.flush()
    return row


async def trajectories_of_match(session: AsyncSession, *, match_id: int) -> list[TrajectoryRow]:
    """The trajectories of a match, in position order."""
    rows = await session.scalars(
        select(TrajectoryRow)
        .where(TrajectoryRow.match_id == match_id)
        .order_by(TrajectoryRow.position, TrajectoryRow.id)
    )
    return list(rows.all())


async def trajectories_of_user(session: AsyncSession, *, user_id: int) -> list[TrajectoryRow]:
    """Every trajectory a person coaches or is coached in, newest match first."""
    rows = await session.scalars(
        select(TrajectoryRow)
        .where(or_(TrajectoryRow.coach_id == user_id, TrajectoryRow.coachee_id == user_id))
        .order_by(TrajectoryRow.match_id.desc(), TrajectoryRow.position)
    )
    return list(rows.all())


async def latest_match_of_user(session: AsyncSession, *, user_id: int) -> int | None:
    """The newest match in which a person coaches or is coached, if any."""
    return await session.scalar(
        select(TrajectoryRow.match_id)
        .where(or_(TrajectoryRow.coach_id == user_id, TrajectoryRow.coachee_id == user_id))
        .order_by(TrajectoryRow.match_id.desc())
        .limit(1)
    )


async def get_trajectory(session: AsyncSession, *, trajectory_id: int) -> TrajectoryRow | None:
    """One trajectory by id."""
    return await session.get(TrajectoryRow, trajectory_id)


def store_snapshot(
    row: TrajectoryRow, *, snapshot: dict[str, Any], step: str, now: datetime
) -> None:
    """Replace a trajectory's snapshot (a new dict, so the change is noticed) and its step."""
    row.snapshot = snapshot
    if row.step != step:
        row.theme, row.question = 0, 0  # a new step starts at the top of its prompt card
    row.step = step
    row.updated_at = now


async def pair_state(session: AsyncSession, *, match_id: int, now: datetime) -> PairState:
    """The shared state of a match, created on first use."""
    state = await session.get(PairState, match_id)
    if state is None:
        state = PairState(match_id=match_id, updated_at=now)
        session.add(state)
        await session.flush()
    return state


async def set_input(
    session: AsyncSession,
    *,
    user_id: int,
    kind: str,
    trajectory_id: int | None,
    data: dict[str, Any] | None = None,
    now: datetime,
) -> AwaitedInput:
    """Remember what the person's next answer is for; replaces what was awaited before."""
    row = await session.get(AwaitedInput, user_id)
    if row is None:
        row = AwaitedInput(user_id=user_id, kind=kind, created_at=now)
        session.add(row)
    row.kind, row.trajectory_id, row.data, row.created_at = kind, trajectory_id, data or {}, now
    await session.flush()
    return row


AWAITS_INPUT = exists().where(AwaitedInput.user_id == PERSON)
"""Whether a trajectory waits for this person's answer (a capture, a proposal, a file)."""


async def get_input(session: AsyncSession, *, user_id: int) -> AwaitedInput | None:
    """What the person's next answer is for, if anything."""
    return await session.get(AwaitedInput, user_id)


async def clear_input(session: AsyncSession, *, user_id: int) -> bool:
    """Forget what was awaited (answered or cancelled); True when something was."""
    result = await session.execute(delete(AwaitedInput).where(AwaitedInput.user_id == user_id))
    return bool(getattr(result, "rowcount", 0))


async def save_script(
    session: AsyncSession,
    *,
    cohort_id: int,
    language: str,
    text: str,
    uploaded_by: int | None,
    now: datetime,
) -> None:
    """Store (or replace) a cohort's own script in one language."""
    row = await session.get(CohortScript, (cohort_id, language))
    if row is None:
        row = CohortScript(cohort_id=cohort_id, language=language, text=text)
        session.add(row)
    row.text, row.uploaded_by, row.uploaded_at = text, uploaded_by, now
    await session.flush()


async def get_script(session: AsyncSession, *, cohort_id: int, language: str) -> str | None:
    """A cohort's own script in a language, if it has one."""
    row = await session.get(CohortScript, (cohort_id, language))
    return None if row is None else row.text


async def delete_script(session: AsyncSession, *, cohort_id: int, language: str) -> bool:
    """Go back to the default script; True when there was an own script."""
    result = await session.execute(
        delete(CohortScript).where(
            CohortScript.cohort_id == cohort_id, CohortScript.language == language
        )
    )
    return bool(getattr(result, "rowcount", 0))


async def cohort_progress(session: AsyncSession, *, cohort_id: int) -> list[progress.Item]:
    """Metadata of every trajectory in a cohort, for teachers and coordinators."""
    rows = await session.execute(
        select(TrajectoryRow, Match.status, Match.ended_at, PairState)
        .join(Match, Match.id == TrajectoryRow.match_id)
        .outerjoin(PairState, PairState.match_id == Match.id)
        .where(Match.cohort_id == cohort_id)
        .order_by(Match.id, TrajectoryRow.position)
    )
    return [_progress(*row) for row in rows.all()]


def _progress(
    row: TrajectoryRow, status: str, ended_at: datetime | None, state: PairState | None
) -> progress.Item:
    # Counted straight from the JSON so no captured text ever leaves this function.
    meetings = row.snapshot.get("meetings") or []
    steps = row.snapshot.get("small_steps") or []
    silences = (state.silences if state else None) or {}
    members = {str(row.coach_id), str(row.coachee_id)}
    silent = [int(v.get("count", 0)) for k, v in silences.items() if k in members]
    moments = [row.updated_at, state.updated_at if state else None, ended_at]
    return progress.Item(
        match_id=row.match_id,
        coach_id=row.coach_id,
        coachee_id=row.coachee_id,
        step=row.step,
        match_status=status,
        conversations=sum(1 for meeting in meetings if meeting.get("held")),
        open_steps=sum(1 for step in steps if step.get("status") in ("open", "changed")),
        done_steps=sum(1 for step in steps if step.get("status") == "done"),
        silent_prompts=max(silent, default=0),
        last_activity=max(moment for moment in moments if moment is not None),
        next_meeting=state.next_meeting if state else None,
        ended_at=ended_at,
    )
