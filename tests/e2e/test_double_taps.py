"""A button that changes state counts once: a double tap, two people pressing one group card,
or a re-delivered press changes state once and is answered once; stale buttons after erasure
get the onboarding answer."""

from __future__ import annotations

from sqlalchemy import func, select
from tgemulator import ScriptedUser

from flows.onboarding import Role
from storage.models import InboxUpdate, OutboxMessage
from tests.e2e.support.conversation import edited_to
from tests.e2e.support.pairing import a_class
from tests.e2e.support.rooms import classroom, running_incident
from tests.e2e.support.trajectory import greeted, pair_up
from tests.e2e.support.world import World, eventually

ALREADY_DONE = "Dit is al gedaan"


def double_tap(person: ScriptedUser, label: str, *others: ScriptedUser) -> None:
    """Press a button twice before the bot can answer (or once each, with others in a group)."""
    chat = person.chat
    message_id = next(
        m for m in reversed(chat.bot_message_ids) if label in chat.messages[m].button_labels()
    )
    pressers = [person, *others] if others else [person, person]
    for presser in pressers:  # no await in between: both are queued before either is handled
        presser.emulator.press_button(presser.user, message_id, chat=chat, label=label)


async def settled(world: World) -> None:
    """Wait until every update so far is processed and every reply sent."""

    async def quiet() -> bool:
        async with world.app.services.db.sessions() as session:
            inbox = await session.scalar(
                select(func.count()).where(InboxUpdate.status == "pending")
            )
            outbox = await session.scalar(
                select(func.count()).where(OutboxMessage.status == "pending")
            )
        return inbox == outbox == 0

    await world.emulator.wait_updates_drained()
    await eventually(quiet)


async def answered_once_then_already_done(world: World, person: ScriptedUser) -> None:
    """Of the two presses, one is answered as usual and the other says it was done already."""
    await settled(world)
    answers = [a.text or "" for a in person.user.callback_answers[-2:]]
    assert [ALREADY_DONE in text for text in answers] == [False, True], answers


async def test_a_double_tapped_time_on_the_plan_card_plans_once(world: World) -> None:
    (sanne, bram), _, _ = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await greeted(sanne, bram)
    await sanne.send("/plan")
    card = await sanne.expect("Wanneer is jullie volgende gesprek?")
    day = sanne.buttons(card)[0]
    double_tap(sanne, day)
    times = await edited_to(sanne, card.message_id, "hoe laat?")
    time = sanne.buttons(times)[0]
    sanne.skip_unread()
    double_tap(sanne, time)
    await answered_once_then_already_done(world, sanne)
    await sanne.expect(f"Gepland: {day}, {time}")
    await bram.expect(f"Sanne plande jullie volgende gesprek: {day}, {time}")
    await sanne.expect_silence(0.5)
    await bram.expect_silence()


async def test_a_double_tapped_consent_joins_once(world: World) -> None:
    codes = await world.cohort()
    mia = world.person("Mia")
    await mia.send(f"/start {codes[Role.STUDENT]}")
    await mia.expect()
    await mia.press("🇳🇱 Nederlands")
    await mia.expect()
    notice = await mia.expect()
    mia.skip_unread()
    double_tap(mia, mia.buttons(notice)[0])
    await answered_once_then_already_done(world, mia)
    await mia.expect("5B Peercoaching")
    await mia.expect_silence(0.5)


async def test_a_double_tapped_erase_erases_once_and_old_buttons_get_the_joining_answer(
    world: World,
) -> None:
    codes = await world.cohort()
    mia = world.person("Mia")
    await world.join(mia, codes[Role.STUDENT])
    await mia.send("/privacy")
    old_card = await mia.expect("privacy")
    await mia.send("/privacy")
    await mia.expect()
    await mia.press("🗑 Wis mijn gegevens")
    await mia.expect("Weet je het zeker?")
    double_tap(mia, "Ja, wis alles")
    await mia.expect("gewist")
    # The erasure forgets the buttons too: the second press meets someone the bot never met.
    await mia.expect("Je bent nog niet aangemeld")
    await mia.expect_silence(0.5)

    # A button on a card from before the erasure: answered, and told how to join again.
    mia.emulator.press_button(
        mia.user, old_card.message_id, chat=mia.chat, label="🗑 Wis mijn gegevens"
    )
    await mia.expect("Je bent nog niet aangemeld")
    await settled(world)
    assert not mia.emulator.open_queries  # every press was answered


async def test_a_double_tapped_join_of_the_pool_asks_once(world: World) -> None:
    group = await a_class(world, ["Ana"])
    ana = group["Ana"]
    await ana.send("/pool")
    await ana.expect("🤝")
    ana.skip_unread()
    double_tap(ana, "🙋 Ik doe mee")
    await answered_once_then_already_done(world, ana)
    await ana.expect()
    await ana.expect()
    await ana.expect_silence(0.5)


async def test_next_step_pressed_twice_and_by_two_people_moves_the_room_once(
    database_url: str,
) -> None:
    async with classroom(database_url) as room:
        await running_incident(room)
        await room.settled()
        teacher, eva = room.member("teacher"), room.member("Eva")
        double_tap(teacher, "⏭ Volgende stap")
        double_tap(teacher, "⏭ Volgende stap", eva)
        await room.said("Stap 2 van 7: Wat er gebeurde")
        await room.settled()
        said = [room.group.messages[m].text or "" for m in room.group.bot_message_ids]
        assert not any("Stap 3 van 7" in text for text in said)
        await room.status_shows("Stap 2/7")
