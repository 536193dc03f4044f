"""The bot's update queue: long polling with offsets, allowed_updates, and webhook delivery."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
from collections import deque
from collections.abc import Iterable
from typing import Any

import aiohttp

from tgemulator.models import Pulse
from tgemulator.params import ApiError

LOGGER = logging.getLogger(__name__)

# Telegram leaves these out unless they are asked for in allowed_updates.
DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

POLL_CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)


class UpdateQueue:
    """Pending updates in update_id order; confirmed ones are dropped from the front."""

    def __init__(self, first_update_id: int = 500_000_001) -> None:
        self._pending: deque[dict[str, Any]] = deque()
        self._ids = itertools.count(first_update_id)
        self._allowed: frozenset[str] | None = None
        self._poll_generation = 0
        self._closing = False
        self.pulse = Pulse()

    def __len__(self) -> int:
        return len(self._pending)

    def accepts(self, kind: str) -> bool:
        """Tell whether an update of this kind is created under the current allowed_updates."""
        if self._allowed is None:
            return kind not in DEFAULT_EXCLUDED_UPDATES
        return kind in self._allowed

    def set_allowed(self, kinds: Iterable[str] | None) -> None:
        """Apply allowed_updates: None keeps the setting, an empty list restores the default."""
        if kinds is None:
            return
        chosen = frozenset(kinds)
        self._allowed = chosen or None

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update unless allowed_updates filters it out; return it when queued."""
        if not self.accepts(kind):
            return None
        update = {"update_id": next(self._ids), kind: payload}
        self._pending.append(update)
        self.pulse.fire()
        return update

    def confirm(self, offset: int | None) -> None:
        """Forget updates before `offset`; a negative offset keeps only the last -offset ones."""
        pending = self._pending
        if offset is None or offset == 0:
            return
        if offset > 0:
            while pending and pending[0]["update_id"] < offset:
                pending.popleft()
        else:
            while len(pending) > -offset:
                pending.popleft()
        self.pulse.fire()

    def drop_all(self) -> None:
        """Forget every pending update (drop_pending_updates)."""
        self._pending.clear()
        self.pulse.fire()

    def first(self) -> dict[str, Any] | None:
        """Return the oldest pending update without removing it."""
        return self._pending[0] if self._pending else None

    def remove_delivered(self, update: dict[str, Any]) -> None:
        """Drop an update the webhook accepted, if it is still at the front."""
        if self._pending and self._pending[0] is update:
            self._pending.popleft()
            self.pulse.fire()

    def interrupt_polls(self) -> None:
        """Make every waiting getUpdates end with 409, as a newer poll or a webhook does."""
        self._poll_generation += 1
        self.pulse.fire()

    def reopen(self) -> None:
        """Serve long polls normally again after close()."""
        self._closing = False

    def close(self) -> None:
        """Let waiting and future long polls return at once (the server is stopping)."""
        self._closing = True
        self.pulse.fire()

    async def poll(
        self, offset: int | None, limit: int, wait_seconds: float
    ) -> list[dict[str, Any]]:
        """Answer getUpdates: confirm, then return at once or when an update arrives."""
        self.confirm(offset)
        self.interrupt_polls()
        generation = self._poll_generation
        deadline = time.monotonic() + wait_seconds
        while True:
            if generation != self._poll_generation:
                raise ApiError(409, POLL_CONFLICT)
            if self._pending:
                return list(itertools.islice(self._pending, limit))
            if self._closing:
                return []
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            event = self.pulse.current
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)


class WebhookPusher:
    """POSTs pending updates to the webhook one at a time, in order, retrying until 2xx."""

    def __init__(
        self,
        queue: UpdateQueue,
        session: aiohttp.ClientSession,
        *,
        url: str,
        secret_token: str | None,
        first_retry_delay: float = 0.05,
        max_retry_delay: float = 1.0,
    ) -> None:
        self.queue = queue
        self.session = session
        self.url = url
        self.secret_token = secret_token
        self.first_retry_delay = first_retry_delay
        self.max_retry_delay = max_retry_delay
        self.last_error_date: int | None = None
        self.last_error_message: str | None = None
        self.delivered = 0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Begin delivering in the background."""
        self._task = asyncio.create_task(self._run(), name=f"webhook-pusher {self.url}")

    async def stop(self) -> None:
        """Stop delivering; an update in flight stays queued unless it was accepted."""
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None

    async def _run(self) -> None:
        delay = self.first_retry_delay
        headers = (
            {"X-Telegram-Bot-Api-Secret-Token": self.secret_token} if self.secret_token else {}
        )
        while True:
            update = self.queue.first()
            if update is None:
                await self.queue.pulse.current.wait()
                continue
            error = await self._post(update, headers)
            if error is None:
                self.queue.remove_delivered(update)
                self.delivered += 1
                delay = self.first_retry_delay
                continue
            self.last_error_date = int(time.time())
            self.last_error_message = error
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.max_retry_delay)

    async def _post(self, update: dict[str, Any], headers: dict[str, str]) -> str | None:
        try:
            async with self.session.post(
                self.url, json=update, headers=headers, timeout=aiohttp.ClientTimeout(total=10)
            ) as response:
                await response.read()
                if 200 <= response.status < 300:
                    return None
                return f"Wrong response from the webhook: {response.status} {response.reason}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            return f"Connection failed: {exc!r}"
