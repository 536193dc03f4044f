"""Nothing accepted is lost: webhook mode, timers across restarts, and a SIGKILL mid-stream."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from datetime import timedelta

import aiohttp
from sqlalchemy import func, select, text
from tgemulator import ScriptedUser, running_emulator

from bot.app import PeerCoach
from bot.runtime.intake import SECRET_HEADER
from bot.runtime.turn import Turn
from flows.onboarding import Role
from storage import timers
from storage.db import Database
from storage.models import InboxUpdate, OutboxMessage, utcnow
from storage.timers import DueTimer
from tests.e2e.support.world import app_settings, eventually, running_world


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_webhook_mode_joins_and_refuses_a_wrong_secret(database_url: str) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    async with running_world(
        database_url, webhook_url=url, webhook_listen="127.0.0.1", webhook_port=port
    ) as world:
        assert world.emulator.webhook_url == url
        codes = await world.cohort("Webhook 1")
        mia = world.person("Mia")
        await world.join(mia, codes[Role.STUDENT])
        await mia.send("/help")
        await mia.expect("Webhook 1 (leerling)")

        forged = {"update_id": 999_999, "message": {"text": "/help"}}
        async with aiohttp.ClientSession() as http:
            wrong = await http.post(url, json=forged, headers={SECRET_HEADER: "guess"})
            missing = await http.post(url, json=forged)
            health = await http.get(f"http://127.0.0.1:{port}/healthz")
        assert (wrong.status, missing.status, health.status) == (403, 403, 200)
        async with world.app.services.db.sessions() as session:
            assert await session.get(InboxUpdate, 999_999) is None


async def test_a_timer_fires_after_a_restart(database_url: str) -> None:
    async with running_emulator() as emulator:
        settings = app_settings(emulator, database_url)
        tim = emulator.add_user("Tim")

        first = PeerCoach(settings, poll_timeout=1)
        await first.start()
        async with first.services.db.transaction() as session:
            await timers.schedule(
                session,
                conversation=f"user:{tim.id}",
                kind="ping",
                payload={"text": "ping!"},
                due_at=utcnow() + timedelta(seconds=1),
            )
        await first.stop()  # goes down before the timer is due

        async def ping(turn: Turn, timer: DueTimer) -> None:
            await turn.send_text(timer.payload["text"])

        second = PeerCoach(settings, poll_timeout=1)
        second.dispatcher.timer_handlers["ping"] = ping
        await second.start()
        try:
            await ScriptedUser(emulator, tim).expect("ping!", timeout=5)
        finally:
            await second.stop()


async def start_bot_process(env: dict[str, str]) -> asyncio.subprocess.Process:
    """`peercoach run` as its own process, as in production."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "from bot.cli.main import main; main(['run'])",
        # Probes and metrics on a port the system picks: the machine may run other bots.
        env={**os.environ, "HTTP_PORT": "0", **env},
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )


async def test_sigkill_mid_stream_loses_no_accepted_update(database_url: str) -> None:
    people, per_person = 40, 3
    async with running_emulator() as emulator:
        env = {
            "TELEGRAM_BOT_TOKEN": emulator.token,
            "TELEGRAM_API_BASE_URL": emulator.base_url,
            "DATABASE_URL": database_url,
            "LOG_LEVEL": "WARNING",
        }
        users = [emulator.add_user(f"Leerling {n}") for n in range(people)]
        processes = [await start_bot_process(env)]
        try:
            for round_number in range(per_person):
                for user in users:
                    emulator.send_text(user, "/start")
                    await asyncio.sleep(0.004)
                if round_number == 0:
                    # Wait until the bot is live and busy, then kill it in the middle of round 1.
                    await emulator.wait_for(
                        lambda: sum(bool(emulator.bot_messages(u.id)) for u in users) >= 5, 30
                    )
                if round_number == 1:
                    processes[-1].send_signal(signal.SIGKILL)  # no warning, no clean-up
                    await processes[-1].wait()
                    processes.append(await start_bot_process(env))

            def answered_everyone() -> bool:
                return all(len(emulator.bot_messages(user.id)) >= per_person for user in users)

            await emulator.wait_for(answered_everyone, 40)
        finally:
            for process in processes:
                if process.returncode is None:
                    process.kill()
                    await process.wait()

        for user in users:
            texts = [m.text or "" for m in emulator.bot_messages(user.id)]
            assert all("uitnodigingslink" in text for text in texts)
            # At most a reply repeated when the kill fell between sending and recording it.
            assert per_person <= len(texts) <= per_person + 2

        db = Database(database_url)

        async def all_done() -> bool:
            async with db.sessions() as session:
                done = await session.scalar(
                    select(func.count())
                    .select_from(InboxUpdate)
                    .where(InboxUpdate.status == "done")
                )
            return done == people * per_person

        await eventually(all_done)
        await db.dispose()


async def test_the_bot_survives_its_database_connections_being_killed(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        return  # SQLite has no server to restart; the loop test covers the mechanism there
    async with running_world(database_url) as world:
        codes = await world.cohort()
        ria = world.person("Ria")
        await world.join(ria, codes[Role.STUDENT])

        async def outbox_settled() -> bool:
            async with world.app.services.db.sessions() as session:
                statuses = (await session.scalars(select(OutboxMessage.status))).all()
            return "pending" not in statuses

        # Killing between a send and its record would repeat a reply (allowed, not tested here).
        await eventually(outbox_settled)
        async with world.app.services.db.engine.connect() as connection:
            await connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
        await ria.send("/help")
        await ria.expect("Wat kun je hier doen?", timeout=15)


async def test_a_second_poller_refuses_to_start_with_one_sentence(database_url: str) -> None:
    async with running_world(database_url) as world:
        second = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            "from bot.cli.main import main; main(['run'])",
            env={
                **os.environ,
                "TELEGRAM_BOT_TOKEN": world.emulator.token,
                "TELEGRAM_API_BASE_URL": world.emulator.base_url,
                "DATABASE_URL": database_url,
            },
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        async with asyncio.timeout(60):
            _, error = await second.communicate()
        assert second.returncode == 2
        assert error.decode().strip() == (
            "peercoach: another program is already polling Telegram with this bot token; "
            "stop it first, or run several processes in webhook mode (WEBHOOK_URL)"
        )
        # The poller that was there first goes on answering.
        mia = world.person("Mia")
        await mia.send("/help")
        await mia.expect("uitnodigingslink")
