"""The emulated Telegram on one port: world state, user actions, Bot API and control API.

Start it in-process with `async with running_emulator() as emulator:` and point the bot at
`telegram.Bot(token, base_url=emulator.base_url, base_file_url=emulator.base_file_url)`.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web

from tgemulator.actions import UserActions
from tgemulator.api import BotApi
from tgemulator.limits import Fault, FloodSettings
from tgemulator.server import CONTROL_PREFIX, EmulatorHttp
from tgemulator.state import DEFAULT_BOT_NAME, DEFAULT_BOT_USERNAME, DEFAULT_TOKEN

__all__ = ["TelegramEmulator", "running_emulator"]


class TelegramEmulator(UserActions):
    """The emulated Telegram: world state, user actions, Bot API and control API on one port."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = DEFAULT_BOT_USERNAME,
        bot_first_name: str = DEFAULT_BOT_NAME,
        host: str = "127.0.0.1",
        port: int = 0,
        flood_control: bool = True,
        private_burst: int = 5,
        group_per_minute: int = 20,
        global_per_second: int = 30,
        group_privacy: bool = True,
        clock: Callable[[], float] = time.monotonic,
        sse_keepalive: float = 15.0,
    ) -> None:
        flood = FloodSettings(
            enabled=flood_control,
            private_burst=private_burst,
            group_limit=group_per_minute,
            global_limit=global_per_second,
        )
        super().__init__(
            token=token,
            bot_username=bot_username,
            bot_first_name=bot_first_name,
            flood=flood,
            clock=clock,
            group_privacy=group_privacy,
        )
        self.host = host
        self.port = port
        self.api = BotApi(self)
        self.http = EmulatorHttp(self, self.api, keepalive_seconds=sse_keepalive)
        # Routes may be added to this application (e.g. the demo page) before start().
        self.app: web.Application = self.http.build_app()
        self._runner: web.AppRunner | None = None

    # --- lifecycle -----------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on host:port (port 0 picks a free one, readable afterwards from .port)."""
        self.updates.reopen()
        runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self._runner = runner
        address = runner.addresses[0]
        self.port = int(address[1])

    async def stop(self) -> None:
        """Stop webhook delivery, end long polls and event streams, close the port."""
        await self.api.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> TelegramEmulator:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # --- addresses -----------------------------------------------------------------------

    @property
    def root_url(self) -> str:
        """Return http://host:port."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """Return the base_url for telegram.Bot (the token is appended by PTB)."""
        return f"{self.root_url}/bot"

    @property
    def base_file_url(self) -> str:
        """Return the base_file_url for telegram.Bot, so File.download_* reach the emulator."""
        return f"{self.root_url}/file/bot"

    @property
    def api_url(self) -> str:
        """Return the full Bot API prefix including the token: <api_url>/<method>."""
        return f"{self.base_url}{self.token}"

    @property
    def control_url(self) -> str:
        """Return the prefix of the JSON control API."""
        return f"{self.root_url}{CONTROL_PREFIX}"

    # --- faults --------------------------------------------------------------------------

    def inject_fault(
        self,
        method: str | None = None,
        chat_id: int | None = None,
        kind: str = "server_error",
        count: int = 1,
        *,
        retry_after: int = 1,
        status: int = 500,
    ) -> None:
        """Fail the next `count` matching calls with a 5xx, a 429 or a 400, 401 or 404.

        Kinds: "server_error" (5xx `status`), "flood" (429), "client_error" (4xx `status`);
        method=None matches any sending or editing method; chat_id=None matches any chat.
        """
        self.faults.add(
            Fault(
                method=method,
                chat_id=chat_id,
                kind=kind,
                count=count,
                retry_after=retry_after,
                status=status,
            )
        )

    @property
    def webhook_url(self) -> str | None:
        """Return the webhook URL set by the bot, if any."""
        return self.api.webhook.url if self.api.webhook else None


@asynccontextmanager
async def running_emulator(**kwargs: Any) -> AsyncIterator[TelegramEmulator]:
    """Start a TelegramEmulator(**kwargs) on a free port for the duration of the block."""
    emulator = TelegramEmulator(**kwargs)
    await emulator.start()
    try:
        yield emulator
    finally:
        await emulator.stop()
