"""The one place that wires PeerCoach together: services, handlers, workers, intake."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from datetime import timedelta
from typing import Any

from bot.clock import Clock, SystemClock
from bot.dashboard import add_pages as dashboard_pages  # the staff dashboard (issue 17)
from bot.handlers import breakout as breakouts  # breakouts of a class group (issue 16)
from bot.handlers import (
    cohort_time,  # a cohort's own time zone and quiet hours (issue 11)
    cohorts,
    dashboard,  # /dashboard sends a sign-in link (issue 17)
    groups,
    help,
    members,
    menus,  # the "/" menu per role and language (issue 18)
    onboarding,
    pairing,  # coordinators pair peer coaches (issue 4)
    practice,  # practising with a scripted coachee (issue 16)
    privacy,  # the notice, download and erase; retention (issue 14)
    safety,  # the worry route and the confidant (issue 13)
    teach,  # teachers and their peer coaches (issue 16)
    trajectory,  # peer-coaching trajectories (issue 3)
)
from bot.handlers import room as rooms  # group-coaching rooms (issue 5)
from bot.i18n import shared_texts
from bot.runtime.delivery import DeliveryWorker
from bot.runtime.dispatcher import Dispatcher
from bot.runtime.handler_types import TimerHandler
from bot.runtime.intake import PROBE_SECONDS, PollingIntake, WebhookIntake
from bot.runtime.loops import run_forever
from bot.runtime.pacer import Pacer
from bot.runtime.router import Router
from bot.runtime.web import WebServer
from bot.services import Services, make_bot
from bot.settings import Settings
from storage import buttons, inbox, outbox, timers
from storage import dashboard as dashboard_store
from storage.db import Database
from storage.migrate import upgrade_to_head

log = logging.getLogger(__name__)

HOUSEKEEPING_EVERY = timedelta(hours=1)


def build_router() -> Router:
    """All handlers, in the order that matters."""
    router = Router()
    cancellers: list[help.Canceller] = []
    cancel_notes: list[help.Canceller] = []
    # Joining and consent first: every other feature assumes a person who agreed.
    onboarding.register(router)
    privacy.register(router)
    # Help, settings and cancel answer at every point, whatever else is going on.
    help.register(router, cancellers, cancel_notes)
    # The worry route (issue 13): an open line to the confidant takes text before any feature.
    safety.register(router, cancellers)
    # Coordinators' tools.
    cohorts.register(router)
    cohort_time.register(router)
    dashboard.register(router)
    # Pairing (issue 4): before the trajectories, so a profile answer is not relayed to a partner.
    pairing.register(router, cancellers)
    # Breakouts (issue 16): a member's private text goes to their small group, not a partner.
    breakouts.register(router, cancel_notes)
    # Peer-coaching trajectories (issue 3): captures, then the chat relay, for matched students.
    trajectory.register(router, cancellers)
    # Teachers and their peer coaches (issue 16): "ask my teacher" on the coach's card.
    teach.register(router)
    practice.register(router)
    # People blocking or unblocking the bot.
    members.register(router)
    # Group-coaching rooms: their group handlers must come before the groups last resort.
    rooms.register(router)
    # Last resort in groups, after every feature that works there.
    groups.register(router)
    return router


def build_timer_handlers() -> dict[str, TimerHandler]:
    """Timer kinds and what they do (reminders and time boxes register here)."""
    return {
        **rooms.timer_handlers(),  # room time boxes (issue 5)
        **breakouts.timer_handlers(),  # the one time box of all breakout groups (issue 16)
        **trajectory.timer_handlers(),  # trajectory reminders and nudges (issue 3)
        **pairing.timer_handlers(),  # quiet students and pauses in the pairing pool (issue 4)
        **privacy.timer_handlers(),  # the warning and the purge after a cohort ends (issue 14)
        **dashboard.timer_handlers(),  # rounds ended and started from the dashboard (issue 17)
    }


def build_timer_priorities() -> dict[str, int]:
    """Timer kinds whose messages go before bulk: the rest (reminders) waits its turn."""
    return {
        **dict.fromkeys(rooms.timer_handlers(), outbox.NOTICE),  # a room's time box is live
        **dict.fromkeys(breakouts.timer_handlers(), outbox.NOTICE),
        **dict.fromkeys(pairing.timer_handlers(), outbox.NOTICE),
        **dict.fromkeys(dashboard.timer_handlers(), outbox.NOTICE),
    }


class PeerCoach:
    """The running bot: intake stores updates, the dispatcher decides, delivery sends."""

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock | None = None,
        pacer: Pacer | None = None,
        poll_timeout: int = 25,
        probe_seconds: float = PROBE_SECONDS,
    ) -> None:
        self.services = Services(
            settings=settings,
            db=Database(settings.database_url),
            texts=shared_texts(),
            bot=make_bot(settings.token(), settings.telegram_api_base_url),
            clock=clock or SystemClock(),
        )
        self.router = build_router()
        self.delivery = DeliveryWorker(self.services, pacer)
        self.dispatcher = Dispatcher(
            self.services,
            self.router,
            build_timer_handlers(),
            replies=self.delivery,
            timer_priorities=build_timer_priorities(),
            timer_room=self.delivery.timer_room,
        )
        self.webhook: WebhookIntake | None = None
        self.polling: PollingIntake | None = None
        if settings.webhook_url:
            self.webhook = WebhookIntake(self.services, on_stored=self.dispatcher.accept)
        else:
            self.polling = PollingIntake(
                self.services,
                on_stored=self.dispatcher.accept,
                poll_timeout=poll_timeout,
                probe_seconds=probe_seconds,
            )
        # Probes and metrics in both modes; in webhook mode also the webhook itself.
        self.web = WebServer(self.services, self.webhook, pages=(dashboard_pages,))
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        """Migrate, introduce ourselves to Telegram, and start the workers and the web server."""
        await upgrade_to_head(self.services.db)
        await dashboard.plan_digest(self.services)  # the weekly digest to coordinators (issue 17)
        bot = self.services.bot
        await bot.initialize()
        bot.reach.answered()  # getMe just answered
        self.services.bot_username = bot.username
        if self.polling is not None:
            await self.polling.ensure_alone()  # refuses, in one sentence, to poll beside another
        await menus.set_standard_menus(self.services)
        self._spawn(self.dispatcher.run(), "dispatcher")
        self._spawn(self.delivery.run(), "delivery")
        self._spawn(self._housekeeping(), "housekeeping")
        await self._start_web()
        if self.webhook is not None:
            await self.webhook.start()
        elif self.polling is not None:
            self._spawn(self.polling.run(), "polling")
        log.info("PeerCoach is running as @%s", bot.username)

    async def _start_web(self) -> None:
        """Listen for probes (and the webhook); when polling, a taken port only costs the probes."""
        host, port = self.services.settings.web_address()
        try:
            await self.web.start(host, port)
        except OSError as error:
            if self.webhook is not None:
                raise  # without its port a webhook bot hears nothing: startup explains it
            await self.web.stop()
            log.warning(
                "health and metrics are off: %s:%s cannot be used (%s); set HTTP_PORT",
                host,
                port,
                error.strerror or error.__class__.__name__,
            )

    async def stop(self) -> None:
        """Stop taking updates, finish the turns under way, send what is ready, close."""
        await self.web.stop()
        for task in self._tasks:
            if task.get_name() in ("polling", "dispatcher", "housekeeping"):
                task.cancel()
        await self.dispatcher.drain()
        with contextlib.suppress(TimeoutError):
            # What is not sent by then stays in the outbox for the next start.
            async with asyncio.timeout(5):
                await self.delivery.drain()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.delivery.drain()
        await self.services.bot.shutdown()
        await self.services.db.dispose()

    def _spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.create_task(work, name=name)
        task.add_done_callback(_report_crash)
        self._tasks.append(task)
        self.services.vitals.watch(task)

    async def _housekeeping(self) -> None:
        """Forget old rows every hour; a database outage is retried, never the loop's end."""
        await run_forever("housekeeping", self._purge_once, asyncio.Event())

    async def _purge_once(self) -> float:
        """Forget processed updates and sent messages once Telegram can no longer resend them."""
        now = self.services.clock.now()
        async with self.services.db.transaction() as session:
            await inbox.purge_processed(session, older_than=timedelta(days=2), now=now)
            await outbox.purge_sent(session, older_than=timedelta(days=7), now=now)
            await buttons.purge_used(session, older_than=timedelta(days=2), now=now)
            await timers.purge_done(session, older_than=timedelta(days=7), now=now)
            await dashboard_store.purge_expired(session, now=now)
        return HOUSEKEEPING_EVERY.total_seconds()


def _report_crash(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.critical("worker %s stopped: %r", task.get_name(), task.exception())
