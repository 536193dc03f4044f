"""Scripted users for end-to-end tests: conversations with the bot that read like a chat log."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from typing import Any

from tgemulator.emulator import TelegramEmulator
from tgemulator.models import CallbackAnswer, EmuChat, EmuMessage, EmuUser

# (action, argument, expected substring) or, for several people, (who, action, argument, expected).
Step = tuple[str, str | None, str | None] | tuple["ScriptedUser", str, str | None, str | None]
SHOWN_MESSAGES = 5


def describe(message: EmuMessage) -> str:
    """Render a bot message in one line for assertion messages: text, buttons, state."""
    text = message.text if message.text is not None else f"<{message.kind}>"
    parts = [f"#{message.message_id} {text!r}"]
    labels = message.button_labels()
    if labels:
        parts.append(f"buttons={labels}")
    if message.edit_count:
        parts.append(f"edited×{message.edit_count}")
    if message.deleted:
        parts.append("deleted")
    return " ".join(parts)


class ScriptedUser:
    """One person in one chat: sends, presses, and expects the bot's replies in order."""

    def __init__(
        self, emulator: TelegramEmulator, user: EmuUser, chat: EmuChat | None = None
    ) -> None:
        self.emulator = emulator
        self.user = user
        self.chat = chat if chat is not None else emulator.chat(user.id)
        # Only what arrives after this point counts: earlier traffic belongs to someone else.
        self._next_message = len(self.chat.bot_message_ids)
        self._next_edit = len(self.chat.edit_log)
        self._next_answer = len(user.callback_answers)

    @property
    def chat_id(self) -> int:
        """Return the id of the chat this person talks in."""
        return self.chat.id

    # --- acting --------------------------------------------------------------------------

    async def send(self, text: str, *, reply_to_message_id: int | None = None) -> dict[str, Any]:
        """Write a text message in the chat."""
        message = self.emulator.send_text(
            self.user, text, chat=self.chat, reply_to_message_id=reply_to_message_id
        )
        await asyncio.sleep(0)
        return message

    async def press(self, label: str) -> dict[str, Any]:
        """Press the button with exactly this label on the latest bot message that has it."""
        for message_id in reversed(self.chat.bot_message_ids):
            message = self.chat.messages[message_id]
            if not message.deleted and label in message.button_labels():
                query = self.emulator.press_button(
                    self.user, message_id, chat=self.chat, label=label
                )
                await asyncio.sleep(0)
                return query
        raise AssertionError(
            f"{self.user.first_name} sees no button {label!r} in chat {self.chat_id}; "
            f"buttons on recent bot messages: {self._recent_buttons()}"
        )

    async def press_data(self, message_id: int, data: str) -> dict[str, Any]:
        """Send a callback with arbitrary data for a bot message, as a tampered client could."""
        query = self.emulator.forge_callback(self.user, message_id, data, chat=self.chat)
        await asyncio.sleep(0)
        return query

    async def send_sticker(self, emoji: str = "👍") -> dict[str, Any]:
        """Send a sticker."""
        return self.emulator.send_sticker(self.user, emoji=emoji, chat=self.chat)

    async def send_photo(
        self, data: bytes | None = None, caption: str | None = None
    ) -> dict[str, Any]:
        """Send a photo (a small built-in PNG by default)."""
        return self.emulator.send_photo(self.user, data, caption, chat=self.chat)

    async def send_voice(self, data: bytes | None = None, *, duration: int = 1) -> dict[str, Any]:
        """Send a voice note (a short silent Ogg Opus by default)."""
        return self.emulator.send_voice(self.user, data, duration=duration, chat=self.chat)

    async def send_document(
        self, data: bytes | None = None, *, file_name: str = "notities.txt"
    ) -> dict[str, Any]:
        """Send a document (a short text file by default)."""
        return self.emulator.send_document(self.user, data, file_name=file_name, chat=self.chat)

    # --- expecting -----------------------------------------------------------------------

    async def expect(
        self,
        contains: str | None = None,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - a plain argument keeps conversation tests short
    ) -> EmuMessage:
        """Take the next bot message in this chat and check that its text contains `contains`."""
        ids = self.chat.bot_message_ids
        try:
            await self.emulator.wait_for(
                lambda: len(ids) > self._next_message, timeout, chat_id=self.chat
            )
        except TimeoutError:
            raise AssertionError(
                f"{self.user.first_name} got no new bot message in chat {self.chat_id} within "
                f"{timeout}s (expected {contains!r}); earlier ones: {self._recent_messages()}"
            ) from None
        message = self.chat.messages[ids[self._next_message]]
        self._next_message += 1
        if contains is not None and contains not in (message.text or ""):
            raise AssertionError(
                f"{self.user.first_name} expected a bot message containing {contains!r} "
                f"but got {describe(message)}; still unread after it: {self._unread()}"
            )
        return message

    async def expect_edit(
        self,
        contains: str | None = None,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - a plain argument keeps conversation tests short
    ) -> EmuMessage:
        """Take the next edit of a bot message in this chat; check the new text."""
        log = self.chat.edit_log
        try:
            await self.emulator.wait_for(
                lambda: len(log) > self._next_edit, timeout, chat_id=self.chat
            )
        except TimeoutError:
            raise AssertionError(
                f"{self.user.first_name} saw no edit in chat {self.chat_id} within {timeout}s "
                f"(expected {contains!r}); recent bot messages: {self._recent_messages()}"
            ) from None
        message = self.chat.messages[log[self._next_edit]]
        self._next_edit += 1
        if contains is not None and contains not in (message.text or ""):
            raise AssertionError(
                f"{self.user.first_name} expected an edit containing {contains!r} "
                f"but the edited message is {describe(message)}"
            )
        return message

    async def expect_callback_answer(
        self,
        contains: str | None = None,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - a plain argument keeps conversation tests short
    ) -> CallbackAnswer:
        """Take the bot's next answerCallbackQuery to this person; check its text."""
        answers = self.user.callback_answers
        try:
            await self.emulator.wait_for(lambda: len(answers) > self._next_answer, timeout)
        except TimeoutError:
            raise AssertionError(
                f"the bot did not answer {self.user.first_name}'s button press within {timeout}s"
            ) from None
        answer = answers[self._next_answer]
        self._next_answer += 1
        if contains is not None and contains not in (answer.text or ""):
            raise AssertionError(
                f"expected a callback answer containing {contains!r}, got {answer.text!r}"
            )
        return answer

    async def expect_silence(self, seconds: float = 0.3) -> None:
        """Wait a moment and check that the bot sent nothing new in this chat."""
        await asyncio.sleep(seconds)
        unread = self._unread()
        if unread:
            raise AssertionError(
                f"{self.user.first_name} expected silence in chat {self.chat_id} "
                f"but the bot sent: {unread}"
            )

    def skip_unread(self) -> None:
        """Mark every bot message, edit and answer so far as read."""
        self._next_message = len(self.chat.bot_message_ids)
        self._next_edit = len(self.chat.edit_log)
        self._next_answer = len(self.user.callback_answers)

    @staticmethod
    def buttons(message: EmuMessage) -> list[str]:
        """Return the inline button labels of a message, row by row."""
        return message.button_labels()

    # --- descriptions for assertion messages ---------------------------------------------

    def _unread(self) -> list[str]:
        ids = self.chat.bot_message_ids[self._next_message :]
        return [describe(self.chat.messages[message_id]) for message_id in ids]

    def _recent_messages(self) -> list[str]:
        ids = self.chat.bot_message_ids[-SHOWN_MESSAGES:]
        return [describe(self.chat.messages[message_id]) for message_id in ids]

    def _recent_buttons(self) -> list[list[str]]:
        ids = self.chat.bot_message_ids[-SHOWN_MESSAGES:]
        return [self.chat.messages[message_id].button_labels() for message_id in ids]


