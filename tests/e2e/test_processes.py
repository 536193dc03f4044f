"""Two `peercoach run` processes on one PostgreSQL, in webhook mode behind a load balancer that
spreads updates over both and sends some to both (as Telegram does after a time-out)."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import func, select, update
from tgemulator import ScriptedUser, TelegramEmulator, running_emulator

from bot.app import PeerCoach
from bot.handlers.trajectory import start_match
from bot.runtime.turn import Turn
from flows.onboarding import Role
from storage import cohorts, matches
from storage.models import InboxUpdate, OutboxMessage, Timer, utcnow
from tests.conftest import POSTGRES_URL, fresh_database_url
from tests.e2e.support.pairing import promised
from tests.e2e.support.trajectory import begin_chat, greeted, plan_first_slot
from tests.e2e.support.world import app_settings, eventually
from tests.e2e.test_durability import free_port

pytestmark = pytest.mark.skipif(
    POSTGRES_URL is None, reason="several processes share PostgreSQL: set TEST_DATABASE_URL"
)

RESENT_SHARE = 0.15
SEED = 11


@dataclass
class Balancer:
    """A load balancer: round robin over the processes, some updates sent to a second one too,
    and an update that one process cannot take goes to the next (it died)."""

    backends: list[str]
    rng: random.Random = field(default_factory=lambda: random.Random(SEED))
    resent: int = 0
    _turn: int = 0

    async def forward(self, request: web.Request) -> web.Response:
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower().startswith("x-telegram")}
        headers["Content-Type"] = "application/json"
        self._turn += 1
        order = self.backends[self._turn % 2 :] + self.backends[: self._turn % 2]
        async with aiohttp.ClientSession() as http:
            for index, backend in enumerate(order):
                try:
                    async with http.post(backend, data=body, headers=headers) as response:
                        status = response.status
                except aiohttp.ClientError:
                    continue
                if status == 200 and index + 1 < len(order) and self.rng.random() < RESENT_SHARE:
                    self.resent += 1
                    await self._also(http, order[index + 1], body, headers)
                return web.Response(status=status)
        return web.Response(status=502)

    @staticmethod
    async def _also(
        http: aiohttp.ClientSession, backend: str, body: bytes, headers: dict[str, str]
    ) -> None:
        try:
            async with http.post(backend, data=body, headers=headers) as response:
                await response.read()
        except aiohttp.ClientError:
            pass


@dataclass
class Cluster:
    """The emulator, the balancer, the bot processes and their logs."""

    emulator: TelegramEmulator
    database_url: str
    balancer: Balancer
    processes: list[asyncio.subprocess.Process]
    logs: list[Path]
    app: PeerCoach  # not started: its services reach the database for setting up

    def person(self, name: str) -> ScriptedUser:
        return ScriptedUser(self.emulator, self.emulator.add_user(name, language_code="nl"))

    def log_text(self) -> str:
        return "\n".join(log.read_text() for log in self.logs)


@asynccontextmanager
async def cluster(tmp_path: Path, processes: int = 2) -> AsyncIterator[Cluster]:
    """Start the processes at the same moment on an empty database; stop everything after."""
    database_url = await fresh_database_url("postgresql", tmp_path)
    async with running_emulator() as emulator:
        ports = [free_port() for _ in range(processes + 1)]
        balancer = Balancer([f"http://127.0.0.1:{port}/telegram" for port in ports[1:]])
        front = web.Application()
        front.router.add_post("/telegram", balancer.forward)
        runner = web.AppRunner(front, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", ports[0]).start()
        env = {
            "TELEGRAM_BOT_TOKEN": emulator.token,
            "TELEGRAM_API_BASE_URL": emulator.base_url,
            "DATABASE_URL": database_url,
            "WEBHOOK_URL": f"http://127.0.0.1:{ports[0]}/telegram",
            "WEBHOOK_LISTEN": "127.0.0.1",
            "LOG_LEVEL": "WARNING",
            # The reminders fire by the real clock: quiet hours must not hold them tonight.
            "TIMEZONE": "UTC",
            "QUIET_HOURS": quiet_hours_far_from_now(),
        }
        logs = [tmp_path / f"bot-{n}.log" for n in range(processes)]
        started = await asyncio.gather(
            *(
                start_process({**env, "WEBHOOK_PORT": str(port)}, log)
                for port, log in zip(ports[1:], logs, strict=True)
            )
        )
        app = PeerCoach(app_settings(emulator, database_url))
        try:
            await eventually(lambda: listening(balancer.backends), seconds=30)
            yield Cluster(emulator, database_url, balancer, list(started), logs, app)
        finally:
            for process in started:
                if process.returncode is None:
                    process.terminate()
                    await process.wait()
            await app.services.db.dispose()
            await runner.cleanup()


def quiet_hours_far_from_now() -> str:
    """An hour of quiet (UTC) that starts six hours from now."""
    start = utcnow() + timedelta(hours=6)
    return f"{start:%H:%M}-{start + timedelta(hours=1):%H:%M}"


async def start_process(env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    """`peercoach run` as its own process, its log in a file."""
    with log.open("wb") as sink:
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            "from bot.cli.main import main; main(['run'])",
            env={**os.environ, **env},
            stdout=asyncio.subprocess.DEVNULL,
            stderr=sink,
        )


async def listening(backends: Sequence[str]) -> bool:
    """Whether every process answers on its web server."""
    async with aiohttp.ClientSession() as http:
        for backend in backends:
            try:
                async with http.get(backend.replace("/telegram", "/healthz")) as response:
                    if response.status != 200:
                        return False
            except aiohttp.ClientError:
                return False
    return True


async def join(person: ScriptedUser, code: str) -> None:
    """The link, a language, consent (as tests.e2e.world.World.join)."""
    await person.send(f"/start {code}")
    await person.expect("In welke taal")
    await person.press("🇳🇱 Nederlands")
    await person.expect()
    notice = await person.expect()
    await person.press(person.buttons(notice)[0])
    await person.expect("Welkom")


async def chatting_pair(setup: Cluster) -> tuple[ScriptedUser, ScriptedUser]:
    """Two students who joined through the processes, paired, in a chat conversation."""
    services = setup.app.services
    async with services.db.transaction() as session:
        cohort = await cohorts.create_cohort(session, name="Klas 3C", created_by=None, now=utcnow())
        invites = await cohorts.create_cohort_invites(session, cohort_id=cohort.id, now=utcnow())
    sanne, bram = setup.person("Sanne"), setup.person("Bram")
    await asyncio.gather(*(join(p, invites[Role.STUDENT].code) for p in (sanne, bram)))
    async with services.db.transaction() as session:
        ids = [sanne.user.id, bram.user.id]
        await promised(session, cohort_id=cohort.id, user_ids=ids, now=utcnow())
        match = await matches.create_match(
            session, cohort_id=cohort.id, kind="one_way", members=ids, now=utcnow()
        )
        await start_match(Turn(services, session, utcnow(), chat_id=0), match.id)
    await greeted(sanne, bram)  # sent by the processes' look at the outbox
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    return sanne, bram


def relayed(person: ScriptedUser, sender: str) -> list[str]:
    """The texts relayed to this person from the sender, in the order they arrived."""
    prefix = f"💬 {sender}: "
    messages = person.emulator.bot_messages(person.chat_id)
    return [m.text[len(prefix) :] for m in messages if m.text and m.text.startswith(prefix)]


async def sent_once_and_in_order(setup: Cluster, people: Sequence[ScriptedUser]) -> None:
    """Every bot message in these chats is an outbox row sent once, in the order of the rows."""
    async with setup.app.services.db.sessions() as session:
        pending = await session.scalar(
            select(func.count()).where(OutboxMessage.status == "pending")
        )
        assert pending == 0
        for person in people:
            rows = await session.scalars(
                select(OutboxMessage.sent_message_id)
                .where(
                    OutboxMessage.chat_id == person.chat_id,
                    OutboxMessage.status == "sent",
                    OutboxMessage.method.in_(("sendMessage", "copyMessage")),
                )
                .order_by(OutboxMessage.id)
            )
            recorded = list(rows)
            shown = [m.message_id for m in setup.emulator.bot_messages(person.chat_id)]
            assert recorded == shown, person.user.first_name


async def all_settled(setup: Cluster) -> bool:
    """No update waits in the inbox and no message in the outbox."""
    async with setup.app.services.db.sessions() as session:
        inbox = await session.scalar(select(func.count()).where(InboxUpdate.status == "pending"))
        outbox = await session.scalar(select(func.count()).where(OutboxMessage.status == "pending"))
    return inbox == 0 and outbox == 0


async def fire_timers_now(setup: Cluster) -> int:
    """Make every pending timer due; returns how many."""
    async with setup.app.services.db.transaction() as session:
        result = await session.execute(
            update(Timer).where(Timer.status == "pending").values(due_at=utcnow())
        )
    return int(result.rowcount)  # type: ignore[attr-defined]  # CursorResult has rowcount


async def test_two_processes_relay_and_reply_exactly_once_and_in_order(tmp_path: Path) -> None:
    async with cluster(tmp_path) as setup:
        sanne, bram = await chatting_pair(setup)
        await sanne.send("/plan")
        await plan_first_slot(sanne, bram, "Gepland")
        lines = 30
        for n in range(lines):  # both write at once, without waiting for the other
            setup.emulator.send_text(sanne.user, f"Sanne zegt {n}")
            setup.emulator.send_text(bram.user, f"Bram zegt {n}")
            await asyncio.sleep(0.01)
        await eventually(lambda: all_settled(setup), seconds=60)
        assert relayed(bram, "Sanne") == [f"Sanne zegt {n}" for n in range(lines)]
        assert relayed(sanne, "Bram") == [f"Bram zegt {n}" for n in range(lines)]

        seen = {p.chat_id: len(setup.emulator.bot_messages(p.chat_id)) for p in (sanne, bram)}
        planned = await fire_timers_now(setup)
        assert planned > 0

        async def timers_fired() -> bool:
            async with setup.app.services.db.sessions() as session:
                left = await session.scalar(
                    select(func.count()).where(Timer.status == "pending", Timer.due_at <= utcnow())
                )
            return left == 0 and await all_settled(setup)

        await eventually(timers_fired, seconds=30)
        await sent_once_and_in_order(setup, [sanne, bram])
        for person in (sanne, bram):  # each timer fired once: no reminder came twice
            reminders = [
                m.text for m in setup.emulator.bot_messages(person.chat_id)[seen[person.chat_id] :]
            ]
            assert reminders and len(reminders) == len(set(reminders)), reminders
        assert setup.balancer.resent > 0
        assert all(process.returncode is None for process in setup.processes)
        assert "Traceback" not in setup.log_text()


async def test_a_killed_process_loses_nothing_and_its_claims_are_taken_over(
    tmp_path: Path,
) -> None:
    async with cluster(tmp_path) as setup:
        sanne, bram = await chatting_pair(setup)
        lines = 40
        for n in range(lines):
            setup.emulator.send_text(sanne.user, f"Regel {n}")
            if n == lines // 2:
                doomed = setup.processes[0]
                doomed.send_signal(signal.SIGKILL)  # no warning, no clean-up
                await doomed.wait()
            await asyncio.sleep(0.02)

        def all_arrived() -> bool:
            return set(relayed(bram, "Sanne")) == {f"Regel {n}" for n in range(lines)}

        # A claim of the killed process comes back when its lease ends.
        await setup.emulator.wait_for(all_arrived, 120)
        arrived = relayed(bram, "Sanne")
        first_seen = list(dict.fromkeys(arrived))
        assert first_seen == [f"Regel {n}" for n in range(lines)]
        # At most a line repeated when the kill fell between sending and recording it.
        assert len(arrived) - len(first_seen) <= 2
        assert setup.processes[1].returncode is None
