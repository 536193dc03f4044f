"""Breakouts in storage: routing while running, no texts once closed, following a migration."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from flows.breakout import (
    Breakout,
    Outcome,
    create_breakout,
    end_all,
    in_group,
    join_breakout,
    start_breakout,
)
from flows.pairing.model import Candidate, PairingHistory, PairingRules, Wants
from flows.pairing.scoring import PairingContext
from flows.room import contribute
from storage import breakouts, cohorts, outbox, timers
from storage.breakout_models import BreakoutMember
from storage.db import Database
from storage.models import SentMessage, Timer

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
GROUP = -42
TEACHER = 900
CLASS = list(range(1, 7))


def running() -> Breakout:
    created = create_breakout(
        chat_id=GROUP,
        teacher_id=TEACHER,
        teacher_name="Juf Ans",
        protocol_id="incident_method",
        language="nl",
        group_size=3,
        seed=1,
        now=T0,
    )
    assert isinstance(created, Outcome)
    breakout = created.breakout
    for person in CLASS:
        joined = join_breakout(breakout, person, f"P{person}", T0)
        assert isinstance(joined, Outcome)
        breakout = joined.breakout
    context = PairingContext.build(
        [Candidate(p, Wants.BOTH) for p in CLASS], PairingRules(), PairingHistory(), frozenset(), 1
    )
    started = start_breakout(breakout, TEACHER, T0, context)
    assert isinstance(started, Outcome)
    holder = started.breakout.groups[0].member_ids[0]
    said = in_group(
        started.breakout, holder, T0, lambda room: contribute(room, holder, T0, "Geheim verhaal")
    )
    assert isinstance(said, Outcome)
    return said.breakout


async def a_cohort(database: Database) -> int:
    async with database.transaction() as session:
        cohort = await cohorts.create_cohort(session, name="4B", created_by=None, now=T0)
        return cohort.id


async def routed(database: Database) -> int:
    async with database.sessions() as session:
        count = await session.scalar(select(func.count()).select_from(BreakoutMember))
    return int(count or 0)


async def test_members_are_routed_while_running_and_texts_go_when_groups_close(
    database: Database,
) -> None:
    cohort_id = await a_cohort(database)
    breakout = running()
    async with database.transaction() as session:
        row = await breakouts.add_breakout(session, cohort_id=cohort_id, breakout=breakout, now=T0)
        await breakouts.save_breakout(session, row=row, breakout=breakout, now=T0)
    assert await routed(database) == 6
    async with database.transaction() as session:
        found = await breakouts.breakout_of(session, user_id=CLASS[0])
        assert found is not None and found.id == row.id
        assert "Geheim verhaal" in str(found.snapshot)
        ended = end_all(breakouts.snapshot_of(found), TEACHER, T0 + timedelta(minutes=3))
        assert isinstance(ended, Outcome)
        await breakouts.save_breakout(session, row=found, breakout=ended.breakout, now=T0)
    assert await routed(database) == 0
    async with database.sessions() as session:
        kept = await breakouts.lock_breakout(session, breakout_id=row.id)
        assert kept is not None and "Geheim verhaal" not in str(kept.snapshot)


async def test_a_migrated_class_group_takes_its_breakout_timers_and_card_along(
    database: Database,
) -> None:
    cohort_id = await a_cohort(database)
    new_id = -1000000000042
    async with database.transaction() as session:
        row = await breakouts.add_breakout(session, cohort_id=cohort_id, breakout=running(), now=T0)
        await timers.schedule(
            session,
            conversation=f"chat:{GROUP}",
            kind="breakout",
            due_at=T0 + timedelta(minutes=5),
            payload={"breakout_id": row.id, "kind": "end"},
            name=breakouts.timer_name(row.id, "end"),
        )
        await outbox.remember_message(
            session, name=breakouts.card_name(row.id), chat_id=GROUP, message_id=7, now=T0
        )
    moved = []
    for _ in range(2):  # both service messages of a migration arrive; the second moves nothing
        async with database.transaction() as session:
            moved.append(await breakouts.move_chat(session, old_chat_id=GROUP, new_chat_id=new_id))
    assert moved == [[row.id], []]
    async with database.transaction() as session:
        found = await breakouts.open_breakout_in(session, chat_id=new_id)
        assert found is not None
        breakout = breakouts.snapshot_of(found)
        assert breakout.chat_id == new_id
        assert {g.room.chat_id for g in breakout.groups} == {new_id}
        timer = (await session.scalars(select(Timer))).one()
        assert timer.conversation == f"chat:{new_id}"
        assert await session.get(SentMessage, breakouts.card_name(row.id)) is None
