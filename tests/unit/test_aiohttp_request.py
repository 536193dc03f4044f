"""The aiohttp transport against a real local HTTP server: what arrives, what comes back, errors.

Where httpx and aiohttp could differ on the wire (form fields, uploads), the same call also goes
through PTB's own HTTPXRequest and both must arrive alike.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import socket
import time
import traceback
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import telegram
from aiohttp import web
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData
from telegram.request._requestparameter import RequestParameter

from bot.runtime.aiohttp_request import POOL_TIMEOUT_MESSAGE, AiohttpRequest
from bot.services import make_bot

TOKEN = "123:abc"
MESSAGE = {"message_id": 7, "date": 0, "chat": {"id": 42, "type": "private"}, "text": "Hoi"}


@dataclass
class Received:
    """One request as the server saw it."""

    method: str
    path: str
    content_type: str
    user_agent: str
    fields: dict[str, str]
    files: dict[str, tuple[str, str, bytes]]


@dataclass
class Server:
    """A local Bot API stand-in: records requests, answers as each test tells it."""

    url: str = ""
    received: list[Received] = field(default_factory=list)
    answer: tuple[int, bytes] = (200, json.dumps({"ok": True, "result": MESSAGE}).encode())
    delay: float = 0.0
    release: asyncio.Event = field(default_factory=asyncio.Event)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    hold: bool = False

    async def handle(self, request: web.Request) -> web.Response:
        fields: dict[str, str] = {}
        files: dict[str, tuple[str, str, bytes]] = {}
        if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            for name, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    files[name] = (value.filename, value.content_type, value.file.read())
                else:
                    fields[name] = str(value)
        self.received.append(
            Received(
                request.method,
                request.path,
                request.content_type,
                request.headers.get("User-Agent", ""),
                fields,
                files,
            )
        )
        self.arrived.set()
        if self.hold:
            await self.release.wait()
        await asyncio.sleep(self.delay)
        status, body = self.answer
        return web.Response(status=status, body=body, content_type="application/json")


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    state = Server()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", state.handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    state.url = f"http://{host}:{port}"
    yield state
    state.release.set()
    await runner.cleanup()


@pytest.fixture
async def request_() -> AsyncIterator[AiohttpRequest]:
    transport = AiohttpRequest(read_timeout=2, connect_timeout=2)
    yield transport
    await transport.shutdown()


def _data(**params: Any) -> RequestData:
    return RequestData([RequestParameter.from_input(k, v) for k, v in params.items()])


async def _through(transport: BaseRequest, server: Server, call: str) -> Received:
    """Make one Bot API call with a telegram.Bot on this transport; what the server received."""
    bot = telegram.Bot(
        TOKEN, base_url=f"{server.url}/bot", request=transport, get_updates_request=transport
    )
    async with bot.request:
        if call == "send_message":
            message = await bot.send_message(42, "Hoi & dag ü", reply_markup=_keyboard())
            assert message.message_id == 7
        else:
            document = telegram.InputFile(b"%PDF-1.4 data\x00\xff", filename="portfolio é.pdf")
            await bot.send_document(42, document, caption="Mijn log")
    return server.received.pop()


def _keyboard() -> telegram.InlineKeyboardMarkup:
    return telegram.InlineKeyboardMarkup([[telegram.InlineKeyboardButton("Ja", callback_data="y")]])


async def test_a_json_call_returns_status_and_body_untouched(
    server: Server, request_: AiohttpRequest
) -> None:
    server.answer = (200, b'{"ok": true, "result": {"x": "\xc3\xbc"}}')
    got = await request_.do_request(f"{server.url}/bot{TOKEN}/getMe", "POST", _data())
    assert got == (200, b'{"ok": true, "result": {"x": "\xc3\xbc"}}')
    [seen] = server.received
    assert (seen.method, seen.path) == ("POST", f"/bot{TOKEN}/getMe")
    assert seen.user_agent == BaseRequest.USER_AGENT


async def test_parameters_arrive_as_form_fields_exactly_as_httpx_sends_them(
    server: Server, request_: AiohttpRequest
) -> None:
    ours = await _through(request_, server, "send_message")
    assert ours.content_type == "application/x-www-form-urlencoded"
    assert {**ours.fields, "reply_markup": ""} == {
        "chat_id": "42",
        "text": "Hoi & dag ü",
        "reply_markup": "",
    }
    keyboard = {"inline_keyboard": [[{"text": "Ja", "callback_data": "y"}]]}
    assert json.loads(ours.fields["reply_markup"]) == keyboard
    assert ours.files == {}
    theirs = await _through(HTTPXRequest(), server, "send_message")
    assert ours == theirs


async def test_a_file_arrives_as_multipart_with_its_name_type_and_bytes(
    server: Server, request_: AiohttpRequest
) -> None:
    ours = await _through(request_, server, "send_document")
    assert ours.content_type == "multipart/form-data"
    assert ours.fields["chat_id"] == "42"
    assert ours.fields["caption"] == "Mijn log"
    assert ours.files == {
        "document": ("portfolio é.pdf", "application/pdf", b"%PDF-1.4 data\x00\xff")
    }
    theirs = await _through(HTTPXRequest(), server, "send_document")
    assert (ours.fields, ours.files) == (theirs.fields, theirs.files)


@pytest.mark.parametrize("status", [400, 403, 429, 500, 502])
async def test_an_error_status_and_its_body_come_back_untouched(
    server: Server, request_: AiohttpRequest, status: int
) -> None:
    body = json.dumps({"ok": False, "error_code": status, "description": "nee"}).encode()
    server.answer = (status, body)
    got = await request_.do_request(f"{server.url}/bot{TOKEN}/sendMessage", "POST", _data(a=1))
    assert got == (status, body)


async def test_through_a_bot_400_is_bad_request_and_429_retry_after(
    server: Server, request_: AiohttpRequest
) -> None:
    bot = telegram.Bot(
        TOKEN, base_url=f"{server.url}/bot", request=request_, get_updates_request=request_
    )
    server.answer = (400, b'{"ok": false, "error_code": 400, "description": "chat not found"}')
    with pytest.raises(BadRequest, match="chat not found"):
        await bot.send_message(42, "Hoi")
    server.answer = (
        429,
        b'{"ok": false, "error_code": 429, "description": "Too Many Requests",'
        b' "parameters": {"retry_after": 3}}',
    )
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(42, "Hoi")
    assert caught.value.retry_after in (3, dt.timedelta(seconds=3))


async def test_an_answer_slower_than_the_read_timeout_is_timed_out(
    server: Server, request_: AiohttpRequest
) -> None:
    server.delay = 5
    started = time.monotonic()
    with pytest.raises(TimedOut):
        await request_.do_request(f"{server.url}/x", "POST", _data(), read_timeout=0.2)
    assert time.monotonic() - started < 2


async def test_the_default_read_timeout_applies_and_none_means_no_timeout(
    server: Server,
) -> None:
    transport = AiohttpRequest(read_timeout=0.2)
    assert transport.read_timeout == 0.2
    server.delay = 0.5
    try:
        with pytest.raises(TimedOut):
            await transport.do_request(f"{server.url}/x", "POST", _data())
        assert (await transport.do_request(f"{server.url}/x", "POST", read_timeout=None))[0] == 200
        assert (await transport.do_request(f"{server.url}/x", "POST", read_timeout=2))[0] == 200
    finally:
        await transport.shutdown()


async def test_a_refused_connection_is_a_network_error(request_: AiohttpRequest) -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nobody listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(NetworkError, match=r"^aiohttp\.ClientConnectorError: ") as caught:
        await request_.do_request(f"http://127.0.0.1:{port}/x", "POST", _data())
    assert not isinstance(caught.value, TimedOut)


async def test_a_connect_timeout_is_timed_out_and_never_shows_the_token() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)  # never accepts: once its backlog is full, connecting hangs
        port = listener.getsockname()[1]
        fillers = [socket.socket() for _ in range(4)]
        for filler in fillers:
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
        transport = AiohttpRequest(connect_timeout=0.3)
        url = f"http://127.0.0.1:{port}/bot123:SECRET/getMe"
        started = time.monotonic()
        try:
            with pytest.raises(TimedOut) as caught:
                await transport.do_request(url, "POST")
        finally:
            await transport.shutdown()
            for filler in fillers:
                filler.close()
    assert 0.2 < time.monotonic() - started < 2
    assert "SECRET" not in "".join(traceback.format_exception(caught.value))


async def test_a_full_pool_times_out_without_sending_and_frees_its_slot(server: Server) -> None:
    transport = AiohttpRequest(connection_pool_size=1, pool_timeout=0.1)
    server.hold = True
    try:
        first = asyncio.create_task(transport.do_request(f"{server.url}/first", "POST", _data()))
        await server.arrived.wait()
        with pytest.raises(TimedOut) as caught:
            await transport.do_request(f"{server.url}/second", "POST", _data())
        assert caught.value.message == POOL_TIMEOUT_MESSAGE
        assert [r.path for r in server.received] == ["/first"]  # the second was never sent
        server.release.set()
        assert (await first)[0] == 200
        assert (await transport.do_request(f"{server.url}/third", "POST", _data()))[0] == 200
        assert [r.path for r in server.received] == ["/first", "/third"]
    finally:
        await transport.shutdown()


async def test_a_request_waits_for_a_slot_within_the_pool_timeout(server: Server) -> None:
    transport = AiohttpRequest(connection_pool_size=1, pool_timeout=2)
    server.delay = 0.2
    try:
        answers = await asyncio.gather(
            *(transport.do_request(f"{server.url}/{n}", "POST", _data()) for n in range(3))
        )
        assert [status for status, _ in answers] == [200, 200, 200]
    finally:
        await transport.shutdown()


async def test_a_timed_out_request_gives_its_slot_back(server: Server) -> None:
    transport = AiohttpRequest(connection_pool_size=1, pool_timeout=0.1)
    server.delay = 1
    try:
        with pytest.raises(TimedOut):
            await transport.do_request(f"{server.url}/x", "POST", read_timeout=0.1)
        server.delay = 0
        assert (await transport.do_request(f"{server.url}/y", "POST"))[0] == 200
    finally:
        await transport.shutdown()


async def test_shutdown_closes_the_session_and_requests_fail_until_initialize(
    server: Server,
) -> None:
    transport = AiohttpRequest()
    await transport.initialize()
    session = transport._session
    assert session is not None and not session.closed
    await transport.shutdown()
    assert session.closed
    with pytest.raises(RuntimeError, match="shut down"):
        await transport.do_request(f"{server.url}/x", "POST", _data())
    assert server.received == []
    await transport.shutdown()  # twice is harmless
    await transport.initialize()
    try:
        assert (await transport.do_request(f"{server.url}/x", "POST", _data()))[0] == 200
    finally:
        await transport.shutdown()


async def test_a_request_before_initialize_opens_the_session_like_httpx(server: Server) -> None:
    transport = AiohttpRequest()
    try:
        assert (await transport.do_request(f"{server.url}/x", "POST", _data()))[0] == 200
    finally:
        await transport.shutdown()


def test_make_bot_uses_aiohttp_for_both_requests() -> None:
    bot = make_bot(TOKEN, "http://127.0.0.1:1/bot")
    polling, messages = bot._request
    assert isinstance(polling, AiohttpRequest) and isinstance(messages, AiohttpRequest)
    assert (polling._pool_size, polling.read_timeout, polling._connect_timeout) == (2, 40, 5)
    assert (messages._pool_size, messages.read_timeout, messages._connect_timeout) == (16, 10, 5)
