"""HTTP face of the emulator: Bot API and file routes, the JSON control API and its SSE stream."""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from tgemulator.actions import UserActions
from tgemulator.api import BotApi
from tgemulator.limits import Fault
from tgemulator.params import ApiError, read_params

LOGGER = logging.getLogger(__name__)
MAX_UPLOAD_BYTES = 60 * 1024 * 1024
CONTROL_PREFIX = "/sandbox/api"

ControlHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class EmulatorHttp:
    """Builds the aiohttp application serving one emulated world."""

    def __init__(self, world: UserActions, api: BotApi, *, keepalive_seconds: float) -> None:
        self.world = world
        self.api = api
        self.keepalive_seconds = keepalive_seconds
        self._event_streams: set[asyncio.Queue[dict[str, Any]]] = set()

    def build_app(self) -> web.Application:
        """Return an application with all routes; more routes may be added before it starts."""
        app = web.Application(client_max_size=MAX_UPLOAD_BYTES)
        app.router.add_route("*", "/bot{token}/{method}", self.bot_api)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self.download)
        control = [
            ("GET", "state", self.state),
            ("POST", "users", self.add_user),
            ("POST", "groups", self.add_group),
            ("POST", "groups/{chat_id}/add_bot", self.add_bot),
            ("POST", "groups/{chat_id}/remove_bot", self.remove_bot),
            ("POST", "groups/{chat_id}/join", self.join_group),
            ("POST", "groups/{chat_id}/leave", self.leave_group),
            ("POST", "groups/{chat_id}/migrate", self.migrate),
            ("POST", "send", self.send),
            ("POST", "edit", self.edit),
            ("POST", "press", self.press),
            ("POST", "photo", self.photo),
            ("POST", "sticker", self.sticker),
            ("POST", "voice", self.voice),
            ("POST", "document", self.document),
            ("POST", "faults", self.faults),
            ("POST", "block", self.block),
            ("POST", "unblock", self.unblock),
            ("GET", "events", self.events),
            ("GET", "files/{file_id}", self.file_by_id),
        ]
        for method, path, handler in control:
            app.router.add_route(method, f"{CONTROL_PREFIX}/{path}", _control(handler))
        app.on_shutdown.append(self._on_shutdown)
        return app

    async def _on_shutdown(self, app: web.Application) -> None:
        # Long polls and event streams would otherwise hold the shutdown for their full timeout.
        self.world.updates.close()
        for queue in list(self._event_streams):
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait({"type": "_closing"})

    # --- Bot API -------------------------------------------------------------------------

    async def bot_api(self, request: web.Request) -> web.Response:
        """Serve /bot<token>/<method> with Telegram's answer envelope."""
        if request.match_info["token"] != self.world.token:
            return _api_error(ApiError(401, "Unauthorized"))
        try:
            params = await read_params(request)
            result = await self.api.call(request.match_info["method"], params)
        except ApiError as error:
            return _api_error(error)
        except json.JSONDecodeError:
            return _api_error(ApiError(400, "Bad Request: can't parse JSON request body"))
        except Exception as exc:
            LOGGER.exception("emulator failed on %s", request.match_info["method"])
            return _api_error(ApiError(500, f"Internal Server Error: emulator bug: {exc!r}"))
        return web.json_response({"ok": True, "result": result})

    async def download(self, request: web.Request) -> web.Response:
        """Serve /file/bot<token>/<file_path> as Telegram's file server does."""
        if request.match_info["token"] != self.world.token:
            return _api_error(ApiError(401, "Unauthorized"))
        stored = self.world.files.by_path(request.match_info["file_path"])
        if stored is None:
            return _api_error(ApiError(404, "Not Found"))
        return web.Response(body=stored.data, content_type=stored.mime_type)

    # --- control API ---------------------------------------------------------------------

    async def state(self, request: web.Request) -> web.Response:
        """GET state: users, chats and every message, both directions."""
        return web.json_response(self.world.state_view())

    async def add_user(self, request: web.Request) -> web.Response:
        """POST users {first_name, last_name?, username?, language_code?}."""
        body = await _body(request)
        user = self.world.add_user(
            str(body["first_name"]),
            last_name=body.get("last_name"),
            username=body.get("username"),
            language_code=body.get("language_code", "nl"),
        )
        return _ok(user=user.to_api())

    async def add_group(self, request: web.Request) -> web.Response:
        """POST groups {title, member_ids, supergroup?}."""
        body = await _body(request)
        members = [int(member) for member in body.get("member_ids", [])]
        chat = self.world.add_group(
            str(body["title"]), members, supergroup=bool(body.get("supergroup"))
        )
        return _ok(chat=chat.to_view())

    async def add_bot(self, request: web.Request) -> web.Response:
        """POST groups/{id}/add_bot {by, as_admin?}."""
        body = await _body(request)
        message = self.world.add_bot_to_group(
            _chat_id(request), int(body["by"]), as_admin=bool(body.get("as_admin"))
        )
        return _ok(message=message)

    async def remove_bot(self, request: web.Request) -> web.Response:
        """POST groups/{id}/remove_bot {by}."""
        body = await _body(request)
        self.world.remove_bot_from_group(_chat_id(request), int(body["by"]))
        return _ok()

    async def join_group(self, request: web.Request) -> web.Response:
        """POST groups/{id}/join {user_id}."""
        body = await _body(request)
        return _ok(message=self.world.user_joins_group(_chat_id(request), int(body["user_id"])))

    async def leave_group(self, request: web.Request) -> web.Response:
        """POST groups/{id}/leave {user_id}."""
        body = await _body(request)
        return _ok(message=self.world.user_leaves_group(_chat_id(request), int(body["user_id"])))

    async def migrate(self, request: web.Request) -> web.Response:
        """POST groups/{id}/migrate: upgrade to a supergroup."""
        return _ok(new_chat_id=self.world.migrate_group(_chat_id(request)))

    async def send(self, request: web.Request) -> web.Response:
        """POST send {user_id, chat_id?, text, reply_to_message_id?}."""
        body = await _body(request)
        message = self.world.send_text(
            int(body["user_id"]),
            str(body["text"]),
            chat=_optional_int(body, "chat_id"),
            reply_to_message_id=_optional_int(body, "reply_to_message_id"),
        )
        return _ok(message=message)

    async def edit(self, request: web.Request) -> web.Response:
        """POST edit {user_id, chat_id?, message_id, text}."""
        body = await _body(request)
        message = self.world.edit_text(
            int(body["user_id"]),
            int(body["message_id"]),
            str(body["text"]),
            chat=_optional_int(body, "chat_id"),
        )
        return _ok(message=message)

    async def press(self, request: web.Request) -> web.Response:
        """POST press {user_id, chat_id?, message_id, label? | data?}."""
        body = await _body(request)
        query = self.world.press_button(
            int(body["user_id"]),
            int(body["message_id"]),
            chat=_optional_int(body, "chat_id"),
            label=body.get("label"),
            data=body.get("data"),
        )
        return _ok(callback_query=query)

    async def photo(self, request: web.Request) -> web.Response:
        """POST photo {user_id, chat_id?, caption?, data_base64?}."""
        body = await _body(request)
        message = self.world.send_photo(
            int(body["user_id"]),
            _optional_bytes(body),
            body.get("caption"),
            chat=_optional_int(body, "chat_id"),
        )
        return _ok(message=message)

    async def sticker(self, request: web.Request) -> web.Response:
        """POST sticker {user_id, chat_id?, emoji?}."""
        body = await _body(request)
        message = self.world.send_sticker(
            int(body["user_id"]),
            emoji=str(body.get("emoji") or "👍"),
            data=_optional_bytes(body),
            chat=_optional_int(body, "chat_id"),
        )
        return _ok(message=message)

    async def voice(self, request: web.Request) -> web.Response:
        """POST voice {user_id, chat_id?, duration?, data_base64?}."""
        body = await _body(request)
        message = self.world.send_voice(
            int(body["user_id"]),
            _optional_bytes(body),
            duration=int(body.get("duration") or 1),
            chat=_optional_int(body, "chat_id"),
        )
        return _ok(message=message)

    async def document(self, request: web.Request) -> web.Response:
        """POST document {user_id, chat_id?, file_name?, mime_type?, caption?, data_base64?}."""
        body = await _body(request)
        message = self.world.send_document(
            int(body["user_id"]),
            _optional_bytes(body),
            file_name=str(body.get("file_name") or "notities.txt"),
            mime_type=str(body.get("mime_type") or "text/plain"),
            caption=body.get("caption"),
            chat=_optional_int(body, "chat_id"),
        )
        return _ok(message=message)

    async def faults(self, request: web.Request) -> web.Response:
        """POST faults {method?, chat_id?, kind, count?, retry_after?, status?}."""
        body = await _body(request)
        self.world.faults.add(
            Fault(
                method=body.get("method"),
                chat_id=_optional_int(body, "chat_id"),
                kind=str(body.get("kind", "server_error")),
                count=int(body.get("count", 1)),
                retry_after=int(body.get("retry_after", 1)),
                status=int(body.get("status", 500)),
            )
        )
        return _ok(pending=self.world.faults.pending())

    async def block(self, request: web.Request) -> web.Response:
        """POST block {user_id}: the user blocks the bot."""
        self.world.block_bot(int((await _body(request))["user_id"]))
        return _ok()

    async def unblock(self, request: web.Request) -> web.Response:
        """POST unblock {user_id}: the user unblocks the bot."""
        self.world.unblock_bot(int((await _body(request))["user_id"]))
        return _ok()

    async def file_by_id(self, request: web.Request) -> web.Response:
        """GET files/{file_id}: the stored bytes with their content type."""
        stored = self.world.files.get(request.match_info["file_id"])
        if stored is None:
            raise LookupError(f"no file {request.match_info['file_id']}")
        return web.Response(body=stored.data, content_type=stored.mime_type)

    async def events(self, request: web.Request) -> web.StreamResponse:
        """GET events: Server-Sent Events of every observer event, with keep-alive comments."""
        response = web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream",
                "Cache-Control": "no-cache",
                "X-Accel-Buffering": "no",
            }
        )
        await response.prepare(request)
        queue = self.world.subscribe()
        self._event_streams.add(queue)
        try:
            await response.write(b": connected\n\n")
            await self._stream_events(response, queue)
        except (ConnectionResetError, ConnectionError):
            LOGGER.debug("event stream client went away")
        finally:
            self._event_streams.discard(queue)
            self.world.unsubscribe(queue)
        return response

    async def _stream_events(
        self, response: web.StreamResponse, queue: asyncio.Queue[dict[str, Any]]
    ) -> None:
        sequence = 0
        while True:
            try:
                event = await asyncio.wait_for(queue.get(), self.keepalive_seconds)
            except TimeoutError:
                await response.write(b": keep-alive\n\n")
                continue
            if event.get("type") == "_closing":
                return
            sequence += 1
            payload = json.dumps(event, ensure_ascii=False)
            await response.write(f"id: {sequence}\ndata: {payload}\n\n".encode())


