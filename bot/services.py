"""The long-lived things every part of the bot shares, built once in bot.app."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

import telegram
from telegram.error import BadRequest, NetworkError

from bot.clock import Clock
from bot.i18n import Texts
from bot.runtime.aiohttp_request import AiohttpRequest
from bot.runtime.health import BotApiReach, Vitals
from bot.runtime.metrics import Metrics
from bot.settings import Settings
from storage.db import Database


class ApiBot(telegram.Bot):
    """A telegram.Bot that can also make a raw Bot API call with a JSON-able dict."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        with self._unfrozen():
            self.reach = BotApiReach()

    async def call(self, method: str, params: dict[str, Any], *, read_timeout: float = 10) -> Any:
        """Call a Bot API method and return its raw result.

        Outbox rows and getUpdates are plain dicts: parsing them into PTB objects and back
        would cost CPU on every update. `do_api_request` would warn for known methods, so
        this goes through the same private `_post` it uses (pinned to PTB 22).
        """
        try:
            result = await self._post(
                method, api_kwargs=_with_files(params), read_timeout=read_timeout
            )
        except BadRequest:
            self.reach.answered()
            raise
        except NetworkError as error:  # no answer, or Telegram's own server error
            self.reach.failed(error)
            raise
        except telegram.error.TelegramError:
            self.reach.answered()  # an answer that refuses (403, 409, 429) is still an answer
            raise
        self.reach.answered()
        return result


def _with_files(params: dict[str, Any]) -> dict[str, Any]:
    """Outbox rows are JSON: a document or photo is kept as base64 and uploaded as a file here."""
    files = {
        key: telegram.InputFile(base64.b64decode(value["base64"]), filename=value["filename"])
        for key in ("document", "photo")
        if isinstance(value := params.get(key), dict) and "base64" in value
    }
    return {**params, **files}


def make_bot(token: str, base_url: str) -> ApiBot:
    """A bot client whose connection pool fits concurrent delivery and long polling."""
    # Both transports are ours: telegram.Bot would make an httpx one for any left out.
    request = AiohttpRequest(connection_pool_size=16, read_timeout=10, connect_timeout=5)
    polling = AiohttpRequest(connection_pool_size=2, read_timeout=40, connect_timeout=5)
    return ApiBot(token, base_url=base_url, request=request, get_updates_request=polling)


@dataclass
class Services:
    """Settings, database, texts, the Bot API client, the clock, and this process's vitals."""

    settings: Settings
    db: Database
    texts: Texts
    bot: ApiBot
    clock: Clock
    bot_username: str = field(default="")
    # Where this process's web server answers, once it listens (the dashboard's default address).
    web_url: str = field(default="")
    metrics: Metrics = field(default_factory=Metrics)
    vitals: Vitals = field(default_factory=Vitals)
