"""Durable intake: every update is stored and committed before Telegram is told we have it."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

from aiohttp import web
from telegram.error import BadRequest, Conflict, NetworkError

from bot.runtime.incoming import conversation_key
from bot.runtime.loops import MAX_BACKOFF_SECONDS, run_forever
from bot.services import Services
from storage import inbox

log = logging.getLogger(__name__)

# A poller's long poll is ended by Telegram (409) when another one starts: a poller already
# running polls again within a second, so a start-up probe this long meets it.
PROBE_SECONDS = 3
CONFLICT_RETRY_SECONDS = 1.0
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "chat_member"]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


async def store(services: Services, updates: list[dict[str, Any]]) -> None:
    """Write updates to the inbox: one statement, committed by itself."""
    async with services.db.autocommit() as session:
        await inbox.store_updates(session, updates=updates, conversation=conversation_key)
    services.metrics.received(updates)


class AnotherPoller(Exception):
    """Another program polls Telegram with this bot token already."""

    def __str__(self) -> str:
        return (
            "another program is already polling Telegram with this bot token; stop it first, "
            "or run several processes in webhook mode (WEBHOOK_URL)"
        )


class PollingIntake:
    """Our own getUpdates loop: the next offset (the acknowledgement) follows the commit."""

    def __init__(
        self,
        services: Services,
        on_stored: Callable[[list[dict[str, Any]]], None],
        *,
        poll_timeout: int = 25,
        probe_seconds: float = PROBE_SECONDS,
    ) -> None:
        self.services = services
        self.on_stored = on_stored
        self.poll_timeout = poll_timeout
        self.probe_seconds = probe_seconds
        self.offset: int | None = None
        self._webhook_cleared = False
        self._unreachable = 0

    async def ensure_alone(self) -> None:
        """Refuse to start next to another poller: Telegram serves one getUpdates at a time."""
        bot = self.services.bot
        await bot.call("deleteWebhook", {"drop_pending_updates": False})
        self._webhook_cleared = True
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.probe_seconds
        while (remaining := deadline - loop.time()) > 0:
            # No offset: whatever this returns is not confirmed, so the real polling gets it.
            params = {"timeout": max(1, round(remaining)), "limit": 1}
            try:
                found = await bot.call("getUpdates", params, read_timeout=remaining + 10)
            except Conflict:
                raise AnotherPoller from None
            if found:
                await asyncio.sleep(0.5)  # updates wait already; keep listening for a rival

    async def run(self) -> None:
        """Poll until cancelled; network and database faults are retried with backoff."""
        beat = self.services.vitals.beat
        await run_forever("polling", self._poll_safely, asyncio.Event(), beat=beat)

    async def _poll_safely(self) -> float:
        """A poll; an unreachable Bot API means waiting longer each time, logged by the bot's
        reach tracker once a minute rather than a traceback per attempt."""
        try:
            idle = await self._poll_once()
        except BadRequest:
            raise
        except NetworkError:
            self._unreachable += 1
            return min(MAX_BACKOFF_SECONDS, 2.0 ** (self._unreachable - 1))
        self._unreachable = 0
        return idle

    async def _poll_once(self) -> float:
        """One long poll: store what arrived, then move the offset (the acknowledgement)."""
        bot = self.services.bot
        if not self._webhook_cleared:
            await bot.call("deleteWebhook", {"drop_pending_updates": False})
            self._webhook_cleared = True
        params: dict[str, Any] = {
            "timeout": self.poll_timeout,
            "allowed_updates": json.dumps(ALLOWED_UPDATES),
        }
        if self.offset is not None:
            params["offset"] = self.offset
        try:
            updates = await bot.call("getUpdates", params, read_timeout=self.poll_timeout + 10)
        except Conflict:
            # A webhook set meanwhile, or a second poller that started without the probe:
            # poll again soon, so a starting one meets this one and refuses to run.
            log.warning("another poller or a webhook is active; asking for the webhook to go")
            self._webhook_cleared = False
            return CONFLICT_RETRY_SECONDS
        if updates:
            await store(self.services, updates)
            self.offset = updates[-1]["update_id"] + 1
            self.on_stored(updates)
        return 0.0


class WebhookIntake:
    """Our own webhook endpoint: checks the secret, stores, commits, and only then says 200."""

    def __init__(
        self, services: Services, on_stored: Callable[[list[dict[str, Any]]], None]
    ) -> None:
        self.services = services
        self.on_stored = on_stored
        self.secret = services.settings.webhook_secret_value()
        self.url = services.settings.webhook_url or ""
        self.path = urlparse(self.url).path or "/"

    def add_routes(self, app: web.Application) -> None:
        """Take pushed updates on the web server (bot/runtime/web.py)."""
        app.router.add_post(self.path, self.receive)

    async def start(self) -> None:
        """Ask Telegram to push updates here (the web server listens already)."""
        await self.services.bot.call(
            "setWebhook",
            {
                "url": self.url,
                "secret_token": self.secret,
                "allowed_updates": json.dumps(ALLOWED_UPDATES),
                "drop_pending_updates": False,
            },
        )
        log.info("webhook registered at %s", self.path)

    async def receive(self, request: web.Request) -> web.Response:
        """One pushed update."""
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            return web.Response(status=403, text="forbidden")
        try:
            update = await request.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            return web.Response(status=400, text="not JSON")
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            return web.Response(status=400, text="not an update")
        await store(self.services, [update])
        self.on_stored([update])
        return web.Response(text="ok")
