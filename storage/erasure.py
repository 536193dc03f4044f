"""Erasing one person from every table, inside the caller's transaction.

What the person wrote or what identifies them goes; what their partners need of shared
records stays, without the person's words, with their place taken by FORMER_PARTNER.
Ending running matches and rooms kindly is the caller's part (bot/), before this runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Select, String, cast, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from flows.breakout.erasure import forget_person as breakout_without
from flows.pairing.erasure import forget_person as proposal_without
from flows.room.erasure import forget_person as room_without
from flows.trajectory import Party, Trajectory
from flows.trajectory.erasure import forget_observer, forget_party
from storage import breakouts, consent, dance, dashboard, outbox, pairing, rooms, safety
from storage.breakout_models import BreakoutMember, BreakoutRow
from storage.db import is_postgresql
from storage.models import (
    Button,
    Cohort,
    MatchMember,
    Membership,
    SentMessage,
    Timer,
    User,
)
from storage.pairing_models import DoNotPair, PairingRound, PoolEntry
from storage.room_models import RoomPrompt, RoomRow
from storage.teach_models import PracticeRun, SupervisionAsk
from storage.trajectory_models import AwaitedInput, CohortScript, PairState, TrajectoryRow

# Who stands in a shared record for someone whose data was erased ("a former partner").
FORMER_PARTNER = 0


def mentions(value: Any, user_id: int) -> bool:
    """Whether a JSON value holds this id: as a number, or as a whole number inside a text."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value == user_id
    if isinstance(value, str):
        return re.search(rf"(?<!\d){user_id}(?!\d)", value) is not None
    if isinstance(value, dict):
        return any(mentions(k, user_id) or mentions(v, user_id) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(mentions(item, user_id) for item in value)
    return False


async def _locked(session: AsyncSession, query: Select[Any]) -> list[Any]:
    """Rows as they are now, locked: the partner may be erasing at the same moment."""
    query = query.execution_options(populate_existing=True)
    if is_postgresql(session):
        query = query.with_for_update()
    return list((await session.scalars(query)).all())


def _text_has(column: InstrumentedAttribute[Any], user_id: int) -> Any:
    """A cheap SQL pre-filter on a JSON or text column; `mentions` decides exactly."""
    return cast(column, String).like(f"%{user_id}%")


async def erase_person(session: AsyncSession, *, user_id: int, now: datetime) -> bool:
    """Remove the person everywhere; False when nothing at all was known about them."""
    known = await session.get(User, user_id) is not None
    await dance.forget_person(session, user_id=user_id)  # their dance-check answers
    await _trajectories(session, user_id, now)
    await _pair_states(session, user_id)
    await _pairing(session, user_id, now)
    await _rooms(session, user_id, now)
    await _breakouts(session, user_id, now)
    await safety.forget_person(session, user_id=user_id)  # worry talks and nudges
    await consent.forget_person(session, user_id=user_id)  # age band, a parent's answer
    await _people(session, user_id)
    await _pipeline(session, user_id)
    await dashboard.forget_person(session, user_id=user_id)  # sign-in links and sessions
    return known


async def _trajectories(session: AsyncSession, user_id: int, now: datetime) -> None:
    """The person's words go from every trajectory; one with nobody left goes altogether."""
    rows = await _locked(
        session,
        select(TrajectoryRow).where(
            or_(
                TrajectoryRow.coach_id == user_id,
                TrajectoryRow.coachee_id == user_id,
                TrajectoryRow.observer_id == user_id,
            )
        ),
    )
    for row in rows:
        snapshot = Trajectory.from_dict(row.snapshot)
        if row.coach_id == user_id:
            snapshot, row.coach_id = forget_party(snapshot, Party.COACH), FORMER_PARTNER
        if row.coachee_id == user_id:
            snapshot, row.coachee_id = forget_party(snapshot, Party.COACHEE), FORMER_PARTNER
        if row.observer_id == user_id:
            snapshot, row.observer_id = forget_observer(snapshot), None
        if row.coach_id == row.coachee_id == FORMER_PARTNER:
            await session.delete(row)
            continue
        row.snapshot = snapshot.to_dict()
        row.updated_at = now
    await session.execute(delete(AwaitedInput).where(AwaitedInput.user_id == user_id))


async def _pair_states(session: AsyncSession, user_id: int) -> None:
    """Shared pair state keeps no trace of the person (their silences, their click answer)."""
    match_ids = select(MatchMember.match_id).where(MatchMember.user_id == user_id)
    states = await _locked(session, select(PairState).where(PairState.match_id.in_(match_ids)))
    for state in states:
        if state.silences and str(user_id) in state.silences:
            state.silences = {k: v for k, v in state.silences.items() if k != str(user_id)}
        if state.click is not None and mentions(state.click, user_id):
            state.click = None
    await session.execute(delete(MatchMember).where(MatchMember.user_id == user_id))


async def _pairing(session: AsyncSession, user_id: int, now: datetime) -> None:
    """Pool profile and private wishes go; rounds keep the others' places without the person."""
    await session.execute(delete(PoolEntry).where(PoolEntry.user_id == user_id))
    await session.execute(
        delete(DoNotPair).where(or_(DoNotPair.user_id == user_id, DoNotPair.other_id == user_id))
    )
    rounds = await _locked(
        session,
        select(PairingRound).where(
            or_(
                PairingRound.created_by == user_id,
                _text_has(PairingRound.proposal, user_id),
                _text_has(PairingRound.locks, user_id),
                _text_has(PairingRound.people, user_id),
                _text_has(PairingRound.others, user_id),
            )
        ),
    )
    for row in rounds:
        if row.created_by == user_id:
            row.created_by = None
        proposal = pairing.proposal_from_json(row.proposal)
        row.proposal = pairing.proposal_to_json(proposal_without(proposal, user_id))
        row.locks = [[p for p in lock if p != user_id] for lock in row.locks]
        row.people = [p for p in row.people if p != user_id]
        row.others = [p for p in row.others if p != user_id]
        row.version += 1  # an open preview's buttons now belong to an older version
        row.updated_at = now


async def _rooms(session: AsyncSession, user_id: int, now: datetime) -> None:
    """Rooms keep the others' part; the caller already let the person leave open rooms."""
    found = await _locked(
        session,
        select(RoomRow).where(
            or_(RoomRow.teacher_id == user_id, _text_has(RoomRow.snapshot, user_id))
        ),
    )
    for row in found:
        if row.teacher_id != user_id and not mentions(row.snapshot, user_id):
            continue
        room = room_without(rooms.snapshot_of(row), user_id)
        await rooms.save_room(session, row=row, room=room, now=now)
        if row.teacher_id == user_id:
            row.teacher_id = FORMER_PARTNER
    await session.execute(delete(RoomPrompt).where(RoomPrompt.user_id == user_id))


async def _breakouts(session: AsyncSession, user_id: int, now: datetime) -> None:
    """Breakouts keep the others' part, as rooms do; the person is routed nowhere any more."""
    found = await _locked(
        session,
        select(BreakoutRow).where(
            or_(BreakoutRow.teacher_id == user_id, _text_has(BreakoutRow.snapshot, user_id))
        ),
    )
    for row in found:
        if row.teacher_id != user_id and not mentions(row.snapshot, user_id):
            continue
        breakout = breakout_without(breakouts.snapshot_of(row), user_id)
        await breakouts.save_breakout(session, row=row, breakout=breakout, now=now)
        if row.teacher_id == user_id:
            row.teacher_id = FORMER_PARTNER
    await session.execute(delete(BreakoutMember).where(BreakoutMember.user_id == user_id))


async def _people(session: AsyncSession, user_id: int) -> None:
    """Memberships and the person go; cohorts and scripts they made stay, without their name."""
    await session.execute(delete(Membership).where(Membership.user_id == user_id))
    await session.execute(delete(SupervisionAsk).where(SupervisionAsk.user_id == user_id))
    await session.execute(delete(PracticeRun).where(PracticeRun.user_id == user_id))
    await session.execute(
        update(Cohort).where(Cohort.created_by == user_id).values(created_by=None)
    )
    await session.execute(
        update(CohortScript).where(CohortScript.uploaded_by == user_id).values(uploaded_by=None)
    )
    await session.execute(delete(User).where(User.id == user_id))


async def _pipeline(session: AsyncSession, user_id: int) -> None:
    """Timers, buttons, remembered messages and the outbox of the person's chat."""
    timers = await session.scalars(
        select(Timer).where(
            or_(
                Timer.conversation == f"user:{user_id}",
                _text_has(Timer.name, user_id),
                _text_has(Timer.payload, user_id),
            )
        )
    )
    await _delete_mentioning(session, timers.all(), user_id, ("conversation", "name", "payload"))
    buttons = await session.scalars(
        select(Button).where(
            or_(
                Button.user_id == user_id,
                Button.chat_id == user_id,
                _text_has(Button.args, user_id),
            )
        )
    )
    await _delete_mentioning(session, buttons.all(), user_id, ("user_id", "chat_id", "args"))
    await session.execute(
        delete(SentMessage).where(
            or_(SentMessage.chat_id == user_id, _text_has(SentMessage.name, user_id))
        )
    )
    # Inbox rows hold no content once processed; one still pending (a second tap) is processed
    # after this transaction like any update (so its button is answered) and erased then.
    await outbox.forget_chat(session, chat_id=user_id)


async def _delete_mentioning(
    session: AsyncSession, rows: Iterable[Any], user_id: int, fields: tuple[str, ...]
) -> None:
    for row in rows:
        if any(mentions(getattr(row, name), user_id) for name in fields):
            await session.delete(row)
