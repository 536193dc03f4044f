"""Rooms in storage: snapshots round-trip, one open room per group, closing forgets content."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from flows.room import (
    Outcome,
    Room,
    RoomState,
    contribute,
    create_room,
    end,
    join,
    open_roles,
    volunteer,
)
from flows.room import start as start_room
from flows.room.model import Role
from storage import cohorts, outbox, rooms, timers
from storage.db import Database
from storage.models import Chat, SentMessage, Timer

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
GROUP = -42
TEACHER = 900


def opened(chat_id: int = GROUP) -> Room:
    result = create_room(
        chat_id=chat_id,
        teacher_id=TEACHER,
        teacher_name="Juf Ans",
        protocol_id="incident_method",
        language="nl",
        now=T0,
    )
    assert isinstance(result, Outcome)
    return result.room


def running() -> Room:
    room = opened()
    for user_id, name in ((1, "Ana"), (2, "Bo"), (3, "Cas")):
        room = accepted(join(room, user_id, T0, name))
    room = accepted(open_roles(room, TEACHER, T0))
    room = accepted(volunteer(room, 1, T0, Role.CASE_HOLDER))
    return accepted(start_room(room, TEACHER, T0))


def accepted(result: object) -> Room:
    assert isinstance(result, Outcome), result
    return result.room


async def a_cohort(database: Database) -> int:
    async with database.transaction() as session:
        cohort = await cohorts.create_cohort(session, name="4B", created_by=None, now=T0)
        return cohort.id


async def test_a_room_round_trips_and_is_found_as_the_open_room_of_its_group(
    database: Database,
) -> None:
    cohort_id = await a_cohort(database)
    async with database.transaction() as session:
        row = await rooms.add_room(session, cohort_id=cohort_id, room=running(), now=T0)
        room_id = row.id
    async with database.transaction() as session:
        found = await rooms.open_room_in(session, chat_id=GROUP)
        assert found is not None and found.id == room_id
        room = rooms.snapshot_of(found)
        assert room.state is RoomState.RUNNING and room.case_holder_id == 1
        said = accepted(contribute(room, 1, T0 + timedelta(minutes=1), "Ik kom steeds te laat."))
        await rooms.save_room(session, row=found, room=said, now=T0)
    async with database.transaction() as session:
        again = await rooms.lock_room(session, room_id=room_id)
        assert again is not None and again.version == 2
        assert rooms.snapshot_of(again).contributions[0].text == "Ik kom steeds te laat."
        assert await rooms.open_room_in(session, chat_id=-1) is None


async def test_a_closed_room_keeps_who_and_when_but_not_what_was_said(database: Database) -> None:
    cohort_id = await a_cohort(database)
    room = accepted(contribute(running(), 1, T0, "Mijn geheime verhaal"))
    async with database.transaction() as session:
        row = await rooms.add_room(session, cohort_id=cohort_id, room=room, now=T0)
        await rooms.set_prompt(session, user_id=2, room_id=row.id, step_index=0, now=T0)
        closed = accepted(end(room, TEACHER, T0 + timedelta(minutes=9)))
        await rooms.save_room(session, row=row, room=closed, now=T0 + timedelta(minutes=9))
    async with database.transaction() as session:
        assert await rooms.open_room_in(session, chat_id=GROUP) is None
        (stored,) = await rooms.rooms_in(session, chat_id=GROUP)
        assert stored.state == "closed" and stored.closed_at == T0 + timedelta(minutes=9)
        assert "geheime" not in str(stored.snapshot)
        kept = rooms.snapshot_of(stored)
        assert [m.name for m in kept.members] == ["Ana", "Bo", "Cas"]
        assert len(kept.contributions) == 1
        assert await rooms.pending_prompt(session, user_id=2) is None


async def test_prompts_point_at_the_latest_room_step(database: Database) -> None:
    cohort_id = await a_cohort(database)
    async with database.transaction() as session:
        row = await rooms.add_room(session, cohort_id=cohort_id, room=running(), now=T0)
        await rooms.set_prompt(session, user_id=2, room_id=row.id, step_index=2, now=T0)
        await rooms.set_prompt(session, user_id=2, room_id=row.id, step_index=4, now=T0)
    async with database.transaction() as session:
        prompt = await rooms.pending_prompt(session, user_id=2)
        assert prompt is not None and (prompt.room_id, prompt.step_index) == (row.id, 4)
        await rooms.drop_prompt(session, user_id=2)
    async with database.transaction() as session:
        assert await rooms.pending_prompt(session, user_id=2) is None


async def test_linking_a_group_and_noting_the_bot_was_removed(database: Database) -> None:
    cohort_id = await a_cohort(database)
    async with database.transaction() as session:
        await rooms.remember_chat(session, chat_id=GROUP, title="Klas 4B", now=T0)
        await rooms.mark_bot_removed(session, chat_id=GROUP, now=T0)
    async with database.transaction() as session:
        chat = await rooms.get_chat(session, chat_id=GROUP)
        assert chat is not None and chat.bot_removed_at == T0 and chat.cohort_id is None
        await rooms.link_chat(session, chat_id=GROUP, title=None, cohort_id=cohort_id, now=T0)
    async with database.transaction() as session:
        chat = await rooms.get_chat(session, chat_id=GROUP)
        assert chat is not None
        assert (chat.cohort_id, chat.title, chat.bot_removed_at) == (cohort_id, "Klas 4B", None)


async def test_a_migrated_group_takes_its_room_timers_and_link_along(database: Database) -> None:
    cohort_id = await a_cohort(database)
    new_id = -1000000000042
    async with database.transaction() as session:
        await rooms.link_chat(session, chat_id=GROUP, title="4B", cohort_id=cohort_id, now=T0)
        row = await rooms.add_room(session, cohort_id=cohort_id, room=running(), now=T0)
        await timers.schedule(
            session,
            conversation=f"chat:{GROUP}",
            kind="room",
            due_at=T0 + timedelta(minutes=5),
            payload={"room_id": row.id, "kind": "end"},
            name=rooms.timer_name(row.id, "end"),
        )
        await outbox.remember_message(
            session, name=rooms.status_name(row.id), chat_id=GROUP, message_id=7, now=T0
        )
    moved = []
    for _ in range(2):  # both service messages of a migration arrive; the second moves nothing
        async with database.transaction() as session:
            moved.append(
                await rooms.move_chat(session, old_chat_id=GROUP, new_chat_id=new_id, now=T0)
            )
    assert moved == [[row.id], []]
    async with database.transaction() as session:
        found = await rooms.open_room_in(session, chat_id=new_id)
        assert found is not None and rooms.snapshot_of(found).chat_id == new_id
        timer = (await session.scalars(select(Timer))).one()
        assert timer.conversation == f"chat:{new_id}"
        assert await session.get(SentMessage, rooms.status_name(row.id)) is None
        old, new = await session.get(Chat, GROUP), await session.get(Chat, new_id)
        assert old is not None and old.migrated_to == new_id
        assert new is not None and new.cohort_id == cohort_id


async def test_a_waiting_status_send_is_found_to_be_updated(database: Database) -> None:
    name = rooms.status_name(5)
    async with database.transaction() as session:
        assert await rooms.pending_status_send(session, name=name, chat_id=GROUP) is None
        await outbox.enqueue(
            session,
            chat_id=GROUP,
            method="sendMessage",
            payload={"chat_id": GROUP, "text": "eerst"},
            now=T0,
            remember_as=name,
        )
    async with database.transaction() as session:
        waiting = await rooms.pending_status_send(session, name=name, chat_id=GROUP)
        assert waiting is not None and waiting.payload["text"] == "eerst"
