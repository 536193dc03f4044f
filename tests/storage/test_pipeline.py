"""The durable pipeline tables on SQLite and PostgreSQL: inbox, outbox, timers, buttons."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, select

from storage import buttons, inbox, outbox, people, timers
from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import Button, OutboxMessage, Timer, utcnow
from storage.sqlite_inline import InlineConnection


def update(update_id: int, text: str = "hoi") -> dict[str, object]:
    return {
        "update_id": update_id,
        "message": {"message_id": 1, "text": text, "chat": {"id": 5, "type": "private"}},
    }


def by_chat(update: dict[str, object]) -> str:
    return "user:5"


async def test_inbox_an_update_waits_for_an_earlier_one_of_its_conversation(
    database: Database,
) -> None:
    now = utcnow()
    async with database.transaction() as session:
        await inbox.store_updates(session, updates=[update(1), update(2)], conversation=by_chat)
        await inbox.store_updates(
            session, updates=[update(3)], conversation=lambda _update: "user:6"
        )
    async with database.sessions() as session:  # closed without a commit: nothing claimed
        claim = await inbox.claim(session, conversations={2: "user:5", 3: "user:6"}, now=now)
        assert claim == inbox.Claim({2, 3}, waiting={"user:5"})  # 1 comes first
    async with database.transaction() as session:
        assert await inbox.claim(session, conversations={1: "user:5"}, now=now) == inbox.Claim(
            {1}, waiting=set()
        )
    async with database.transaction() as session:
        claim = await inbox.claim(session, conversations={2: "user:5", 3: "user:6"}, now=now)
        assert claim == inbox.Claim({2, 3}, waiting=set())


async def test_inbox_claims_many_at_once_and_each_once(database: Database) -> None:
    now = utcnow()
    async with database.transaction() as session:
        await inbox.store_updates(
            session, updates=[update(1), update(2), update(3)], conversation=by_chat
        )
    async with database.transaction() as session:
        batch = {1: "user:5", 3: "user:5", 9: "user:5"}
        claim = await inbox.claim(session, conversations=batch, now=now)
        # Claimed in this batch, 1 does not hold 3 back; 2, left out of it, does.
        assert claim == inbox.Claim({1, 3}, waiting={"user:5"})
    async with database.transaction() as session:
        batch = {1: "user:5", 2: "user:5", 3: "user:5"}
        claim = await inbox.claim(session, conversations=batch, now=now)
        assert claim == inbox.Claim({2}, waiting=set())
        assert [uid for uid, _ in await inbox.pending(session, limit=10)] == []


async def test_inbox_ignores_duplicates_and_erases_content(database: Database) -> None:
    async with database.transaction() as session:
        await inbox.store_updates(session, updates=[update(1), update(2)], conversation=by_chat)
    async with database.transaction() as session:
        await inbox.store_updates(
            session, updates=[update(2, "dubbel"), update(3)], conversation=by_chat
        )
    async with database.transaction() as session:
        pending = await inbox.pending(session, limit=10)
        assert [uid for uid, _ in pending] == [1, 2, 3]
        assert pending[1][1]["message"]["text"] == "hoi"  # the first copy wins
        claim = await inbox.claim(session, conversations={1: "user:5"}, now=utcnow())
        assert claim.update_ids == {1}
    async with database.transaction() as session:
        claim = await inbox.claim(session, conversations={1: "user:5"}, now=utcnow())
        assert claim.update_ids == set()
        assert [uid for uid, _ in await inbox.pending(session, limit=10, exclude={2})] == [3]
        assert await inbox.highest_update_id(session) == 3


async def test_inbox_gives_up_after_three_failures(database: Database) -> None:
    async with database.transaction() as session:
        await inbox.store_updates(session, updates=[update(7)], conversation=by_chat)
    for attempt in range(3):
        async with database.transaction() as session:
            gave_up = await inbox.record_failure(session, update_id=7, error="boom", now=utcnow())
        assert gave_up is (attempt == 2)
    async with database.sessions() as session:
        assert await inbox.pending(session, limit=10) == []


async def test_outbox_orders_interactive_first_and_holds_a_chat(database: Database) -> None:
    now = utcnow()
    async with database.transaction() as session:
        await outbox.enqueue(
            session,
            chat_id=1,
            method="sendMessage",
            payload={"text": "bulk"},
            now=now,
            priority=outbox.BULK,
        )
        await outbox.enqueue(
            session, chat_id=2, method="sendMessage", payload={"text": "reply"}, now=now
        )
        await outbox.enqueue(
            session, chat_id=1, method="sendMessage", payload={"text": "later"}, now=now
        )
    async with database.transaction() as session:
        due = await outbox.claim_due(session, owner="me", now=now, limit=10)
        assert [d.payload["text"] for d in due] == ["reply", "later", "bulk"]
        await outbox.hold_chat(session, chat_id=1, until=now + timedelta(seconds=30))
    async with database.transaction() as session:
        assert [
            d.chat_id for d in await outbox.claim_due(session, owner="me", now=now, limit=10)
        ] == [2]
        assert await outbox.next_due_at(session, after=now) == now + timedelta(seconds=30)


async def test_outbox_follows_a_migrated_group_and_remembers_messages(database: Database) -> None:
    now = utcnow()
    async with database.transaction() as session:
        await outbox.enqueue(
            session,
            chat_id=-5,
            method="sendMessage",
            payload={"chat_id": -5, "text": "x"},
            now=now,
            remember_as="status",
        )
    async with database.transaction() as session:
        await outbox.move_chat(session, old_chat_id=-5, new_chat_id=-1005)
    async with database.transaction() as session:
        (delivery,) = await outbox.claim_due(session, owner="me", now=now, limit=10)
        assert (delivery.chat_id, delivery.payload["chat_id"]) == (-1005, -1005)
        sent = [outbox.Sent(delivery, 77)]
        await outbox.mark_sent(session, sent=sent, now=now)
        await outbox.remember_sent(session, sent=sent, now=now)
    async with database.sessions() as session:
        remembered = await outbox.remembered_message(session, name="status")
        assert remembered is not None and (remembered.chat_id, remembered.message_id) == (-1005, 77)
        assert await outbox.claim_due(session, owner="me", now=now, limit=10) == []


async def test_named_timers_replace_and_fire_once(database: Database) -> None:
    now = utcnow()
    async with database.transaction() as session:
        await timers.schedule(
            session,
            conversation="room:1",
            kind="end",
            name="room:1:end",
            due_at=now + timedelta(minutes=5),
        )
        await timers.schedule(
            session,
            conversation="room:1",
            kind="end",
            name="room:1:end",
            due_at=now + timedelta(minutes=1),
        )
        await timers.schedule(
            session, conversation="user:2", kind="other", due_at=now - timedelta(seconds=1)
        )
    later = now + timedelta(minutes=2)
    async with database.transaction() as session:
        (due,) = await timers.due(session, now=later, kinds={"end"}, limit=10)
        assert due.due_at == now + timedelta(minutes=1)
        assert await timers.claim(session, timer=due)
        await timers.mark_fired(session, timer=due, now=later)
    async with database.transaction() as session:
        assert await timers.due(session, now=later, kinds={"end"}, limit=10) == []
        await timers.cancel_conversation(session, conversation="user:2")
        assert await timers.due(session, now=later, kinds={"other"}, limit=10) == []


async def test_a_timer_rescheduled_while_firing_is_kept(database: Database) -> None:
    now = utcnow()
    async with database.transaction() as session:
        await timers.schedule(
            session, conversation="room:1", kind="end", name="room:1:end", due_at=now
        )
    async with database.transaction() as session:
        (firing,) = await timers.due(session, now=now, kinds={"end"}, limit=10)
        assert await timers.claim(session, timer=firing)
        # The handler moves its own successor to a later time under the same name.
        await timers.schedule(
            session,
            conversation="room:1",
            kind="end",
            name="room:1:end",
            due_at=now + timedelta(minutes=3),
        )
        await timers.mark_fired(session, timer=firing, now=now)
    async with database.transaction() as session:
        (kept,) = await timers.due(session, now=now + timedelta(minutes=3), kinds={"end"}, limit=10)
        assert kept.due_at == now + timedelta(minutes=3)
        stale = timers.DueTimer(kept.id, kept.conversation, kept.kind, kept.payload, now)
        assert not await timers.claim(session, timer=stale)  # picked before it was moved


async def test_buttons_resolve_only_real_tokens(database: Database) -> None:
    async with database.transaction() as session:
        token = await buttons.create(
            session, chat_id=5, user_id=5, action="lang", args={"lang": "en"}, now=utcnow()
        )
    assert len(token.encode()) <= 64
    async with database.sessions() as session:
        button = await buttons.resolve(session, token=token)
        assert button is not None and button.args == {"lang": "en"}
        assert await buttons.resolve(session, token="forged") is None
        assert await buttons.resolve(session, token="x" * 64) is None


async def test_outbox_claims_keep_a_chat_in_order_and_come_back_after_the_lease(
    database: Database,
) -> None:
    if database.is_sqlite:
        pytest.skip("SQLite serves one process, which reads rows without claiming them")
    now = utcnow()
    async with database.transaction() as session:
        for text in ("een", "twee"):
            await outbox.enqueue(
                session, chat_id=1, method="sendMessage", payload={"text": text}, now=now
            )
    async with database.transaction() as session:
        first = await outbox.claim_due(session, owner="a", now=now, limit=1)
        assert [d.payload["text"] for d in first] == ["een"]
    async with database.transaction() as session:
        # "twee" waits while another live process sends "een".
        assert await outbox.claim_due(session, owner="b", now=now, limit=10) == []
        await outbox.enqueue(
            session, chat_id=1, method="sendMessage", payload={"text": "drie"}, now=now
        )
        await outbox.enqueue(
            session, chat_id=2, method="sendMessage", payload={"text": "elders"}, now=now
        )
        # A turn's new row waits for the earlier ones nobody holds yet; another chat's goes.
        written = await outbox.write_queued(session, owner="b")
        assert [d.payload["text"] for d in written.mine] == ["elders"]
    async with database.transaction() as session:
        mine = await outbox.claim_due(session, owner="a", now=now, limit=10)
        assert [d.payload["text"] for d in mine] == ["een", "twee", "drie"]
    later = now + outbox.LEASE + timedelta(seconds=1)
    async with database.transaction() as session:
        # "a" stopped renewing (it died): "b" takes over every row of the chat, in order.
        taken = await outbox.claim_due(session, owner="b", now=later, limit=10)
        assert [d.payload["text"] for d in taken] == ["een", "twee", "drie", "elders"]
    async with database.transaction() as session:
        await outbox.renew_claims(session, owner="b", now=later)
        assert await outbox.claim_due(session, owner="a", now=later, limit=10) == []


async def test_a_turn_claims_its_new_rows_in_its_own_transaction_behind_earlier_ones(
    database: Database,
) -> None:
    if database.is_sqlite:
        pytest.skip("SQLite serves one process, which reads rows without claiming them")
    now = utcnow()

    async def turn_queues(owner: str, at: datetime, chats: tuple[int, int]) -> list[str]:
        """A turn queues a reply to two chats and claims them before it commits."""
        async with database.transaction() as session:
            for chat in chats:
                payload = {"text": f"{owner} {chat}"}
                await outbox.enqueue(
                    session, chat_id=chat, method="sendMessage", payload=payload, now=at
                )
            written = await outbox.write_queued(session, owner=owner)
        return [d.payload["text"] for d in written.mine]

    async with database.transaction() as session:
        await outbox.enqueue(session, chat_id=1, method="sendMessage", payload={}, now=now)
    async with database.transaction() as session:
        assert len(await outbox.claim_due(session, owner="a", now=now, limit=10)) == 1
    # "a" holds chat 1's earlier row: its own new row may follow it; "b"'s must wait.
    assert await turn_queues("a", now, (1, 2)) == ["a 1", "a 2"]
    assert await turn_queues("b", now, (1, 3)) == ["b 3"]
    # Once "a"'s lease lapsed another process may take its rows: "a" waits for the poll too.
    lapsed = now + outbox.LEASE + timedelta(seconds=1)
    assert await turn_queues("a", lapsed, (1, 4)) == ["a 4"]


async def test_calls_are_written_when_their_transaction_commits_and_never_after_a_rollback(
    database: Database,
) -> None:
    now = utcnow()
    async with database.sessions() as session:
        await session.execute(select(OutboxMessage.id))  # a transaction under way
        await outbox.enqueue(session, chat_id=3, method="sendMessage", payload={}, now=now)
        await session.rollback()
        await outbox.enqueue(session, chat_id=4, method="sendMessage", payload={}, now=now)
        await session.commit()  # the same session goes on: only the second call is made
    async with database.sessions() as session:
        assert (await session.scalars(select(OutboxMessage.chat_id))).all() == [4]


async def test_a_call_out_when_its_person_is_erased_leaves_no_row_once_sent(
    database: Database,
) -> None:
    now = utcnow()
    async with database.transaction() as session:
        payload = {"text": "tot ziens"}
        await outbox.enqueue(session, chat_id=8, method="sendMessage", payload=payload, now=now)
    async with database.transaction() as session:
        (delivery,) = await outbox.claim_due(session, owner="me", now=now, limit=10)
    async with database.transaction() as session:
        await outbox.forget_chat(session, chat_id=8)  # erased while the call is out
    async with database.autocommit() as connection:
        await outbox.mark_sent(connection, sent=[outbox.Sent(delivery, 5)], now=now)
    async with database.sessions() as session:
        assert (await session.scalars(select(OutboxMessage))).all() == []


async def test_a_button_is_used_once_with_its_card_but_not_its_repeatable_siblings(
    database: Database,
) -> None:
    now = utcnow()
    async with database.transaction() as session:
        made = {
            action: await buttons.create(
                session, chat_id=5, user_id=5, action=action, args={}, now=now, card="kaart"
            )
            for action in ("yes", "no", "more")
        }

    def changes_state(button: Button) -> bool:
        return button.action != "more"

    async def use(action: str) -> bool:
        async with database.transaction() as session:
            button = await buttons.resolve(session, token=made[action])
            assert button is not None
            return await buttons.use(session, button=button, now=now, siblings=changes_state)

    assert await use("yes")
    assert not await use("yes")  # a double tap
    assert not await use("no")  # the other answer on the same card
    async with database.sessions() as session:
        more = await buttons.resolve(session, token=made["more"])
        assert more is not None and more.used_at is None

    async with database.transaction() as session:
        refused = await buttons.resolve(session, token=made["yes"])
        assert refused is not None
        await buttons.give_back(session, button=refused, now=now)
    assert await use("no")


async def test_housekeeping_forgets_used_buttons_and_past_timers_only(database: Database) -> None:
    now = utcnow()
    async with database.transaction() as session:
        made = {
            name: await buttons.create(
                session, chat_id=5, user_id=5, action=name, args={}, now=now, card=name
            )
            for name in ("pressed", "waiting")
        }
        pressed = await buttons.resolve(session, token=made["pressed"])
        assert pressed is not None
        await buttons.use(session, button=pressed, now=now, siblings=lambda _: True)
        for kind, due in (("fired", now), ("cancelled", now), ("coming", now + timedelta(days=9))):
            await timers.schedule(session, conversation="c", kind=kind, name=kind, due_at=due)
        await timers.cancel(session, name="cancelled")
        (firing,) = await timers.due(session, now=now, kinds={"fired"}, limit=5)
        assert await timers.claim(session, timer=firing)
        await timers.mark_fired(session, timer=firing, now=now)
    a_week_on = now + timedelta(days=8)
    async with database.transaction() as session:
        await buttons.purge_used(session, older_than=timedelta(days=2), now=a_week_on)
        await timers.purge_done(session, older_than=timedelta(days=7), now=a_week_on)
    async with database.sessions() as session:
        assert await buttons.resolve(session, token=made["pressed"]) is None
        assert await buttons.resolve(session, token=made["waiting"]) is not None  # not used yet
        left = await timers.due(session, now=now + timedelta(days=10), kinds={"coming"}, limit=5)
        assert [t.kind for t in left] == ["coming"]
        rows = (await session.scalars(select(Timer))).all()
        assert sorted(t.kind for t in rows) == ["coming"]


async def test_users_loaded_together_are_then_found_without_a_query(database: Database) -> None:
    async with database.transaction() as session:
        for user_id in (11, 12):
            await people.get_or_create_user(session, user_id=user_id, now=utcnow())
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(database.engine.sync_engine, "before_cursor_execute", count)
    try:
        async with database.transaction() as session:
            await people.load_users(session, user_ids=[11, 12, 13])
            assert len(statements) == 1
            found = [await people.get_user(session, user_id=i) for i in (12, 11)]
            assert [user.id for user in found if user] == [12, 11]
            assert len(statements) == 1  # both came from the one query
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", count)


async def test_a_sqlite_file_is_used_without_a_worker_thread(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'inline.sqlite3'}")
    threads = threading.active_count()
    try:
        await upgrade_to_head(database)
        async with database.transaction() as session:
            await inbox.store_updates(session, updates=[update(1)], conversation=by_chat)
            raw = await session.connection()
            driver = (await raw.get_raw_connection()).driver_connection
            assert isinstance(driver, InlineConnection)
        async with database.sessions() as session:
            assert [uid for uid, _ in await inbox.pending(session, limit=5)] == [1]
        assert threading.active_count() == threads  # aiosqlite would start one per connection
    finally:
        await database.dispose()
