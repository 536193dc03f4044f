"""An unreachable Bot API is logged once a minute, and a stuck loop makes the process unhealthy."""

from __future__ import annotations

import asyncio
import logging

import pytest
from telegram.error import NetworkError

from bot.runtime.health import BotApiReach, Vitals, readiness_problem


class Ticks:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_an_outage_is_logged_once_a_minute_and_its_end_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ticks = Ticks()
    reach = BotApiReach(ticks)
    caplog.set_level(logging.WARNING, logger="bot.runtime.health")
    for second in (0, 1, 2, 4, 8, 16, 30, 59, 60, 61, 90, 119, 121):
        ticks.now = 100.0 + second
        reach.failed(NetworkError("connection refused"))
    ticks.now = 230.0
    reach.answered()
    assert [record.getMessage() for record in caplog.records] == [
        "the Bot API cannot be reached (NetworkError) for 0s; retrying with backoff",
        "the Bot API cannot be reached (NetworkError) for 60s; retrying with backoff",
        "the Bot API cannot be reached (NetworkError) for 121s; retrying with backoff",
        "the Bot API answers again after 130s",
    ]
    assert reach.recent()
    ticks.now = 230.0 + 121
    assert not reach.recent()


async def test_a_loop_that_stops_coming_round_is_reported() -> None:
    ticks = Ticks()
    vitals = Vitals(ticks)
    task = asyncio.create_task(asyncio.sleep(3600), name="dispatcher")
    vitals.watch(task)
    vitals.beat("dispatcher")
    ticks.now += 119
    assert vitals.problem() is None
    ticks.now += 2
    assert vitals.problem() == "the dispatcher loop has not come round for 121s"
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    assert vitals.problem() == "the dispatcher loop has stopped"


async def test_ready_needs_the_database_and_a_recent_answer_from_telegram() -> None:
    ticks = Ticks()
    reach = BotApiReach(ticks)
    probes: list[str] = []

    async def database_up() -> None:
        return None

    async def database_down() -> None:
        raise ConnectionRefusedError("connection refused")

    async def telegram_down() -> object:
        probes.append("getMe")
        raise NetworkError("connection refused")

    async def telegram_up() -> object:
        probes.append("getMe")
        reach.answered()
        return {"id": 1}

    not_ready = await readiness_problem(
        ping_database=database_down, reach=reach, probe_api=telegram_up
    )
    assert not_ready == "the database does not answer (ConnectionRefusedError)"
    assert (
        await readiness_problem(ping_database=database_up, reach=reach, probe_api=telegram_down)
        == "the Bot API was not reached recently (NetworkError)"
    )
    assert (
        await readiness_problem(ping_database=database_up, reach=reach, probe_api=telegram_up)
        is None
    )
    assert probes == ["getMe", "getMe"]
    ticks.now += 60  # answered a minute ago: no need to ask again
    assert (
        await readiness_problem(ping_database=database_up, reach=reach, probe_api=telegram_down)
        is None
    )
    assert probes == ["getMe", "getMe"]
