"""What scripted people do in the emulated world: write, send media, press buttons, block, join."""

from __future__ import annotations

import re
from typing import Any

from tgemulator.markup import escape_html, utf16_length
from tgemulator.media import (
    StoredFile,
    image_mime_type,
    media_fields,
    sample_png,
    sample_voice,
)
from tgemulator.models import (
    GROUP,
    PRIVATE,
    SUPERGROUP,
    EmuChat,
    EmuMessage,
    EmuUser,
    chat_member,
)
from tgemulator.state import ChatRef, EmulatorState, OpenQuery, UserRef

_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,64}(?:@([A-Za-z0-9_]{3,32}))?")
ACTIVE_STATUSES = ("creator", "administrator", "member")
MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
SAMPLE_DOCUMENT = b"Mijn notities van deze week.\nMy notes of this week.\n"


def command_entities(text: str) -> list[dict[str, Any]]:
    """Mark a leading /command (optionally /command@bot) as Telegram clients do."""
    match = _COMMAND.match(text)
    if match is None:
        return []
    return [{"type": "bot_command", "offset": 0, "length": utf16_length(match.group(0))}]


class UserActions(EmulatorState):
    """User-side actions; each records the message, tells observers and queues bot updates."""

    # --- sending -------------------------------------------------------------------------

    def send_text(
        self,
        user: UserRef,
        text: str,
        *,
        chat: ChatRef | None = None,
        reply_to_message_id: int | None = None,
    ) -> dict[str, Any]:
        """Write a text message (a leading /command gets a bot_command entity)."""
        if not text.strip() or len(text) > MAX_TEXT_LENGTH:
            raise ValueError(f"a user's text must have 1..{MAX_TEXT_LENGTH} characters")
        sender, target = self._sender_and_chat(user, chat)
        message = self._user_message(
            sender,
            target,
            kind="text",
            text=text,
            entities=command_entities(text),
            reply_to_message_id=reply_to_message_id,
        )
        return self._deliver(message)

    def send_photo(
        self,
        user: UserRef,
        data: bytes | None = None,
        caption: str | None = None,
        *,
        chat: ChatRef | None = None,
    ) -> dict[str, Any]:
        """Send a photo (a small built-in PNG unless bytes are given)."""
        content = data if data is not None else sample_png()
        stored = self.files.add(content, kind="photos", mime_type=image_mime_type(content))
        return self._send_media(user, chat, "photo", media_fields("photo", stored), stored, caption)

    def send_sticker(
        self,
        user: UserRef,
        *,
        emoji: str = "👍",
        data: bytes | None = None,
        chat: ChatRef | None = None,
    ) -> dict[str, Any]:
        """Send a sticker (static, with an emoji)."""
        content = data if data is not None else sample_png(8, 8, (255, 196, 0))
        stored = self.files.add(content, kind="stickers", mime_type=image_mime_type(content))
        media = media_fields("sticker", stored, emoji=emoji)
        return self._send_media(user, chat, "sticker", media, stored, None)

    def send_voice(
        self,
        user: UserRef,
        data: bytes | None = None,
        *,
        duration: int = 1,
        caption: str | None = None,
        chat: ChatRef | None = None,
    ) -> dict[str, Any]:
        """Send a voice note (a short silent Ogg Opus stream unless bytes are given)."""
        content = data if data is not None else sample_voice()
        stored = self.files.add(content, kind="voice", mime_type="audio/ogg")
        media = media_fields("voice", stored, duration=duration)
        return self._send_media(user, chat, "voice", media, stored, caption)

    def send_document(
        self,
        user: UserRef,
        data: bytes | None = None,
        *,
        file_name: str = "notities.txt",
        mime_type: str = "text/plain",
        caption: str | None = None,
        chat: ChatRef | None = None,
    ) -> dict[str, Any]:
        """Send a document (a short text file unless bytes are given)."""
        content = data if data is not None else SAMPLE_DOCUMENT
        stored = self.files.add(content, kind="documents", mime_type=mime_type, file_name=file_name)
        media = media_fields("document", stored)
        return self._send_media(user, chat, "document", media, stored, caption)

    def edit_text(
        self, user: UserRef, message_id: int, new_text: str, chat: ChatRef | None = None
    ) -> dict[str, Any]:
        """Edit one of the user's own text messages; the bot gets an edited_message update."""
        sender, target = self._sender_and_chat(user, chat)
        message = self.message(target, message_id)
        if message.sender is not sender or message.kind != "text" or message.deleted:
            raise ValueError(f"message {message_id} is not an editable text of {sender.first_name}")
        message.text = new_text
        message.html = escape_html(new_text)
        message.entities = command_entities(new_text)
        self.record_edit(message)
        return self._deliver(message, update_kind="edited_message")

    # --- buttons -------------------------------------------------------------------------

    def press_button(
        self,
        user: UserRef,
        message_id: int,
        *,
        chat: ChatRef | None = None,
        label: str | None = None,
        data: str | None = None,
    ) -> dict[str, Any]:
        """Press an inline button of a bot message, found by exact label or callback data."""
        if (label is None) == (data is None):
            raise ValueError("press_button needs exactly one of label= or data=")
        sender, target = self._sender_and_chat(user, chat)
        message = self._bot_message_for_press(target, message_id)
        for row in message.button_rows():
            for button in row:
                if (label is not None and button.get("text") == label) or (
                    data is not None and button.get("callback_data") == data
                ):
                    if "callback_data" not in button:
                        raise ValueError(f"button {button.get('text')!r} has no callback_data")
                    return self._queue_callback(sender, message, str(button["callback_data"]))
        wanted = f"label {label!r}" if label is not None else f"data {data!r}"
        raise LookupError(
            f"no button with {wanted} on message {message_id} in chat {target.id}; "
            f"buttons there: {message.button_labels()}"
        )

    def forge_callback(
        self, user: UserRef, message_id: int, data: str, chat: ChatRef | None = None
    ) -> dict[str, Any]:
        """Send a callback query with arbitrary data, as a tampered client could."""
        sender, target = self._sender_and_chat(user, chat)
        message = self._bot_message_for_press(target, message_id)
        return self._queue_callback(sender, message, data)

    # --- relationship with the bot -------------------------------------------------------

    def block_bot(self, user: UserRef) -> None:
        """Block the bot: sends to the user now fail with 403; the bot hears "kicked"."""
        person = self.user(user)
        if person.blocked_bot:
            return
        person.blocked_bot = True
        self._set_private_status(person, "kicked")

    def unblock_bot(self, user: UserRef) -> None:
        """Unblock the bot again; the bot hears "member"."""
        person = self.user(user)
        if not person.blocked_bot:
            return
        person.blocked_bot = False
        self._set_private_status(person, "member")

    # --- groups --------------------------------------------------------------------------

    def add_bot_to_group(
        self, chat: ChatRef, by_user: UserRef, *, as_admin: bool = False
    ) -> dict[str, Any]:
        """Add the bot to a group: a my_chat_member update, then a new_chat_members message."""
        group = self._group(chat)
        actor = self._member(group, by_user)
        new_status = "administrator" if as_admin else "member"
        self._queue_my_chat_member(group, actor, group.bot_status, new_status)
        group.bot_status = new_status
        self.publish({"type": "chat", "chat_id": group.id, "chat": group.to_view()})
        message = self._service_message(
            group, actor, {"new_chat_members": [self.bot_user.to_api()]}
        )
        return self._deliver(message)

    def remove_bot_from_group(self, chat: ChatRef, by_user: UserRef) -> None:
        """Remove the bot from a group; it hears my_chat_member and nothing more from there."""
        group = self._group(chat)
        actor = self._member(group, by_user)
        new_status = "kicked" if group.type == SUPERGROUP else "left"
        self._queue_my_chat_member(group, actor, group.bot_status, new_status)
        group.bot_status = new_status
        self._service_message(group, actor, {"left_chat_member": self.bot_user.to_api()})
        self.publish({"type": "chat", "chat_id": group.id, "chat": group.to_view()})

    def user_joins_group(self, chat: ChatRef, user: UserRef) -> dict[str, Any]:
        """A person joins a group: a new_chat_members service message."""
        group = self._group(chat)
        person = self.user(user)
        group.members[person.id] = "member"
        message = self._service_message(group, person, {"new_chat_members": [person.to_api()]})
        return self._deliver(message)

    def user_leaves_group(self, chat: ChatRef, user: UserRef) -> dict[str, Any]:
        """A person leaves a group: a left_chat_member service message."""
        group = self._group(chat)
        person = self._member(group, user)
        group.members[person.id] = "left"
        message = self._service_message(group, person, {"left_chat_member": person.to_api()})
        return self._deliver(message)

    def migrate_group(self, chat: ChatRef) -> int:
        """Upgrade a group to a supergroup with a new -100… id; return the new id."""
        old = self._group(chat)
        if old.type != GROUP or old.migrated_to is not None:
            raise ValueError(f"chat {old.id} is not a basic group that can be upgraded")
        new = EmuChat(
            id=self.new_supergroup_id(),
            type=SUPERGROUP,
            title=old.title,
            members=dict(old.members),
            bot_status=old.bot_status,
        )
        self.chats[new.id] = new
        old.migrated_to = new.id
        actor = self.user(next(iter(old.members))) if old.members else self.bot_user
        self._deliver(self._service_message(old, actor, {"migrate_to_chat_id": new.id}))
        self._deliver(self._service_message(new, actor, {"migrate_from_chat_id": old.id}))
        self.publish({"type": "chat", "chat_id": old.id, "chat": old.to_view()})
        self.publish({"type": "chat", "chat_id": new.id, "chat": new.to_view()})
        return new.id

    # --- helpers -------------------------------------------------------------------------

    def _sender_and_chat(self, user: UserRef, chat: ChatRef | None) -> tuple[EmuUser, EmuChat]:
        sender = self.user(user)
        target = self.chat(chat if chat is not None else sender.id)
        if target.migrated_to is not None:
            raise ValueError(f"chat {target.id} was upgraded; it is now {target.migrated_to}")
        if target.type == PRIVATE and target.user is not sender:
            raise ValueError(f"chat {target.id} is the private chat of another user")
        if target.is_group and target.members.get(sender.id) not in ACTIVE_STATUSES:
            raise ValueError(f"{sender.first_name} is not a member of {target.title!r}")
        return sender, target

    def _group(self, chat: ChatRef) -> EmuChat:
        group = self.chat(chat)
        if not group.is_group:
            raise ValueError(f"chat {group.id} is not a group")
        return group

    def _member(self, group: EmuChat, user: UserRef) -> EmuUser:
        person = self.user(user)
        if group.members.get(person.id) not in ACTIVE_STATUSES:
            raise ValueError(f"{person.first_name} is not a member of {group.title!r}")
        return person

    def _user_message(
        self,
        sender: EmuUser,
        chat: EmuChat,
        *,
        kind: str,
        text: str | None,
        entities: list[dict[str, Any]] | None = None,
        media: dict[str, Any] | None = None,
        file: StoredFile | None = None,
        reply_to_message_id: int | None = None,
    ) -> EmuMessage:
        reply_to = None
        if reply_to_message_id is not None:
            reply_to = self.message(chat, reply_to_message_id)
            if reply_to.deleted:
                raise LookupError(f"message {reply_to_message_id} was deleted")
        message = EmuMessage(
            chat=chat,
            message_id=chat.next_message_id(),
            sender=sender,
            date=self.now(),
            kind=kind,
            text=text,
            html=escape_html(text) if text is not None else None,
            entities=entities or [],
            media=media or {},
            file=file,
            reply_to=reply_to,
        )
        self.store_message(message)
        return message

    def _send_media(
        self,
        user: UserRef,
        chat: ChatRef | None,
        kind: str,
        media: dict[str, Any],
        stored: StoredFile,
        caption: str | None,
    ) -> dict[str, Any]:
        if caption is not None and len(caption) > MAX_CAPTION_LENGTH:
            raise ValueError(f"a caption has at most {MAX_CAPTION_LENGTH} characters")
        sender, target = self._sender_and_chat(user, chat)
        message = self._user_message(
            sender, target, kind=kind, text=caption, media=media, file=stored
        )
        return self._deliver(message)

    def _service_message(self, chat: EmuChat, actor: EmuUser, extra: dict[str, Any]) -> EmuMessage:
        message = EmuMessage(
            chat=chat,
            message_id=chat.next_message_id(),
            sender=actor,
            date=self.now(),
            kind="service",
            extra=extra,
        )
        self.store_message(message)
        return message

    def _deliver(self, message: EmuMessage, *, update_kind: str = "message") -> dict[str, Any]:
        """Queue the update if the bot would receive this message; return the Message dict."""
        payload = message.to_api()
        chat = message.chat
        if chat.type == PRIVATE:
            self._reopen_private_chat(message.sender)
            self.queue_update(update_kind, payload)
        elif self._bot_sees(message):
            self.queue_update(update_kind, payload)
        return payload

    def _reopen_private_chat(self, user: EmuUser) -> None:
        # Writing to a bot you blocked means pressing "restart" first, which unblocks it.
        user.started_bot = True
        if user.blocked_bot:
            self.unblock_bot(user)

    def _bot_sees(self, message: EmuMessage) -> bool:
        """Apply group privacy mode: commands, replies to the bot and service messages only."""
        chat = message.chat
        if chat.bot_status not in ("member", "administrator"):
            return False
        if not self.group_privacy or chat.bot_status == "administrator":
            return True
        if message.kind == "service":
            return True
        if message.reply_to is not None and message.reply_to.from_bot:
            return True
        match = _COMMAND.match(message.text or "")
        if match is None:
            return False
        addressee = match.group(1)
        return addressee is None or addressee.lower() == (self.bot_user.username or "").lower()

    def _bot_message_for_press(self, chat: EmuChat, message_id: int) -> EmuMessage:
        message = self.message(chat, message_id)
        if not message.from_bot:
            raise ValueError(f"message {message_id} in chat {chat.id} is not from the bot")
        if message.deleted:
            raise LookupError(f"message {message_id} in chat {chat.id} was deleted")
        return message

    def _queue_callback(self, user: EmuUser, message: EmuMessage, data: str) -> dict[str, Any]:
        query_id = self.new_callback_query_id()
        query = {
            "id": query_id,
            "from": user.to_api(),
            "message": message.to_api(),
            "chat_instance": str((message.chat_id * 2654435761) % (2**63)),
            "data": data,
        }
        self.open_queries[query_id] = OpenQuery(user.id, message.chat_id, message.message_id, data)
        self.queue_update("callback_query", query)
        self.publish(
            {
                "type": "press",
                "chat_id": message.chat_id,
                "message_id": message.message_id,
                "user_id": user.id,
                "data": data,
                "callback_query_id": query_id,
            }
        )
        return query

    def _set_private_status(self, user: EmuUser, new_status: str) -> None:
        chat = self.chat(user.id)
        old_status = chat.bot_status
        chat.bot_status = new_status
        self._queue_my_chat_member(chat, user, old_status, new_status)
        self.publish({"type": "chat", "chat_id": chat.id, "chat": chat.to_view()})

    def _queue_my_chat_member(
        self, chat: EmuChat, actor: EmuUser, old_status: str, new_status: str
    ) -> None:
        self.queue_update(
            "my_chat_member",
            {
                "chat": chat.to_api(),
                "from": actor.to_api(),
                "date": self.now(),
                "old_chat_member": chat_member(self.bot_user, old_status),
                "new_chat_member": chat_member(self.bot_user, new_status),
            },
        )
