"""Which messages had their text edited; Telegram does not mark keyboard-only edits."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from bot.sandbox.emulator import TelegramEmulator

MessageKey = tuple[int, int]


class TextEdits:
    """Watches the emulator's events and remembers messages whose text or file changed."""

    def __init__(self, emulator: TelegramEmulator) -> None:
        self._emulator = emulator
        self._queue = emulator.subscribe()
        self._content: dict[MessageKey, tuple[Any, Any]] = {}
        self._edited: set[MessageKey] = set()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start following events (call from a running event loop)."""
        self._task = asyncio.create_task(self._follow(), name="demo-text-edits")

    async def stop(self) -> None:
        """Stop following events."""
        self._emulator.unsubscribe(self._queue)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def edited(self) -> list[list[int]]:
        """Return [chat_id, message_id] of every message whose text was edited, as JSON."""
        return [[chat_id, message_id] for chat_id, message_id in sorted(self._edited)]

    def note(self, event: dict[str, Any]) -> None:
        """Take one observer event into account."""
        message = event.get("message")
        if not isinstance(message, dict):
            return
        key = (int(message["chat_id"]), int(message["message_id"]))
        content = (message.get("html"), message.get("file_id"))
        if event.get("type") == "edit" and self._content.get(key, content) != content:
            self._edited.add(key)
        self._content[key] = content

    async def _follow(self) -> None:
        while True:
            self.note(await self._queue.get())
