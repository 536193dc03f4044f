"""Update delivery: long polling with offsets, allowed_updates, and webhook push with retries."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import telegram
from aiohttp import web
from telegram.error import Conflict

from tgemulator.emulator import TelegramEmulator


def text_of(update: telegram.Update) -> str | None:
    """The text of the update's message."""
    assert update.message is not None
    return update.message.text


async def test_long_poll_returns_as_soon_as_an_update_is_queued(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Sara")
    poll = asyncio.create_task(bot.get_updates(timeout=20, read_timeout=30))
    await asyncio.sleep(0.1)
    started = time.monotonic()

    emulator.send_text(user, "Hoi")
    updates = await asyncio.wait_for(poll, 5)

    assert time.monotonic() - started < 5
    assert [text_of(update) for update in updates] == ["Hoi"]


async def test_offset_confirms_and_drops_earlier_updates(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Tim")
    for text in ("een", "twee", "drie"):
        emulator.send_text(user, text)

    first = await bot.get_updates(limit=2)
    rest = await bot.get_updates(offset=first[-1].update_id + 1, timeout=0)
    again = await bot.get_updates(offset=rest[-1].update_id + 1, timeout=0)

    assert [text_of(update) for update in first] == ["een", "twee"]
    assert [text_of(update) for update in rest] == ["drie"]
    assert first[0].update_id < first[1].update_id < rest[0].update_id
    assert again == ()
    assert len(emulator.updates) == 0


async def test_allowed_updates_filters_new_updates(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    user = emulator.add_user("Eva")
    sent = await bot.send_message(
        user.id,
        "Kies",
        reply_markup=telegram.InlineKeyboardMarkup(
            [[telegram.InlineKeyboardButton("Ja", callback_data="ja")]]
        ),
    )
    await bot.get_updates(timeout=0, allowed_updates=["callback_query"])

    emulator.send_text(user, "wordt niet bezorgd")
    emulator.press_button(user, sent.message_id, data="ja")
    updates = await bot.get_updates(timeout=0)

    assert len(updates) == 1
    assert updates[0].callback_query is not None
    assert updates[0].callback_query.data == "ja"


async def test_a_newer_poll_ends_the_older_one_with_conflict(
    emulator: TelegramEmulator, bot: telegram.Bot
) -> None:
    older = asyncio.create_task(bot.get_updates(timeout=20, read_timeout=30))
    await asyncio.sleep(0.1)

    # A second bot instance: PTB keeps one connection for getUpdates per Bot.
    async with telegram.Bot(emulator.token, base_url=emulator.base_url) as second_instance:
        newer = await second_instance.get_updates(timeout=0)

    with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates request"):
        await asyncio.wait_for(older, 5)
    assert newer == ()


@dataclass
class WebhookReceiver:
    """A local HTTP endpoint standing in for the bot's webhook: fails the first few posts."""

    failures_left: int
    received: list[dict[str, Any]] = field(default_factory=list)
    secrets: list[str | None] = field(default_factory=list)
    attempts: int = 0
    url: str = ""

    async def handle(self, request: web.Request) -> web.Response:
        self.attempts += 1
        if self.failures_left > 0:
            self.failures_left -= 1
            return web.Response(status=500)
        self.received.append(await request.json())
        self.secrets.append(request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        return web.Response(text="ok")


@pytest.fixture
async def receiver() -> AsyncIterator[WebhookReceiver]:
    endpoint = WebhookReceiver(failures_left=2)
    app = web.Application()
    app.router.add_post("/hook", endpoint.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    endpoint.url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    yield endpoint
    await runner.cleanup()


async def test_webhook_pushes_in_order_with_secret_and_retries_until_accepted(
    emulator: TelegramEmulator, bot: telegram.Bot, receiver: WebhookReceiver
) -> None:
    user = emulator.add_user("Jesse")
    emulator.send_text(user, "al in de wachtrij")

    assert await bot.set_webhook(receiver.url, secret_token="geheim-123")
    emulator.send_text(user, "na de webhook")
    emulator.send_text(user, "en nog een")
    await emulator.wait_updates_drained(timeout=5)
    info = await bot.get_webhook_info()

    texts = [update["message"]["text"] for update in receiver.received]
    assert texts == ["al in de wachtrij", "na de webhook", "en nog een"]
    assert receiver.secrets == ["geheim-123"] * 3
    assert receiver.attempts == 5
    ids = [update["update_id"] for update in receiver.received]
    assert ids == sorted(ids)
    assert info.url == receiver.url
    assert info.pending_update_count == 0
    assert "500" in (info.last_error_message or "")


async def test_get_updates_conflicts_while_a_webhook_is_set(
    emulator: TelegramEmulator, bot: telegram.Bot, receiver: WebhookReceiver
) -> None:
    await bot.set_webhook(receiver.url)

    with pytest.raises(Conflict, match=r"(?i)can't use getUpdates method while webhook is active"):
        await bot.get_updates()
    await bot.delete_webhook(drop_pending_updates=True)
    user = emulator.add_user("Lieke")
    emulator.send_text(user, "weer via polling")

    assert [text_of(u) for u in await bot.get_updates(timeout=1)] == ["weer via polling"]
    assert (await bot.get_webhook_info()).url == ""
