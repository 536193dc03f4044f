"""A button press whose handling keeps failing is still answered, once, and apologised for."""

from __future__ import annotations

from dataclasses import replace

from bot.runtime.incoming import Incoming
from bot.runtime.turn import Turn
from flows.onboarding import Role
from storage.models import Button
from tests.e2e.support.world import World, every_press_answered


async def test_a_press_that_fails_every_time_stops_spinning(world: World) -> None:
    codes = await world.cohort()
    person = world.person("Eva")
    await world.join(person, codes[Role.STUDENT])
    await person.send("/settings")
    card = await person.expect()
    assert person.buttons(card)

    async def broken(turn: Turn, incoming: Incoming, button: Button) -> None:
        raise RuntimeError("a bug in a handler")

    router = world.app.router
    router.actions["lang"] = replace(router.actions["lang"], handler=broken)
    await person.press(person.buttons(card)[0])
    await person.expect("Oei, daar ging bij mij iets mis")
    await every_press_answered(world)
    mine = [a for a in world.emulator.callback_answers if a.message_id == card.message_id]
    assert len(mine) == 1
