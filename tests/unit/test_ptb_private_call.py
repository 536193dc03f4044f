"""The one private python-telegram-bot call the bot relies on, pinned so an upgrade fails here.

`ApiBot.call` sends plain dicts through `telegram.Bot._post` (see bot/services.py). PTB does
not promise that method; if an upgrade renames it, changes its parameters or what it sends,
these tests say so before any update is lost.
"""

from __future__ import annotations

import inspect
import json
from typing import Any

import pytest
import telegram
from telegram.request import BaseRequest, RequestData

from bot.services import ApiBot

BASE_URL = "https://api.example.org/bot"


class RecordingRequest(BaseRequest):
    """A transport that records what the bot would send and answers like the Bot API."""

    def __init__(self, result: object) -> None:
        self.result = result
        self.sent: list[tuple[str, str, dict[str, str]]] = []

    @property
    def read_timeout(self) -> float | None:
        return 10

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        self.sent.append((method, url, request_data.json_parameters if request_data else {}))
        return 200, json.dumps({"ok": True, "result": self.result}).encode()


def test_bot_post_keeps_the_signature_the_runtime_calls() -> None:
    post = getattr(telegram.Bot, "_post", None)
    assert post is not None, "telegram.Bot._post is gone: rewrite ApiBot.call"
    assert inspect.iscoroutinefunction(post)
    parameters = inspect.signature(post).parameters
    assert list(parameters)[:2] == ["self", "endpoint"]
    for name in ("api_kwargs", "read_timeout"):
        assert name in parameters, f"telegram.Bot._post lost {name!r}"
        assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY


@pytest.mark.parametrize("method", ["sendMessage", "getUpdates"])
async def test_call_posts_the_plain_dict_and_returns_the_raw_result(method: str) -> None:
    messages, polling = RecordingRequest({"message_id": 7}), RecordingRequest([{"update_id": 1}])
    bot = ApiBot("123:abc", base_url=BASE_URL, request=messages, get_updates_request=polling)
    params = {"chat_id": 42, "text": "<b>Hoi</b>", "reply_markup": {"inline_keyboard": []}}

    result = await bot.call(method, params)

    used = polling if method == "getUpdates" else messages
    # What Telegram receives: every value JSON-encoded, texts as they are.
    body = {"chat_id": "42", "text": "<b>Hoi</b>", "reply_markup": '{"inline_keyboard": []}'}
    assert used.sent == [("POST", f"{BASE_URL}123:abc/{method}", body)]
    assert result == used.result
