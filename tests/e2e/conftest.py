"""The running world most end-to-end tests talk to: emulator plus bot on the test's database."""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot.clock import Clock
from tests.conftest import BACKENDS, fresh_database_url
from tests.e2e.support.journey import Journey
from tests.e2e.support.world import World, running_world


@pytest.fixture
def clock() -> Clock | None:
    """The real clock; a test module overrides this with a FakeClock to move time itself."""
    return None


@pytest.fixture
def world_settings() -> dict[str, Any]:
    """Settings a test module changes (none by default): override this fixture."""
    return {}


@pytest.fixture
async def world(
    database_url: str, clock: Clock | None, world_settings: dict[str, Any]
) -> AsyncIterator[World]:
    """The emulator and the bot, started for one test and stopped after it."""
    async with running_world(database_url, clock=clock, **world_settings) as running:
        yield running


@pytest_asyncio.fixture(scope="module", loop_scope="module", params=BACKENDS)
async def journey_database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> str:
    """An empty database for every stage of a module's journey, on every configured backend.

    The journey owns the PostgreSQL test database while its stages run, so a module with a
    journey defines its other tests before the journey's class (pytest keeps that order).
    """
    folder: Path = tmp_path_factory.mktemp("journey")
    return await fresh_database_url(request.param, folder)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def journey_world(journey_database_url: str) -> AsyncIterator[World]:
    """One world for every stage of a module's journey."""
    async with running_world(journey_database_url) as running:
        yield running


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    """A stage of a journey starts fresh after a failed one and records its own failure."""
    funcargs = getattr(item, "funcargs", {})
    journeys = [value for value in funcargs.values() if isinstance(value, Journey)]
    for journey in journeys:
        journey.resume()
    try:
        return (yield)
    except BaseException:
        for journey in journeys:
            if journey.broken_at is not None:
                note = f"{journey.broken_at} failed first; this stage went on from where it stopped"
                item.add_report_section("call", "journey", note)
            journey.broken_at = journey.broken_at or item.name
        raise
