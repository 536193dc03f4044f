"""Erasure at awkward moments: twice, in a conversation, by a coordinator, by both partners,
and on paper (the command line) for someone who no longer talks to the bot."""

from __future__ import annotations

import asyncio
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.handlers.privacy.erase import erase_person
from bot.handlers.privacy.export import JSON_NAME
from bot.handlers.privacy.requests import RequestError, erase_on_request, export_on_request
from bot.runtime.turn import Turn
from storage import cohorts
from storage.models import Cohort, Match, OutboxMessage
from storage.room_models import RoomRow
from storage.trajectory_models import TrajectoryRow
from tests.e2e.support.conversation import press_when_shown, read_until
from tests.e2e.support.privacy import (
    Traces,
    a_progress_round,
    a_school,
    erase_in_telegram,
    fill_trajectories,
    paired,
    scan,
    settled,
)
from tests.e2e.support.world import World

ZOE = [f"Zoe's own words number {n}" for n in range(7)]
QUINN = [f"Quinn's own words number {n}" for n in range(7)]


async def test_erasing_in_the_middle_of_a_conversation_ends_it_kindly(world: World) -> None:
    school = await a_school(world, ["Zoezephyra", "Quinnbert"], usernames={})
    zoe, quinn = school.students["Zoezephyra"], school.students["Quinnbert"]
    await paired(world, school, ["Zoezephyra", "Quinnbert"])
    await press_when_shown(zoe, "▶️ Start our conversation")
    await press_when_shown(zoe, "I coach Quinnbert")
    await press_when_shown(zoe, "💬 Here in the chat")
    await read_until(quinn, "Your conversation has started!")
    await zoe.send("Zoe asks how the week went")
    await read_until(quinn, "Zoe asks how the week went")

    await erase_in_telegram(zoe)
    await read_until(quinn, "Your coaching partner has stopped using PeerCoach")
    repair = await read_until(school.coordinator, "New partner needed")
    assert "Quinnbert" in (repair.text or "") and "Zoezephyra" not in (repair.text or "")
    await quinn.send("Are you still there?")  # no longer relayed to anyone
    await settled(world)
    traces = Traces(zoe.user.id, ["Zoezephyra"], ["Zoe asks how the week went"])
    assert await scan(world, traces) == []


async def test_erasing_twice_finds_nothing_the_second_time(world: World) -> None:
    school = await a_school(world, ["Zoezephyra"], usernames={})
    zoe = school.students["Zoezephyra"]
    await zoe.send("/privacy")
    await press_when_shown(zoe, "🗑 Erase my data")
    question = await read_until(zoe, "Are you sure?")
    await press_when_shown(zoe, "Yes, erase it all")
    # A second tap before the first is handled: it finds the button (and Zoe) gone.
    world.emulator.press_button(
        zoe.user, question.message_id, chat=zoe.chat, label="Yes, erase it all"
    )
    await read_until(zoe, "has been erased")
    await zoe.expect_callback_answer()  # the first tap
    await zoe.expect_callback_answer()  # the second: answered too, it changes nothing
    with pytest.raises(RequestError, match="knows nothing about Telegram id"):
        await erase_on_request(world.settings, zoe.user.id, confirmed=True)
    await settled(world)
    # The second tap came after the erasure, like a new contact: all that stays is the fact
    # that it was answered (calls without their text), until finished calls are purged.
    left = await scan(world, Traces(zoe.user.id, ["Zoezephyra"]))
    assert set(left) == {f"outbox.chat_id: '{zoe.user.id}'"}
    async with world.app.services.db.sessions() as session:
        rows = await session.scalars(
            select(OutboxMessage).where(OutboxMessage.chat_id == zoe.user.id)
        )
        assert {(row.status, json.dumps(row.payload)) for row in rows.all()} == {("sent", "{}")}


async def test_a_coordinator_erases_and_their_cohort_stays_without_their_name(
    world: World,
) -> None:
    school = await a_school(world, ["Zoezephyra"], usernames={"Ilse": "ilse_coord"})
    await erase_in_telegram(school.coordinator)
    await settled(world)
    assert await scan(world, Traces(school.coordinator.user.id, ["ilse_coord"])) == []
    async with world.app.services.db.sessions() as session:
        cohort = await session.get(Cohort, school.cohort_id)
        assert cohort is not None and cohort.name == "5B Coaching" and cohort.created_by is None
        zoe = school.students["Zoezephyra"].user.id
        assert [m.cohort_name for m in await cohorts.memberships_of(session, user_id=zoe)] == [
            "5B Coaching"
        ]


