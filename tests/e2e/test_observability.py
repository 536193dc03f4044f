"""Health, readiness and metrics over HTTP, read the way Docker and Prometheus read them."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from flows.onboarding import Role
from storage.models import OutboxMessage, Timer, utcnow
from storage.outbox import BULK
from tests.conftest import POSTGRES_URL, fresh_database_url
from tests.e2e.support.trajectory import pair_up
from tests.e2e.support.world import World, eventually, running_world

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


async def get(world: World, path: str) -> tuple[int, str]:
    """GET one of the bot's own paths."""
    url = f"http://127.0.0.1:{world.app.web.port}{path}"
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        return response.status, await response.text()


async def scrape(world: World) -> Samples:
    """Every sample of /metrics, keyed by name and sorted labels."""
    status, body = await get(world, "/metrics")
    assert status == 200
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(body)
        for sample in family.samples
    }


async def test_metrics_count_the_traffic_that_happened(world: World) -> None:
    codes = await world.cohort("Meten 1")
    ada = world.person("Ada")
    await world.join(ada, codes[Role.STUDENT])  # a message and two button presses
    world.emulator.inject_fault("sendMessage", chat_id=ada.chat_id, kind="server_error")
    await ada.send("/help")
    await ada.expect("Meten 1")  # after one 5xx and a retry
    world.emulator.inject_fault("sendMessage", chat_id=ada.chat_id, kind="flood")
    await ada.send("/help")
    await ada.expect("Meten 1")  # after one 429 and the wait it asked for
    now = utcnow()
    async with world.app.services.db.transaction() as session:
        # A timer of a kind no version knows stays pending: one just due, one long overdue.
        for minutes in (0, 5):
            due_at = now - timedelta(minutes=minutes)
            session.add(Timer(conversation="user:1", kind="unknown", due_at=due_at))
        tomorrow = now + timedelta(days=1)
        later = {"priority": BULK, "next_attempt_at": tomorrow}
        session.add(OutboxMessage(chat_id=1, method="sendMessage", payload={}, **later))

    async def all_sent() -> bool:
        async with world.app.services.db.sessions() as session:
            pending = select(func.count()).where(
                OutboxMessage.status == "pending", OutboxMessage.chat_id != 1
            )
            return await session.scalar(pending) == 0

    await eventually(all_sent)
    async with world.app.services.db.sessions() as session:
        sent = await session.scalar(select(func.count()).where(OutboxMessage.status == "sent"))
    samples = await scrape(world)

    def value(name: str, **labels: str) -> float:
        return samples.get((name, tuple(sorted(labels.items()))), 0.0)

    assert value("peercoach_updates_received_total", kind="message") == 3
    assert value("peercoach_updates_received_total", kind="callback_query") == 2
    assert value("peercoach_updates_processed_total", kind="message", outcome="done") == 3
    assert value("peercoach_updates_processed_total", kind="callback_query", outcome="done") == 2
    assert value("peercoach_update_processing_seconds_count") == 5
    assert value("peercoach_sends_total", result="ok") == sent
    assert value("peercoach_sends_total", result="5xx") == 1
    assert value("peercoach_sends_total", result="429") == 1
    assert value("peercoach_outbox_backlog", priority="0") == 0
    assert value("peercoach_outbox_backlog", priority=str(BULK)) == 1
    assert value("peercoach_timers_due") == 2
    assert value("peercoach_timers_late") == 1
    assert value("peercoach_active_trajectories") == 0
    await pair_up(world, ["Sanne", "Bram"], kind="reciprocal", cohort="Meten 2")
    paired = await scrape(world)
    assert paired[("peercoach_active_trajectories", ())] == 2  # each coaches the other
    assert value("peercoach_active_rooms") == 0
    # No personal data in labels: only kinds, outcomes, results, priorities and buckets.
    allowed = {"kind", "outcome", "result", "priority", "le"}
    assert {name for _, labels in samples for name, _ in labels} <= allowed
    assert str(ada.chat_id) not in str(samples)


async def test_two_apps_in_one_process_count_separately(database_url: str) -> None:
    async with running_world(database_url) as first:
        codes = await first.cohort("Eerste")
        await first.join(first.person("Bo"), codes[Role.STUDENT])
        counted = await scrape(first)
    async with running_world(database_url) as second:
        fresh = await scrape(second)
    received = "peercoach_updates_received_total"
    assert counted[(received, (("kind", "message"),))] == 1
    assert (received, (("kind", "message"),)) not in fresh


async def test_alive_and_ready_while_running(world: World) -> None:
    assert await get(world, "/healthz") == (200, "ok")
    assert await get(world, "/readyz") == (200, "ok")


async def test_healthz_names_a_stopped_loop(world: World) -> None:
    delivery = next(task for task in world.app._tasks if task.get_name() == "delivery")
    delivery.cancel()
    await asyncio.gather(delivery, return_exceptions=True)
    assert await get(world, "/healthz") == (503, "the delivery loop has stopped")


class TcpRelay:
    """A TCP relay in front of PostgreSQL that the test can cut and restore on one port."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._links: set[asyncio.StreamWriter] = set()

    async def open(self) -> None:
        """Accept connections again (on the same port after a cut)."""
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        """Stop accepting and drop every open connection, as a database that went away."""
        assert self._server is not None
        self._server.close()
        for writer in list(self._links):
            writer.transport.abort()
        await self._server.wait_closed()

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        self._links |= {writer, upstream_writer}
        await asyncio.gather(
            _pipe(reader, upstream_writer), _pipe(upstream_reader, writer), return_exceptions=True
        )
        self._links -= {writer, upstream_writer}


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        writer.transport.abort()


@contextlib.asynccontextmanager
async def relayed_postgres(tmp_path: Path) -> AsyncIterator[tuple[TcpRelay, str]]:
    """A fresh PostgreSQL database reached through a relay the test controls."""
    url = make_url(await fresh_database_url("postgresql", tmp_path))
    relay = TcpRelay(url.host or "127.0.0.1", url.port or 5432)
    await relay.open()
    try:
        relayed = url.set(host="127.0.0.1", port=relay.port)
        yield relay, relayed.render_as_string(hide_password=False)
    finally:
        with contextlib.suppress(AssertionError):
            await relay.cut()


@pytest.mark.skipif(POSTGRES_URL is None, reason="needs TEST_DATABASE_URL (PostgreSQL)")
async def test_readyz_follows_the_database_away_and_back(tmp_path: Path) -> None:
    async with relayed_postgres(tmp_path) as (relay, url), running_world(url) as world:
        assert await get(world, "/readyz") == (200, "ok")
        await relay.cut()
        status, reason = await get(world, "/readyz")
        assert (status, reason.split(" (")[0]) == (503, "the database does not answer")
        assert await get(world, "/healthz") == (200, "ok")  # alive: the loops retry
        status, reason = await get(world, "/metrics")
        assert (status, reason.split(" (")[0]) == (503, "the database does not answer")
        await relay.open()

        async def ready() -> bool:
            return (await get(world, "/readyz"))[0] == 200

        await eventually(ready, seconds=15)


async def test_a_polling_bot_whose_probe_port_is_taken_still_answers(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    # Another program holds the port: the probes are off, the students are still answered.
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        async with running_world(database_url, http_port=port) as world:
            codes = await world.cohort("Poort")
            await world.join(world.person("Bo"), codes[Role.STUDENT])
    assert f"health and metrics are off: 127.0.0.1:{port} cannot be used" in caplog.text
