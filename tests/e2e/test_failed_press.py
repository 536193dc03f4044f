"""A button press whose handling keeps failing is still answered, once, and apologised for."""

from __future__ import annotations

from dataclasses import replace

from bot.handlers.breakout.card import BREAKOUT_ACTION
from bot.runtime.incoming import Incoming
from bot.runtime.turn import Turn
from flows.onboarding import Role
from storage.models import Button
from tests.e2e.support.conversation import press_when_shown
from tests.e2e.support.rooms import classroom
from tests.e2e.support.world import World, every_press_answered
from tests.e2e.test_breakout_edges import SIX


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


async def test_in_a_group_the_answer_itself_apologises(database_url: str) -> None:
    async with classroom(database_url, names=SIX) as room:

        async def broken(turn: Turn, incoming: Incoming, button: Button) -> None:
            raise RuntimeError("a bug in a handler")

        await room.member("teacher").send("/breakout")
        await press_when_shown(room.watcher, "Incidentmethode")
        await press_when_shown(room.watcher, "Groepjes van 3")
        await room.said("in groepjes van 3")
        router = room.world.app.router
        router.actions[BREAKOUT_ACTION] = replace(router.actions[BREAKOUT_ACTION], handler=broken)
        await room.member("Ana").press("🙋 Ik doe mee")
        answer = await room.member("Ana").expect_callback_answer("Oei, daar ging bij mij iets mis")
        assert not answer.show_alert
        await every_press_answered(room.world)
