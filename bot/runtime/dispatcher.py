"""Processes stored updates and due timers: one at a time per conversation, many at once overall."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.runtime.handler_types import TimerHandler
from bot.runtime.incoming import Incoming, Kind, conversation_key, parse
from bot.runtime.locks import KeyedLocks
from bot.runtime.loops import run_forever
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from bot.services import Services
from flows.onboarding import preselected_language
from storage import inbox, outbox, people, timers
from storage.models import User

log = logging.getLogger(__name__)

BATCH = 200
TOGETHER = 50  # the most updates handled in one transaction
IDLE_POLL_SECONDS = 1.0


class Replies(Protocol):
    """Where a turn's calls go: claimed in its transaction, accepted once that committed."""

    async def claim(self, session: AsyncSession) -> list[outbox.Delivery]: ...

    def accept(self, deliveries: Sequence[outbox.Delivery]) -> None: ...


class WaitsForEarlier(Exception):
    """An earlier update of the conversation is not processed yet: this one waits its turn."""


class Dispatcher:
    """Turns inbox rows and due timers into turns, serialised per conversation."""

    def __init__(
        self,
        services: Services,
        router: Router,
        timer_handlers: dict[str, TimerHandler],
        replies: Replies,
        timer_priorities: Mapping[str, int] | None = None,
        timer_room: Callable[[], int] | None = None,
    ) -> None:
        self.services = services
        self.router = router
        self.timer_handlers = timer_handlers
        self.replies = replies
        # Timer kinds not listed make bulk messages; they fire only as fast as delivery takes
        # them (timer_room), so a burst of reminders waits in the timers table, not in memory.
        self.timer_priorities = timer_priorities or {}
        self.timer_room = timer_room or (lambda: BATCH)
        self.locks = KeyedLocks()
        self.capacity = asyncio.Semaphore(64)
        self._wake = asyncio.Event()
        self._updates_in_flight: set[int] = set()
        self._timers_in_flight: set[int] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        # Until the first look at the inbox, older pending updates may exist: they go first.
        self._caught_up = False

    def wake(self) -> None:
        """Look for work now (new updates were stored, or the clock moved)."""
        self._wake.set()

    def accept(self, updates: Sequence[dict[str, Any]]) -> None:
        """Process updates the intake just committed, without reading them back."""
        if not self._caught_up:
            self.wake()  # the first look at the inbox takes them, in order with older ones
            return
        self._start_updates_of([(update["update_id"], update) for update in updates])

    async def run(self) -> None:
        """Dispatch until cancelled."""
        beat = self.services.vitals.beat
        await run_forever("dispatcher", self._dispatch_once, self._wake, beat=beat)

    async def _dispatch_once(self) -> float:
        # One session asks for both kinds of work: a session costs a connection round trip.
        async with self.services.db.sessions() as session:
            updates = await self._start_updates(session)
            timers_started = await self._start_timers(session)
        self._caught_up = self._caught_up or updates < BATCH  # else older ones remain
        # The intake hands new updates over; this look is the net (restarts, failed attempts).
        return 0.0 if BATCH in (updates, timers_started) else IDLE_POLL_SECONDS

    async def drain(self) -> None:
        """Wait for the turns under way (used when stopping)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    def _spawn(self, work: Awaitable[None]) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _start_updates(self, session: AsyncSession) -> int:
        pending = await inbox.pending(session, limit=BATCH, exclude=self._updates_in_flight)
        self._start_updates_of(pending)
        return len(pending)

    def _start_updates_of(self, updates: Sequence[tuple[int, dict[str, Any]]]) -> None:
        """Start the updates not under way yet, several to a transaction when many wait."""
        fresh = [(i, payload) for i, payload in updates if i not in self._updates_in_flight]
        self._updates_in_flight.update(i for i, _ in fresh)
        for start in range(0, len(fresh), TOGETHER):
            self._spawn(self._process_updates(fresh[start : start + TOGETHER]))

    async def _start_timers(self, session: AsyncSession) -> int:
        # Only kinds this process knows: a timer from a newer version waits for that version.
        kinds = self.timer_handlers.keys()
        prompt = [kind for kind in kinds if kind in self.timer_priorities]
        bulk = [kind for kind in kinds if kind not in self.timer_priorities]
        started = await self._start_timers_of(session, prompt, BATCH)
        # Timers under way count against the room: their messages are not queued yet.
        bulk_under_way = len(self._timers_in_flight) - started
        room = min(BATCH, self.timer_room() - bulk_under_way)
        return started + (await self._start_timers_of(session, bulk, room) if room > 0 else 0)

    async def _start_timers_of(self, session: AsyncSession, kinds: list[str], limit: int) -> int:
        if not kinds:
            return 0
        due = await timers.due(
            session,
            now=self.services.clock.now(),
            kinds=kinds,
            limit=limit,
            exclude=self._timers_in_flight,
        )
        for timer in due:
            self._timers_in_flight.add(timer.id)
            self._spawn(self._process_timer(timer))
        return len(due)

    async def _process_updates(self, batch: Sequence[tuple[int, dict[str, Any]]]) -> None:
        """Process updates in one transaction; when that fails, each again in its own."""
        try:
            keys = {conversation_key(payload) for _, payload in batch}
            async with self.locks.hold_all(keys), self.capacity:
                if len(batch) > 1 and await self._together(batch):
                    return
                for update_id, payload in batch:
                    await self._alone(update_id, payload)
        finally:
            self._updates_in_flight.difference_update(i for i, _ in batch)

    async def _together(self, batch: Sequence[tuple[int, dict[str, Any]]]) -> bool:
        """Handle the updates in one transaction; False when it did not commit."""
        started = time.perf_counter()
        try:
            handled = await self._in_one_transaction(batch)
        except Exception as error:
            # One of them failed, waits for an earlier update, or met another process's batch
            # in a deadlock: alone, each succeeds, waits or fails (counted) by itself.
            log.info("%d updates failed together (%r); one by one now", len(batch), error)
            return False
        for payload in handled:
            self._measure(payload, started, failed=False)
        return True

    async def _alone(self, update_id: int, payload: dict[str, Any]) -> None:
        """Handle one update in its own transaction; a failure is counted and may apologise."""
        started = time.perf_counter()
        try:
            handled = await self._in_one_transaction([(update_id, payload)])
        except WaitsForEarlier:
            self.wake()  # a later look takes it once the earlier ones are done
        except Exception as error:
            log.exception("update %s failed", update_id)
            await self._record_failure(update_id, payload, error)
            self._measure(payload, started, failed=True)
        else:
            for each in handled:
                self._measure(each, started, failed=False)

    async def _in_one_transaction(
        self, batch: Sequence[tuple[int, dict[str, Any]]]
    ) -> list[dict[str, Any]]:
        """Lock, claim and handle the updates, committing all or none; returns those handled.

        Under load the intake stores a hundred updates at once: one transaction for them all
        spares a commit, a claim, a lock and a user lookup per update.
        """
        db = self.services.db
        payloads = dict(batch)
        conversations = {i: conversation_key(payload) for i, payload in batch}
        async with self._transaction() as session:
            await db.lock_conversations(session, conversations.values())
            now = self.services.clock.now()
            claim = await inbox.claim(session, conversations=conversations, now=now)
            if claim.waiting:
                raise WaitsForEarlier  # undoes the claims; a later look retries
            mine = [(i, payloads[i]) for i in sorted(claim.update_ids)]
            parsed = [parse(payload) for _, payload in mine]
            senders = [each.sender.id for each in parsed if each.sender]
            await people.load_users(session, user_ids=senders)  # one query, not one each
            for each in parsed:
                await self._handle_update(session, each)
        return [payload for _, payload in mine]

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[AsyncSession]:
        """A turn's transaction; its replies are claimed last in it and handed to delivery
        once it committed, while the conversations are still held, so they stay in order."""
        async with self.services.db.transaction() as session:
            yield session
            claimed = await self.replies.claim(session)
        self.replies.accept(claimed)

    def _measure(self, payload: dict[str, Any], started: float, *, failed: bool) -> None:
        seconds = time.perf_counter() - started
        self.services.metrics.processed(payload, seconds=seconds, failed=failed)

    async def _handle_update(self, session: AsyncSession, incoming: Incoming) -> None:
        user = (
            await people.get_user(session, user_id=incoming.sender.id) if incoming.sender else None
        )
        if user is not None and incoming.sender is not None:
            await people.refresh_profile(
                session,
                user=user,
                first_name=incoming.sender.first_name,
                username=incoming.sender.username,
            )
            if incoming.private and incoming.kind is not Kind.MEMBER:
                # Writing to the bot means it is not blocked; block and unblock events say so
                # themselves (bot/handlers/members.py).
                await people.mark_reachable(session, user=user)
        default = self.services.settings.default_language
        language = (user.language if user else None) or _sender_language(incoming, default)
        turn = Turn(
            self.services,
            session,
            self.services.clock.now(),
            chat_id=incoming.chat_id,
            sender=incoming.sender,
            user=user,
            language=language,
        )
        turn.callback_query_id = incoming.callback_id or None
        await self.router.handle(turn, incoming)

    async def _record_failure(
        self, update_id: int, payload: dict[str, Any], error: Exception
    ) -> None:
        """Count the failure; after the last attempt, apologise instead of going silent."""
        incoming = parse(payload)
        now = self.services.clock.now()
        async with self._transaction() as session:
            gave_up = await inbox.record_failure(
                session, update_id=update_id, error=repr(error), now=now
            )
            language = _sender_language(incoming, self.services.settings.default_language)
            if gave_up and incoming.private and incoming.chat_id:
                text = self.services.texts.get(language, "fallback.error")
                await outbox.enqueue(
                    session,
                    chat_id=incoming.chat_id,
                    method="sendMessage",
                    payload={"chat_id": incoming.chat_id, "text": text, "parse_mode": "HTML"},
                    now=now,
                )
            if gave_up and incoming.callback_id:
                # The failed attempts answered nothing (their replies were rolled back): stop
                # the spinner once; in a group, where no apology is sent, the answer says it.
                answer: dict[str, Any] = {"callback_query_id": incoming.callback_id}
                if not incoming.private:
                    answer["text"] = self.services.texts.plain(language, "fallback.error")[:200]
                await outbox.enqueue(
                    session,
                    chat_id=incoming.chat_id,
                    method="answerCallbackQuery",
                    payload=answer,
                    now=now,
                )

    async def _process_timer(self, timer: timers.DueTimer) -> None:
        db = self.services.db
        try:
            async with (
                self.locks.hold(timer.conversation),
                self.capacity,
                self._transaction() as session,
            ):
                if not await timers.claim(session, timer=timer):
                    return
                await db.lock_conversation(session, timer.conversation)
                handler = self.timer_handlers[timer.kind]
                await handler(await self._timer_turn(session, timer), timer)
                await timers.mark_fired(session, timer=timer, now=self.services.clock.now())
        except Exception:
            log.exception("timer %s (%s) failed; it stays pending", timer.id, timer.kind)
            await asyncio.sleep(1)  # do not spin on a timer that keeps failing
        finally:
            self._timers_in_flight.discard(timer.id)

    async def _timer_turn(self, session: AsyncSession, timer: timers.DueTimer) -> Turn:
        kind, _, ident = timer.conversation.partition(":")
        chat_id = int(ident) if kind in ("user", "chat") and ident.lstrip("-").isdigit() else 0
        user: User | None = None
        if kind == "user":
            user = await people.get_user(session, user_id=chat_id)
        return Turn(
            self.services,
            session,
            self.services.clock.now(),
            chat_id=chat_id,
            user=user,
            language=user.language if user else None,
            priority=self.timer_priorities.get(timer.kind, outbox.BULK),
        )


def _sender_language(incoming: Incoming, default: str) -> str:
    """The sender's Telegram language when we speak it (for people not yet joined)."""
    return preselected_language(incoming.sender.language_code if incoming.sender else None, default)
