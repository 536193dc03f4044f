"""Every kind of button that changes state counts once: the router uses a pressed button up
with its card before any handler runs, so a double tap reaches the handler once and the
second press is told it was done already. The handlers are swapped for counters here; the
other double-tap tests show the same for real cards of each feature."""

from __future__ import annotations

import dataclasses
from collections import Counter

from sqlalchemy import select

from bot.runtime.handler_types import ActionHandler
from bot.runtime.incoming import Incoming
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from storage.models import Button
from tests.e2e.support.world import World, eventually
from tests.e2e.test_double_taps import ALREADY_DONE, double_tap, settled


async def test_every_button_that_changes_state_reaches_its_handler_once(world: World) -> None:
    codes = await world.cohort()
    sanne = world.person("Sanne")
    await world.join(sanne, codes[Role.STUDENT])
    await settled(world)
    sanne.skip_unread()
    before, answered = len(sanne.chat.bot_message_ids), len(sanne.user.callback_answers)

    router, reached = world.app.router, Counter[str]()

    def counting(name: str) -> ActionHandler:
        async def handler(turn: Turn, incoming: Incoming, button: Button) -> None:
            reached[name] += 1
            await turn.answer_text(f"handled {name}")

        return handler

    changing = dict(router.actions)
    for name, action in changing.items():
        router.actions[name] = dataclasses.replace(action, handler=counting(name))

    async with world.app.services.db.transaction() as session:
        turn = Turn(
            world.app.services, session, world.app.services.clock.now(), chat_id=sanne.chat_id
        )
        for name in changing:
            await turn.send_text(f"card {name}", choices=[[Choice(f"press {name}", name)]])
    async with world.app.services.db.sessions() as session:
        tokens = (
            await session.scalars(select(Button).where(Button.chat_id == sanne.chat_id))
        ).all()
    once = {b.action for b in tokens if changing[b.action].once(b)}
    assert len(once) >= 50  # most kinds of button change state

    async def all_cards_arrived() -> bool:
        return len(sanne.chat.bot_message_ids) >= before + len(changing)

    await eventually(all_cards_arrived, seconds=30)
    for name in changing:
        double_tap(sanne, f"press {name}")

    async def every_press_answered() -> bool:
        return len(sanne.user.callback_answers) - answered >= 2 * len(changing)

    await eventually(every_press_answered, seconds=60)
    await settled(world)

    assert {name: reached[name] for name in once} == dict.fromkeys(once, 1)
    answers = [a.text or "" for a in sanne.user.callback_answers[answered:]]
    assert len(answers) == 2 * len(changing)  # every press answered, the second one too
    assert sum(ALREADY_DONE in text for text in answers) == len(once)
