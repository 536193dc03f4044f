"""The emulated world's records: users, chats, messages and callback answers, as Bot API JSON."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from tgemulator.media import StoredFile

PRIVATE = "private"
GROUP = "group"
SUPERGROUP = "supergroup"


class Pulse:
    """Wakes every waiter once per change, without polling: a fresh Event per generation."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        """Wake all current waiters."""
        self._event.set()
        self._event = asyncio.Event()

    @property
    def current(self) -> asyncio.Event:
        """Return the event the next fire() sets; take it before checking the condition."""
        return self._event


@dataclass(eq=False)
class EmuUser:
    """A Telegram account: a scripted person or the bot itself."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False
    blocked_bot: bool = False
    started_bot: bool = True
    callback_answers: list[CallbackAnswer] = field(default_factory=list)

    @property
    def full_name(self) -> str:
        """Return first and last name as Telegram clients show them."""
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name

    def to_api(self) -> dict[str, Any]:
        """Return the Bot API User object."""
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code and not self.is_bot:
            data["language_code"] = self.language_code
        return data


@dataclass(eq=False)
class EmuChat:
    """A private chat, group or supergroup with its messages keyed by message_id."""

    id: int
    type: str
    title: str | None = None
    user: EmuUser | None = None
    members: dict[int, str] = field(default_factory=dict)
    bot_status: str = "member"
    migrated_to: int | None = None
    messages: dict[int, EmuMessage] = field(default_factory=dict)
    bot_message_ids: list[int] = field(default_factory=list)
    edit_log: list[int] = field(default_factory=list)
    last_message_id: int = 0
    pulse: Pulse = field(default_factory=Pulse)

    @property
    def is_group(self) -> bool:
        """Tell whether this is a group or supergroup."""
        return self.type != PRIVATE

    def next_message_id(self) -> int:
        """Allocate the next message id; Telegram numbers messages per chat."""
        self.last_message_id += 1
        return self.last_message_id

    def to_api(self) -> dict[str, Any]:
        """Return the Bot API Chat object."""
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.user is not None:
            data["first_name"] = self.user.first_name
            if self.user.last_name:
                data["last_name"] = self.user.last_name
            if self.user.username:
                data["username"] = self.user.username
        else:
            data["title"] = self.title
        return data

    def to_view(self) -> dict[str, Any]:
        """Return a compact JSON view for the control API and the demo page."""
        return {
            **self.to_api(),
            "name": self.user.full_name if self.user else self.title,
            "members": dict(self.members),
            "bot_status": self.bot_status,
            "migrated_to": self.migrated_to,
        }


@dataclass(eq=False)
class EmuMessage:
    """One message in a chat, current version; html is kept for rendering, text is plain."""

    chat: EmuChat
    message_id: int
    sender: EmuUser
    date: int
    kind: str = "text"
    text: str | None = None
    html: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    reply_markup: dict[str, Any] | None = None
    reply_to: EmuMessage | None = None
    media: dict[str, Any] = field(default_factory=dict)
    file: StoredFile | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    edit_count: int = 0
    edit_date: int | None = None
    # Telegram marks a message "edited" for text, caption or media changes, not keyboard-only.
    text_edited: bool = False
    deleted: bool = False
    silent: bool = False

    @property
    def chat_id(self) -> int:
        """Return the id of the chat the message is in."""
        return self.chat.id

    @property
    def from_bot(self) -> bool:
        """Tell whether the bot sent this message."""
        return self.sender.is_bot

    @property
    def has_caption(self) -> bool:
        """Tell whether the text is a media caption rather than a message text."""
        return self.kind not in ("text", "service")

    def button_rows(self) -> list[list[dict[str, Any]]]:
        """Return the inline keyboard rows (empty when there is none)."""
        if not self.reply_markup:
            return []
        rows = self.reply_markup.get("inline_keyboard") or []
        return [list(row) for row in rows]

    def button_labels(self) -> list[str]:
        """Return the labels of all inline buttons, row by row."""
        return [str(button.get("text", "")) for row in self.button_rows() for button in row]

    def to_api(self, *, include_reply: bool = True) -> dict[str, Any]:
        """Return the Bot API Message object as it is now."""
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "date": self.date,
            "chat": self.chat.to_api(),
            "from": self.sender.to_api(),
        }
        if self.text is not None and (self.text or self.kind == "text"):
            text_key = "caption" if self.has_caption else "text"
            data[text_key] = self.text
            if self.entities:
                data[f"{text_key}_entities" if self.has_caption else "entities"] = self.entities
        data.update(self.media)
        data.update(self.extra)
        if self.reply_markup and "inline_keyboard" in self.reply_markup:
            data["reply_markup"] = self.reply_markup
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        if include_reply and self.reply_to is not None and not self.reply_to.deleted:
            data["reply_to_message"] = self.reply_to.to_api(include_reply=False)
        return data

    def to_view(self) -> dict[str, Any]:
        """Return a JSON view for rendering: direction, html, plain text, buttons, state."""
        return {
            "chat_id": self.chat.id,
            "message_id": self.message_id,
            "date": self.date,
            "from_bot": self.from_bot,
            "sender": {"id": self.sender.id, "name": self.sender.full_name},
            "kind": self.kind,
            "text": self.text,
            "html": self.html,
            "reply_markup": self.reply_markup,
            "reply_to_message_id": self.reply_to.message_id if self.reply_to else None,
            "file_id": self.file.file_id if self.file else None,
            "service": {key: _view_value(value) for key, value in self.extra.items()},
            "edit_count": self.edit_count,
            "text_edited": self.text_edited,
            "deleted": self.deleted,
            "silent": self.silent,
        }


def _view_value(value: Any) -> Any:
    return (
        value if isinstance(value, str | int | bool | list | dict) or value is None else str(value)
    )


# Rights reported for an administrator; PTB needs every required flag to build the object.
ADMIN_RIGHTS = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_pin_messages": True,
}


def chat_member(user: EmuUser, status: str) -> dict[str, Any]:
    """Return the Bot API ChatMember object for a user with a status."""
    data: dict[str, Any] = {"status": status, "user": user.to_api()}
    if status == "administrator":
        data.update(ADMIN_RIGHTS)
    elif status == "creator":
        data["is_anonymous"] = False
    elif status == "kicked":
        data["until_date"] = 0
    return data


@dataclass(frozen=True)
class CallbackAnswer:
    """The bot's answerCallbackQuery for one button press."""

    callback_query_id: str
    user_id: int
    chat_id: int | None
    message_id: int | None
    data: str | None
    text: str | None
    show_alert: bool
    url: str | None = None

    def to_view(self) -> dict[str, Any]:
        """Return a JSON view of the answer."""
        return {
            "callback_query_id": self.callback_query_id,
            "user_id": self.user_id,
            "chat_id": self.chat_id,
            "message_id": self.message_id,
            "data": self.data,
            "text": self.text,
            "show_alert": self.show_alert,
            "url": self.url,
        }
