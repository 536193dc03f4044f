"""The weekly digest: on Monday morning each cohort's coordinators get its numbers and the first
names of who needs attention, in their own language; students get nothing; never content."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from bot.clock import FakeClock
from storage.models import Timer
from tests.e2e.support.pairing import a_class, in_pool
from tests.e2e.support.world import World, eventually

SATURDAY = datetime(2026, 3, 7, 10, 0, tzinfo=UTC)
MONDAY_9 = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)  # 09:00 in Europe/Brussels


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(SATURDAY)


@pytest.fixture
def world_settings() -> dict[str, Any]:
    """This module's bot sends the Monday digest (other tests leave it off)."""
    return {"weekly_digest": True}


async def digest_due(world: World) -> datetime | None:
    async with world.app.services.db.sessions() as session:
        row = (await session.scalars(select(Timer).where(Timer.name == "dashboard:digest"))).one()
        return row.due_at if row.status == "pending" else None


async def test_coordinators_get_a_weekly_digest_on_monday_morning(world: World) -> None:
    assert await digest_due(world) == MONDAY_9  # planned when the bot started
    klas = await a_class(world, ["Sanne", "Bram"], english=["Ilse"], coordinator="Ilse")
    await in_pool(world, klas["Sanne"], about="Ik teken graag paarden")
    other = await a_class(world, ["Noor"], cohort="6A Elders", coordinator="Kees")
    await in_pool(world, other["Noor"])

    world.move_to(MONDAY_9)
    digest = await klas.coordinator.expect("Weekly summary · 5B Peercoaching", timeout=30)
    text = digest.text or ""
    assert "Members: 2 · in the pairing pool: 1 · paired: 0" in text
    assert "• Sanne: waiting for a partner since 7 Mar 2026" in text
    assert "Bram" not in text and "paarden" not in text and "Noor" not in text
    dutch = await other.coordinator.expect("Weekoverzicht · 6A Elders", timeout=30)
    assert "• Noor: wacht op een partner sinds 07-03-2026" in (dutch.text or "")
    for student in (klas["Sanne"], klas["Bram"], other["Noor"]):
        await student.expect_silence(1)

    async def next_week() -> bool:
        return await digest_due(world) == datetime(2026, 3, 16, 8, 0, tzinfo=UTC)

    await eventually(next_week, seconds=30)