async def run_conversation(
    user: ScriptedUser,
    steps: Iterable[Step],
    *,
    timeout: float = 5.0,  # noqa: ASYNC109 - a plain argument keeps conversation tests short
) -> list[EmuMessage]:
    """Play a table of steps; return the bot messages that were checked.

    Actions: "send" (text), "press" (label), "sticker", "photo" (caption), "voice", "document"
    each followed by expecting the next bot message when an expected substring is given;
    "expect" and "expect_edit" (argument unused); "answer" (callback answer); "silence"
    (argument: seconds, default 0.3). A 4-tuple names the ScriptedUser acting in that step.
    """
    checked: list[EmuMessage] = []
    for number, step in enumerate(steps, start=1):
        actor, action, argument, expected = _unpack(user, step)
        try:
            message = await _play(actor, action, argument, expected, timeout)
        except AssertionError as error:
            raise AssertionError(f"step {number} {step!r}: {error}") from None
        if message is not None:
            checked.append(message)
    return checked


def _unpack(
    default: ScriptedUser, step: Sequence[Any]
) -> tuple[ScriptedUser, str, str | None, str | None]:
    if len(step) == 4:
        return step[0], step[1], step[2], step[3]
    if len(step) == 3:
        return default, step[0], step[1], step[2]
    raise ValueError(f"a step has 3 or 4 parts, not {step!r}")


async def _play(
    actor: ScriptedUser, action: str, argument: str | None, expected: str | None, wait: float
) -> EmuMessage | None:
    if action == "expect":
        return await actor.expect(expected, timeout=wait)
    if action == "expect_edit":
        return await actor.expect_edit(expected, timeout=wait)
    if action == "answer":
        await actor.expect_callback_answer(expected, timeout=wait)
        return None
    if action == "silence":
        await actor.expect_silence(float(argument) if argument else 0.3)
        return None
    await _act(actor, action, argument)
    if expected is None:
        return None
    return await actor.expect(expected, timeout=wait)


async def _act(actor: ScriptedUser, action: str, argument: str | None) -> None:
    if action == "send":
        await actor.send(argument or "")
    elif action == "press":
        await actor.press(argument or "")
    elif action == "sticker":
        await actor.send_sticker()
    elif action == "photo":
        await actor.send_photo(caption=argument)
    elif action == "voice":
        await actor.send_voice()
    elif action == "document":
        await actor.send_document()
    else:
        raise ValueError(f"unknown conversation action {action!r}")
