"""The delivery worker: reads the outbox, lets the pacer choose what leaves, sends, records."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import uuid
import warnings
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
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
from bot.runtime.pacer import PaceLimits, Pacer
from bot.services import Services
from storage import outbox, people, rooms
from storage.models import Chat

log = logging.getLogger(__name__)

PAGE = 200
MIN_PAGE = 20
MAX_ATTEMPTS = 10
IDLE_POLL_SECONDS = 1.0
REFILL_SECONDS = 0.5  # while bulk calls wait in the outbox: how often to top the pacer up
# While other calls are still out, a call just answered waits this long before its "sent" is
# written, so the answers coming back meanwhile share one transaction (on SQLite every write
# waits for the single writer: one write per sent call halves the bot's ceiling).
GATHER_SECONDS = 0.005
TROUBLE_SECONDS = 5.0  # a send whose outcome could not be handled (the database) waits this long
HARMLESS = ("message is not modified",)
# Flood waits for this many different chats within a second: Telegram limits the whole bot.
GLOBAL_FLOOD_CHATS = 3
TOKEN_REJECTED = "Telegram rejected the bot token (401 Unauthorized); delivery stops"


@dataclass(frozen=True, slots=True)
class Retry:
    """Try a call again first in its chat, after a while (the chat waits meanwhile)."""

    delivery: outbox.Delivery
    after: float


Again = Retry | None  # None: the call is settled (sent, failed, or left to the outbox)


class DeliveryWorker:
    """Hands outbox rows to the pacer and sends what it lets go, each outcome at its own depth."""

    def __init__(self, services: Services, pacer: Pacer | None = None) -> None:
        self.services = services
        per_second = services.settings.delivery_max_per_second
        self.pacer = pacer or Pacer(PaceLimits.telegram(per_second))
        self.token_rejected = asyncio.Event()
        self._wake = asyncio.Event()  # look at the outbox
        self._turn = asyncio.Event()  # the pacer may let a call go
        # Settled but remembered until the next read begins: a read that was already under way
        # may still see such a row as pending.
        self._finished: set[int] = set()
        self._bulk_waiting = False  # the outbox holds bulk calls the pacer had no room for
        self._floods: deque[tuple[float, int]] = deque()
        self._tasks: set[asyncio.Task[None]] = set()
        self._unrecorded: list[outbox.Sent] = []
        self._recording = asyncio.Lock()
        # Who holds a claim: this worker, in this process; leases end when it stops renewing.
        self.owner = uuid.uuid4().hex
        self._renewed_at = self.services.clock.now()

    def wake(self) -> None:
        """New rows were committed: look now."""
        self._wake.set()

    async def claim(self, session: AsyncSession) -> list[outbox.Delivery]:
        """Write the calls a turn queued, claimed for this worker, as the last statement of its
        transaction; `accept` them once it committed."""
        written = await outbox.write_queued(session, owner=self.owner)
        if written.others_wait:
            self.wake()  # they wait behind another process's calls: the poll takes them
        return written.mine

    def accept(self, deliveries: Sequence[outbox.Delivery]) -> None:
        """Take calls claimed in a transaction that committed, without reading them back."""
        for delivery in deliveries:
            self._offer(delivery)

    def timer_room(self) -> int:
        """How many timers that make bulk calls may fire now: as many as delivery can take."""
        return 0 if self._bulk_waiting else self.pacer.bulk_room()

    async def run(self) -> None:
        """Deliver until cancelled, or until Telegram rejects the token."""
        beat = self.services.vitals.beat
        reading = asyncio.ensure_future(
            run_forever("delivery", self._read_once, self._wake, beat=beat)
        )
        try:
            await self._pace()
        finally:
            reading.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reading

    async def drain(self) -> None:
        """Wait for the sends under way (used when stopping)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    # --- reading the outbox ----------------------------------------------------------------

    def _offer(self, delivery: outbox.Delivery) -> None:
        """Queue a call unless it is settled, or bulk beyond what memory holds (it stays)."""
        if delivery.id in self._finished or delivery.id in self.pacer.ids:
            return
        if delivery.priority >= outbox.BULK and self.pacer.bulk_room() <= 0:
            self._bulk_waiting = True  # a later read brings it in
            return
        self.pacer.add(delivery)
        self._turn.set()

    async def _read_once(self) -> float:
        """Bring due calls to the pacer; return how long to idle."""
        now = self.services.clock.now()
        self._finished.clear()  # their outcome was committed before this read
        await self._flush()
        self.pacer.forget_quiet()
        known = _Known(self.pacer.ids, self._finished)
        # Bulk rows beyond the pacer's room would only be read to be left: read about that many.
        page = max(MIN_PAGE, min(PAGE, self.pacer.bulk_room()))
        async with self.services.db.sessions() as session:
            # A plain session, not db.transaction(): on SQLite this only reads (one process,
            # no claims), and must not wait behind the writers it would block.
            if now - self._renewed_at >= outbox.LEASE / 3 and not self.services.db.is_sqlite:
                await outbox.renew_claims(session, owner=self.owner, now=now)
                self._renewed_at = now
            rows = await outbox.claim_due(
                session, owner=self.owner, now=now, limit=page, exclude=known
            )
            await session.commit()
            upcoming = None if rows else await outbox.next_due_at(session, after=now)
        self._bulk_waiting = False
        for row in rows:
            self._offer(row)
        if self._bulk_waiting:
            return REFILL_SECONDS
        if len(rows) == page:
            return 0.0  # more may be due right now
        if rows:
            return IDLE_POLL_SECONDS  # turns hand over what they queue; this read is the net
        if upcoming is None:
            return IDLE_POLL_SECONDS
        return min(IDLE_POLL_SECONDS, max(0.01, (upcoming - now).total_seconds()))

    # --- sending ---------------------------------------------------------------------------

    async def _pace(self) -> None:
        """Start each call the moment the pacer lets it go; sleep until the next may."""
        while not self.token_rejected.is_set():
            self._turn.clear()
            got = self.pacer.take()
            if isinstance(got, outbox.Delivery):
                self._spawn(self._send(got))
                continue
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(got):
                    await self._turn.wait()

    def _spawn(self, work: Any) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _send(self, delivery: outbox.Delivery) -> None:
        again: Again = Retry(delivery, TROUBLE_SECONDS)
        try:
            again = await self._attempt(delivery)
        except Exception:
            log.exception("%s to chat %s went wrong", delivery.method, delivery.chat_id)
        finally:
            if again is None:
                self.pacer.done(delivery)
                self._finished.add(delivery.id)
            else:
                self.pacer.again(again.delivery, after=again.after)
            self._turn.set()

    async def _attempt(self, delivery: outbox.Delivery) -> Again:
        try:
            result = await self._call(delivery)
        except RetryAfter as error:
            return self._flood(delivery, error)
        except ChatMigrated as error:
            return await self._migrated(delivery, error.new_chat_id)
        except Forbidden as error:
            return await self._unreachable(delivery, str(error))
        except BadRequest as error:
            return await self._bad_request(delivery, str(error))
        except InvalidToken as error:
            return await self._not_found_or_rejected(delivery, str(error))
        except NetworkError as error:  # 5xx, time-outs, connection problems
            delay = min(60.0, 2.0**delivery.attempts) * random.uniform(0.8, 1.2)
            return await self._retry(delivery, str(error), delay=delay)
        message_id = result.get("message_id") if isinstance(result, dict) else None
        self._unrecorded.append(outbox.Sent(delivery, message_id))
        await self._flush(gather=True)
        return None

    async def _call(self, delivery: outbox.Delivery) -> Any:
        """Make the Bot API call and count how it ended."""
        try:
            result = await self.services.bot.call(delivery.method, delivery.payload)
        except TelegramError as error:
            self.services.metrics.sent(error)
            raise
        finally:
            # Telegram has counted it by now: its windows start here, not after the recording.
            self.pacer.answered(delivery)
        self.services.metrics.sent(None)
        return result

    async def _flush(self, *, gather: bool = False) -> None:
        """Record the calls sent so far; calls sent meanwhile share the write."""
        async with self._recording:
            if gather and 0 < len(self._unrecorded) < self.pacer.in_flight:
                await asyncio.sleep(GATHER_SECONDS)  # others are out: their answers join in
            # Whoever holds the lock writes every call sent so far, so under load one commit
            # records many; a caller whose call was written by another finds nothing left.
            batch, self._unrecorded = self._unrecorded, []
            if not batch:
                return
            try:
                await self._record_sent(batch)
            except BaseException:
                self._unrecorded[:0] = batch  # the next caller tries again; none is lost
                raise

    async def _record_sent(self, batch: list[outbox.Sent]) -> None:
        """Without names to remember, recording is one statement: no transaction needed."""
        db, now = self.services.db, self.services.clock.now()
        if not any(sent.delivery.remember_as for sent in batch):
            async with db.autocommit() as connection:
                await outbox.mark_sent(connection, sent=batch, now=now)
            return
        async with db.transaction() as session:
            await outbox.mark_sent(session, sent=batch, now=now)
            await outbox.remember_sent(session, sent=batch, now=now)

    # --- outcomes at their own depth -------------------------------------------------------

    def _flood(self, delivery: outbox.Delivery, error: RetryAfter) -> Again:
        """Hold that chat; the whole bot only when several chats hear it at once."""
        with warnings.catch_warnings():
            # PTB 22 warns that retry_after becomes a timedelta; both forms are handled here.
            warnings.simplefilter("ignore")
            seconds = error.retry_after
        wait = seconds.total_seconds() if isinstance(seconds, timedelta) else float(seconds)
        now = time.monotonic()
        floods = self._floods
        floods.append((now, delivery.chat_id))
        while floods and floods[0][0] < now - 1.0:
            floods.popleft()
        if len({chat for _, chat in floods}) >= GLOBAL_FLOOD_CHATS:
            log.warning("flood wait of %.0fs for the whole bot", wait)
            self.pacer.hold_all(wait)
        else:
            log.info("flood wait of %.0fs for chat %s", wait, delivery.chat_id)
        return Retry(delivery, wait)

    async def _migrated(self, delivery: outbox.Delivery, new_chat_id: int) -> Again:
        log.info("chat %s moved to %s", delivery.chat_id, new_chat_id)
        async with self.services.db.transaction() as session:
            await outbox.move_chat(session, old_chat_id=delivery.chat_id, new_chat_id=new_chat_id)
            chat = await session.get(Chat, delivery.chat_id)
            if chat is not None:
                chat.migrated_to = new_chat_id
        self.pacer.drop_chat(delivery.chat_id)  # read again, addressed to the new chat
        self.wake()
        return None

    async def _unreachable(self, delivery: outbox.Delivery, error: str) -> Again:
        now = self.services.clock.now()
        async with self.services.db.transaction() as session:
            await outbox.fail_chat(session, chat_id=delivery.chat_id, error=error)
            if delivery.chat_id > 0:
                await people.mark_unreachable(session, user_id=delivery.chat_id, now=now)
            else:
                await rooms.mark_bot_removed(session, chat_id=delivery.chat_id, now=now)
        self.pacer.drop_chat(delivery.chat_id)
        return None

    async def _bad_request(self, delivery: outbox.Delivery, error: str) -> Again:
        if any(phrase in error for phrase in HARMLESS):
            self._unrecorded.append(outbox.Sent(delivery, None))
            await self._flush()
            return None
        return await self._fail(delivery, error)

    async def _not_found_or_rejected(self, delivery: outbox.Delivery, error: str) -> Again:
        """PTB reports 401 and 404 alike: getMe tells a rejected token from a missing target."""
        try:
            await self.services.bot.call("getMe", {})
        except InvalidToken:
            if not self.token_rejected.is_set():
                log.critical(TOKEN_REJECTED)
                self.token_rejected.set()
            return Retry(delivery, TROUBLE_SECONDS)  # it stays in the outbox for the next start
        except TelegramError as trouble:
            return await self._retry(delivery, str(trouble), delay=TROUBLE_SECONDS)
        return await self._fail(delivery, error)

    async def _fail(self, delivery: outbox.Delivery, error: str) -> Again:
        """Give up on this call alone; the chat and everyone else go on."""
        log.warning("%s to chat %s refused: %s", delivery.method, delivery.chat_id, error)
        async with self.services.db.transaction() as session:
            await outbox.mark_failed(session, delivery_id=delivery.id, error=error)
        return None

    async def _retry(self, delivery: outbox.Delivery, error: str, *, delay: float) -> Again:
        if delivery.attempts + 1 >= MAX_ATTEMPTS:
            log.error("giving up on %s to chat %s: %s", delivery.method, delivery.chat_id, error)
            async with self.services.db.transaction() as session:
                await outbox.mark_failed(session, delivery_id=delivery.id, error=error)
            return None
        at = self.services.clock.now() + timedelta(seconds=delay)
        async with self.services.db.transaction() as session:
            await outbox.retry_later(session, delivery_id=delivery.id, at=at, error=error)
        return Retry(replace(delivery, attempts=delivery.attempts + 1), delay)


class _Known:
    """The ids a read must leave out, looked up live: the pacer's and those just settled."""

    def __init__(self, held: set[int], settled: set[int]) -> None:
        self.held = held
        self.settled = settled

    def __contains__(self, item: object) -> bool:
        return item in self.held or item in self.settled

    def __len__(self) -> int:
        return len(self.held) + len(self.settled)

    def __iter__(self) -> Any:
        return iter(self.held | self.settled)
