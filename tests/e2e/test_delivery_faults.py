"""Errors at their own depth: a 404 or 400 fails one message, a 401 stops the bot once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import OutboxMessage
from tests.e2e.support.world import World, eventually, running_world
from tests.e2e.test_delivery import send


async def outcomes(world: World) -> dict[str, tuple[str, str | None]]:
    """Each queued text (kept in the error for failed rows) by status."""
    async with world.app.services.db.sessions() as session:
        rows = (await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all()
    return {str(row.id): (row.status, row.error) for row in rows}


# A 401 for one call while getMe still works is not a rejected token: that call fails alone.
@pytest.mark.parametrize(
    ("status", "error"), [(404, "Not Found"), (400, "Chat not found"), (401, "Unauthorized")]
)
async def test_a_refused_message_fails_alone(database_url: str, status: int, error: str) -> None:
    async with running_world(database_url) as world:
        ada, bo = world.person("Ada"), world.person("Bo")
        world.emulator.inject_fault("sendMessage", ada.chat_id, "client_error", status=status)
        await send(world, ada.chat_id, "gaat mis")
        await send(world, bo.chat_id, "voor Bo")
        await send(world, ada.chat_id, "daarna wel")

        await bo.expect("voor Bo")
        await ada.expect("daarna wel")

        async def settled() -> bool:
            return [s for s, _ in (await outcomes(world)).values()] == ["failed", "sent", "sent"]

        await eventually(settled)
        first_error = next(iter((await outcomes(world)).values()))[1]
        assert first_error is not None and error in first_error
        assert not world.app.delivery.token_rejected.is_set()
        await ada.expect_silence(0.3)


async def test_a_rejected_token_stops_sending_and_keeps_the_outbox(database_url: str) -> None:
    async with running_world(database_url) as world:
        ada, bo = world.person("Ada"), world.person("Bo")
        await send(world, ada.chat_id, "nog even")
        await ada.expect("nog even")
        world.emulator.token = "7000000000:revoked"  # the owner revoked it at BotFather

        await send(world, ada.chat_id, "niet meer")

        async def rejected() -> bool:
            return world.app.delivery.token_rejected.is_set()

        await eventually(rejected)
        world.emulator.token = world.settings.token()  # Telegram would not take it back; check
        await send(world, bo.chat_id, "ook niet")

        await bo.expect_silence(0.5)
        await ada.expect_silence(0.1)
        statuses = [s for s, _ in (await outcomes(world)).values()]
        assert statuses == ["sent", "pending", "pending"]
