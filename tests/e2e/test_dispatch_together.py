"""Updates that arrive together are handled in one transaction; one failing spoils none of
the others, and each conversation still goes in the order its updates came."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select

from bot.runtime.incoming import Incoming
from bot.runtime.turn import Turn
from flows.onboarding import Role
from storage.models import InboxUpdate
from tests.e2e.support.world import World, eventually


async def test_many_at_once_one_failing_the_rest_answered_in_order(world: World) -> None:
    codes = await world.cohort()
    people = [world.person(f"Leerling {n}") for n in range(8)]
    for person in people:
        await world.join(person, codes[Role.STUDENT])
    for person in people:
        await person.send("/help")
        await person.expect("Wat kun je hier doen")  # settled: nothing of joining left
    unlucky = people[3]

    app = world.app
    sizes: list[int] = []
    together = app.dispatcher._in_one_transaction

    async def counting(batch: Sequence[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
        sizes.append(len(batch))
        return await together(batch)

    handle = app.router.handle

    async def failing_for_one(turn: Turn, incoming: Incoming) -> None:
        await handle(turn, incoming)  # its replies are queued, then rolled back with the rest
        if incoming.sender is not None and incoming.sender.id == unlucky.user.id:
            raise RuntimeError("a bug that only this student meets")

    app.dispatcher._in_one_transaction = counting  # type: ignore[method-assign]
    app.router.handle = failing_for_one  # type: ignore[method-assign]

    # Written in one go, they reach the bot in one getUpdates answer.
    for person in people:
        world.emulator.send_text(person.user, "Hallo, hoe gaat het?")
        world.emulator.send_text(person.user, "/blabla")
        world.emulator.send_text(person.user, "/help")

    for person in people:
        if person is unlucky:
            continue
        await person.expect("Ik verwacht nu geen tekst van je")
        await person.expect("Dat commando ken ik niet")
        await person.expect("Wat kun je hier doen")
    for _ in range(3):  # each of the three is given up after its own attempts, with an apology
        await unlucky.expect("Oei, daar ging bij mij iets mis", timeout=15)
    assert max(sizes) > 1, f"no batch was handled together: {sizes}"

    async def settled() -> bool:
        async with app.services.db.sessions() as session:
            pending = select(func.count()).where(InboxUpdate.status == "pending")
            return (await session.execute(pending)).scalar_one() == 0

    await eventually(settled)
    for person in people:  # nobody got a reply twice
        assert len(person.chat.bot_message_ids) == person._next_message
