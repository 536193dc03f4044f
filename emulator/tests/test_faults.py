"""Failure modes the bot must survive: flood limits, server errors, blocks, group migration."""

from __future__ import annotations

import contextlib
import datetime as dtm
import warnings

import aiohttp
import pytest
import telegram
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.warnings import PTBDeprecationWarning

from tgemulator.emulator import TelegramEmulator, running_emulator


def seconds(error: RetryAfter) -> int:
    """Read retry_after, which PTB gives as int or timedelta depending on PTB_TIMEDELTA."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return int(value.total_seconds()) if isinstance(value, dtm.timedelta) else int(value)


def member_status(update: telegram.Update) -> str:
    """The bot's new status in a my_chat_member update."""
    assert update.my_chat_member is not None
    return update.my_chat_member.new_chat_member.status


def text_of(update: telegram.Update) -> str | None:
    """The text of the update's message."""
    assert update.message is not None
    return update.message.text


class FakeClock:
    """A monotonic clock the test moves by hand, for minute-long flood windows."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_private_chat_burst_gets_429_with_retry_after(emulator: TelegramEmulator) -> None:
    user = emulator.add_user("Kim")
    url = f"{emulator.api_url}/sendMessage"
    async with aiohttp.ClientSession() as session:
        for number in range(5):
            async with session.post(url, json={"chat_id": user.id, "text": f"{number}"}) as ok:
                assert ok.status == 200
        async with session.post(url, json={"chat_id": user.id, "text": "te veel"}) as response:
            body = (response.status, await response.json())

    assert body == (
        429,
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 1",
            "parameters": {"retry_after": 1},
        },
    )
    assert len(emulator.bot_messages(user.id)) == 5


async def test_group_and_global_windows_with_a_controlled_clock() -> None:
    clock = FakeClock()
    async with running_emulator(clock=clock) as emulator:
        people = [emulator.add_user(f"Leerling {n}") for n in range(7)]
        group = emulator.add_group("Mentorklas", people[:1])
        emulator.add_bot_to_group(group, people[0])
        async with telegram.Bot(emulator.token, base_url=emulator.base_url) as bot:
            for _ in range(20):
                await bot.send_message(group.id, "bericht")
            with pytest.raises(RetryAfter) as group_limit:
                await bot.send_message(group.id, "eentje te veel")
            clock.now += 30
            with pytest.raises(RetryAfter) as later:
                await bot.send_message(group.id, "nog steeds te veel")
            clock.now += 31
            await bot.send_message(group.id, "weer ruimte")

            clock.now += 2
            for person in people[:6]:
                for _ in range(5):
                    await bot.send_message(person.id, "hoi")
            with pytest.raises(RetryAfter) as global_limit:
                await bot.send_message(people[6].id, "de 31e deze seconde")

    assert seconds(group_limit.value) == 60
    assert seconds(later.value) == 30
    assert seconds(global_limit.value) == 1
    assert len(emulator.bot_messages(group.id)) == 21


async def test_injected_server_error_and_flood(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Ruben")
    emulator.inject_fault("sendMessage", user.id, "server_error", status=502)
    emulator.inject_fault(None, user.id, "flood", retry_after=7)

    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(user.id, "eerste poging")
    assert (await bot.get_me()).id == emulator.bot_user.id  # method=None spares getMe
    with pytest.raises(RetryAfter) as flood:
        await bot.send_message(user.id, "tweede poging")
    delivered = await bot.send_message(user.id, "derde poging")

    assert seconds(flood.value) == 7
    assert [m.text for m in emulator.bot_messages(user.id)] == [delivered.text]
    assert emulator.faults.pending() == 0


async def test_injected_client_errors_and_the_429_count(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Noor")
    emulator.inject_fault("sendMessage", user.id, "client_error", status=404)
    emulator.inject_fault("sendMessage", user.id, "client_error", status=400)
    emulator.inject_fault("getMe", None, "client_error", status=401)

    with pytest.raises(InvalidToken, match="Not Found"):
        await bot.send_message(user.id, "eerste")
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(user.id, "tweede")
    with pytest.raises(InvalidToken, match="Unauthorized"):
        await bot.get_me()
    for number in range(6):
        with contextlib.suppress(RetryAfter):
            await bot.send_message(user.id, f"{number}")

    assert len(emulator.bot_messages(user.id)) == 5
    assert emulator.flood.refused == 1


async def test_blocked_user_gets_403_and_the_bot_hears_kicked(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Zoë")
    emulator.block_bot(user)

    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(user.id, "Hoe gaat het?")
    emulator.send_text(user, "/start")
    await bot.send_message(user.id, "Fijn dat je er weer bent")
    kicked, unblocked, start = await bot.get_updates(timeout=1)

    assert member_status(kicked) == "kicked"
    assert kicked.effective_user is not None
    assert kicked.effective_user.id == user.id
    assert member_status(unblocked) == "member"
    assert text_of(start) == "/start"
    assert len(emulator.bot_messages(user.id)) == 1


async def test_group_migration_answers_with_the_new_chat_id(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    mentor = emulator.add_user("Mentor")
    group = emulator.add_group("Groep 2", [mentor])
    emulator.add_bot_to_group(group, mentor)

    new_id = emulator.migrate_group(group)
    with pytest.raises(ChatMigrated) as migrated:
        await bot.send_message(group.id, "Hallo groep")
    sent = await bot.send_message(new_id, "Hallo supergroep")
    updates = await bot.get_updates(timeout=1)

    assert migrated.value.new_chat_id == new_id
    assert str(new_id).startswith("-100")
    assert sent.chat.type == "supergroup"
    service = [u.message for u in updates if u.message and not u.message.new_chat_members]
    assert [(m.chat.id, m.migrate_to_chat_id, m.migrate_from_chat_id) for m in service] == [
        (group.id, new_id, None),
        (new_id, None, group.id),
    ]


async def test_group_privacy_mode_delivers_commands_and_replies_only(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    anna = emulator.add_user("Anna")
    group = emulator.add_group("Klas", [anna])
    emulator.add_bot_to_group(group, anna)
    await bot.get_updates(timeout=0)
    confirmed = await bot.get_updates(timeout=0)
    offset = confirmed[-1].update_id + 1
    question = await bot.send_message(group.id, "Wie wil beginnen?")

    emulator.send_text(anna, "gewoon gepraat", chat=group)
    emulator.send_text(anna, "/help@emulated_bot", chat=group)
    emulator.send_text(anna, "/help@een_andere_bot", chat=group)
    emulator.send_text(anna, "ik!", chat=group, reply_to_message_id=question.message_id)
    updates = await bot.get_updates(offset=offset, timeout=0)

    assert [text_of(u) for u in updates] == ["/help@emulated_bot", "ik!"]
    assert len(emulator.messages(group.id)) == 6  # everything is still in the chat history
