"""The emulated world: users, chats, messages, files, the update queue and observer events."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from tgemulator.limits import FaultInjector, FloodLimiter, FloodSettings
from tgemulator.media import FileStore
from tgemulator.models import (
    GROUP,
    PRIVATE,
    SUPERGROUP,
    CallbackAnswer,
    EmuChat,
    EmuMessage,
    EmuUser,
    Pulse,
)
from tgemulator.updates import UpdateQueue

UserRef = EmuUser | int
ChatRef = EmuChat | int

DEFAULT_TOKEN = "7000000001:AAEmulatedTelegramBotApiToken000000"
DEFAULT_BOT_USERNAME = "emulated_bot"
DEFAULT_BOT_NAME = "Emulated Bot"
# Ids above 2**32 on purpose: real Telegram ids no longer fit in 32 bits.
FIRST_USER_ID = 7_100_000_001
FIRST_GROUP_NUMBER = 4_100_000_001
SUPERGROUP_BASE = 1_000_000_000_000
SUBSCRIBER_QUEUE_SIZE = 10_000


@dataclass
class OpenQuery:
    """A callback query the bot has not answered yet."""

    user_id: int
    chat_id: int | None
    message_id: int | None
    data: str | None


def bot_id_from_token(token: str) -> int:
    """Return the bot id encoded before the colon of a token."""
    prefix = token.split(":", 1)[0]
    if not prefix.isdigit():
        raise ValueError("a bot token looks like '<digits>:<secret>'")
    return int(prefix)


class EmulatorState:
    """Everything the emulator knows, with O(1) lookups by id and per-chat change pulses."""

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        bot_username: str = DEFAULT_BOT_USERNAME,
        bot_first_name: str = DEFAULT_BOT_NAME,
        flood: FloodSettings | None = None,
        clock: Callable[[], float] = time.monotonic,
        group_privacy: bool = True,
    ) -> None:
        self.token = token
        self.bot_user = EmuUser(
            id=bot_id_from_token(token),
            first_name=bot_first_name,
            username=bot_username,
            is_bot=True,
        )
        self.group_privacy = group_privacy
        self.users: dict[int, EmuUser] = {}
        self.chats: dict[int, EmuChat] = {}
        self.files = FileStore()
        self.updates = UpdateQueue()
        self.flood = FloodLimiter(flood or FloodSettings(), clock)
        self.faults = FaultInjector()
        self.callback_answers: list[CallbackAnswer] = []
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.menu_buttons: dict[int | None, dict[str, Any]] = {}
        self.last_chat_action: dict[int, str] = {}
        self.pulse = Pulse()
        self.open_queries: dict[str, OpenQuery] = {}
        self._subscribers: set[asyncio.Queue[dict[str, Any]]] = set()
        self._user_ids = itertools.count(FIRST_USER_ID)
        self._group_numbers = itertools.count(FIRST_GROUP_NUMBER)
        self._query_numbers = itertools.count(1)

    def unanswered_queries(self) -> list[OpenQuery]:
        """Button presses the bot has not answered yet (Telegram keeps their spinner turning)."""
        return list(self.open_queries.values())

    # --- lookups -------------------------------------------------------------------------

    def user(self, ref: UserRef) -> EmuUser:
        """Resolve a user or user id, failing clearly for unknown ids."""
        if isinstance(ref, EmuUser):
            return ref
        found = self.users.get(ref)
        if found is None:
            raise LookupError(f"no emulated user with id {ref}")
        return found

    def chat(self, ref: ChatRef) -> EmuChat:
        """Resolve a chat or chat id, failing clearly for unknown ids."""
        if isinstance(ref, EmuChat):
            return ref
        found = self.chats.get(ref)
        if found is None:
            raise LookupError(f"no emulated chat with id {ref}")
        return found

    def message(self, chat: ChatRef, message_id: int) -> EmuMessage:
        """Return a message of a chat (deleted ones included), failing clearly when absent."""
        found = self.chat(chat).messages.get(message_id)
        if found is None:
            raise LookupError(f"no message {message_id} in chat {self.chat(chat).id}")
        return found

    def bot_messages(self, chat_id: ChatRef) -> list[EmuMessage]:
        """Return the bot's messages in a chat in sending order, current versions."""
        chat = self.chat(chat_id)
        return [chat.messages[message_id] for message_id in chat.bot_message_ids]

    def bot_message_count(self, chat_id: ChatRef) -> int:
        """Return how many messages the bot sent to a chat, in O(1) (for wait_for predicates)."""
        return len(self.chat(chat_id).bot_message_ids)

    def messages(self, chat_id: ChatRef) -> list[EmuMessage]:
        """Return every message of a chat, both directions, in order."""
        return list(self.chat(chat_id).messages.values())

    def last_bot_message(self, chat_id: ChatRef) -> EmuMessage | None:
        """Return the bot's most recent message in a chat, if any."""
        chat = self.chat(chat_id)
        return chat.messages[chat.bot_message_ids[-1]] if chat.bot_message_ids else None

    @staticmethod
    def now() -> int:
        """Return the current unix time, as in Message.date."""
        return int(time.time())

    # --- world building ------------------------------------------------------------------

    def add_user(
        self,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "nl",
        started_bot: bool = True,
    ) -> EmuUser:
        """Create a person with a private chat (chat id == user id) with the bot."""
        user = EmuUser(
            id=next(self._user_ids),
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
            started_bot=started_bot,
        )
        self.users[user.id] = user
        chat = EmuChat(id=user.id, type=PRIVATE, user=user)
        self.chats[chat.id] = chat
        self.publish({"type": "user", "user": user.to_api()})
        self.publish({"type": "chat", "chat_id": chat.id, "chat": chat.to_view()})
        return user

    def add_group(
        self, title: str, members: Iterable[UserRef], *, supergroup: bool = False
    ) -> EmuChat:
        """Create a group (the first member is its creator); the bot is not in it yet."""
        number = next(self._group_numbers)
        chat = EmuChat(
            id=-(SUPERGROUP_BASE + number) if supergroup else -number,
            type=SUPERGROUP if supergroup else GROUP,
            title=title,
            bot_status="left",
        )
        for index, member in enumerate(members):
            chat.members[self.user(member).id] = "creator" if index == 0 else "member"
        self.chats[chat.id] = chat
        self.publish({"type": "chat", "chat_id": chat.id, "chat": chat.to_view()})
        return chat

    def new_supergroup_id(self) -> int:
        """Allocate an id of the -100… form for a group that becomes a supergroup."""
        return -(SUPERGROUP_BASE + next(self._group_numbers))

    def new_callback_query_id(self) -> str:
        """Allocate a unique callback query id (a numeric string, like Telegram's)."""
        return str(4_000_000_000_000_000_000 + next(self._query_numbers))

    # --- recording and notifying ---------------------------------------------------------

    def store_message(self, message: EmuMessage) -> None:
        """Add a new message to its chat and tell waiters and observers."""
        chat = message.chat
        chat.messages[message.message_id] = message
        if message.from_bot:
            chat.bot_message_ids.append(message.message_id)
        event_type = "message" if message.from_bot else "user_message"
        self.changed(chat, lambda: _message_event(event_type, message))

    def record_edit(self, message: EmuMessage, *, content: bool = True) -> None:
        """Note an edit (fields already updated); content=False for a keyboard-only edit."""
        message.edit_count += 1
        message.text_edited = message.text_edited or content
        message.edit_date = self.now()
        message.chat.edit_log.append(message.message_id)
        self.changed(message.chat, lambda: _message_event("edit", message))

    def record_delete(self, message: EmuMessage) -> None:
        """Mark a message deleted; it stays in the record so the history keeps its place."""
        message.deleted = True
        self.changed(message.chat, lambda: _message_event("delete", message))

    def record_callback_answer(self, answer: CallbackAnswer) -> None:
        """Keep the bot's answer to a button press, globally and per user."""
        self.callback_answers.append(answer)
        user = self.users.get(answer.user_id)
        if user is not None:
            user.callback_answers.append(answer)
        event = {"type": "callback_answer", "chat_id": answer.chat_id, "answer": answer.to_view()}
        chat = self.chats.get(answer.chat_id) if answer.chat_id is not None else None
        if chat is not None:
            self.changed(chat, lambda: event)
        else:
            self.pulse.fire()
            self.publish(event)

    def changed(self, chat: EmuChat, make_event: Callable[[], dict[str, Any]]) -> None:
        """Wake waiters on this chat and everywhere, then tell observers (if there are any)."""
        chat.pulse.fire()
        self.pulse.fire()
        # Building the event renders the message: skip it when nobody watches (benchmarks).
        if self._subscribers:
            self.publish(make_event())

    def queue_update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update for the bot; return it unless allowed_updates filtered it out."""
        return self.updates.push(kind, payload)

    # --- observers -----------------------------------------------------------------------

    def subscribe(self) -> asyncio.Queue[dict[str, Any]]:
        """Return a queue receiving every observer event from now on."""
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(SUBSCRIBER_QUEUE_SIZE)
        self._subscribers.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[dict[str, Any]]) -> None:
        """Stop sending events to a queue from subscribe()."""
        self._subscribers.discard(queue)

    def publish(self, event: dict[str, Any]) -> None:
        """Send an event to every subscriber; a full queue loses its oldest event, not the new."""
        for queue in self._subscribers:
            if queue.full():
                with contextlib.suppress(asyncio.QueueEmpty):
                    queue.get_nowait()
            queue.put_nowait(event)

    # --- waiting -------------------------------------------------------------------------

    async def wait_for(
        self,
        predicate: Callable[[], bool],
        # A plain timeout argument keeps test code short; it is applied with asyncio.timeout.
        timeout: float = 5.0,  # noqa: ASYNC109
        *,
        chat_id: ChatRef | None = None,
    ) -> None:
        """Wait until predicate() holds, re-checking on each change (of one chat if given)."""
        pulse = self.chat(chat_id).pulse if chat_id is not None else self.pulse
        async with asyncio.timeout(timeout):
            while True:
                event = pulse.current
                if predicate():
                    return
                await event.wait()

    async def wait_updates_drained(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until the bot has confirmed (or the webhook accepted) every queued update."""
        async with asyncio.timeout(timeout):
            while len(self.updates):
                await self.updates.pulse.current.wait()

    def state_view(self) -> dict[str, Any]:
        """Return the whole world as JSON: bot, users, chats with all messages in order."""
        return {
            "bot": self.bot_user.to_api(),
            "users": [user.to_api() for user in self.users.values()],
            "chats": [
                {
                    **chat.to_view(),
                    "messages": [message.to_view() for message in chat.messages.values()],
                }
                for chat in self.chats.values()
            ],
            "pending_updates": len(self.updates),
            "callback_answers": [answer.to_view() for answer in self.callback_answers],
        }


def _message_event(event_type: str, message: EmuMessage) -> dict[str, Any]:
    return {"type": event_type, "chat_id": message.chat_id, "message": message.to_view()}
