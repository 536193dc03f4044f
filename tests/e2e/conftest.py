"""The running world most end-to-end tests talk to: emulator plus bot on the test's database."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.clock import Clock
from tests.e2e.world import World, running_world


@pytest.fixture
def clock() -> Clock | None:
    """The real clock; a test module overrides this with a FakeClock to move time itself."""
    return None


@pytest.fixture
async def world(database_url: str, clock: Clock | None) -> AsyncIterator[World]:
    """The emulator and the bot, started for one test and stopped after it."""
    async with running_world(database_url, clock=clock) as running:
        yield running
