"""What an update says, read straight from Telegram's JSON into the terms handlers use."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Any

from bot.runtime.turn import Sender

# Telegram's deep links are t.me/<bot>?start=<code>, the code up to 64 of A-Z a-z 0-9 _ -.
PASTED_INVITE = re.compile(
    r"(?:https?://)?(?:t|telegram)\.me/[A-Za-z0-9_]{3,64}\?start=(?P<code>[A-Za-z0-9_-]{1,64})",
    re.IGNORECASE,
)
MEDIA_KINDS = (
    "sticker",
    "photo",
    "voice",
    "video",
    "video_note",
    "audio",
    "document",
    "animation",
    "location",
    "contact",
    "poll",
    "dice",
    "venue",
)


class Kind(enum.StrEnum):
    """The kinds of update the router tells apart."""

    COMMAND = "command"
    TEXT = "text"
    MEDIA = "media"
    EDITED = "edited"
    BUTTON = "button"
    MEMBER = "member"
    SERVICE = "service"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Incoming:
    """One update, reduced to what the bot acts on."""

    kind: Kind
    chat_id: int
    chat_type: str
    sender: Sender | None
    text: str = ""
    command: str = ""
    args: str = ""
    addressed_to: str = ""
    message_id: int | None = None
    media: str = ""
    callback_id: str = ""
    callback_data: str = ""
    raw: dict[str, Any] | None = None

    @property
    def private(self) -> bool:
        """Whether this happened in a private chat with the bot."""
        return self.chat_type == "private"


def conversation_key(update: dict[str, Any]) -> str:
    """The conversation an update belongs to: a person in private, the chat in a group."""
    body = _body(update)
    chat = (body.get("message") or body).get("chat") or {}
    if chat.get("type", "private") != "private" and "id" in chat:
        return f"chat:{chat['id']}"
    sender = body.get("from") or {}
    if "id" in sender:
        return f"user:{sender['id']}"
    return f"chat:{chat.get('id', 0)}"


def _body(update: dict[str, Any]) -> dict[str, Any]:
    for field in (
        "message",
        "edited_message",
        "callback_query",
        "my_chat_member",
        "chat_member",
        "channel_post",
        "edited_channel_post",
    ):
        if field in update:
            return update[field]
    return {}


def _sender(data: dict[str, Any] | None) -> Sender | None:
    if not data or data.get("is_bot"):
        return None
    return Sender(
        id=data["id"],
        first_name=data.get("first_name") or "",
        username=data.get("username"),
        language_code=data.get("language_code"),
    )


def parse(update: dict[str, Any]) -> Incoming:
    """Read an update into an Incoming event."""
    if "callback_query" in update:
        query = update["callback_query"]
        message = query.get("message") or {}
        chat = message.get("chat") or {"id": query["from"]["id"], "type": "private"}
        return Incoming(
            Kind.BUTTON,
            chat["id"],
            chat.get("type", "private"),
            _sender(query["from"]),
            message_id=message.get("message_id"),
            callback_id=query["id"],
            callback_data=_printable(query.get("data") or ""),
            raw=query,
        )
    for field, kind in (("my_chat_member", Kind.MEMBER), ("chat_member", Kind.MEMBER)):
        if field in update:
            body = update[field]
            return Incoming(
                kind, body["chat"]["id"], body["chat"]["type"], _sender(body["from"]), raw=body
            )
    if "edited_message" in update:
        body = update["edited_message"]
        return Incoming(
            Kind.EDITED,
            body["chat"]["id"],
            body["chat"]["type"],
            _sender(body.get("from")),
            message_id=body["message_id"],
            raw=body,
        )
    if "message" in update:
        return _parse_message(update["message"])
    return Incoming(Kind.OTHER, 0, "other", None, raw=update)


def _parse_message(message: dict[str, Any]) -> Incoming:
    chat, sender = message["chat"], _sender(message.get("from"))
    common = {"message_id": message["message_id"], "raw": message}
    text = message.get("text")
    if text is not None:
        text = _printable(text)
        if text.startswith("/"):
            head, _, args = text.partition(" ")
            command, _, addressed_to = head[1:].partition("@")
            return Incoming(
                Kind.COMMAND,
                chat["id"],
                chat["type"],
                sender,
                text=text,
                command=command.lower(),
                args=args.strip(),
                addressed_to=addressed_to,
                **common,
            )
        code = pasted_invite(text) if chat["type"] == "private" else None
        if code is not None:  # what tapping the link would have sent
            return Incoming(
                Kind.COMMAND,
                chat["id"],
                chat["type"],
                sender,
                text=f"/start {code}",
                command="start",
                args=code,
                **common,
            )
        return Incoming(Kind.TEXT, chat["id"], chat["type"], sender, text=text, **common)
    for media in MEDIA_KINDS:
        if media in message:
            return Incoming(
                Kind.MEDIA,
                chat["id"],
                chat["type"],
                sender,
                media=media,
                text=_printable(message.get("caption") or ""),
                **common,
            )
    return Incoming(Kind.SERVICE, chat["id"], chat["type"], sender, **common)


def pasted_invite(text: str) -> str | None:
    """The code of an invitation link pasted as a whole message (t.me/bot?start=CODE)."""
    match = PASTED_INVITE.fullmatch(text.strip())
    return match.group("code") if match else None


def _printable(text: str) -> str:
    """Without NUL characters: PostgreSQL refuses them in text, and they mean nothing to us."""
    return text.replace("\x00", "")
