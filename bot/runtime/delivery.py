"""The delivery worker: sends outbox rows in order per chat, within Telegram's limits."""

from __future__ import annotations

import asyncio
import enum
import logging
import random
import warnings
from collections import deque
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.runtime.loops import run_forever
from bot.runtime.ratelimit import RateLimiter
from bot.services import Services
from storage import outbox, people, rooms
from storage.models import Chat

log = logging.getLogger(__name__)

BATCH = 500
MAX_ATTEMPTS = 10
IDLE_POLL_SECONDS = 1.0
NOT_COUNTED = frozenset({"answerCallbackQuery", "setMyCommands", "getChat", "getChatMember"})
HARMLESS = ("message is not modified",)


class Next(enum.Enum):
    """What a chat's queue does after one call."""

    CONTINUE = "continue"
    STOP = "stop"


class DeliveryWorker:
    """Claims due outbox rows and sends them, one chat at a time in order, many chats at once."""

    def __init__(self, services: Services, limiter: RateLimiter | None = None) -> None:
        self.services = services
        self.limiter = limiter or RateLimiter()
        self._wake = asyncio.Event()
        self._queues: dict[int, deque[outbox.Delivery]] = {}
        self._in_flight: set[int] = set()
        # Done (sent, failed or put off) but kept in flight until the next poll begins: a poll
        # that was already reading may still see such a row as pending.
        self._finished: set[int] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._unrecorded: list[outbox.Sent] = []
        self._recording = asyncio.Lock()

    def wake(self) -> None:
        """New rows were committed: look now."""
        self._wake.set()

    def accept(self, deliveries: Sequence[outbox.Delivery]) -> None:
        """Send calls a turn just committed, without reading them back from the database."""
        for delivery in deliveries:
            self._queue(delivery)

    async def run(self) -> None:
        """Deliver until cancelled."""
        beat = self.services.vitals.beat
        await run_forever("delivery", self._deliver_once, self._wake, beat=beat)

    async def _deliver_once(self) -> float:
        """Start sending what is due; return how long to idle when nothing was."""
        now = self.services.clock.now()
        self._in_flight -= self._finished  # their outcome was committed before this read
        self._finished.clear()
        async with self.services.db.sessions() as session:
            rows = await outbox.due(session, now=now, limit=BATCH, exclude=self._in_flight)
            upcoming = None if rows else await outbox.next_due_at(session, after=now)
        for row in rows:
            self._queue(row)
        if len(rows) == BATCH:
            return 0.0  # more may be due right now
        if rows:
            return IDLE_POLL_SECONDS  # turns hand over what they queue; this poll is the net
        self.limiter.forget_idle()
        if upcoming is None:
            return IDLE_POLL_SECONDS
        return min(IDLE_POLL_SECONDS, max(0.01, (upcoming - now).total_seconds()))

    def _queue(self, delivery: outbox.Delivery) -> None:
        """Line a call up behind its chat's earlier ones (by id: the order they were made)."""
        if delivery.id in self._in_flight:
            return  # handed over and found by the poll as well: it goes out once
        self._in_flight.add(delivery.id)
        queue = self._queues.setdefault(delivery.chat_id, deque())
        later = (i for i, queued in enumerate(queue) if i > 0 and queued.id > delivery.id)
        queue.insert(next(later, len(queue)), delivery)  # never before the one being sent
        if len(queue) == 1:
            self._spawn(self._drain_chat(delivery.chat_id))

    def _spawn(self, work: Any) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        """Wait for the sends under way (used when stopping)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _drain_chat(self, chat_id: int) -> None:
        queue = self._queues[chat_id]
        try:
            while queue:
                delivery = queue[0]
                if delivery.method not in NOT_COUNTED:
                    await self.limiter.acquire(chat_id, interactive=delivery.priority == 0)
                step = await self._send(delivery)
                queue.popleft()
                self._finished.add(delivery.id)
                if step is Next.STOP:
                    break
        finally:
            # Rows left behind are picked up again from the database when they are due.
            left_behind = bool(queue)
            for left in queue:
                self._in_flight.discard(left.id)
            del self._queues[chat_id]
            if left_behind:
                self.wake()  # fetch them again: they go out when they are due

    async def _send(self, delivery: outbox.Delivery) -> Next:
        try:
            result = await self._call(delivery)
        except RetryAfter as error:
            return await self._hold(delivery, error)
        except ChatMigrated as error:
            return await self._migrated(delivery, error.new_chat_id)
        except Forbidden as error:
            return await self._unreachable(delivery, str(error))
        except BadRequest as error:
            return await self._bad_request(delivery, str(error))
        except InvalidToken as error:
            log.critical("Telegram rejected the bot token; delivery waits a minute")
            return await self._retry(delivery, str(error), delay=60.0)
        except NetworkError as error:  # 5xx, time-outs, connection problems
            delay = min(60.0, 2.0**delivery.attempts) * random.uniform(0.8, 1.2)
            return await self._retry(delivery, str(error), delay=delay)
        message_id = result.get("message_id") if isinstance(result, dict) else None
        await self._record(outbox.Sent(delivery, message_id))
        return Next.CONTINUE

    async def _call(self, delivery: outbox.Delivery) -> Any:
        """Make the Bot API call and count how it ended."""
        try:
            result = await self.services.bot.call(delivery.method, delivery.payload)
        except TelegramError as error:
            self.services.metrics.sent(error)
            raise
        self.services.metrics.sent(None)
        return result

    async def _record(self, sent: outbox.Sent) -> None:
        """Record a sent call before its chat goes on; calls sent meanwhile share the write."""
        self._unrecorded.append(sent)
        async with self._recording:
            # Whoever holds the lock writes every call sent so far, so under load one commit
            # records many; a caller whose call was written by another finds nothing left.
            batch, self._unrecorded = self._unrecorded, []
            if not batch:
                return
            try:
                async with self.services.db.transaction() as session:
                    await outbox.mark_sent(session, sent=batch, now=self.services.clock.now())
            except BaseException:
                self._unrecorded[:0] = batch  # the next caller tries again; none is lost
                raise

    async def _hold(self, delivery: outbox.Delivery, error: RetryAfter) -> Next:
        with warnings.catch_warnings():
            # PTB 22 warns that retry_after becomes a timedelta; both forms are handled here.
            warnings.simplefilter("ignore")
            seconds = error.retry_after
        wait = seconds.total_seconds() if isinstance(seconds, timedelta) else float(seconds)
        until = self.services.clock.now() + timedelta(seconds=wait)
        log.info("flood wait of %.0fs for chat %s", wait, delivery.chat_id)
        async with self.services.db.transaction() as session:
            await outbox.hold_chat(session, chat_id=delivery.chat_id, until=until)
        return Next.STOP

    async def _migrated(self, delivery: outbox.Delivery, new_chat_id: int) -> Next:
        log.info("chat %s moved to %s", delivery.chat_id, new_chat_id)
        async with self.services.db.transaction() as session:
            await outbox.move_chat(session, old_chat_id=delivery.chat_id, new_chat_id=new_chat_id)
            chat = await session.get(Chat, delivery.chat_id)
            if chat is not None:
                chat.migrated_to = new_chat_id
        return Next.STOP

    async def _unreachable(self, delivery: outbox.Delivery, error: str) -> Next:
        now = self.services.clock.now()
        async with self.services.db.transaction() as session:
            await outbox.fail_chat(session, chat_id=delivery.chat_id, error=error)
            if delivery.chat_id > 0:
                await people.mark_unreachable(session, user_id=delivery.chat_id, now=now)
            else:
                await rooms.mark_bot_removed(session, chat_id=delivery.chat_id, now=now)
        return Next.STOP

    async def _bad_request(self, delivery: outbox.Delivery, error: str) -> Next:
        async with self.services.db.transaction() as session:
            if any(phrase in error for phrase in HARMLESS):
                sent = [outbox.Sent(delivery, None)]
                await outbox.mark_sent(session, sent=sent, now=self.services.clock.now())
            else:
                log.warning("%s to chat %s refused: %s", delivery.method, delivery.chat_id, error)
                await outbox.mark_failed(session, delivery_id=delivery.id, error=error)
        return Next.CONTINUE

    async def _retry(self, delivery: outbox.Delivery, error: str, *, delay: float) -> Next:
        async with self.services.db.transaction() as session:
            if delivery.attempts + 1 >= MAX_ATTEMPTS:
                log.error(
                    "giving up on %s to chat %s: %s", delivery.method, delivery.chat_id, error
                )
                await outbox.mark_failed(session, delivery_id=delivery.id, error=error)
                return Next.CONTINUE
            at = self.services.clock.now() + timedelta(seconds=delay)
            await outbox.retry_later(session, delivery_id=delivery.id, at=at, error=error)
        return Next.STOP