def _control(handler: ControlHandler) -> ControlHandler:
    """Turn lookup and validation failures of the Python API into JSON 404/400 answers."""

    async def guarded(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except KeyError as error:
            return web.json_response({"ok": False, "error": _message(error)}, status=400)
        except LookupError as error:
            return web.json_response({"ok": False, "error": _message(error)}, status=404)
        except (ValueError, TypeError) as error:
            return web.json_response({"ok": False, "error": _message(error)}, status=400)

    return guarded


def _message(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing field {error.args[0]!r}"
    return str(error)


async def _body(request: web.Request) -> dict[str, Any]:
    if not request.can_read_body:
        return {}
    try:
        body = await request.json()
    except json.JSONDecodeError as error:
        raise ValueError("the body must be a JSON object") from error
    if not isinstance(body, dict):
        raise ValueError("the body must be a JSON object")
    return body


def _chat_id(request: web.Request) -> int:
    try:
        return int(request.match_info["chat_id"])
    except ValueError as error:
        raise ValueError("chat id must be an integer") from error


def _optional_int(body: dict[str, Any], name: str) -> int | None:
    value = body.get(name)
    return None if value is None or value == "" else int(value)


def _optional_bytes(body: dict[str, Any]) -> bytes | None:
    encoded = body.get("data_base64")
    if not encoded:
        return None
    try:
        return base64.b64decode(encoded, validate=True)
    except binascii.Error as error:
        raise ValueError("data_base64 is not valid base64") from error


def _ok(**fields: Any) -> web.Response:
    return web.json_response({"ok": True, **fields})


def _api_error(error: ApiError) -> web.Response:
    return web.json_response(error.to_json(), status=error.code)
