"""The bot's web server: /healthz, /readyz and /metrics, and the webhook in webhook mode."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from aiohttp import web

from bot.runtime.health import readiness_problem
from bot.runtime.intake import WebhookIntake
from bot.runtime.metrics import LATE_AFTER
from bot.services import Services
from storage import stats

log = logging.getLogger(__name__)

PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8"


class WebServer:
    """One aiohttp server per process; the webhook joins it when there is one."""

    def __init__(
        self,
        services: Services,
        webhook: WebhookIntake | None = None,
        pages: Sequence[Callable[[web.Application, Services], None]] = (),
    ) -> None:
        self.services = services
        self.webhook = webhook
        self.pages = pages  # features with pages of their own (the staff dashboard)
        self._runner: web.AppRunner | None = None
        self.port = 0

    def application(self) -> web.Application:
        """The routes: probes and metrics, plus the webhook path in webhook mode."""
        app = web.Application(client_max_size=1024 * 1024)
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/readyz", self.readyz)
        app.router.add_get("/metrics", self.metrics)
        if self.webhook is not None:
            self.webhook.add_routes(app)
        for add_pages in self.pages:
            add_pages(app, self.services)
        return app

    async def start(self, host: str, port: int) -> None:
        """Listen on host:port (port 0: one the system picks, then found in `self.port`)."""
        self._runner = web.AppRunner(self.application(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        self.services.web_url = self.services.settings.local_url("", self.port)
        log.info("web server listening on %s:%s", host, self.port)

    async def stop(self) -> None:
        """Stop listening (Telegram keeps webhook updates until we are back)."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def healthz(self, request: web.Request) -> web.Response:
        """Alive: every worker loop runs and keeps coming round."""
        problem = self.services.vitals.problem()
        return _answer(problem)

    async def readyz(self, request: web.Request) -> web.Response:
        """Ready: the database answers and the Bot API was reached recently."""
        bot = self.services.bot
        problem = await readiness_problem(
            ping_database=self._ping_database,
            reach=bot.reach,
            probe_api=lambda: bot.call("getMe", {}),
        )
        return _answer(problem)

    async def metrics(self, request: web.Request) -> web.Response:
        """Prometheus text format; the database counts are taken now."""
        now = self.services.clock.now()
        try:
            async with self.services.db.sessions() as session:
                snapshot = await stats.snapshot(session, now=now, late_after=LATE_AFTER)
        except Exception as error:  # a failed scrape says why, rather than stale backlogs
            return _answer(f"the database does not answer ({error.__class__.__name__})")
        body = self.services.metrics.exposition(snapshot)
        return web.Response(body=body, headers={"Content-Type": PROMETHEUS_TEXT})

    async def _ping_database(self) -> None:
        async with self.services.db.sessions() as session:
            await stats.ping(session)


def _answer(problem: str | None) -> web.Response:
    if problem is None:
        return web.Response(text="ok")
    return web.Response(status=503, text=problem)
