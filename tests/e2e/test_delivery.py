"""Delivery against Telegram's limits and faults: 429, 5xx, 403, group migration, long texts."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import select
from tgemulator import ScriptedUser

from bot.runtime.pacer import PaceLimits
from bot.runtime.turn import Turn
from flows.onboarding import Role
from storage import outbox
from storage.models import OutboxMessage, User, utcnow
from tests.e2e.support.world import World, eventually, running_world


async def send(world: World, chat_id: int, text: str) -> None:
    """Queue a message the way every handler does, through a turn and the outbox."""
    async with world.app.services.db.transaction() as session:
        turn = Turn(world.app.services, session, utcnow(), chat_id=chat_id)
        await turn.send_text(text)
    world.app.delivery.wake()


async def test_a_reply_the_poll_read_while_it_went_out_is_sent_once(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The poll reads a reply as pending; the turn hands it over, it is sent and recorded;
    only then does the poll's read come back. The reply must not go out a second time."""
    if database_url.startswith("postgresql"):
        pytest.skip("on PostgreSQL the poll claims under a lock the handover waits for")
    read_before_the_send, sent_and_recorded = asyncio.Event(), asyncio.Event()
    real_due = outbox.claim_due

    async def slow_due(session: Any, *, owner: str, now: Any, limit: int, exclude: Any = ()) -> Any:
        rows = await real_due(session, owner=owner, now=now, limit=limit)
        if rows and not read_before_the_send.is_set():
            read_before_the_send.set()
            await sent_and_recorded.wait()
        return [row for row in rows if row.id not in exclude]

    async with running_world(database_url) as world:
        ada = world.person("Ada")
        async with world.app.services.db.transaction() as session:
            await Turn(world.app.services, session, utcnow(), chat_id=ada.chat_id).send_text("één")
            handed = await world.app.delivery.claim(session)
        monkeypatch.setattr(outbox, "claim_due", slow_due)
        world.app.delivery.wake()
        await read_before_the_send.wait()
        world.app.delivery.accept(handed)
        await ada.expect("één")

        async def recorded() -> bool:
            async with world.app.services.db.sessions() as session:
                row = (await session.scalars(select(OutboxMessage))).one()
                return row.status == "sent"

        await eventually(recorded)
        sent_and_recorded.set()
        await ada.expect_silence(1.5)


async def test_flood_wait_holds_only_that_chat(database_url: str) -> None:
    async with running_world(database_url, limits=PaceLimits.telegram()) as world:
        slow, quick = world.person("Slow"), world.person("Quick")
        world.emulator.inject_fault("sendMessage", slow.chat_id, "flood", retry_after=3)
        await send(world, slow.chat_id, "eerste bericht")
        await send(world, quick.chat_id, "snel bericht")
        await quick.expect("snel bericht")
        held_back = world.emulator.bot_message_count(slow.chat_id)
        await slow.expect("eerste bericht", timeout=8)
        assert held_back == 0  # the other chat did not wait for the flood wait to end


async def test_server_errors_are_retried_until_delivered(database_url: str) -> None:
    async with running_world(database_url) as world:
        ada = world.person("Ada")
        world.emulator.inject_fault("sendMessage", ada.chat_id, "server_error", count=2)
        await send(world, ada.chat_id, "komt toch aan")
        await ada.expect("komt toch aan", timeout=8)

        async def sent_after_two_failures() -> bool:
            async with world.app.services.db.sessions() as session:
                row = (await session.scalars(select(OutboxMessage))).one()
                return (row.status, row.attempts) == ("sent", 2)

        await eventually(sent_after_two_failures)


async def test_a_blocked_bot_marks_the_person_unreachable(database_url: str) -> None:
    async with running_world(database_url) as world:
        codes = await world.cohort()
        bo = world.person("Bo")
        await world.join(bo, codes[Role.STUDENT])
        world.emulator.block_bot(bo.user)
        await send(world, bo.chat_id, "hallo?")
        await send(world, bo.chat_id, "nog eens")
        await eventually(lambda: unreachable_and_settled(world, bo.user.id))
        await bo.expect_silence(0.3)


async def unreachable_and_settled(world: World, user_id: int) -> bool:
    """Whether the person is marked unreachable and nothing is left pending for them."""
    async with world.app.services.db.sessions() as session:
        user = await session.get(User, user_id)
        statuses = (await session.scalars(select(OutboxMessage.status))).all()
    return bool(user and user.unreachable_at) and "pending" not in statuses


async def test_group_migration_is_followed(database_url: str) -> None:
    async with running_world(database_url) as world:
        ann = world.person("Ann")
        group = world.emulator.add_group("Klas 4B", [ann.user])
        world.emulator.add_bot_to_group(group, ann.user)
        in_group = ScriptedUser(world.emulator, ann.user, group)
        await in_group.expect("PeerCoach")  # the welcome leaves before the group moves
        new_id = world.emulator.migrate_group(group)
        await send(world, group.id, "voor de klas")
        moved = ScriptedUser(world.emulator, ann.user, world.emulator.chat(new_id))
        await moved.expect("voor de klas", timeout=5)
        await in_group.expect_silence(0.2)


async def test_long_texts_are_split_on_paragraphs(database_url: str) -> None:
    async with running_world(database_url) as world:
        lou = world.person("Lou")
        paragraphs = [f"Alinea {n}: " + "woord " * 300 for n in range(1, 8)]
        await send(world, lou.chat_id, "\n\n".join(paragraphs))
        # Two paragraphs of about 1,800 characters fit in one message of at most 4,096.
        received = [await lou.expect() for _ in range(4)]
        await lou.expect_silence(0.2)
        assert all(len(m.text or "") <= 4096 for m in received)
        joined = "\n\n".join(m.text or "" for m in received)
        assert [p.strip() for p in joined.split("\n\n")] == [p.strip() for p in paragraphs]
        assert received[1].text and received[1].text.startswith("Alinea")