async def test_when_both_partners_erase_nothing_of_their_trajectories_is_left(
    world: World,
) -> None:
    school = await a_school(world, ["Zoezephyra", "Quinnbert"], usernames={})
    zoe, quinn = school.students["Zoezephyra"], school.students["Quinnbert"]
    match_id = await paired(world, school, ["Zoezephyra", "Quinnbert"])
    await fill_trajectories(world, match_id, {zoe.user.id: ZOE, quinn.user.id: QUINN})
    await erase_in_telegram(zoe)
    await read_until(quinn, "Your coaching partner has stopped using PeerCoach")
    # Quinn asks in writing: the command line needs no chat with the bot.
    await erase_on_request(world.settings, quinn.user.id, confirmed=True)
    await settled(world)
    assert await scan(world, Traces(zoe.user.id, ["Zoezephyra"], ZOE)) == []
    assert await scan(world, Traces(quinn.user.id, ["Quinnbert"], QUINN)) == []
    async with world.app.services.db.sessions() as session:
        rows = await session.scalars(
            select(TrajectoryRow).where(TrajectoryRow.match_id == match_id)
        )
        assert rows.all() == []
        match = await session.get(Match, match_id)
        assert match is not None and match.status == "dissolved"


async def test_a_teacher_who_erases_mid_session_ends_it_and_leaves_no_name(world: World) -> None:
    school = await a_school(world, ["Zoezephyra", "Quinnbert"], usernames={"Mila": "mila_t"})
    people = {
        "Zoe": school.students["Zoezephyra"],
        "Quinn": school.students["Quinnbert"],
        "teacher": school.teacher,
    }
    group = await a_progress_round(world, people)
    await erase_in_telegram(school.teacher)
    await read_until(group, "closed the session")
    await settled(world)
    assert await scan(world, Traces(school.teacher.user.id, ["Mila", "mila_t"])) == []
    async with world.app.services.db.sessions() as session:
        room = await session.scalar(select(RoomRow))
        assert room is not None and (room.state, room.teacher_id) == ("closed", 0)
        # The students' part stays: who took part, without what was said (the room closed).
        assert [m["name"] for m in room.snapshot["members"]] == ["Zoezephyra", "Quinnbert"]


async def test_partners_erasing_at_the_same_moment_leave_nothing_behind(world: World) -> None:
    school = await a_school(world, ["Zoezephyra", "Quinnbert"], usernames={})
    zoe, quinn = school.students["Zoezephyra"], school.students["Quinnbert"]
    match_id = await paired(world, school, ["Zoezephyra", "Quinnbert"])
    await fill_trajectories(world, match_id, {zoe.user.id: ZOE, quinn.user.id: QUINN})
    await asyncio.gather(_erase(world, zoe.user.id), _erase(world, quinn.user.id))
    world.app.delivery.wake()
    await settled(world)
    assert await scan(world, Traces(zoe.user.id, ["Zoezephyra"], ZOE)) == []
    assert await scan(world, Traces(quinn.user.id, ["Quinnbert"], QUINN)) == []
    async with world.app.services.db.sessions() as session:
        left = await session.scalars(
            select(TrajectoryRow).where(TrajectoryRow.match_id == match_id)
        )
        assert left.all() == []


async def _erase(world: World, user_id: int) -> None:
    """An erasure as the bot runs one: in its own transaction, under the person's lock."""
    db = world.app.services.db
    async with db.transaction() as session:
        await db.lock_conversation(session, f"user:{user_id}")
        now = world.app.services.clock.now()
        await erase_person(Turn(world.app.services, session, now, chat_id=user_id), user_id)


async def test_a_student_who_blocked_the_bot_is_exported_and_erased_on_paper(
    world: World, tmp_path: Path
) -> None:
    school = await a_school(world, ["Zoezephyra", "Quinnbert"], usernames={})
    zoe, quinn = school.students["Zoezephyra"], school.students["Quinnbert"]
    match_id = await paired(world, school, ["Zoezephyra", "Quinnbert"])
    await fill_trajectories(world, match_id, {zoe.user.id: ZOE, quinn.user.id: QUINN})
    world.emulator.block_bot(zoe.user)
    await read_until(quinn, "can't reach Zoezephyra anymore")  # the match ended already
    await settled(world)

    out = tmp_path / "zoe.zip"
    await export_on_request(world.settings, zoe.user.id, str(out))
    with zipfile.ZipFile(out) as archive:
        document = json.loads(archive.read(JSON_NAME))
    assert document["person"]["first_name"] == "Zoezephyra"
    assert [text for text in ZOE if text not in json.dumps(document)] == []

    await erase_on_request(world.settings, zoe.user.id, confirmed=True)
    await settled(world)
    assert await scan(world, Traces(zoe.user.id, ["Zoezephyra"], ZOE)) == []
